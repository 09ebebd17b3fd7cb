// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revisiongraph.h"

#include <QString>
#include <QVector>

#include <vector>

namespace retort {

// One line drawn between a row and the next: from a lane at this row's centre to a lane at
// the next row's centre. Equal lanes are a vertical continuation; different lanes a line
// converging into the next row's node, joining another lane, or branching out of this node.
struct GraphSegment
{
    int from = 0;
    int to = 0;
};

// Where a history graph's rows go, git-log style: a head starts a lane, a node's first
// parent continues in the node's lane, other parents take free lanes (lowest first), a line
// whose revision is already awaited by another lane joins that lane, and the lanes of a
// branch point's children converge on it. Lanes free up as soon as their line ends, so the
// width stays small. Only down_revision edges are drawn; depends_on edges are not.
// Computed once in O(rows x lanes); the view only paints what is exposed.
class GraphLayout
{
public:
    struct Row
    {
        int revision = -1; // index in the RevisionGraph
        int lane = 0;      // the node's lane
    };

    // A view of one row's segments, valid as long as the layout lives.
    struct Segments
    {
        const GraphSegment* first = nullptr;
        const GraphSegment* last = nullptr;
        const GraphSegment* begin() const { return first; }
        const GraphSegment* end() const { return last; }
        int size() const { return int(last - first); }
    };

    GraphLayout() = default;
    // Lays out `rows` (revision indexes, children before parents, e.g. graph.history()).
    // Parents that are not among the rows, or not below their child, are not drawn.
    GraphLayout(const RevisionGraph& graph, const QVector<int>& rows);

    int rowCount() const { return int(m_rows.size()); }
    int laneCount() const { return m_laneCount; }
    const Row& row(int index) const { return m_rows[index]; }
    // The lines from row `index` down to row `index + 1` (none for the last row).
    Segments segments(int index) const;
    // The row showing a revision, or -1.
    int rowOf(int revision) const;

    // The layout as text, like `git log --graph`: "*" a node followed by its id, "|" a lane,
    // "/" and "\" lines moving one lane per connector line, "X" two crossing there. For
    // golden tests and debugging.
    QString toAscii(const RevisionGraph& graph) const;

private:
    QString asciiNodeLine(int index) const;
    QStringList asciiConnectorLines(int index) const;
    bool startsUnderEndedLine(int index) const;

    std::vector<Row> m_rows;
    std::vector<GraphSegment> m_segments;
    std::vector<int> m_segmentOffsets; // segments of row i: [offsets[i], offsets[i + 1])
    std::vector<int> m_rowOfRevision;
    int m_laneCount = 0;
};

} // namespace retort
