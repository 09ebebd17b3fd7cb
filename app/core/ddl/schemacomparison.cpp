// SPDX-License-Identifier: Apache-2.0
#include "ddl/schemacomparison.h"

#include "ddl/ddlwriter.h"
#include "ddl/schemadependencies.h"
#include "schema/changeselection.h"

#include <QSet>

#include <map>

namespace retort {

namespace {

using Object = SchemaChange::Object;
using Status = ComparedObject::Status;

QString terminated(const QString& statement)
{
    return statement.isEmpty() ? statement : statement + u';';
}

// The DDL of each kind of object, as a reviewer reads it: one clause or option per line.
class ObjectText
{
public:
    explicit ObjectText(const DdlWriter& writer) : m_writer(writer) {}

    QString table(const Table& table) const
    {
        QStringList statements{terminated(m_writer.createTable(table))};
        for (const Index& index : table.indexes)
            statements.append(terminated(m_writer.createIndex(index, table)));
        return statements.join(u'\n');
    }
    QString view(const View& view) const { return terminated(m_writer.createView(view)); }
    QString trigger(const Trigger& trigger) const { return terminated(trigger.definition); }
    QString enumType(const EnumType& type) const
    {
        QStringList labels;
        for (const QString& label : type.labels)
            labels.append(QStringLiteral("    ") + DdlWriter::literal(label));
        return QStringLiteral("CREATE TYPE ") + m_writer.nameOf(type) + QStringLiteral(" AS ENUM (\n") +
               labels.join(QStringLiteral(",\n")) + QStringLiteral("\n);");
    }
    QString sequence(const Sequence& s) const
    {
        QStringList lines{QStringLiteral("CREATE SEQUENCE ") + m_writer.nameOf(s),
                          QStringLiteral("    AS ") + s.type,
                          QStringLiteral("    INCREMENT BY %1").arg(s.increment),
                          QStringLiteral("    MINVALUE %1").arg(s.minValue),
                          QStringLiteral("    MAXVALUE %1").arg(s.maxValue),
                          QStringLiteral("    START WITH %1").arg(s.start),
                          QStringLiteral("    CACHE %1").arg(s.cache),
                          s.cycle ? QStringLiteral("    CYCLE") : QStringLiteral("    NO CYCLE")};
        if (!s.ownedBy.isEmpty())
            lines.append(QStringLiteral("    OWNED BY ") + s.ownedBy);
        return lines.join(u'\n') + u';';
    }

    const DdlWriter& writer() const { return m_writer; }

private:
    const DdlWriter& m_writer;
};

class Builder
{
public:
    Builder(const SchemaDiff& diff, const DdlWriter& writer) : m_text(writer)
    {
        for (const SchemaChange& change : diff.changes()) {
            m_changes.insert(change.key(), &change);
            if (change.object != Object::Table && change.object != Object::View &&
                change.object != Object::Enum && change.object != Object::Sequence &&
                change.object != Object::Trigger)
                m_changedTables.insert(change.table);
        }
    }

    void tables(const QVector<Table>& from, const QVector<Table>& to, QVector<ComparedObject>& out)
    {
        wholeObjects(Object::Table, from, to, out, [this](const Table& t) { return m_text.table(t); });
        for (ComparedObject& object : out) {
            if (object.kind != Object::Table)
                continue;
            const Table* a = find(from, object.key.mid(object.key.indexOf(u':') + 1));
            const Table* b = find(to, object.key.mid(object.key.indexOf(u':') + 1));
            tableParts(a, b, object);
            if (object.status == Status::Identical && m_changedTables.contains(keyName(object)))
                object.status = Status::Different;
        }
    }

