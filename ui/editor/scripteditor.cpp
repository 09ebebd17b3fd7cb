// SPDX-License-Identifier: Apache-2.0
#include "editor/scripteditor.h"

#include "lint/destructivestatements.h"
#include "common/error.h"
#include "scripts/statementsplitter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexersql.h>

namespace retort::ui {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Syntax colours that keep their contrast on the palette's base colour.
struct SyntaxColours
{
    QColor keyword, string, comment, number;
};

SyntaxColours syntaxColours(const QPalette& palette)
{
    if (isDark(palette))
        return {QColor(0x82, 0xaa, 0xff), QColor(0xc3, 0xe8, 0x8d), QColor(0x8a, 0x93, 0xa5),
                QColor(0xf7, 0x8c, 0x6c)};
    return {QColor(0x00, 0x33, 0xb3), QColor(0x06, 0x7d, 0x17), QColor(0x6a, 0x73, 0x7d),
            QColor(0xb3, 0x45, 0x00)};
}

} // namespace

ScriptEditor::ScriptEditor(QWidget* parent) : QsciScintilla(parent)
{
    setReadOnly(true);
    setUtf8(true);
    setMarginType(0, NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setFolding(NoFoldStyle);
    setWrapMode(WrapNone);
    setCaretLineVisible(true);
    setTabWidth(4);
    m_errorMarker = markerDefine(QsciScintilla::Background);
    m_warningMarker = markerDefine(QsciScintilla::Background);
    applyPalette();
}

ScriptEditor::Language ScriptEditor::languageOf(ScriptFormat format)
{
    return format == ScriptFormat::Alembic ? Language::Python : Language::Sql;
}

void ScriptEditor::setScript(const QString& text, Language language)
{
    if (language != m_language || !lexer()) {
        m_language = language;
        applyPalette();
    }
    setText(text);
    markErrorLine(0);
    markerDeleteAll(m_warningMarker);
    setCursorPosition(0, 0);
}

void ScriptEditor::markErrorLine(int line)
{
    markerDeleteAll(m_errorMarker);
    m_errorLine = line;
    if (line > 0) {
        markerAdd(line - 1, m_errorMarker);
        ensureLineVisible(line - 1);
        setCursorPosition(line - 1, 0);
    }
}

void ScriptEditor::markWarningLine(int line)
{
    if (line > 0)
        markerAdd(line - 1, m_warningMarker);
}

QList<int> ScriptEditor::warningLines() const
{
    QList<int> lines;
    const unsigned mask = 1u << unsigned(m_warningMarker);
    for (int line = markerFindNext(0, mask); line >= 0; line = markerFindNext(line + 1, mask))
        lines << line + 1;
    return lines;
}

QStringList ScriptEditor::markDestructiveStatements(Dialect dialect, const QString& versionTable,
                                                   const LintSchema& before)
{
    QStringList reasons;
    for (const DestructiveStatement& statement :
         destructiveStatements(text(), dialect, versionTable, before)) {
        markWarningLine(statement.line);
        // A rebuild names the columns it loses; otherwise the rule's few words do.
        const bool rebuild = statement.messages.first().startsWith(QLatin1String("rebuilding"));
        reasons << tr("line %1 %2")
                       .arg(statement.line)
                       .arg(rebuild ? statement.messages.join(QStringLiteral("; "))
                                    : QCoreApplication::translate("SqlLint", statement.effect.toUtf8().constData()));
    }
    return reasons;
}

QString ScriptEditor::destructiveSummaryHtml(const QStringList& reasons)
{
    if (reasons.isEmpty())
        return {};
    return QStringLiteral("<b style='color:#c62828'>%1</b> %2")
        .arg(tr("%n statement(s) destroy data:", nullptr, int(reasons.size())),
             reasons.join(QStringLiteral(", ")).toHtmlEscaped());
}

void ScriptEditor::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
}

void ScriptEditor::applyPalette()
{
    const QPalette& pal = palette();
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QsciLexer* newLexer = m_language == Language::Python
                              ? static_cast<QsciLexer*>(new QsciLexerPython(this))
                              : static_cast<QsciLexer*>(new QsciLexerSQL(this));
    newLexer->setDefaultFont(font);
    newLexer->setFont(font, -1);
    newLexer->setDefaultPaper(pal.color(QPalette::Base));
    newLexer->setPaper(pal.color(QPalette::Base), -1);
    newLexer->setDefaultColor(pal.color(QPalette::Text));
    newLexer->setColor(pal.color(QPalette::Text), -1);
    const SyntaxColours colours = syntaxColours(pal);
    if (m_language == Language::Python) {
        newLexer->setColor(colours.keyword, QsciLexerPython::Keyword);
        for (int style : {QsciLexerPython::SingleQuotedString, QsciLexerPython::DoubleQuotedString,
                          QsciLexerPython::TripleSingleQuotedString,
                          QsciLexerPython::TripleDoubleQuotedString})
            newLexer->setColor(colours.string, style);
        newLexer->setColor(colours.comment, QsciLexerPython::Comment);
        newLexer->setColor(colours.number, QsciLexerPython::Number);
    } else {
        newLexer->setColor(colours.keyword, QsciLexerSQL::Keyword);
        newLexer->setColor(colours.string, QsciLexerSQL::SingleQuotedString);
        newLexer->setColor(colours.string, QsciLexerSQL::DoubleQuotedString);
        for (int style : {QsciLexerSQL::Comment, QsciLexerSQL::CommentLine, QsciLexerSQL::CommentDoc})
            newLexer->setColor(colours.comment, style);
        newLexer->setColor(colours.number, QsciLexerSQL::Number);
    }
    QsciLexer* old = lexer();
    setLexer(newLexer);
    delete old;

    setMarginsBackgroundColor(pal.color(QPalette::Window));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    setCaretLineBackgroundColor(pal.color(QPalette::AlternateBase));
    setCaretForegroundColor(pal.color(QPalette::Text));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMarkerBackgroundColor(isDark(pal) ? QColor(0x6b, 0x1f, 0x1f) : QColor(0xff, 0xd6, 0xd6),
                             m_errorMarker);
    setMarkerBackgroundColor(isDark(pal) ? QColor(0x5c, 0x4a, 0x12) : QColor(0xff, 0xef, 0xc2),
                             m_warningMarker);
}

} // namespace retort::ui
