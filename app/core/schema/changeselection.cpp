// SPDX-License-Identifier: Apache-2.0
#include "schema/changeselection.h"

#include "common/error.h"

#include <algorithm>

namespace retort {

namespace {

using Object = SchemaChange::Object;
using Action = SchemaChange::Action;

template <typename T> int indexOf(const QVector<T>& items, const QString& name)
{
    for (int i = 0; i < items.size(); ++i) {
        if (qualifiedName(items.at(i)) == name)
            return i;
    }
    return -1;
}

// Makes `items` hold `to`'s version of the object named `name`, or none when `to` has none.
template <typename T, typename KeyOf>
void takeFrom(QVector<T>& items, const QVector<T>& to, const QString& name, KeyOf keyOf)
{
    const auto matches = [&](const T& item) { return keyOf(item) == name; };
    const auto wanted = std::find_if(to.cbegin(), to.cend(), matches);
    const auto have = std::find_if(items.begin(), items.end(), matches);
    if (wanted == to.cend()) {
        if (have != items.end())
            items.erase(have);
    } else if (have != items.end()) {
        *have = *wanted;
    } else {
        items.append(*wanted);
    }
}

template <typename T> void takeWhole(QVector<T>& items, const QVector<T>& to, const QString& name)
{
    takeFrom(items, to, name, [](const T& item) { return qualifiedName(item); });
}

// A part of a table: `table` is the result's table, `target` the same table in `to`.
void takePart(Table& table, const Table& target, const SchemaChange& change)
{
    switch (change.object) {
    case Object::Column:
        takeFrom(table.columns, target.columns, change.name, [](const Column& c) { return c.name; });
        break;
    case Object::PrimaryKey:
        table.primaryKey = target.primaryKey;
        break;
    case Object::Unique:
        takeFrom(table.uniqueConstraints, target.uniqueConstraints, change.name,
                 [](const UniqueConstraint& u) { return SchemaDiff::partKey(u); });
        break;
    case Object::ForeignKey:
        takeFrom(table.foreignKeys, target.foreignKeys, change.name,
                 [](const ForeignKey& f) { return SchemaDiff::partKey(f); });
        break;
    case Object::Check:
        takeFrom(table.checks, target.checks, change.name,
                 [](const CheckConstraint& c) { return SchemaDiff::partKey(c); });
        break;
    case Object::Index:
        takeFrom(table.indexes, target.indexes, change.name, [](const Index& i) { return i.name; });
        break;
    default:
        break;
    }
}

} // namespace

QStringList ChangeSelection::keys(const SchemaDiff& diff)
{
    QStringList keys;
    for (const SchemaChange& change : diff.changes())
        keys.append(change.key());
    return keys;
}

Schema ChangeSelection::apply(const Schema& from, const Schema& to, const QSet<QString>& keys)
{
    return apply(from, to, SchemaDiff::compare(from, to), keys);
}

Schema ChangeSelection::apply(const Schema& from, const Schema& to, const SchemaDiff& diff,
                              const QSet<QString>& keys)
{
    const QStringList all = ChangeSelection::keys(diff);
    const QSet<QString> known(all.cbegin(), all.cend());
    for (const QString& key : keys) {
        if (!known.contains(key))
            throw Error(ErrorKind::Usage,
                        QStringLiteral("no change named '%1'; the changes are: %2")
                            .arg(key, all.isEmpty() ? QStringLiteral("(none)")
                                                    : all.join(QStringLiteral(", "))));
    }
    if (keys.size() == known.size())
        return to; // everything: exactly the unfiltered migration

    Schema result = from;
    for (const SchemaChange& change : diff.changes()) {
        if (!keys.contains(change.key()))
            continue;
        switch (change.object) {
        case Object::Table:
            if (change.action == Action::Changed) {
                const int at = indexOf(result.tables, change.table);
                const int wanted = indexOf(to.tables, change.table);
                if (at >= 0 && wanted >= 0) {
                    result.tables[at].withoutRowid = to.tables.at(wanted).withoutRowid;
                    result.tables[at].comment = to.tables.at(wanted).comment;
                }
            } else {
                takeWhole(result.tables, to.tables, change.table);
            }
            break;
        case Object::View:
            takeWhole(result.views, to.views, change.table);
            break;
        case Object::Enum:
            takeWhole(result.enums, to.enums, change.table);
            break;
        case Object::Sequence:
            takeWhole(result.sequences, to.sequences, change.table);
            break;
        case Object::Trigger:
            takeWhole(result.triggers, to.triggers, change.table);
            break;
        default: {
            const int at = indexOf(result.tables, change.table);
            const int wanted = indexOf(to.tables, change.table);
            if (at >= 0 && wanted >= 0)
                takePart(result.tables[at], to.tables.at(wanted), change);
            break;
        }
        }
    }
    result.normalize();
    return result;
}

} // namespace retort
