// SPDX-License-Identifier: Apache-2.0
#include "history/historygraphview.h"

#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <array>

namespace retort::ui {

namespace {

constexpr qreal kDimmedOpacity = 0.3;
constexpr int kChipPadding = 5;
constexpr int kGap = 6;

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// A revision's id as shown: Alembic's ids are 12 hex digits; longer hand-made ids are cut.
QString shortId(const QString& id)
{
    return id.left(12);
}

} // namespace

HistoryGraphView::HistoryGraphView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(false);
    updateMetrics();
}

void HistoryGraphView::setGraph(const RevisionGraph& graph)
{
    const bool hadSelection = m_selectedRow >= 0;
    m_graph = graph;
    m_layout = GraphLayout(m_graph, m_graph.history());
    m_applied.assign(m_graph.count(), 0);
    m_current.assign(m_graph.count(), 0);
    m_selectedRow = -1;
    setFilterText(m_filterText); // recomputes the matches for the new rows
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
    if (hadSelection)
        Q_EMIT currentRevisionChanged(QString());
}

void HistoryGraphView::setAppliedRevisions(const QSet<QString>& ids)
{
    m_applied.assign(m_graph.count(), 0);
    for (const QString& id : ids) {
        const int index = m_graph.indexOf(id);
        if (index >= 0)
            m_applied[index] = 1;
    }
    viewport()->update();
}

void HistoryGraphView::setCurrentRevisions(const QStringList& ids)
{
    m_current.assign(m_graph.count(), 0);
    for (const QString& id : ids) {
        const int index = m_graph.indexOf(id);
        if (index >= 0)
            m_current[index] = 1;
    }
    viewport()->update();
}

void HistoryGraphView::showDatabaseAt(const QStringList& versionRows)
{
    setCurrentRevisions(versionRows);
    QVector<int> rows;
    for (const QString& id : versionRows) {
        const int index = m_graph.indexOf(id);
        if (index >= 0)
            rows.append(index);
    }
    m_applied.assign(m_graph.count(), 0);
    for (int index : m_graph.ancestors(rows).toList())
        m_applied[index] = 1;
    viewport()->update();
}

QStringList HistoryGraphView::currentRevisions() const
{
    QStringList ids;
    for (int row = 0; row < m_layout.rowCount(); ++row) {
        const int index = m_layout.row(row).revision;
        if (m_current[index])
            ids << m_graph.id(index);
    }
    return ids;
}

bool HistoryGraphView::isApplied(const QString& id) const
{
    const int index = m_graph.indexOf(id);
    return index >= 0 && m_applied[index];
}

void HistoryGraphView::setFilterText(const QString& text)
{
    m_filterText = text.trimmed();
    m_matches.clear();
    if (!m_filterText.isEmpty()) {
        m_matches.resize(m_layout.rowCount());
        for (int row = 0; row < m_layout.rowCount(); ++row) {
            const int index = m_layout.row(row).revision;
            const auto inLabel = [this](const QString& label) {
                return label.contains(m_filterText, Qt::CaseInsensitive);
            };
            const QStringList& labels = m_graph.branchLabels(index);
            m_matches[row] =
                m_graph.id(index).startsWith(m_filterText, Qt::CaseInsensitive) ||
                std::any_of(labels.begin(), labels.end(), inLabel) ||
                m_graph.revision(index).message.contains(m_filterText, Qt::CaseInsensitive);
        }
        ensureRowVisible(rowMatchesFilter(m_selectedRow) ? m_selectedRow : firstMatchingRow());
    }
    viewport()->update();
}

bool HistoryGraphView::rowMatchesFilter(int row) const
{
    if (row < 0 || row >= m_layout.rowCount())
        return false;
    return m_matches.empty() || m_matches[row];
}

int HistoryGraphView::matchingRowCount() const
{
    if (m_matches.empty())
        return m_layout.rowCount();
    return int(std::count(m_matches.begin(), m_matches.end(), 1));
}

QString HistoryGraphView::selectedRevision() const
{
    if (m_selectedRow < 0)
        return {};
    return m_graph.id(m_layout.row(m_selectedRow).revision);
}

void HistoryGraphView::selectRevision(const QString& id)
{
    setSelectedRow(m_layout.rowOf(m_graph.indexOf(id)));
}

QRect HistoryGraphView::revisionRect(const QString& id) const
{
    const int row = m_layout.rowOf(m_graph.indexOf(id));
    if (row < 0)
        return {};
    return QRect(0, rowTop(row), viewport()->width(), m_rowHeight);
}

