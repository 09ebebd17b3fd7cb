// SPDX-License-Identifier: Apache-2.0
#include "ddl/schemadependencies.h"

#include <QHash>
#include <algorithm>
#include <functional>

namespace retort {

namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// The index of the character closing the run that starts at `begin` with `close` (a doubled
// closing character stays inside), or the end of the text.
qsizetype runEnd(const QString& text, qsizetype begin, QChar close, QString* inside = nullptr)
{
    for (qsizetype i = begin + 1; i < text.size(); ++i) {
        if (text[i] != close) {
            if (inside)
                inside->append(text[i]);
        } else if (i + 1 < text.size() && text[i + 1] == close && close != u']') {
            if (inside)
                inside->append(close);
            ++i;
        } else {
            return i;
        }
    }
    return text.size();
}

enum class Mark { New, Visiting, Done };

// Depth-first order of `items`: each after those `dependencies` names; `cycle` hears of each
// dependency that would close a cycle.
template <typename T>
QVector<const T*> dependencyOrder(const QVector<const T*>& items,
                                  const std::function<QVector<const T*>(const T*)>& dependencies,
                                  const std::function<void(const T*, const T*)>& cycle)
{
    QHash<const T*, Mark> marks;
    QVector<const T*> order;
    std::function<void(const T*)> visit = [&](const T* item) {
        marks[item] = Mark::Visiting;
        for (const T* dependency : dependencies(item)) {
            const Mark mark = marks.value(dependency, Mark::New);
            if (mark == Mark::Visiting)
                cycle(item, dependency);
            else if (mark == Mark::New)
                visit(dependency);
        }
        marks[item] = Mark::Done;
        order.append(item);
    };
    for (const T* item : items) {
        if (marks.value(item, Mark::New) == Mark::New)
            visit(item);
    }
    return order;
}

QString referencedKey(const Table& table, const ForeignKey& key)
{
    return qualifiedName(key.referencedSchema.isEmpty() ? table.schema : key.referencedSchema,
                         key.referencedTable);
}

} // namespace

bool SchemaDependencies::mentions(const QString& sql, const QString& name)
{
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql[i];
        if (c == u'\'') {
            i = runEnd(sql, i, u'\'');
        } else if (c == u'"' || c == u'`' || c == u'[') {
            QString inside;
            i = runEnd(sql, i, c == u'[' ? QChar(u']') : c, &inside);
            if (inside == name)
                return true;
        } else if (c == u'-' && i + 1 < sql.size() && sql[i + 1] == u'-') {
            i = sql.indexOf(u'\n', i);
            if (i < 0)
                return false;
        } else if (isWordStart(c)) {
            qsizetype end = i;
            while (end < sql.size() && isWordChar(sql[end]))
                ++end;
            if (QStringView(sql).mid(i, end - i).compare(name, Qt::CaseInsensitive) == 0)
                return true;
            i = end - 1;
        }
    }
    return false;
}

QVector<const Table*> SchemaDependencies::creationOrder(const QVector<const Table*>& tables,
                                                        QVector<DeferredKey>* deferred)
{
    QHash<QString, const Table*> byName;
    for (const Table* table : tables)
        byName.insert(qualifiedName(*table), table);
    const auto references = [&](const Table* table) {
        QVector<const Table*> targets;
        for (const ForeignKey& key : table->foreignKeys) {
            const Table* target = byName.value(referencedKey(*table, key));
            if (target && target != table)
                targets.append(target);
        }
        return targets;
    };
    const auto cycle = [&](const Table* table, const Table* target) {
        if (!deferred)
            return;
        for (const ForeignKey& key : table->foreignKeys) {
            if (byName.value(referencedKey(*table, key)) == target)
                deferred->append({table, key});
        }
    };
    return dependencyOrder<Table>(tables, references, cycle);
}

QVector<const View*> SchemaDependencies::viewOrder(const QVector<const View*>& views)
{
    const auto mentioned = [&](const View* view) {
        QVector<const View*> used;
        for (const View* other : views) {
            if (other != view && mentions(view->definition, other->name))
                used.append(other);
        }
        return used;
    };
    return dependencyOrder<View>(views, mentioned, [](const View*, const View*) {});
}

QSet<QString> SchemaDependencies::dependentViews(const Schema& schema, const QSet<QString>& tables)
{
    QSet<QString> names = tables;
    QSet<QString> dependent;
    for (bool grew = true; grew;) {
        grew = false;
        for (const View& view : schema.views) {
            const QString key = qualifiedName(view);
            if (dependent.contains(key))
                continue;
            const bool uses = std::any_of(names.cbegin(), names.cend(), [&](const QString& name) {
                return mentions(view.definition, name);
            });
            if (uses) {
                dependent.insert(key);
                names.insert(view.name);
                grew = true;
            }
        }
    }
    return dependent;
}

} // namespace retort
