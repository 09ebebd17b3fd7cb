// SPDX-License-Identifier: Apache-2.0
#include "editor/scripteditor.h"

#include "lint/destructivestatements.h"
#include "common/error.h"
#include "scripts/statementsplitter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QToolTip>
#include <algorithm>
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
    for (LineMark mark : {LineMark::Added, LineMark::Removed, LineMark::Changed, LineMark::Filler})
        m_lineMarkers.insert(mark, markerDefine(QsciScintilla::Background));
    m_wordIndicator = indicatorDefine(QsciScintilla::StraightBoxIndicator);
    setIndicatorDrawUnder(true, m_wordIndicator);
    // Margin 1: finding symbols, worst first (a later marker draws over an earlier one).
    m_findingMarkers.insert(LintSeverity::Info, markerDefine(QsciScintilla::Circle));
    m_findingMarkers.insert(LintSeverity::Warning, markerDefine(QsciScintilla::Circle));
    m_findingMarkers.insert(LintSeverity::Error, markerDefine(QsciScintilla::Circle));
    setMarginType(1, SymbolMargin);
    setMarginWidth(1, 0);
    unsigned mask = 0;
    for (int marker : qAsConst(m_findingMarkers))
        mask |= 1u << unsigned(marker);
    setMarginMarkerMask(1, int(mask));
    setMarginMarkerMask(0, 0);
    viewport()->installEventFilter(this);
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

void ScriptEditor::markLine(int line, LineMark mark)
{
    if (line > 0)
        markerAdd(line - 1, m_lineMarkers.value(mark));
}

QList<int> ScriptEditor::markedLines(LineMark mark) const
{
    QList<int> lines;
    const unsigned mask = 1u << unsigned(m_lineMarkers.value(mark));
    for (int line = markerFindNext(0, mask); line >= 0; line = markerFindNext(line + 1, mask))
        lines << line + 1;
    return lines;
}

void ScriptEditor::markWords(int line, int column, int length)
{
    if (line <= 0 || length <= 0)
        return;
    fillIndicatorRange(line - 1, column, line - 1, column + length, m_wordIndicator);
    m_wordMarks.append({line, column, length});
}

void ScriptEditor::setFillerLines(const QVector<int>& lines)
{
    m_fillers = lines;
    std::sort(m_fillers.begin(), m_fillers.end());
    for (int line : qAsConst(m_fillers))
        markLine(line, LineMark::Filler);
    applyLineNumbers();
}

int ScriptEditor::shownLineNumber(int line) const
{
    const auto before = std::lower_bound(m_fillers.cbegin(), m_fillers.cend(), line);
    if (before != m_fillers.cend() && *before == line)
        return 0;
    return line - int(before - m_fillers.cbegin());
}

void ScriptEditor::applyLineNumbers()
{
    // Scintilla numbers every line; with fillers the margin becomes a text margin instead.
    if (m_fillers.isEmpty()) {
        if (marginType(0) != NumberMargin) {
            clearMarginText();
            setMarginType(0, NumberMargin);
            setMarginLineNumbers(0, true);
        }
        return;
    }
    setMarginType(0, TextMargin);
    clearMarginText();
    constexpr int kLineNumberStyle = 33; // Scintilla's STYLE_LINENUMBER
    for (int line = 1; line <= lines(); ++line) {
        const int shown = shownLineNumber(line);
        if (shown > 0)
            setMarginText(line - 1, QString::number(shown).rightJustified(5), kLineNumberStyle);
    }
}

void ScriptEditor::setFindings(const QVector<Finding>& findings)
{
    for (int marker : qAsConst(m_findingMarkers))
        markerDeleteAll(marker);
    m_findings = findings;
    for (const Finding& finding : findings) {
        if (finding.line > 0)
            markerAdd(finding.line - 1, m_findingMarkers.value(finding.severity));
    }
    setMarginWidth(1, findings.isEmpty() ? 0 : 14);
}

void ScriptEditor::setLintFindings(const QVector<LintFinding>& findings)
{
    QVector<Finding> shown;
    for (const LintFinding& finding : findings)
        shown.append({finding.line, finding.severity, finding.code, finding.message});
    setFindings(shown);
}

QString ScriptEditor::findingsText(int line) const
{
    QStringList texts;
    for (const Finding& finding : m_findings) {
        if (finding.line == line)
            texts << finding.code + u' ' + lintSeverityName(finding.severity) +
                         QStringLiteral(": ") + finding.text;
    }
    return texts.join(u'\n');
}

void ScriptEditor::clearReviewMarks()
{
    for (int marker : qAsConst(m_lineMarkers))
        markerDeleteAll(marker);
    clearIndicatorRange(0, 0, std::max(0, lines() - 1), lineLength(std::max(0, lines() - 1)),
                        m_wordIndicator);
    m_wordMarks.clear();
    m_fillers.clear();
    applyLineNumbers();
    setFindings({});
}

void ScriptEditor::goToLine(int line)
{
    if (line <= 0)
        return;
    ensureLineVisible(line - 1);
    setCursorPosition(line - 1, 0);
}

bool ScriptEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == viewport() && event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int margins = marginWidth(0) + marginWidth(1);
        if (help->pos().x() < margins && !m_findings.isEmpty()) {
            const long position = SendScintilla(SCI_POSITIONFROMPOINT, margins + 1,
                                                help->pos().y());
            const int line = int(SendScintilla(SCI_LINEFROMPOSITION, position)) + 1;
            const QString text = findingsText(line);
            if (!text.isEmpty()) {
                QToolTip::showText(help->globalPos(), text, viewport());
                return true;
            }
        }
        QToolTip::hideText();
    }
    return QsciScintilla::eventFilter(watched, event);
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
    // Review colours, after Meld's: green added, red removed, blue changed, grey fillers.
    const bool dark = isDark(pal);
    setMarkerBackgroundColor(dark ? QColor(0x1f, 0x4d, 0x2a) : QColor(0xd9, 0xf5, 0xdd),
                             m_lineMarkers.value(LineMark::Added));
    setMarkerBackgroundColor(dark ? QColor(0x5a, 0x25, 0x25) : QColor(0xfb, 0xdd, 0xdd),
                             m_lineMarkers.value(LineMark::Removed));
    setMarkerBackgroundColor(dark ? QColor(0x1f, 0x3a, 0x5c) : QColor(0xdd, 0xea, 0xfb),
                             m_lineMarkers.value(LineMark::Changed));
    setMarkerBackgroundColor(dark ? QColor(0x33, 0x33, 0x38) : QColor(0xee, 0xee, 0xee),
                             m_lineMarkers.value(LineMark::Filler));
    // A light fill (its alpha) under the text, a firm outline around the changed word.
    const QColor word = dark ? QColor(0x8c, 0xb4, 0xff) : QColor(0x1a, 0x5f, 0xd0);
    setIndicatorForegroundColor(QColor(word.red(), word.green(), word.blue(), 50), m_wordIndicator);
    setIndicatorOutlineColor(QColor(word.red(), word.green(), word.blue(), 200), m_wordIndicator);
    const std::pair<LintSeverity, QColor> findingColours[] = {
        {LintSeverity::Info, QColor(0x4a, 0x90, 0xd9)},
        {LintSeverity::Warning, QColor(0xe0, 0x9b, 0x1a)},
        {LintSeverity::Error, QColor(0xd3, 0x2f, 0x2f)}};
    for (const auto& [severity, colour] : findingColours) {
        setMarkerBackgroundColor(colour, m_findingMarkers.value(severity));
        setMarkerForegroundColor(colour.darker(130), m_findingMarkers.value(severity));
    }
}

} // namespace retort::ui