    template <typename T, typename Text>
    void wholeObjects(Object kind, const QVector<T>& from, const QVector<T>& to,
                      QVector<ComparedObject>& out, Text text)
    {
        std::map<QString, std::pair<const T*, const T*>> pairs; // by qualified name
        for (const T& item : from)
            pairs[qualifiedName(item)].first = &item;
        for (const T& item : to)
            pairs[qualifiedName(item)].second = &item;
        for (const auto& [name, pair] : pairs) {
            const T* shown = pair.second ? pair.second : pair.first;
            ComparedObject object;
            object.kind = kind;
            object.key = SchemaChange::key(kind, name);
            object.name = m_text.writer().nameOf(*shown).remove(u'"');
            object.fromDdl = pair.first ? text(*pair.first) : QString();
            object.toDdl = pair.second ? text(*pair.second) : QString();
            object.status = statusOf(object, pair.first != nullptr, pair.second != nullptr);
            out.append(object);
        }
    }

    void finish(QVector<ComparedObject>& objects)
    {
        for (ComparedObject& object : objects) {
            object.alignment = SideBySideDiff::align(object.fromDdl, object.toDdl);
            finish(object.children);
        }
    }

private:
    static QString keyName(const ComparedObject& object)
    {
        return object.key.mid(object.key.indexOf(u':') + 1);
    }

    static const Table* find(const QVector<Table>& tables, const QString& name)
    {
        for (const Table& table : tables) {
            if (qualifiedName(table) == name)
                return &table;
        }
        return nullptr;
    }

    // Also fills the object's details and whether the diff lists it as a change.
    Status statusOf(ComparedObject& object, bool inFrom, bool inTo) const
    {
        if (const SchemaChange* change = m_changes.value(object.key)) {
            object.details = change->details;
            object.isChange = true;
        }
        if (!inTo)
            return Status::OnlyInFrom;
        if (!inFrom)
            return Status::OnlyInTo;
        return object.isChange ? Status::Different : Status::Identical;
    }

    // The parts of a table on both sides (`items` of each table), keyed as the diff matches
    // them; `text(item, owner)` writes one.
    template <typename T, typename KeyOf, typename Text>
    void parts(Object kind, const QString& table, const Table* a, const Table* b,
               QVector<T> Table::*items, KeyOf keyOf, Text text, QVector<ComparedObject>& out) const
    {
        std::map<QString, std::pair<const T*, const T*>> pairs;
        QStringList order;
        const auto add = [&](const Table* owner, bool first) {
            if (!owner)
                return;
            for (const T& item : owner->*items) {
                const QString key = keyOf(item);
                if (!pairs.count(key))
                    order.append(key);
                (first ? pairs[key].first : pairs[key].second) = &item;
            }
        };
        add(a, true);
        add(b, false);
        for (const QString& name : order) {
            const auto& [inA, inB] = pairs[name];
            ComparedObject part;
            part.kind = kind;
            part.key = SchemaChange::key(kind, table, name);
            part.name = name;
            part.fromDdl = inA ? text(*inA, *a) : QString();
            part.toDdl = inB ? text(*inB, *b) : QString();
            part.status = statusOf(part, inA != nullptr, inB != nullptr);
            out.append(part);
        }
    }

