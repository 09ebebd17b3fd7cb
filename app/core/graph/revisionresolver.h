// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revisiongraph.h"

#include <QString>
#include <QVector>
#include <optional>

namespace retort {

// Turns the names users type into revisions, as Alembic does:
//   full id, branch label, unique id prefix (at least 4 characters), head, heads, base,
//   label@head, label@base, label@<rev>, and relative forms: +N / -N (from the current
//   revision), <rev>+N, head-N, base+N, label@+N, label@head-N.
// A result is a set of revisions; the empty set means base. Errors (unknown, ambiguous,
// multiple heads, a walk past the end) throw Error(Graph) naming what was asked.
class RevisionResolver
{
public:
    explicit RevisionResolver(const RevisionGraph& graph) : m_graph(graph) {}

    // `current` is the database's current revisions, for relative names without a
    // revision ("+1", "-2"); std::nullopt when there is no database to ask.
    QVector<int> resolve(const QString& name,
                         const std::optional<QVector<int>>& current = std::nullopt) const;
    // Exactly one revision (not base). `what` describes the argument in messages.
    int resolveOne(const QString& name, const QString& what = {}) const;

private:
    QVector<int> resolveAbsolute(const QString& name) const;
    QVector<int> resolveRelative(const QString& label, const QString& base, int steps,
                                 const QString& name,
                                 const std::optional<QVector<int>>& current) const;
    int lookup(const QString& name) const;
    int headOfLabel(const QString& label, const QString& name) const;
    QVector<int> filterForLabel(const QVector<int>& revisions, const QString& label) const;
    int walk(int start, int steps, const QString& label, const QString& name) const;

    const RevisionGraph& m_graph;
};

} // namespace retort
