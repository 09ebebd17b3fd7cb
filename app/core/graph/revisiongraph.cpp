// SPDX-License-Identifier: Apache-2.0
#include "graph/revisiongraph.h"

#include "common/error.h"

#include <algorithm>
#include <optional>

namespace retort {

RevisionGraph::RevisionGraph(QVector<Revision> revisions)
    : m_revisions(std::move(revisions)), m_nodes(m_revisions.size())
{
    QStringList problems;
    m_indexById.reserve(m_revisions.size());
    for (int i = 0; i < count(); ++i) {
        const auto existing = m_indexById.constFind(id(i));
        if (existing != m_indexById.constEnd()) {
            problems << QStringLiteral("duplicate revision id %1 in %2 and %3")
                            .arg(id(i), m_revisions[*existing].path, m_revisions[i].path);
            continue;
        }
        m_indexById.insert(id(i), i);
    }
    problems << linkParentsAndLabels();
    problems << linkDependencies();
    if (problems.isEmpty())
        problems << findCycles();
    if (!problems.isEmpty())
        throw Error(ErrorKind::Graph, problems.join(u'\n'));

    buildAdjacency();
    computeGenerations();
    normalizeDependencies();
    propagateLabels();
    collectHeadsAndBases();
}

QString RevisionGraph::describe(int index) const
{
    return QStringLiteral("%1 (%2)").arg(id(index), m_revisions[index].path);
}

QStringList RevisionGraph::linkParentsAndLabels()
{
    QStringList problems;
    for (int i = 0; i < count(); ++i) {
        if (m_indexById.value(id(i)) != i)
            continue; // a duplicate, reported already
        for (const QString& label : m_revisions[i].branchLabels) {
            const int owner = m_labelOwner.value(label, -1);
            if (owner >= 0) {
                problems << QStringLiteral("branch label '%1' of %2 is already used by %3")
                                .arg(label, describe(i), describe(owner));
            } else if (m_indexById.contains(label)) {
                problems << QStringLiteral("branch label '%1' of %2 is also a revision id (%3)")
                                .arg(label, describe(i), m_revisions[m_indexById.value(label)].path);
            } else {
                m_labelOwner.insert(label, i);
            }
        }
        for (const QString& parentId : m_revisions[i].downRevisions) {
            const int parent = indexOf(parentId);
            if (parent == i) {
                problems << QStringLiteral("%1 names itself as its down_revision").arg(describe(i));
            } else if (parent < 0) {
                problems << QStringLiteral("%1 has down_revision %2, which no script defines")
                                .arg(describe(i), parentId);
            } else if (!m_nodes[i].parents.contains(parent)) {
                m_nodes[i].parents.append(parent);
                m_nodes[parent].children.append(i);
            }
        }
    }
    return problems;
}

QStringList RevisionGraph::linkDependencies()
{
    QStringList problems;
    for (int i = 0; i < count(); ++i) {
        if (m_indexById.value(id(i)) != i)
            continue;
        for (const QString& name : m_revisions[i].dependsOn) {
            int target = indexOf(name);
            if (target < 0)
                target = labelOwner(name);
            if (target < 0) {
                // A unique id prefix, as Alembic accepts.
                QVector<int> matches;
                for (int j = 0; j < count() && name.size() >= 4; ++j) {
                    if (id(j).startsWith(name))
                        matches.append(j);
                }
                if (matches.size() == 1)
                    target = matches.first();
                else if (matches.size() > 1) {
                    problems << QStringLiteral("%1 depends_on %2, which several revisions start with")
                                    .arg(describe(i), name);
                    continue;
                }
            }
            if (target < 0) {
                problems << QStringLiteral("%1 depends_on %2, which is no revision or branch label")
                                .arg(describe(i), name);
            } else if (target == i) {
                problems << QStringLiteral("%1 depends on itself").arg(describe(i));
            } else if (!m_nodes[i].dependencies.contains(target)) {
                m_nodes[i].dependencies.append(target);
                m_nodes[target].dependents.append(i);
            }
        }
    }
    return problems;
}

namespace {

// Kahn's algorithm over `edgesOf(i)` (the revisions i comes after). Returns the revisions
// that could not be ordered: each lies on a cycle or above one.
template <typename EdgesOf>
QVector<int> unorderable(int count, EdgesOf edgesOf, const QVector<QVector<int>>& reverseEdges)
{
    QVector<int> pending(count);
    QVector<int> ready;
    for (int i = 0; i < count; ++i) {
        pending[i] = int(edgesOf(i).size());
        if (pending[i] == 0)
            ready.append(i);
    }
    while (!ready.isEmpty()) {
        const int i = ready.takeLast();
        for (int after : reverseEdges[i]) {
            if (--pending[after] == 0)
                ready.append(after);
        }
    }
    QVector<int> stuck;
    for (int i = 0; i < count; ++i) {
        if (pending[i] > 0)
            stuck.append(i);
    }
    return stuck;
}

} // namespace

QStringList RevisionGraph::findCycles() const
{
    const int n = count();
    QVector<QVector<int>> childrenOf(n), allAbove(n);
    QVector<QVector<int>> allBelow(n);
    for (int i = 0; i < n; ++i) {
        childrenOf[i] = m_nodes[i].children;
        allBelow[i] = m_nodes[i].parents + m_nodes[i].dependencies;
        allAbove[i] = m_nodes[i].children + m_nodes[i].dependents;
    }
    bool viaDependencies = false;
    QVector<int> stuck = unorderable(n, [this](int i) { return m_nodes[i].parents; }, childrenOf);
    if (stuck.isEmpty()) {
        stuck = unorderable(n, [&allBelow](int i) { return allBelow[i]; }, allAbove);
        viaDependencies = true;
    }
    if (stuck.isEmpty())
        return {};

    // Every stuck revision has a stuck predecessor: walking down from one must come back
    // to a revision already seen, and the walk between is a cycle.
    QVector<bool> isStuck(n, false);
    for (int i : stuck)
        isStuck[i] = true;
    QStringList problems;
    QVector<bool> explained(n, false);
    for (int start : stuck) {
        if (explained[start])
            continue;
        QVector<int> path;
        QHash<int, int> positionInPath;
        int current = start;
        while (!positionInPath.contains(current) && !explained[current]) {
            positionInPath.insert(current, int(path.size()));
            path.append(current);
            const QVector<int>& below = viaDependencies ? allBelow[current] : parents(current);
            current = *std::find_if(below.begin(), below.end(), [&](int b) { return isStuck[b]; });
        }
        for (int i : path)
            explained[i] = true;
        if (!positionInPath.contains(current))
            continue; // ran into a cycle reported already
        QStringList cycle;
        for (int k = positionInPath.value(current); k < path.size(); ++k)
            cycle << describe(path[k]);
        cycle << id(current);
        problems << QStringLiteral("%1: %2")
                        .arg(viaDependencies ? QStringLiteral("dependency cycle")
                                             : QStringLiteral("cycle in down_revision"),
                             cycle.join(QStringLiteral(" -> ")));
    }
    return problems;
}

void RevisionGraph::normalizeDependencies()
{
    for (int i = 0; i < count(); ++i) {
        Node& node = m_nodes[i];
        if (node.dependencies.isEmpty())
            continue;
        node.ownDependencies = node.dependencies;
        const RevisionSet below = ancestors({i}, false);
        for (int ancestor : below.toList()) {
            if (ancestor == i)
                continue;
            for (int implied : m_nodes[ancestor].dependencies)
                node.ownDependencies.removeAll(implied);
        }
    }
}

void RevisionGraph::propagateLabels()
{
    for (auto it = m_labelOwner.constBegin(); it != m_labelOwner.constEnd(); ++it) {
        const QString& label = it.key();
        const int owner = it.value();
        // The label names its revision's descendants...
        for (int above : descendants({owner}, false).toList())
            m_nodes[above].labels.append(label);
        // ...and its ancestors down to the previous branch or merge point.
        int below = m_nodes[owner].parents.size() == 1 ? m_nodes[owner].parents.first() : -1;
        while (below >= 0 && !isBranchPoint(below) && !isMergePoint(below)) {
            m_nodes[below].labels.append(label);
            below = m_nodes[below].parents.isEmpty() ? -1 : m_nodes[below].parents.first();
        }
    }
    for (int i = 0; i < count(); ++i) {
        QStringList& labels = m_nodes[i].labels;
        if (labels.size() > 1) {
            // Own labels first, then inherited ones alphabetically: stable for display.
            std::sort(labels.begin(), labels.end());
            labels.removeDuplicates();
            for (const QString& own : m_revisions[i].branchLabels)
                labels.move(labels.indexOf(own), 0);
        }
    }
}

void RevisionGraph::collectHeadsAndBases()
{
    for (int i = 0; i < count(); ++i) {
        if (isBase(i))
            m_bases.append(i);
        if (isHead(i)) {
            m_heads.append(i);
            if (m_nodes[i].dependents.isEmpty())
                m_realHeads.append(i);
        }
    }
}

void RevisionGraph::buildAdjacency()
{
    auto flatten = [this](Adjacency& adjacency, auto listsOf) {
        adjacency.offsets.assign(size_t(count()) + 1, 0);
        adjacency.targets.clear();
        for (int i = 0; i < count(); ++i) {
            listsOf(m_nodes[i], [&](const QVector<int>& list) {
                adjacency.targets.insert(adjacency.targets.end(), list.begin(), list.end());
            });
            adjacency.offsets[size_t(i) + 1] = int(adjacency.targets.size());
        }
    };
    flatten(m_parentEdges, [](const Node& n, auto add) { add(n.parents); });
    flatten(m_belowEdges, [](const Node& n, auto add) { add(n.parents); add(n.dependencies); });
    flatten(m_childEdges, [](const Node& n, auto add) { add(n.children); });
    flatten(m_aboveEdges, [](const Node& n, auto add) { add(n.children); add(n.dependents); });
}

void RevisionGraph::computeGenerations()
{
    // Kahn's order over the edges down (parents and dependencies): a revision's generation is
    // one more than the highest of the revisions it comes after; bases are 0.
    m_generation.assign(size_t(count()), 0);
    std::vector<int> pending(static_cast<size_t>(count()));
    std::vector<int> ready;
    for (int i = 0; i < count(); ++i) {
        pending[size_t(i)] = m_belowEdges.offsets[size_t(i) + 1] - m_belowEdges.offsets[size_t(i)];
        if (pending[size_t(i)] == 0)
            ready.push_back(i);
    }
    while (!ready.empty()) {
        const int i = ready.back();
        ready.pop_back();
        for (int k = m_aboveEdges.offsets[size_t(i)]; k < m_aboveEdges.offsets[size_t(i) + 1]; ++k) {
            const int above = m_aboveEdges.targets[size_t(k)];
            m_generation[size_t(above)] = std::max(m_generation[size_t(above)], m_generation[size_t(i)] + 1);
            if (--pending[size_t(above)] == 0)
                ready.push_back(above);
        }
    }
}

RevisionSet RevisionGraph::reachable(const QVector<int>& from, const Adjacency& edges) const
{
    RevisionSet found(count());
    std::vector<int> todo;
    for (int i : from) {
        if (found.insert(i))
            todo.push_back(i);
    }
    const int* offsets = edges.offsets.data();
    const int* targets = edges.targets.data();
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        for (int k = offsets[i]; k < offsets[i + 1]; ++k) {
            if (found.insert(targets[k]))
                todo.push_back(targets[k]);
        }
    }
    return found;
}