    void tableParts(const Table* a, const Table* b, ComparedObject& object) const
    {
        const QString table = keyName(object);
        const DdlWriter& w = m_text.writer();
        QVector<ComparedObject>& out = object.children;
        parts(Object::Column, table, a, b, &Table::columns, [](const Column& c) { return c.name; },
              [&](const Column& c, const Table& t) { return w.columnDefinition(c, t); }, out);
        // The primary key as a list of none or one, so that it pairs like the other parts.
        Table keyA, keyB;
        if (a && !a->primaryKey.columns.isEmpty())
            keyA.uniqueConstraints.append({a->primaryKey.name, a->primaryKey.columns, false, false});
        if (b && !b->primaryKey.columns.isEmpty())
            keyB.uniqueConstraints.append({b->primaryKey.name, b->primaryKey.columns, false, false});
        parts(Object::PrimaryKey, table, a ? &keyA : nullptr, b ? &keyB : nullptr,
              &Table::uniqueConstraints, [](const UniqueConstraint&) { return QString(); },
              [&](const UniqueConstraint& k, const Table&) {
                  return w.primaryKeyClause({k.name, k.columns});
              },
              out);
        for (ComparedObject& child : out) {
            if (child.kind == Object::PrimaryKey)
                child.name = QStringLiteral("PRIMARY KEY");
        }
        parts(Object::Unique, table, a, b, &Table::uniqueConstraints,
              [](const UniqueConstraint& u) { return SchemaDiff::partKey(u); },
              [&](const UniqueConstraint& u, const Table&) { return w.uniqueClause(u); }, out);
        parts(Object::ForeignKey, table, a, b, &Table::foreignKeys,
              [](const ForeignKey& f) { return SchemaDiff::partKey(f); },
              [&](const ForeignKey& f, const Table& t) { return w.foreignKeyClause(f, t); }, out);
        parts(Object::Check, table, a, b, &Table::checks,
              [](const CheckConstraint& c) { return SchemaDiff::partKey(c); },
              [&](const CheckConstraint& c, const Table&) { return w.checkClause(c); }, out);
        parts(Object::Index, table, a, b, &Table::indexes, [](const Index& i) { return i.name; },
              [&](const Index& i, const Table& t) { return terminated(w.createIndex(i, t)); }, out);
        for (const ComparedObject& child : out) {
            if (child.status != Status::Identical && object.status == Status::Identical)
                object.status = Status::Different;
        }
    }

    ObjectText m_text;
    QHash<QString, const SchemaChange*> m_changes;
    QSet<QString> m_changedTables;
};

} // namespace

QStringList ComparedObject::changeKeys() const
{
    QStringList keys;
    if (isChange)
        keys.append(key);
    for (const ComparedObject& child : children)
        keys.append(child.changeKeys());
    return keys;
}

SchemaComparison SchemaComparison::compare(const Schema& from, const Schema& to, Dialect dialect,
                                           const DdlOptions& options)
{
    SchemaComparison result;
    result.m_from = from;
    result.m_to = to;
    result.m_dialect = dialect;
    result.m_options = options;
    result.m_diff = SchemaDiff::compare(from, to);
    const DdlWriter writer(dialect, dialect == Dialect::Sqlite ? QString() : options.defaultSchema);
    Builder builder(result.m_diff, writer);
    const ObjectText text(writer);
    builder.tables(from.tables, to.tables, result.m_objects);
    builder.wholeObjects(Object::View, from.views, to.views, result.m_objects,
                         [&](const View& v) { return text.view(v); });
    builder.wholeObjects(Object::Trigger, from.triggers, to.triggers, result.m_objects,
                         [&](const Trigger& t) { return text.trigger(t); });
    builder.wholeObjects(Object::Enum, from.enums, to.enums, result.m_objects,
                         [&](const EnumType& e) { return text.enumType(e); });
    builder.wholeObjects(Object::Sequence, from.sequences, to.sequences, result.m_objects,
                         [&](const Sequence& s) { return text.sequence(s); });
    builder.finish(result.m_objects);
    return result;
}

SideBySide SchemaComparison::wholeAlignment() const
{
    SideBySide whole;
    SideBySide gap;
    gap.fromLines = gap.toLines = QStringList{QString()};
    gap.rows = {AlignedRow{AlignedRow::Kind::Same, 0, 0, {}, {}}};
    for (const ComparedObject& object : m_objects) {
        if (!whole.rows.isEmpty())
            whole.append(gap);
        whole.append(object.alignment);
    }
    return whole;
}

int SchemaComparison::count(ComparedObject::Status status) const
{
    int n = 0;
    for (const ComparedObject& object : m_objects)
        n += object.status == status ? 1 : 0;
    return n;
}

QStringList SchemaComparison::changeKeys() const
{
    return ChangeSelection::keys(m_diff);
}

QString SchemaComparison::statusName(ComparedObject::Status status)
{
    switch (status) {
    case Status::Identical:
        return QStringLiteral("identical");
    case Status::OnlyInFrom:
        return QStringLiteral("only in from");
    case Status::OnlyInTo:
        return QStringLiteral("only in to");
    case Status::Different:
        return QStringLiteral("different");
    }
    return {};
}

} // namespace retort
