// SPDX-License-Identifier: Apache-2.0
#include "graph/graphlayout.h"

#include <QStringList>

#include <algorithm>
#include <cstdlib>

namespace retort {

namespace {

// The lanes between two rows while laying out: the revision each lane awaits (-1: free)
// and the lines that left the previous row, as (source lane there, lane they flow into).
// Each revision is awaited by at most one lane: a second line towards it joins that lane.
class LaneState
{
public:
    int laneAwaiting(int revision) const
    {
        const auto found = std::find(m_awaited.begin(), m_awaited.end(), revision);
        return found == m_awaited.end() ? -1 : int(found - m_awaited.begin());
    }

    bool isFree(int lane) const { return lane >= int(m_awaited.size()) || m_awaited[lane] < 0; }

    int lowestFreeLane() const
    {
        const auto found = std::find(m_awaited.begin(), m_awaited.end(), -1);
        return int(found - m_awaited.begin());
    }

    int width() const { return int(m_awaited.size()); }

    // The lines into the row of `revision`, whose node sits in `nodeLane`.
    void closeGap(int revision, int nodeLane, std::vector<GraphSegment>& out) const
    {
        for (const GraphSegment& line : m_leaving)
            out.push_back({line.from, m_awaited[line.to] == revision ? nodeLane : line.to});
    }

    // After the node of `revision`: its lane is free, the other lanes continue.
    void leaveNode(int revision)
    {
        m_leaving.clear();
        for (int lane = 0; lane < width(); ++lane) {
            if (m_awaited[lane] == revision)
                m_awaited[lane] = -1;
            else if (m_awaited[lane] >= 0)
                m_leaving.push_back({lane, lane});
        }
    }

    // A line from the node in `nodeLane` down to `parent`.
    void addParentLine(int nodeLane, int parent)
    {
        int lane = laneAwaiting(parent);
        if (lane > nodeLane && isFree(nodeLane)) {
            // The first parent is already awaited further right: pull that line into the
            // node's lane, keeping the history leaning left as git does.
            await(lane, -1);
            for (GraphSegment& line : m_leaving) {
                if (line.to == lane)
                    line.to = nodeLane;
            }
            lane = -1;
        }
        if (lane < 0) {
            lane = isFree(nodeLane) ? nodeLane : lowestFreeLane();
            await(lane, parent);
        }
        m_leaving.push_back({nodeLane, lane});
    }

private:
    void await(int lane, int revision)
    {
        if (lane >= width())
            m_awaited.resize(lane + 1, -1);
        m_awaited[lane] = revision;
    }

    std::vector<int> m_awaited;
    std::vector<GraphSegment> m_leaving;
};

} // namespace

GraphLayout::GraphLayout(const RevisionGraph& graph, const QVector<int>& rows)
{
    m_rows.reserve(rows.size());
    m_segmentOffsets.reserve(rows.size() + 1);
    m_segmentOffsets.push_back(0);
    m_rowOfRevision.assign(graph.count(), -1);
    for (int index = 0; index < rows.size(); ++index)
        m_rowOfRevision[rows[index]] = index;

    LaneState lanes;
    for (int index = 0; index < rows.size(); ++index) {
        const int revision = rows[index];
        int lane = lanes.laneAwaiting(revision);
        if (lane < 0)
            lane = lanes.lowestFreeLane(); // a head, or a revision whose children are hidden
        if (index > 0) {
            lanes.closeGap(revision, lane, m_segments);
            m_segmentOffsets.push_back(int(m_segments.size()));
        }
        lanes.leaveNode(revision);
        for (int parent : graph.parents(revision)) {
            if (m_rowOfRevision[parent] > index)
                lanes.addParentLine(lane, parent);
        }
        m_rows.push_back({revision, lane});
        m_laneCount = std::max({m_laneCount, lane + 1, lanes.width()});
    }
    if (!rows.isEmpty())
        m_segmentOffsets.push_back(int(m_segments.size())); // the last row has no lines down
}

GraphLayout::Segments GraphLayout::segments(int index) const
{
    const GraphSegment* data = m_segments.data();
    return {data + m_segmentOffsets[index], data + m_segmentOffsets[index + 1]};
}

int GraphLayout::rowOf(int revision) const
{
    return revision >= 0 && revision < int(m_rowOfRevision.size()) ? m_rowOfRevision[revision] : -1;
}

namespace {

// Writes c at column, crossing an opposite diagonal already there into an "X".
void put(QString& line, int column, QChar c)
{
    QChar& cell = line[column];
    if (cell == u' ' || cell == c)
        cell = c;
    else if ((cell == u'/' && c == u'\\') || (cell == u'\\' && c == u'/'))
        cell = u'X';
}

QString trimmedRight(QString line)
{
    while (line.endsWith(u' '))
        line.chop(1);
    return line;
}

} // namespace

QString GraphLayout::asciiNodeLine(int index) const
{
    const int nodeLane = m_rows[index].lane;
    QString line(2 * m_laneCount - 1, u' ');
    if (index > 0) {
        for (const GraphSegment& segment : segments(index - 1)) {
            if (segment.to != nodeLane)
                put(line, 2 * segment.to, u'|');
        }
    }
    for (const GraphSegment& segment : segments(index)) {
        if (segment.from != nodeLane)
            put(line, 2 * segment.from, u'|');
    }
    line[2 * nodeLane] = u'*';
    return line;
}

bool GraphLayout::startsUnderEndedLine(int index) const
{
    if (index <= 0 || index >= rowCount() || m_rows[index].lane != m_rows[index - 1].lane)
        return false;
    const Segments above = segments(index - 1);
    return std::none_of(above.begin(), above.end(), [this, index](const GraphSegment& segment) {
        return segment.to == m_rows[index].lane;
    });
}

// Lines moving k lanes take k connector lines, one lane per line, then run straight down.
QStringList GraphLayout::asciiConnectorLines(int index) const
{
    int height = 0;
    for (const GraphSegment& segment : segments(index))
        height = std::max(height, std::abs(segment.to - segment.from));
    QStringList lines;
    if (height == 0 && startsUnderEndedLine(index + 1)) {
        // Set a new line apart from the one that just ended in the same lane.
        QString line(2 * m_laneCount - 1, u' ');
        for (const GraphSegment& segment : segments(index))
            put(line, 2 * segment.from, u'|');
        lines << trimmedRight(line);
    }
    for (int step = 0; step < height; ++step) {
        QString line(2 * m_laneCount - 1, u' ');
        for (const GraphSegment& segment : segments(index)) {
            const int moves = segment.to - segment.from;
            if (std::abs(moves) <= step) {
                put(line, 2 * segment.to, u'|');
            } else if (moves > 0) {
                put(line, 2 * segment.from + 2 * step + 1, u'\\');
            } else {
                put(line, 2 * segment.from - 2 * step - 1, u'/');
            }
        }
        lines << trimmedRight(line);
    }
    return lines;
}

QString GraphLayout::toAscii(const RevisionGraph& graph) const
{
    QStringList lines;
    for (int index = 0; index < rowCount(); ++index) {
        lines << asciiNodeLine(index) + u' ' + graph.id(m_rows[index].revision);
        lines << asciiConnectorLines(index);
    }
    return lines.isEmpty() ? QString() : lines.join(u'\n') + u'\n';
}

} // namespace retort
