// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/sidebysidediff.h"

#include <QWidget>

class QAction;
class QLabel;

namespace retort::ui {

class ScriptEditor;

// Two read-only script editors side by side showing a finished alignment (SideBySideDiff, in
// core): changed lines on a coloured background, changed words boxed, filler lines where the
// other side has lines this one lacks, both panes scrolling in step. Next / previous
// difference: Alt+Down / Alt+Up or F7 / Shift+F7 while the window is active. Reusable by any
// panel that shows two versions of a text (a schema before and after a revision, a changed
// script).
class SideBySideView : public QWidget
{
    Q_OBJECT

public:
    explicit SideBySideView(QWidget* parent = nullptr);

    void setTitles(const QString& from, const QString& to);
    // Paints `alignment`; the SQL lexer colours both sides.
    void showAlignment(const SideBySide& alignment);
    // Empties both panes and shows `message` (may be empty) over them.
    void clear(const QString& message = {});

    ScriptEditor* fromEditor() const { return m_from; }
    ScriptEditor* toEditor() const { return m_to; }
    QAction* nextDifferenceAction() const { return m_next; }
    QAction* previousDifferenceAction() const { return m_previous; }

    int differenceCount() const { return int(m_starts.size()); }
    // The difference the cursor is in or last went to (0-based); -1 before the first.
    int currentDifference() const { return m_current; }

public Q_SLOTS:
    void nextDifference();
    void previousDifference();

Q_SIGNALS:
    void differenceChanged(int index, int count);

private:
    void goToDifference(int index);
    void paint(ScriptEditor* editor, const SideBySide& alignment, bool fromSide);

    QLabel* m_fromTitle;
    QLabel* m_toTitle;
    QLabel* m_position;
    ScriptEditor* m_from;
    ScriptEditor* m_to;
    QAction* m_next;
    QAction* m_previous;
    QVector<int> m_starts; // first row of each difference
    int m_current = -1;
};

} // namespace retort::ui
