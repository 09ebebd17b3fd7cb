// SPDX-License-Identifier: Apache-2.0
#include "scripts/statementsplitter.h"

#include "common/error.h"

namespace retort {

namespace {

bool isAsciiLetter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// Identifiers: ASCII letters, '_' and (as in PostgreSQL's lexer) any non-ASCII character.
bool isIdentStart(QChar c)
{
    return isAsciiLetter(c.unicode()) || c == u'_' || (c.unicode() >= 0x80 && !c.isSpace());
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || isDigit(c.unicode());
}

bool isKeyword(QStringView word, QLatin1String keyword)
{
    return word.size() == keyword.size() && word.compare(keyword, Qt::CaseInsensitive) == 0;
}

// How one kind of quoted token ends.
struct QuoteRule
{
    char16_t close;
    bool doubledEscapes;   // '' inside '...'
    bool backslashEscapes; // \' inside '...'
    const char* what;      // for "unterminated <what>"
};

constexpr const char* stringLiteral = "string literal";
constexpr const char* quotedIdentifier = "quoted identifier";

// File lines of text positions. Positions are asked for in (almost always) increasing order,
// so counting from the last answer keeps the whole split linear.
class LineCounter
{
public:
    LineCounter(QStringView text, int firstLine) : m_text(text), m_line(firstLine) {}

    int lineAt(qsizetype pos)
    {
        for (; m_pos < pos; ++m_pos) {
            if (m_text[m_pos] == u'\n')
                ++m_line;
        }
        for (; m_pos > pos; --m_pos) {
            if (m_text[m_pos - 1] == u'\n')
                --m_line;
        }
        return m_line;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line;
};

// What the splitter knows about the statement being read.
struct StatementState
{
    qsizetype start = -1;      // first token; -1 until one is seen
    int tokens = 0;            // significant tokens so far
    bool createSeen = false;   // SQLite: "CREATE [TEMP|TEMPORARY]" so far
    bool trigger = false;      // SQLite: a CREATE TRIGGER statement
    int depth = 0;             // open BEGIN/CASE blocks
    qsizetype blockStart = -1; // where the outermost open block began
    qsizetype lastBegin = -1;  // previous token, when it was the word BEGIN
};

class Splitter
{
public:
    Splitter(QStringView sql, Dialect dialect, const QString& path, int firstLine)
        : m_sql(sql), m_dialect(dialect), m_path(path), m_lines(sql, firstLine)
    {
    }

    QVector<SqlStatement> run();

private:
    QChar at(qsizetype pos) const { return pos < m_sql.size() ? m_sql[pos] : QChar(); }
    bool startsLineComment() const;
    void skipLineComment();
    void skipBlockComment();
    void quoted(const QuoteRule& rule);
    void skipQuoted(const QuoteRule& rule, qsizetype start);
    bool skipDollarQuote();
    void scanWord();
    void scanOther();
    void noteToken(qsizetype start, QStringView word = {});
    void noteTriggerHeader(int index, QStringView word);
    void noteBlockKeyword(qsizetype start, QStringView word);
    void openBlock(qsizetype start);
    void finishStatement(qsizetype end);
    [[noreturn]] void fail(qsizetype openedAt, const QString& what);

