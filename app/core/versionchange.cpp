// SPDX-License-Identifier: Apache-2.0
#include "versionchange.h"

#include "error.h"

namespace retort {

namespace {

using Kind = VersionRowChange::Kind;

VersionRowChange insertRow(const QString& to) { return {Kind::Insert, {}, to}; }
VersionRowChange deleteRow(const QString& from) { return {Kind::Delete, from, {}}; }
VersionRowChange updateRow(const QString& from, const QString& to) { return {Kind::Update, from, to}; }

// Alembic's _normalized_down_revisions: the parents, then the dependencies that no ancestor
// (reached through parents only) depends on already.
QStringList normalizedParents(const RevisionGraph& graph, int revision)
{
    QStringList result;
    for (int parent : graph.parents(revision))
        result.append(graph.id(parent));
    const QVector<int>& dependencies = graph.dependencies(revision);
    if (dependencies.isEmpty())
        return result;
    QVector<int> own = dependencies;
    const QVector<int> below = graph.ancestors({revision}, false).toList();
    for (int ancestor : below) {
        if (ancestor == revision)
            continue;
        for (int implied : graph.dependencies(ancestor))
            own.removeAll(implied);
    }
    for (int dependency : own) {
        if (!result.contains(graph.id(dependency)))
            result.append(graph.id(dependency));
    }
    return result;
}

// Everything below the rows in `heads` other than `except` (dependencies included), as ids.
RevisionSet ancestorsOfOthers(const RevisionGraph& graph, const QStringList& heads,
                              const QStringList& except)
{
    QVector<int> others;
    for (const QString& head : heads) {
        if (!except.contains(head)) {
            const int index = graph.indexOf(head);
            if (index >= 0)
                others.append(index);
        }
    }
    return graph.ancestors(others);
}

// `candidates` without those implied by the other rows, in their given order.
QStringList notImplied(const RevisionGraph& graph, const QStringList& candidates,
                       const QStringList& heads, const QStringList& except)
{
    const RevisionSet implied = ancestorsOfOthers(graph, heads, except);
    QStringList result;
    for (const QString& id : candidates) {
        if (!implied.contains(graph.indexOf(id)))
            result.append(id);
    }
    return result;
}

QStringList intersection(const QStringList& a, const QStringList& b)
{
    QStringList result;
    for (const QString& item : a) {
        if (b.contains(item))
            result.append(item);
    }
    return result;
}

VersionChange upgradeChange(const RevisionGraph& graph, const QStringList& heads, int revision)
{
    const QString& id = graph.id(revision);
    if (heads.contains(id)) {
        throw Error(ErrorKind::Graph,
                    QStringLiteral("cannot upgrade to %1: it is in the version table already")
                        .arg(id));
    }
    const QStringList parents = normalizedParents(graph, revision);
    const QStringList parentRows = intersection(parents, heads);
    if (parentRows.isEmpty())
        return {{insertRow(id)}}; // a base, or a new branch from a revision not a row
    if (parents.size() > 1 && parentRows.size() > 1) {
        // Merge: the parents that are rows and not implied by the other rows collapse into one.
        QStringList merged = notImplied(graph, parents, heads, parents);
        merged = intersection(merged, heads);
        if (merged.isEmpty())
            merged = parentRows;
        VersionChange change;
        for (int i = 0; i + 1 < merged.size(); ++i)
            change.rows.append(deleteRow(merged[i]));
        change.rows.append(updateRow(merged.last(), id));
        return change;
    }
    return {{updateRow(parentRows.first(), id)}};
}

VersionChange downgradeChange(const RevisionGraph& graph, const QStringList& heads, int revision)
{
    const QString& id = graph.id(revision);
    if (!heads.contains(id)) {
        throw Error(ErrorKind::Graph,
                    QStringLiteral("cannot downgrade %1: it is not in the version table").arg(id));
    }
    const QStringList parents = normalizedParents(graph, revision);
    if (parents.isEmpty())
        return {{deleteRow(id)}};
    // The parents that must become rows: those the other rows do not imply already.
    const QStringList toRows = notImplied(graph, parents, heads, {id});
    if (toRows.isEmpty())
        return {{deleteRow(id)}};
    if (parents.size() > 1) {
        VersionChange change;
        for (int i = 0; i + 1 < toRows.size(); ++i)
            change.rows.append(insertRow(toRows[i]));
        change.rows.append(updateRow(id, toRows.last()));
        return change;
    }
    return {{updateRow(id, parents.first())}};
}

} // namespace

QStringList VersionChange::applyTo(QStringList heads) const
{
    for (const VersionRowChange& row : rows) {
        switch (row.kind) {
        case Kind::Insert:
            heads.append(row.to);
            break;
        case Kind::Delete:
            heads.removeAll(row.from);
            break;
        case Kind::Update:
            heads.removeAll(row.from);
            heads.append(row.to);
            break;
        }
    }
    return heads;
}

VersionChange versionChange(const RevisionGraph& graph, const QStringList& heads,
                            const MigrationStep& step)
{
    return step.direction == Direction::Upgrade ? upgradeChange(graph, heads, step.revision)
                                                : downgradeChange(graph, heads, step.revision);
}

QVector<QStringList> headsAfterEachStep(const RevisionGraph& graph, QStringList heads,
                                        const QVector<MigrationStep>& plan)
{
    QVector<QStringList> result;
    result.reserve(plan.size());
    for (const MigrationStep& step : plan) {
        heads = versionChange(graph, heads, step).applyTo(heads);
        result.append(heads);
    }
    return result;
}

VersionChange stampChange(const RevisionGraph& graph, const QStringList& heads,
                          const QVector<int>& targets, bool purge)
{
    VersionChange change;
    QStringList remaining = heads;
    if (purge) {
        for (const QString& head : heads)
            change.rows.append(deleteRow(head));
        remaining.clear();
    }
    for (const QString& head : remaining) {
        if (graph.indexOf(head) < 0) {
            throw Error(ErrorKind::Graph,
                        QStringLiteral("the version table holds %1, which no script defines; "
                                       "stamp with purge to replace it").arg(head));
        }
    }
    if (targets.isEmpty() && !purge) {
        for (const QString& head : heads)
            change.rows.append(deleteRow(head));
        return change;
    }
    for (int target : targets) {
        const QString& id = graph.id(target);
        if (remaining.contains(id))
            continue;
        // Rows on the target's line of history give way to it: the first is updated in
        // place, the others deleted.
        QStringList replaced;
        for (const QString& head : remaining) {
            if (graph.sharesLineage(graph.indexOf(head), target))
                replaced.append(head);
        }
        if (replaced.isEmpty()) {
            change.rows.append(insertRow(id));
        } else {
            for (int i = 1; i < replaced.size(); ++i)
                change.rows.append(deleteRow(replaced[i]));
            change.rows.append(updateRow(replaced.first(), id));
        }
        for (const QString& head : replaced)
            remaining.removeAll(head);
        remaining.append(id);
    }
    return change;
}

} // namespace retort