RevisionSet RevisionGraph::ancestors(const QVector<int>& from, bool includeDependencies) const
{
    return reachable(from, includeDependencies ? m_belowEdges : m_parentEdges);
}

RevisionSet RevisionGraph::descendants(const QVector<int>& from, bool includeDependencies) const
{
    return reachable(from, includeDependencies ? m_aboveEdges : m_childEdges);
}

QVector<int> RevisionGraph::currentTops(const QVector<int>& rows) const
{
    const RevisionSet below = ancestors(rows, true);
    QVector<int> tops;
    for (int index = 0; index < count(); ++index) {
        // `below` holds every parent of its members: a descendant of `index` in it means a
        // child of `index` in it.
        const QVector<int>& above = children(index);
        if (below.contains(index) &&
            std::none_of(above.begin(), above.end(), [&](int child) { return below.contains(child); }))
            tops.append(index);
    }
    return tops;
}

bool RevisionGraph::sharesLineage(int a, int b) const
{
    return ancestors({a}, false).contains(b) || ancestors({b}, false).contains(a);
}

QVector<int> RevisionGraph::historyOrder(const RevisionSet& members, const QVector<int>& heads) const
{
    RevisionSet todo = members;
    // Each walk goes down one line of history. Alembic keeps, per walk, the set of ancestors
    // of its current revision: another walk's revision in that set must wait. Computing the
    // whole set at every merge point is O(revisions) each time, so the question "is c below
    // this walk's revision?" is first answered by a search bounded by generation numbers,
    // and the full set is built only when that search grows large (long parallel branches).
    struct Walk
    {
        int at;
        std::optional<RevisionSet> below; // ancestors(at), once materialised
    };
    std::vector<Walk> walks;
    QVector<int> starts;
    for (int head : heads) {
        if (todo.contains(head) && !starts.contains(head))
            starts.append(head);
    }
    std::sort(starts.begin(), starts.end());
    for (int head : starts)
        walks.push_back({head, std::nullopt});
    auto isWalkHead = [&](int revision) {
        return std::any_of(walks.begin(), walks.end(), [&](const Walk& w) { return w.at == revision; });
    };

    std::vector<int> seenEpoch(size_t(count()), 0);
    int epoch = 0;
    std::vector<int> stack;
    auto isBelow = [&](int candidate, Walk& walk) {
        if (walk.below)
            return walk.below->contains(candidate);
        if (m_generation[size_t(candidate)] >= m_generation[size_t(walk.at)])
            return false; // every edge down lowers the generation
        constexpr int kSearchBudget = 256;
        ++epoch;
        stack.assign(1, walk.at);
        int visited = 0;
        while (!stack.empty()) {
            const int at = stack.back();
            stack.pop_back();
            for (int k = m_belowEdges.offsets[size_t(at)]; k < m_belowEdges.offsets[size_t(at) + 1]; ++k) {
                const int next = m_belowEdges.targets[size_t(k)];
                if (next == candidate)
                    return true;
                if (m_generation[size_t(next)] > m_generation[size_t(candidate)] &&
                    seenEpoch[size_t(next)] != epoch) {
                    seenEpoch[size_t(next)] = epoch;
                    stack.push_back(next);
                }
            }
            if (++visited > kSearchBudget) {
                walk.below = ancestors({walk.at});
                return walk.below->contains(candidate);
            }
        }
        return false;
    };

    QVector<int> order;
    order.reserve(todo.count());
    size_t walk = 0;
    size_t switches = 0; // guards against two walks waiting for each other forever
    while (!walks.empty()) {
        const int candidate = walks[walk].at;
        // A revision that another walk still has to pass through waits for that walk, so
        // each branch is finished at its branch point before shared ancestors.
        std::optional<size_t> waitingFor;
        for (size_t other = 0; other < walks.size() && switches <= walks.size(); ++other) {
            if (other != walk && isBelow(candidate, walks[other])) {
                waitingFor = other;
                break;
            }
        }
        if (waitingFor) {
            walk = *waitingFor;
            ++switches;
            continue;
        }
        switches = 0;
        if (todo.contains(candidate)) {
            order.append(candidate);
            todo.remove(candidate);
        }
        QVector<int> next;
        for (int below : m_nodes[candidate].parents + m_nodes[candidate].ownDependencies) {
            if (todo.contains(below) && !isWalkHead(below) && !next.contains(below))
                next.append(below);
        }
        if (next.isEmpty()) {
            walks.erase(walks.begin() + qsizetype(walk));
            walk = walk > 0 ? walk - 1 : 0;
        } else if (m_nodes[candidate].parents.size() == 1 &&
                   m_nodes[candidate].ownDependencies.isEmpty()) {
            // Plain movement down a line: the walk's ancestors are the same minus this one.
            walks[walk].at = next.first();
            if (walks[walk].below)
                walks[walk].below->remove(candidate);
        } else {
            walks[walk] = {next.first(), std::nullopt};
            for (int k = 1; k < next.size(); ++k)
                walks.push_back({next[k], std::nullopt});
        }
    }
    return order;
}

QVector<int> RevisionGraph::history() const
{
    RevisionSet all(count());
    for (int i = 0; i < count(); ++i)
        all.insert(i);
    return historyOrder(all, m_realHeads);
}

} // namespace retort
