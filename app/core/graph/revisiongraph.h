// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revision.h"
#include "graph/revisionset.h"

#include <QHash>
#include <QVector>
#include <vector>

namespace retort {

// The revisions of a project as a directed acyclic graph, with Alembic's semantics:
// down_revision edges make parents (several: a merge point), depends_on adds ordering edges
// that are not parents, branch labels name lines of history. Revisions are addressed by
// index, which is their load (file-name) order: Alembic breaks ties by that order.
class RevisionGraph
{
public:
    RevisionGraph() = default;
    // Validates the revisions and builds the graph. Throws Error(Graph) listing every problem
    // found: duplicate ids, missing parents or dependencies, self-loops, cycles, dependency
    // cycles, duplicate branch labels; each names the revisions and their files.
    explicit RevisionGraph(QVector<Revision> revisions);

    int count() const { return int(m_revisions.size()); }
    const Revision& revision(int index) const { return m_revisions[index]; }
    const QString& id(int index) const { return m_revisions[index].id; }
    // The revision with exactly this id, or -1.
    int indexOf(const QString& id) const { return m_indexById.value(id, -1); }
    // The revision declaring this branch label, or -1.
    int labelOwner(const QString& label) const { return m_labelOwner.value(label, -1); }
    QStringList allBranchLabels() const { return m_labelOwner.keys(); }

    const QVector<int>& parents(int index) const { return m_nodes[index].parents; }
    const QVector<int>& children(int index) const { return m_nodes[index].children; }
    const QVector<int>& dependencies(int index) const { return m_nodes[index].dependencies; }
    const QVector<int>& dependents(int index) const { return m_nodes[index].dependents; }
    // Declared labels plus those inherited from descendants' and ancestors' declarations.
    const QStringList& branchLabels(int index) const { return m_nodes[index].labels; }

    bool isBase(int index) const { return m_nodes[index].parents.isEmpty(); }
    bool isHead(int index) const { return m_nodes[index].children.isEmpty(); }
    bool isBranchPoint(int index) const { return m_nodes[index].children.size() > 1; }
    bool isMergePoint(int index) const { return m_nodes[index].parents.size() > 1; }

    // Revisions without children (dependency edges not counted): what `retort heads` lists.
    const QVector<int>& heads() const { return m_heads; }
    // Revisions without children or dependents: what the target "heads" means.
    const QVector<int>& realHeads() const { return m_realHeads; }
    const QVector<int>& bases() const { return m_bases; }

    // `from` and everything below it (parents, and dependencies when asked).
    RevisionSet ancestors(const QVector<int>& from, bool includeDependencies = true) const;
    // `from` and everything above it (children, and dependents when asked).
    RevisionSet descendants(const QVector<int>& from, bool includeDependencies = true) const;
    // What `alembic current` shows for the version-table rows `rows`: the rows and all they
    // rest on (ancestors and dependencies), less each one that a child of it is among. A row
    // below another row is hidden; a dependency of a row on another line is shown. File order.
    QVector<int> currentTops(const QVector<int>& rows) const;
    // Whether a and b lie on one line of history: one is an ancestor of the other.
    bool sharesLineage(int a, int b) const;

    // The members of `members` in Alembic's history order: starting from `heads`, walking
    // depth-first down one branch and finishing it at its branch point before shared
    // ancestors; ties by file order. Upgrades run this list reversed.
    QVector<int> historyOrder(const RevisionSet& members, const QVector<int>& heads) const;
    // Every revision in history order (heads first).
    QVector<int> history() const;

private:
    struct Node
    {
        QVector<int> parents;
        QVector<int> children;
        QVector<int> dependencies;
        QVector<int> dependents;
        // Dependencies not already implied by an ancestor's dependencies (Alembic's
        // "normalized" dependencies): only these make a step non-linear when ordering.
        QVector<int> ownDependencies;
        QStringList labels;
    };

    // Edge lists flattened into two arrays, so walks over large graphs stay in cache.
    struct Adjacency
    {
        std::vector<int> offsets; // edges of i: targets[offsets[i] .. offsets[i + 1])
        std::vector<int> targets;
    };

    void buildAdjacency();
    void computeGenerations();
    RevisionSet reachable(const QVector<int>& from, const Adjacency& edges) const;
    QStringList linkParentsAndLabels();
    QStringList linkDependencies();
    QStringList findCycles() const;
    void propagateLabels();
    void normalizeDependencies();
    void collectHeadsAndBases();
    QString describe(int index) const;

    QVector<Revision> m_revisions;
    QVector<Node> m_nodes;
    QHash<QString, int> m_indexById;
    QHash<QString, int> m_labelOwner;
    QVector<int> m_heads;
    QVector<int> m_realHeads;
    QVector<int> m_bases;
    Adjacency m_parentEdges, m_belowEdges, m_childEdges, m_aboveEdges;
    // Longest path down to a base: an edge down always lowers it, which bounds searches.
    std::vector<int> m_generation;
};

} // namespace retort
