// SPDX-License-Identifier: Apache-2.0
#include "compare/sidebysideview.h"

#include "editor/scripteditor.h"

#include <QAction>
#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>

namespace retort::ui {

namespace {

// Keeps two scroll bars at the same value (both panes have the same rows).
void linkScrollBars(QScrollBar* a, QScrollBar* b)
{
    QObject::connect(a, &QScrollBar::valueChanged, b, [b](int value) {
        if (b->value() != value)
            b->setValue(value);
    });
    QObject::connect(b, &QScrollBar::valueChanged, a, [a](int value) {
        if (a->value() != value)
            a->setValue(value);
    });
}

} // namespace

SideBySideView::SideBySideView(QWidget* parent)
    : QWidget(parent), m_fromTitle(new QLabel(this)), m_toTitle(new QLabel(this)),
      m_position(new QLabel(this)), m_from(new ScriptEditor(this)), m_to(new ScriptEditor(this)),
      m_next(new QAction(tr("Next Difference"), this)),
      m_previous(new QAction(tr("Previous Difference"), this))
{
    m_from->setObjectName(QStringLiteral("fromEditor"));
    m_to->setObjectName(QStringLiteral("toEditor"));
    m_position->setObjectName(QStringLiteral("differencePosition"));
    m_position->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->addWidget(m_fromTitle, 0, 0);
    layout->addWidget(m_toTitle, 0, 1);
    layout->addWidget(m_from, 1, 0);
    layout->addWidget(m_to, 1, 1);
    layout->addWidget(m_position, 2, 0, 1, 2);
    layout->setRowStretch(1, 1);
    for (QLabel* title : {m_fromTitle, m_toTitle}) {
        QFont font = title->font();
        font.setBold(true);
        title->setFont(font);
    }
    linkScrollBars(m_from->verticalScrollBar(), m_to->verticalScrollBar());
    linkScrollBars(m_from->horizontalScrollBar(), m_to->horizontalScrollBar());

    m_next->setObjectName(QStringLiteral("nextDifferenceAction"));
    m_next->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Down), QKeySequence(Qt::Key_F7)});
    m_next->setToolTip(tr("Go to the next difference (Alt+Down, F7)"));
    m_previous->setObjectName(QStringLiteral("previousDifferenceAction"));
    m_previous->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::SHIFT | Qt::Key_F7)});
    m_previous->setToolTip(tr("Go to the previous difference (Alt+Up, Shift+F7)"));
    for (QAction* action : {m_next, m_previous}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    connect(m_next, &QAction::triggered, this, &SideBySideView::nextDifference);
    connect(m_previous, &QAction::triggered, this, &SideBySideView::previousDifference);
    clear();
}

void SideBySideView::setTitles(const QString& from, const QString& to)
{
    m_fromTitle->setText(from);
    m_toTitle->setText(to);
}

void SideBySideView::paint(ScriptEditor* editor, const SideBySide& alignment, bool fromSide)
{
    using Kind = AlignedRow::Kind;
    using Mark = ScriptEditor::LineMark;
    editor->clearReviewMarks();
    editor->setScript(fromSide ? alignment.fromText() : alignment.toText(), ScriptEditor::Language::Sql);
    QVector<int> fillers;
    for (int i = 0; i < alignment.rows.size(); ++i) {
        const AlignedRow& row = alignment.rows.at(i);
        const int line = i + 1;
        const bool present = (fromSide ? row.fromLine : row.toLine) >= 0;
        switch (row.kind) {
        case Kind::Same:
            break;
        case Kind::Changed:
            editor->markLine(line, Mark::Changed);
            for (const WordSpan& span : fromSide ? row.fromWords : row.toWords)
                editor->markWords(line, span.start, span.length);
            break;
        case Kind::Removed:
        case Kind::Added:
            if (present)
                editor->markLine(line, row.kind == Kind::Removed ? Mark::Removed : Mark::Added);
            else
                fillers.append(line);
            break;
        }
    }
    editor->setFillerLines(fillers);
}

void SideBySideView::showAlignment(const SideBySide& alignment)
{
    paint(m_from, alignment, true);
    paint(m_to, alignment, false);
    m_starts = alignment.differenceStarts();
    m_current = -1;
    if (!m_starts.isEmpty())
        goToDifference(0);
    else
        Q_EMIT differenceChanged(-1, 0);
    m_position->setText(m_starts.isEmpty() ? tr("No differences")
                                           : tr("%n difference(s)", nullptr, int(m_starts.size())));
}

void SideBySideView::clear(const QString& message)
{
    for (ScriptEditor* editor : {m_from, m_to}) {
        editor->clearReviewMarks();
        editor->setScript(QString(), ScriptEditor::Language::Sql);
    }
    m_starts.clear();
    m_current = -1;
    m_position->setText(message);
}

void SideBySideView::nextDifference()
{
    const int row = m_to->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION,
                                        m_to->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    for (int i = 0; i < m_starts.size(); ++i) {
        if (m_starts.at(i) > row) {
            goToDifference(i);
            return;
        }
    }
}

void SideBySideView::previousDifference()
{
    const int row = m_to->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION,
                                        m_to->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    for (int i = int(m_starts.size()) - 1; i >= 0; --i) {
        if (m_starts.at(i) < row) {
            goToDifference(i);
            return;
        }
    }
}

void SideBySideView::goToDifference(int index)
{
    m_current = index;
    const int line = m_starts.at(index) + 1;
    m_from->goToLine(line);
    m_to->goToLine(line);
    m_position->setText(tr("Difference %1 of %2").arg(index + 1).arg(m_starts.size()));
    Q_EMIT differenceChanged(index, int(m_starts.size()));
}

} // namespace retort::ui
