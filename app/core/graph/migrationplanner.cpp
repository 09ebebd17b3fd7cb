// SPDX-License-Identifier: Apache-2.0
#include "graph/migrationplanner.h"

#include "common/error.h"
#include "graph/revisionresolver.h"

#include <algorithm>
#include <QCoreApplication>

namespace retort {

namespace {

QVector<MigrationStep> stepsOf(const QVector<int>& revisions, Direction direction)
{
    QVector<MigrationStep> steps;
    steps.reserve(revisions.size());
    for (int revision : revisions)
        steps.append({revision, direction});
    return steps;
}

} // namespace

QVector<MigrationStep> MigrationPlanner::upgrade(const QVector<int>& current,
                                                 const QVector<int>& target) const
{
    RevisionSet needed = m_graph.ancestors(target);
    needed.subtract(m_graph.ancestors(current));
    QVector<int> order = m_graph.historyOrder(needed, target);
    std::reverse(order.begin(), order.end());
    return stepsOf(order, Direction::Upgrade);
}

QVector<MigrationStep> MigrationPlanner::downgrade(const QVector<int>& current,
                                                   const QVector<int>& target,
                                                   const QString& branchLabel) const
{
    const RevisionSet applied = m_graph.ancestors(current);
    QVector<int> roots;
    if (target.isEmpty()) {
        roots = m_graph.bases();
    } else {
        for (int t : target) {
            if (!applied.contains(t)) {
                throw Error(ErrorKind::Graph,
                            QCoreApplication::translate("MigrationPlanner", "cannot roll back to %1: it is not applied").arg(m_graph.id(t)));
            }
            roots += m_graph.children(t);
        }
    }
    if (!branchLabel.isEmpty()) {
        // Only the children on the label's line of history are rolled back.
        const int owner = RevisionResolver(m_graph).resolveOne(branchLabel);
        const RevisionSet line = [&] {
            RevisionSet set = m_graph.ancestors({owner}, false);
            set.unite(m_graph.descendants({owner}, false));
            return set;
        }();
        roots.erase(std::remove_if(roots.begin(), roots.end(),
                                   [&](int r) { return !line.contains(r); }),
                    roots.end());
    }
    RevisionSet dropped = m_graph.descendants(roots);
    dropped.intersect(applied);
    for (int t : target)
        dropped.remove(t);
    return stepsOf(m_graph.historyOrder(dropped, current), Direction::Downgrade);
}

QVector<MigrationStep> MigrationPlanner::plan(const QVector<int>& current, const QString& target,
                                              Direction direction) const
{
    const QVector<int> resolved = RevisionResolver(m_graph).resolve(target, current);
    if (direction == Direction::Upgrade)
        return upgrade(current, resolved);
    if (resolved.size() > 1) {
        throw Error(ErrorKind::Graph,
                    QCoreApplication::translate("MigrationPlanner", "cannot roll back to '%1': it names several revisions").arg(target));
    }
    // label@rev and label@base narrow the rollback to the label's branch.
    const int at = target.indexOf(u'@');
    const QString label = at > 0 ? target.left(at) : QString();
    return downgrade(current, resolved, label);
}

} // namespace retort