    QStringView m_sql;
    Dialect m_dialect;
    const QString& m_path;
    LineCounter m_lines;
    qsizetype m_pos = 0;
    StatementState m_statement;
    QVector<SqlStatement> m_result;
};

QVector<SqlStatement> Splitter::run()
{
    const bool mysql = m_dialect == Dialect::MySql;
    const bool sqlite = m_dialect == Dialect::Sqlite;
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql[m_pos];
        if (c.isSpace()) {
            ++m_pos;
        } else if (startsLineComment()) {
            skipLineComment();
        } else if (c == u'/' && at(m_pos + 1) == u'*') {
            skipBlockComment();
        } else if (c == u';' && m_statement.depth == 0) {
            finishStatement(m_pos++);
        } else if (c == u'\'') {
            quoted({u'\'', true, mysql, stringLiteral});
        } else if (c == u'"') {
            quoted({u'"', true, mysql, mysql ? stringLiteral : quotedIdentifier});
        } else if (c == u'`' && (mysql || sqlite)) {
            quoted({u'`', true, false, quotedIdentifier});
        } else if (c == u'[' && sqlite) {
            quoted({u']', false, false, quotedIdentifier});
        } else if (c == u'$' && m_dialect == Dialect::PostgreSql && skipDollarQuote()) {
            // the whole dollar-quoted body is consumed
        } else if (isIdentStart(c)) {
            scanWord();
        } else {
            scanOther();
        }
    }
    if (m_statement.depth > 0)
        fail(m_statement.blockStart, QStringLiteral("unterminated BEGIN ... END block"));
    finishStatement(m_sql.size());
    return std::move(m_result);
}

// MySQL wants white space (or a control character) after "--": "5--1" is 5 minus -1 there.
bool Splitter::startsLineComment() const
{
    const QChar c = m_sql[m_pos];
    if (c == u'#')
        return m_dialect == Dialect::MySql;
    if (c != u'-' || at(m_pos + 1) != u'-')
        return false;
    if (m_dialect != Dialect::MySql || m_pos + 2 == m_sql.size())
        return true;
    const QChar next = m_sql[m_pos + 2];
    return next.isSpace() || next.unicode() < 0x20;
}

void Splitter::skipLineComment()
{
    const qsizetype end = m_sql.indexOf(u'\n', m_pos);
    m_pos = end < 0 ? m_sql.size() : end;
}

// Block comments nest in PostgreSQL only. MySQL runs the text of /*!...*/ (and MariaDB's
// /*M!...*/), so there such a comment is part of the statement, not an ignorable one.
void Splitter::skipBlockComment()
{
    const qsizetype start = m_pos;
    if (m_dialect == Dialect::MySql &&
        (at(start + 2) == u'!' || (at(start + 2) == u'M' && at(start + 3) == u'!')))
        noteToken(start);
    const bool nests = m_dialect == Dialect::PostgreSql;
    int depth = 0;
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql[m_pos];
        if (c == u'/' && at(m_pos + 1) == u'*' && (nests || depth == 0)) {
            ++depth;
            m_pos += 2;
        } else if (c == u'*' && at(m_pos + 1) == u'/') {
            m_pos += 2;
            if (--depth == 0)
                return;
        } else {
            ++m_pos;
        }
    }
    fail(start, QStringLiteral("unterminated block comment"));
}

void Splitter::quoted(const QuoteRule& rule)
{
    noteToken(m_pos);
    skipQuoted(rule, m_pos);
}

// From the opening quote at m_pos to after the closing one; `start` is where the token began.
void Splitter::skipQuoted(const QuoteRule& rule, qsizetype start)
{
    ++m_pos;
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql[m_pos];
        if (c == u'\\' && rule.backslashEscapes) {
            m_pos += 2;
        } else if (c == rule.close) {
            ++m_pos;
            if (!rule.doubledEscapes || at(m_pos) != rule.close)
                return;
            ++m_pos;
        } else {
            ++m_pos;
        }
    }
    fail(start, QStringLiteral("unterminated ") + QLatin1String(rule.what));
}

// PostgreSQL $$...$$ and $tag$...$tag$. Returns false (consuming nothing) when the '$' opens
// no dollar quote, e.g. the parameter $1.
bool Splitter::skipDollarQuote()
{
    const qsizetype start = m_pos;
    qsizetype end = start + 1;
    if (at(end) != u'$') {
        if (!isIdentStart(at(end)))
            return false;
        while (end < m_sql.size() && isIdentChar(m_sql[end]))
            ++end;
        if (at(end) != u'$')
            return false;
    }
    const QStringView delimiter = m_sql.mid(start, end + 1 - start);
    noteToken(start);
    const qsizetype close = m_sql.indexOf(delimiter, end + 1);
    if (close < 0)
        fail(start, QStringLiteral("unterminated dollar-quoted string ") + delimiter);
    m_pos = close + delimiter.size();
    return true;
}

