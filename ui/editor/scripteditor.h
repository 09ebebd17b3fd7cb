// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/sqllint.h"
#include "graph/revision.h"

#include <Qsci/qsciscintilla.h>

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

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    Language m_language = Language::Sql;
    int m_errorMarker = -1;
    int m_warningMarker = -1;
    int m_errorLine = 0;
};

} // namespace retort::ui
