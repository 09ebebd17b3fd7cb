// SPDX-License-Identifier: Apache-2.0
#include "graph/versionchange.h"

#include "common/error.h"
#include "graph/revisionresolver.h"

#include <algorithm>
#include <QCoreApplication>

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
                    QCoreApplication::translate("VersionChange", "cannot upgrade to %1: it is in the version table already")
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
                    QCoreApplication::translate("VersionChange", "cannot downgrade %1: it is not in the version table").arg(id));
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

// ---------------------------------------------------------------------------------------------
// Stamps, after Alembic's ScriptDirectory._stamp_revs and StampStep

// One stamp step: rows `from` move to `to` (none: `from` is deleted).
struct StampStep
{
    QStringList from;
    QString to;
    bool upgrade = true;
    bool branchMove = false;
};

// The version rows while a stamp's steps are applied, with HeadMaintainer's checks: a step
// that deletes or updates a row not there, or writes a row that is there, fails.
class StampRows
{
public:
    StampRows(QStringList heads, VersionChange& change, QString what)
        : m_heads(std::move(heads)), m_change(change), m_what(std::move(what))
    {
    }

    const QStringList& heads() const { return m_heads; }

    void apply(const StampStep& step)
    {
        if (!step.upgrade && step.branchMove) {
            remove(step.from.first());
        } else if (step.upgrade && (step.branchMove || !allRows(step.from)) &&
                   !m_heads.contains(step.to)) {
            m_heads.append(step.to);
            m_change.rows.append(insertRow(step.to));
        } else if (!step.from.isEmpty()) {
            for (int i = 0; i + 1 < step.from.size(); ++i)
                remove(step.from[i]);
            update(step.from.last(), step.to);
        } else {
            fail(QStringLiteral("%1 is in the version table already").arg(step.to));
        }
    }

    [[noreturn]] void fail(const QString& why) const
    {
        throw Error(ErrorKind::Graph, QCoreApplication::translate("VersionChange", "cannot stamp %1: %2 (Alembic's stamp "
                                                     "fails here too)").arg(m_what, why));
    }

private:
    bool allRows(const QStringList& ids) const
    {
        return std::all_of(ids.begin(), ids.end(),
                           [this](const QString& id) { return m_heads.contains(id); });
    }

    void remove(const QString& id)
    {
        if (!m_heads.contains(id))
            fail(QStringLiteral("it would delete %1, which an earlier target replaced").arg(id));
        m_heads.removeAll(id);
        m_change.rows.append(deleteRow(id));
    }

    void update(const QString& from, const QString& to)
    {
        if (m_heads.contains(to))
            fail(QStringLiteral("%1 is in the version table already").arg(to));
        if (!m_heads.contains(from))
            fail(QStringLiteral("it would move %1, which an earlier target replaced").arg(from));
        m_heads.removeAll(from);
        m_heads.append(to);
        m_change.rows.append(updateRow(from, to));
    }

    QStringList m_heads;
    VersionChange& m_change;
    QString m_what;
};

// What a stamp target's lineage is tested against: the revisions it names, plus the label's
// revision for label@...; empty (base) matches every row.
QVector<int> anchorsOf(const RevisionGraph& graph, const QString& name,
                       const QVector<int>& resolved)
{
    QVector<int> anchors = resolved;
    const int at = name.indexOf(u'@');
    if (at > 0) {
        const QString label = name.left(at);
        const int owner = graph.labelOwner(label) >= 0 ? graph.labelOwner(label)
                                                       : graph.indexOf(label);
        if (owner >= 0 && !anchors.contains(owner))
            anchors.append(owner);
    }
    return anchors;
}

// The rows sharing lineage (dependencies counted) with one of `anchors`; all when none.
QStringList rowsOnLine(const RevisionGraph& graph, const QStringList& rows,
                       const QVector<int>& anchors)
{
    if (anchors.isEmpty())
        return rows;
    QStringList result;
    for (const QString& row : rows) {
        const int index = graph.indexOf(row);
        RevisionSet line = graph.ancestors({index});
        line.unite(graph.descendants({index}));
        if (std::any_of(anchors.begin(), anchors.end(),
                        [&line](int anchor) { return line.contains(anchor); }))
            result.append(row);
    }
    return result;
}

bool containsAny(const RevisionGraph& graph, const RevisionSet& set, const QStringList& ids)
{
    return std::any_of(ids.begin(), ids.end(),
                       [&](const QString& id) { return set.contains(graph.indexOf(id)); });
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
                          const QStringList& targets, bool purge)
{
    VersionChange change;
    if (purge) {
        for (const QString& head : heads)
            change.rows.append(deleteRow(head));
    } else {
        for (const QString& head : heads) {
            if (graph.indexOf(head) < 0) {
                throw Error(ErrorKind::Graph,
                            QCoreApplication::translate("VersionChange", "the version table holds %1, which no script "
                                           "defines; stamp with purge to replace it").arg(head));
            }
        }
    }
    const QStringList names = targets.isEmpty() ? QStringList{QStringLiteral("base")} : targets;
    // Alembic takes the rows in the order the database returns them; sorted, as Retort reads
    // them, the choice of the row a merge keeps is the same in every run.
    QStringList sortedHeads = purge ? QStringList() : heads;
    sortedHeads.sort();
    StampRows rows(sortedHeads, change, names.join(u' '));
    const RevisionResolver resolver(graph);
    QVector<int> destinations;
    QStringList lineRows; // the rows on the line of some target, in row order
    for (const QString& name : names) {
        if (name.isEmpty())
            continue;
        const QVector<int> resolved = resolver.resolve(name);
        destinations += resolved;
        const QStringList onLine =
            rowsOnLine(graph, rows.heads(), anchorsOf(graph, name, resolved));
        for (const QString& row : onLine) {
            if (!lineRows.contains(row))
                lineRows.append(row);
        }
    }
    if (destinations.isEmpty()) {
        for (const QString& row : std::as_const(lineRows))
            rows.apply({{row}, {}, false, true});
        return change;
    }
    for (int destination : std::as_const(destinations)) {
        const QString& id = graph.id(destination);
        if (lineRows.contains(id))
            continue;
        const bool rowsAbove = containsAny(graph, graph.descendants({destination}), lineRows);
        const bool rowsBelow = containsAny(graph, graph.ancestors({destination}), lineRows);
        if (rowsAbove && rowsBelow)
            rows.fail(QStringLiteral("the version table has rows both above and below %1").arg(id));
        if (rowsAbove)
            rows.apply({lineRows, id, false, false});
        else if (rowsBelow)
            rows.apply({lineRows, id, true, false});
        else
            rows.apply({{}, id, true, true});
    }
    return change;
}

} // namespace retort
