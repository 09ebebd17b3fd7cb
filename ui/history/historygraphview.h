// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/graphlayout.h"
#include "graph/revisiongraph.h"

#include <QAbstractScrollArea>
#include <QSet>
#include <QStringList>

#include <vector>

namespace retort::ui {

// The project's history as a graph: one row per revision, newest first, lanes laid out by
// the engine's GraphLayout. Paints only the rows in view, so a 10,000-revision history
// scrolls like a short one. Each row shows the lines, the node (filled when applied to the
// database, hollow when pending), a "you are here" ring on the database's current
// revisions, then the id, branch label chips, head/merge/branch/base markers and the message.
//
// The filter dims the rows that do not match instead of hiding them: hiding would cut the
// lines and lose where a match sits in its branch. Keyboard navigation then moves between
// matches only; a click still selects any row.
class HistoryGraphView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit HistoryGraphView(QWidget* parent = nullptr);

    // Shows `graph` (copied; cheap) in history order. Clears the selection.
    void setGraph(const RevisionGraph& graph);
    const RevisionGraph& graph() const { return m_graph; }
    const GraphLayout& layout() const { return m_layout; }

    // The revisions applied to the database (filled nodes); the others are pending.
    void setAppliedRevisions(const QSet<QString>& ids);
    // The database's current revision(s): marked "you are here".
    void setCurrentRevisions(const QStringList& ids);
    // Where a database stands: "you are here" on its version-table rows, and every revision
    // they rest on as applied. Rows the graph does not know are left out.
    void showDatabaseAt(const QStringList& versionRows);
    // What the two calls above last set, as shown: the current ids in history order.
    QStringList currentRevisions() const;
    bool isApplied(const QString& id) const;

    // Rows whose id starts with `text`, or whose label or message contains it (ignoring
    // case), stay bright; the others are dimmed. Empty text clears the filter. Scrolls the
    // first match into view.
    void setFilterText(const QString& text);
    QString filterText() const { return m_filterText; }
    bool rowMatchesFilter(int row) const;
    int matchingRowCount() const;

    // The selected revision's id, or empty.
    QString selectedRevision() const;
    // Selects a revision by id (unknown ids clear the selection) and scrolls to it.
    void selectRevision(const QString& id);

    int rowHeight() const { return m_rowHeight; }
    // Where a revision's row is, in viewport coordinates (empty when unknown).
    QRect revisionRect(const QString& id) const;
    int rowAt(int viewportY) const;
    // The centre of a revision's node, in viewport coordinates.
    QPoint nodeCentre(const QString& id) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    // The selection moved to revision `id` (empty: nothing selected).
    void currentRevisionChanged(const QString& id);
    // The user asked for the context menu of revision `id` at `globalPos`.
    void revisionContextMenuRequested(const QString& id, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    struct Metrics
    {
        int laneWidth = 14;
        int graphLeft = 6;
        int nodeRadius = 4;
    };

    void updateMetrics();
    void updateScrollBars();
    void setSelectedRow(int row);
    void ensureRowVisible(int row);
    int rowTop(int row) const;
    int laneX(int lane) const;
    int textLeft() const;
    // The next matching row from `row` going `step` (±1); `row` itself when none.
    int nextMatchingRow(int row, int step) const;
    int firstMatchingRow() const;

    void paintLines(QPainter& painter, int firstRow, int lastRow) const;
    void paintRow(QPainter& painter, int row) const;
    void paintNode(QPainter& painter, int row, const QRect& rect) const;
    int paintChip(QPainter& painter, int x, const QRect& rect, const QString& text,
                  const QColor& colour, const QColor& textColour) const;
    QColor laneColour(int lane) const;
    QString toolTipFor(int row) const;

    RevisionGraph m_graph;
    GraphLayout m_layout;
    std::vector<char> m_applied; // by revision index
    std::vector<char> m_current; // by revision index
    std::vector<char> m_matches; // by row; empty: no filter
    QString m_filterText;
    int m_selectedRow = -1;
    int m_rowHeight = 22;
    Metrics m_metrics;
};

} // namespace retort::ui