void Splitter::scanWord()
{
    const qsizetype start = m_pos;
    // PostgreSQL and MySQL identifiers may contain '$' after the first character.
    const bool dollarInWords = m_dialect != Dialect::Sqlite;
    while (m_pos < m_sql.size() &&
           (isIdentChar(m_sql[m_pos]) || (dollarInWords && m_sql[m_pos] == u'$')))
        ++m_pos;
    const QStringView word = m_sql.mid(start, m_pos - start);
    if (m_dialect == Dialect::PostgreSql && isKeyword(word, QLatin1String("E")) &&
        at(m_pos) == u'\'') {
        noteToken(start); // E'...' is one token: a string with backslash escapes
        skipQuoted({u'\'', true, true, stringLiteral}, start);
        return;
    }
    noteToken(start, word);
}

// Numbers, operators and punctuation: nothing in them matters to the split.
void Splitter::scanOther()
{
    const qsizetype start = m_pos++;
    if (isDigit(m_sql[start].unicode())) {
        while (m_pos < m_sql.size() && isIdentChar(m_sql[m_pos]))
            ++m_pos;
    }
    noteToken(start);
}

void Splitter::noteToken(qsizetype start, QStringView word)
{
    if (m_statement.start < 0)
        m_statement.start = start;
    const int index = m_statement.tokens++;
    if (m_dialect == Dialect::Sqlite && index < 3)
        noteTriggerHeader(index, word);
    if (!word.isEmpty())
        noteBlockKeyword(start, word);
    m_statement.lastBegin = isKeyword(word, QLatin1String("BEGIN")) ? start : -1;
}

// Recognises "CREATE [TEMP|TEMPORARY] TRIGGER" from the statement's first three tokens.
void Splitter::noteTriggerHeader(int index, QStringView word)
{
    StatementState& s = m_statement;
    if (index == 0) {
        s.createSeen = isKeyword(word, QLatin1String("CREATE"));
    } else if (s.createSeen) {
        if (isKeyword(word, QLatin1String("TRIGGER")))
            s.trigger = true;
        const bool temp =
            isKeyword(word, QLatin1String("TEMP")) || isKeyword(word, QLatin1String("TEMPORARY"));
        s.createSeen = index == 1 && temp;
    }
}

// BEGIN (SQLite trigger) or BEGIN ATOMIC (PostgreSQL) opens a block, CASE inside a block opens
// another, END closes one. Semicolons inside a block do not end the statement.
void Splitter::noteBlockKeyword(qsizetype start, QStringView word)
{
    StatementState& s = m_statement;
    if (m_dialect == Dialect::Sqlite) {
        if (!s.trigger)
            return;
        if (isKeyword(word, QLatin1String("BEGIN")))
            openBlock(start);
    } else if (m_dialect == Dialect::PostgreSql) {
        if (s.lastBegin >= 0 && isKeyword(word, QLatin1String("ATOMIC")))
            openBlock(s.lastBegin);
    } else {
        return;
    }
    if (s.depth > 0 && isKeyword(word, QLatin1String("CASE")))
        openBlock(start);
    else if (s.depth > 0 && isKeyword(word, QLatin1String("END")))
        --s.depth;
}

void Splitter::openBlock(qsizetype start)
{
    if (m_statement.depth++ == 0)
        m_statement.blockStart = start;
}

void Splitter::finishStatement(qsizetype end)
{
    if (m_statement.start >= 0) {
        const QStringView text = m_sql.mid(m_statement.start, end - m_statement.start).trimmed();
        m_result.append({text.toString(), m_lines.lineAt(m_statement.start)});
    }
    m_statement = {};
}

void Splitter::fail(qsizetype openedAt, const QString& what)
{
    const QString path = m_path.isEmpty() ? QStringLiteral("<sql>") : m_path;
    throw Error(ErrorKind::Script, path + u':' + QString::number(m_lines.lineAt(openedAt)) +
                                       QStringLiteral(": ") + what);
}

} // namespace

QVector<SqlStatement> StatementSplitter::split(const QString& sql, Dialect dialect,
                                               const QString& path, int firstLine)
{
    return Splitter(sql, dialect, path, firstLine).run();
}

} // namespace retort