QPoint HistoryGraphView::nodeCentre(const QString& id) const
{
    const int row = m_layout.rowOf(m_graph.indexOf(id));
    if (row < 0)
        return {};
    return QPoint(laneX(m_layout.row(row).lane), rowTop(row) + m_rowHeight / 2);
}

int HistoryGraphView::rowAt(int viewportY) const
{
    const int y = viewportY + verticalScrollBar()->value();
    if (y < 0)
        return -1;
    const int row = y / m_rowHeight;
    return row < m_layout.rowCount() ? row : -1;
}

QSize HistoryGraphView::sizeHint() const
{
    return QSize(60 * fontMetrics().averageCharWidth(), 20 * m_rowHeight);
}

void HistoryGraphView::updateMetrics()
{
    const QFontMetrics metrics(font());
    m_rowHeight = std::max(metrics.height() + 10, 20);
    m_metrics.laneWidth = std::max(12, m_rowHeight * 3 / 4);
    m_metrics.nodeRadius = std::max(3, m_rowHeight / 5);
    m_metrics.graphLeft = kGap;
    updateScrollBars();
}

void HistoryGraphView::updateScrollBars()
{
    QScrollBar* bar = verticalScrollBar();
    const int contentHeight = m_layout.rowCount() * m_rowHeight;
    bar->setRange(0, std::max(0, contentHeight - viewport()->height()));
    bar->setPageStep(viewport()->height());
    bar->setSingleStep(m_rowHeight);
}

void HistoryGraphView::setSelectedRow(int row)
{
    if (row >= m_layout.rowCount())
        row = -1;
    if (row == m_selectedRow)
        return;
    m_selectedRow = row;
    ensureRowVisible(row);
    viewport()->update();
    Q_EMIT currentRevisionChanged(selectedRevision());
}

void HistoryGraphView::ensureRowVisible(int row)
{
    if (row < 0 || row >= m_layout.rowCount())
        return;
    QScrollBar* bar = verticalScrollBar();
    const int top = row * m_rowHeight;
    if (top < bar->value())
        bar->setValue(top);
    else if (top + m_rowHeight > bar->value() + viewport()->height())
        bar->setValue(top + m_rowHeight - viewport()->height());
}

int HistoryGraphView::rowTop(int row) const
{
    return row * m_rowHeight - verticalScrollBar()->value();
}

int HistoryGraphView::laneX(int lane) const
{
    return m_metrics.graphLeft + lane * m_metrics.laneWidth + m_metrics.laneWidth / 2;
}

int HistoryGraphView::textLeft() const
{
    return m_metrics.graphLeft + m_layout.laneCount() * m_metrics.laneWidth + kGap;
}

int HistoryGraphView::nextMatchingRow(int row, int step) const
{
    for (int next = row + step; next >= 0 && next < m_layout.rowCount(); next += step) {
        if (rowMatchesFilter(next))
            return next;
    }
    return row;
}

int HistoryGraphView::firstMatchingRow() const
{
    const int row = nextMatchingRow(-1, 1);
    return row >= 0 ? row : -1;
}

QColor HistoryGraphView::laneColour(int lane) const
{
    // Hues far apart on the wheel, strong enough on white and light enough on black.
    static constexpr std::array<int, 8> hues{210, 25, 130, 350, 275, 185, 50, 320};
    const int hue = hues[std::size_t(lane) % hues.size()];
    return isDark(palette()) ? QColor::fromHsv(hue, 150, 245) : QColor::fromHsv(hue, 220, 185);
}

