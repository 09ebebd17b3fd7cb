// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/sqllint.h"
#include "graph/revision.h"
#include "lint/scriptlinter.h"
#include "lint/sqllint.h"

#include <Qsci/qsciscintilla.h>
#include <QMap>
#include <QVector>

namespace retort::ui {

// The one code editor of Studio: fonts, margins, markers and highlighting in one place.
// SQL uses QScintilla's SQL lexer, Alembic scripts its Python lexer, both coloured from the
// application palette so they read well in light and dark themes.
class ScriptEditor : public QsciScintilla
{
    Q_OBJECT

public:
    enum class Language { Sql, Python };

    explicit ScriptEditor(QWidget* parent = nullptr);

    void setScript(const QString& text, Language language);
    static Language languageOf(ScriptFormat format);

    // Marks a line (1-based) as the failing one and scrolls to it; 0 clears the mark.
    void markErrorLine(int line);
    int errorLine() const { return m_errorLine; }
    // Marks a line (1-based) as a warning, e.g. a statement that destroys data.
    void markWarningLine(int line);
    QList<int> warningLines() const;
    // Marks each statement of the SQL shown (`dialect`) that destroys data, judged in order
    // (destructiveStatements(): tables the SQL made itself and Retort's own rows in
    // `versionTable` aside, a table rebuild as the columns it loses; `before` what the
    // database holds) and returns "line N drops a table", ... for each.
    QStringList markDestructiveStatements(Dialect dialect, const QString& versionTable,
                                          const LintSchema& before = {});
    // "<b>2 statement(s) destroy data:</b> line 3 drops a table, ..." in red; empty for none.
    static QString destructiveSummaryHtml(const QStringList& reasons);

    // Review marks, for diffs and lint in any script view. Lines are 1-based, as above;
    // columns are 0-based characters of the line. setScript() and setText() keep them:
    // clearReviewMarks() removes them all.
    //
    // Line backgrounds: a line only one side has (Removed on the old side, Added on the new),
    // a line that differs (Changed), a filler standing for no line (Filler).
    enum class LineMark { Added, Removed, Changed, Filler };
    void markLine(int line, LineMark mark);
    QList<int> markedLines(LineMark mark) const;
    // A box around characters [column, column + length) of a line: a changed word.
    void markWords(int line, int column, int length);
    struct WordMark
    {
        int line = 0;
        int column = 0;
        int length = 0;
    };
    const QVector<WordMark>& wordMarks() const { return m_wordMarks; }
    // Lines that stand for no line of the text (empty, kept to align two panes): marked as
    // fillers, and the line-number margin numbers the other lines as if they were not there.
    void setFillerLines(const QVector<int>& lines);
    // The number the margin shows for a line; 0 for a filler.
    int shownLineNumber(int line) const;
    // Findings (lint) as margin symbols, the worst severity of a line shown; hovering the
    // symbol shows each finding's code and text.
    struct Finding
    {
        int line = 0;
        LintSeverity severity = LintSeverity::Warning;
        QString code; // "RT301"
        QString text; // the rule's message for this statement
    };
    void setFindings(const QVector<Finding>& findings);
    // The same from the lint's findings (their line, severity, code and message).
    void setLintFindings(const QVector<LintFinding>& findings);
    const QVector<Finding>& findings() const { return m_findings; }
    // "RT301 warning: message" lines of the findings on `line`; empty for none.
    QString findingsText(int line) const;
    void clearReviewMarks();
    // Puts the cursor on a line, scrolled into view.
    void goToLine(int line);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyPalette();
    void applyLineNumbers();

    Language m_language = Language::Sql;
    int m_errorMarker = -1;
    int m_warningMarker = -1;
    int m_errorLine = 0;
    QMap<LineMark, int> m_lineMarkers;
    int m_wordIndicator = -1;
    QVector<WordMark> m_wordMarks;
    QVector<int> m_fillers; // sorted, 1-based
    QMap<LintSeverity, int> m_findingMarkers;
    QVector<Finding> m_findings;
};

} // namespace retort::ui
