// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/direction.h"
#include "graph/revisiongraph.h"

#include <QString>
#include <QVector>
#include <optional>

namespace retort {

// One migration to run: a revision's upgrade or downgrade section.
struct MigrationStep
{
    int revision = -1;
    Direction direction = Direction::Upgrade;

    bool operator==(const MigrationStep& other) const
    {
        return revision == other.revision && direction == other.direction;
    }
};

// Plans the steps between two states of a database, each a set of current revisions
// (empty = base), with Alembic's rules:
//   upgrade: ancestors(target) minus ancestors(current), in reversed history order;
//   downgrade: descendants of the target's children that are ancestors of current, in
//   history order from the current heads.
class MigrationPlanner
{
public:
    explicit MigrationPlanner(const RevisionGraph& graph) : m_graph(graph) {}

    QVector<MigrationStep> upgrade(const QVector<int>& current, const QVector<int>& target) const;
    // `branchLabel` narrows which children of the target are rolled back (label@rev, label@base).
    QVector<MigrationStep> downgrade(const QVector<int>& current, const QVector<int>& target,
                                     const QString& branchLabel = {}) const;
    // Resolves `target` (any name RevisionResolver takes, relative ones counted from
    // `current`) and plans the way there. Throws Error(Graph).
    QVector<MigrationStep> plan(const QVector<int>& current, const QString& target,
                                Direction direction) const;

private:
    const RevisionGraph& m_graph;
};

} // namespace retort