void HistoryGraphView::paintEvent(QPaintEvent* event)
{
    QPainter painter(viewport());
    const QRect exposed = event->rect();
    painter.fillRect(exposed, palette().brush(QPalette::Base));
    if (m_layout.rowCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No revisions"));
        return;
    }
    const int firstRow = std::max(0, rowAt(std::max(0, exposed.top())));
    int lastRow = rowAt(exposed.bottom());
    if (lastRow < 0)
        lastRow = m_layout.rowCount() - 1;
    if (m_selectedRow >= firstRow && m_selectedRow <= lastRow) {
        painter.fillRect(QRect(0, rowTop(m_selectedRow), viewport()->width(), m_rowHeight),
                         palette().brush(hasFocus() ? QPalette::Active : QPalette::Inactive,
                                         QPalette::Highlight));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    paintLines(painter, firstRow, lastRow);
    for (int row = firstRow; row <= lastRow; ++row)
        paintRow(painter, row);
}

// The lines between consecutive rows, from the gap above the first row to the one below the
// last. A line leaving a node takes the colour of the lane it goes to; any other line keeps
// the colour of the lane it comes from.
void HistoryGraphView::paintLines(QPainter& painter, int firstRow, int lastRow) const
{
    const qreal half = m_rowHeight / 2; // node centres sit on whole pixels
    for (int gap = std::max(0, firstRow - 1); gap <= lastRow && gap + 1 < m_layout.rowCount();
         ++gap) {
        const qreal top = rowTop(gap) + half;
        const qreal bottom = top + m_rowHeight;
        for (const GraphSegment& segment : m_layout.segments(gap)) {
            const bool leavesNode = segment.from == m_layout.row(gap).lane;
            painter.setPen(QPen(laneColour(leavesNode ? segment.to : segment.from), 2.0));
            const qreal x1 = laneX(segment.from);
            const qreal x2 = laneX(segment.to);
            if (segment.from == segment.to) {
                painter.drawLine(QPointF(x1, top), QPointF(x2, bottom));
                continue;
            }
            QPainterPath path(QPointF(x1, top));
            path.cubicTo(QPointF(x1, top + half), QPointF(x2, top + half), QPointF(x2, bottom));
            painter.drawPath(path);
        }
    }
}

void HistoryGraphView::paintNode(QPainter& painter, int row, const QRect& rect) const
{
    const GraphLayout::Row& layoutRow = m_layout.row(row);
    const QPointF centre(laneX(layoutRow.lane), rect.top() + m_rowHeight / 2);
    const QColor colour = laneColour(layoutRow.lane);
    const qreal radius = m_metrics.nodeRadius;
    if (m_current[layoutRow.revision]) {
        painter.setPen(QPen(palette().color(QPalette::Text), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(centre, radius + 3.0, radius + 3.0);
    }
    painter.setPen(QPen(colour, 2.0));
    painter.setBrush(m_applied[layoutRow.revision] ? QBrush(colour)
                                                   : palette().brush(QPalette::Base));
    painter.drawEllipse(centre, radius, radius);
}

// A rounded label at x, tinted with `colour`; returns the x after it.
int HistoryGraphView::paintChip(QPainter& painter, int x, const QRect& rect, const QString& text,
                                const QColor& colour, const QColor& textColour) const
{
    const QFontMetrics metrics(painter.font());
    const int width = metrics.horizontalAdvance(text) + 2 * kChipPadding;
    const QRectF chip(x + 0.5, rect.top() + 3.5, width, rect.height() - 7);
    QColor fill = colour;
    fill.setAlpha(isDark(palette()) ? 70 : 45);
    painter.setPen(QPen(colour, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(chip, 4, 4);
    painter.setPen(textColour);
    painter.drawText(chip, Qt::AlignCenter, text);
    return x + width + kGap;
}

void HistoryGraphView::paintRow(QPainter& painter, int row) const
{
    const QRect rect(0, rowTop(row), viewport()->width(), m_rowHeight);
    const int index = m_layout.row(row).revision;
    const bool selected = row == m_selectedRow;
    painter.save();
    if (!rowMatchesFilter(row))
        painter.setOpacity(kDimmedOpacity);
    paintNode(painter, row, rect);

    const QColor textColour =
        palette().color(selected ? QPalette::HighlightedText : QPalette::Text);
    int x = textLeft();
    QFont idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    idFont.setPointSizeF(font().pointSizeF());
    painter.setFont(idFont);
    painter.setPen(textColour);
    const QString id = shortId(m_graph.id(index));
    const QRect idRect(x, rect.top(), rect.right() - x, rect.height());
    painter.drawText(idRect, Qt::AlignLeft | Qt::AlignVCenter, id);
    x += QFontMetrics(idFont).horizontalAdvance(id) + kGap;

    QFont chipFont = font();
    chipFont.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(chipFont);
    if (m_current[index])
        x = paintChip(painter, x, rect, tr("you are here"), palette().color(QPalette::Link),
                      textColour);
    for (const QString& label : m_graph.revision(index).branchLabels)
        x = paintChip(painter, x, rect, label, laneColour(m_layout.row(row).lane), textColour);
    const QColor markerColour = palette().color(QPalette::PlaceholderText);
    const std::pair<bool, QString> markers[] = {{m_graph.isHead(index), tr("head")},
                                                {m_graph.isMergePoint(index), tr("merge")},
                                                {m_graph.isBranchPoint(index), tr("branch")},
                                                {m_graph.isBase(index), tr("base")}};
    for (const auto& [shown, text] : markers) {
        if (shown)
            x = paintChip(painter, x, rect, text, markerColour, textColour);
    }

    painter.setFont(font());
    painter.setPen(textColour);
    const int room = rect.right() - kGap - x;
    if (room > 0) {
        const QString message =
            fontMetrics().elidedText(m_graph.revision(index).message, Qt::ElideRight, room);
        painter.drawText(QRect(x, rect.top(), room, rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, message);
    }
    painter.restore();
}

QString HistoryGraphView::toolTipFor(int row) const
{
    const int index = m_layout.row(row).revision;
    const Revision& revision = m_graph.revision(index);
    QStringList lines{QStringLiteral("<b>%1</b>").arg(revision.id.toHtmlEscaped())};
    if (!revision.message.isEmpty())
        lines << revision.message.toHtmlEscaped();
    lines << (m_applied[index] ? tr("Applied to the database") : tr("Not applied yet"));
    const QStringList& labels = m_graph.branchLabels(index);
    if (!labels.isEmpty())
        lines << tr("Branch labels: %1").arg(labels.join(QStringLiteral(", ")).toHtmlEscaped());
    QStringList dependencies;
    for (int dependency : m_graph.dependencies(index))
        dependencies << m_graph.id(dependency);
    if (!dependencies.isEmpty())
        lines << tr("Depends on: %1").arg(dependencies.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!revision.createDate.isEmpty())
        lines << tr("Created: %1").arg(revision.createDate.toHtmlEscaped());
    lines << tr("File: %1").arg(revision.path.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

// Moves the pixels already painted; only the uncovered strip is painted again.
void HistoryGraphView::scrollContentsBy(int dx, int dy)
{
    viewport()->scroll(dx, dy);
}

void HistoryGraphView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HistoryGraphView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const int row = rowAt(event->position().toPoint().y());
    if (row >= 0)
        setSelectedRow(row);
    event->accept();
}

// Selection happens on press; the release belongs to the same click.
void HistoryGraphView::mouseReleaseEvent(QMouseEvent* event)
{
    event->setAccepted(event->button() == Qt::LeftButton || event->button() == Qt::RightButton);
}

void HistoryGraphView::keyPressEvent(QKeyEvent* event)
{
    const int rows = m_layout.rowCount();
    const int pageRows = std::max(1, viewport()->height() / m_rowHeight - 1);
    const auto pageMove = [this, rows, pageRows](int step) {
        const int from = m_selectedRow < 0 ? (step > 0 ? -1 : rows) : m_selectedRow;
        const int target = std::clamp(from + step * pageRows, 0, rows - 1);
        // The match nearest the page's distance, preferring not to overshoot it.
        int row = rowMatchesFilter(target) ? target : nextMatchingRow(target, -step);
        if ((row - from) * step <= 0)
            row = nextMatchingRow(target, step);
        return (row - from) * step > 0 && rowMatchesFilter(row) ? row : m_selectedRow;
    };
    int row = m_selectedRow;
    switch (event->key()) {
    case Qt::Key_Up:
        row = m_selectedRow < 0 ? firstMatchingRow() : nextMatchingRow(m_selectedRow, -1);
        break;
    case Qt::Key_Down:
        row = m_selectedRow < 0 ? firstMatchingRow() : nextMatchingRow(m_selectedRow, 1);
        break;
    case Qt::Key_Home:
        row = firstMatchingRow();
        break;
    case Qt::Key_End:
        row = nextMatchingRow(rows, -1);
        break;
    case Qt::Key_PageUp:
        row = pageMove(-1);
        break;
    case Qt::Key_PageDown:
        row = pageMove(1);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    if (rows > 0 && rowMatchesFilter(row))
        setSelectedRow(row);
    event->accept();
}

void HistoryGraphView::contextMenuEvent(QContextMenuEvent* event)
{
    int row = m_selectedRow;
    QPoint globalPos = event->globalPos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        if (row >= 0) {
            const QPoint anchor(textLeft(), rowTop(row) + m_rowHeight / 2);
            globalPos = viewport()->mapToGlobal(anchor);
        }
    } else {
        row = rowAt(event->pos().y());
        if (row >= 0)
            setSelectedRow(row);
    }
    if (row < 0)
        return;
    Q_EMIT revisionContextMenuRequested(m_graph.id(m_layout.row(row).revision), globalPos);
    event->accept();
}

void HistoryGraphView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMetrics();
    QAbstractScrollArea::changeEvent(event);
    viewport()->update();
}

bool HistoryGraphView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos().y());
        if (row < 0) {
            QToolTip::hideText();
        } else {
            const QRect rect(0, rowTop(row), viewport()->width(), m_rowHeight);
            QToolTip::showText(help->globalPos(), toolTipFor(row), viewport(), rect);
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace retort::ui
