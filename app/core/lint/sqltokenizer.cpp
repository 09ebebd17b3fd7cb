// SPDX-License-Identifier: Apache-2.0
#include "lint/sqltokenizer.h"

namespace retort {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_' || (c.unicode() >= 0x80 && !c.isSpace());
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || c.isDigit() || c == u'$';
}

class Tokenizer
{
public:
    Tokenizer(const QString& sql, Dialect dialect) : m_sql(sql), m_dialect(dialect) {}

    QVector<SqlToken> run()
    {
        const bool mysql = m_dialect == Dialect::MySql;
        while (m_pos < m_sql.size()) {
            const QChar c = m_sql[m_pos];
            if (c.isSpace())
                ++m_pos;
            else if (startsLineComment())
                skipLineComment();
            else if (mysql && m_inVersionComment && startsWith("*/"))
                m_pos += 2, m_inVersionComment = false;
            else if (startsWith("/*"))
                skipBlockComment();
            else if (c == u'\'')
                readQuoted(u'\'', SqlToken::String);
            else if (c == u'"')
                readQuoted(u'"', mysql ? SqlToken::String : SqlToken::Quoted);
            else if (c == u'`')
                readQuoted(u'`', SqlToken::Quoted);
            else if (c == u'[' && m_dialect == Dialect::Sqlite)
                readBracketed();
            else if (c == u'$' && m_dialect == Dialect::PostgreSql && readDollarQuote())
                continue;
            else if (isIdentStart(c))
                readWord();
            else if (c.isDigit())
                readNumber();
            else
                readSymbol(c);
        }
        return std::move(m_tokens);
    }

private:
    bool startsWith(const char* text) const
    {
        return QStringView(m_sql).mid(m_pos).startsWith(QLatin1String(text));
    }

    QChar at(qsizetype pos) const { return pos < m_sql.size() ? m_sql[pos] : QChar(); }

    // MySQL: '#', and "--" only before white space ("5--1" is 5 minus -1 there).
    bool startsLineComment() const
    {
        const QChar c = m_sql[m_pos];
        if (m_dialect == Dialect::MySql) {
            if (c == u'#')
                return true;
            return c == u'-' && at(m_pos + 1) == u'-' &&
                   (m_pos + 2 >= m_sql.size() || at(m_pos + 2).isSpace());
        }
        return c == u'-' && at(m_pos + 1) == u'-';
    }

    void skipLineComment()
    {
        const qsizetype end = m_sql.indexOf(u'\n', m_pos);
        m_pos = end < 0 ? m_sql.size() : end;
    }

    void skipBlockComment()
    {
        // MySQL runs the text of /*!NNNNN ... */ (MariaDB: /*M!NNNNN ... */): read it as code.
        if (m_dialect == Dialect::MySql && (at(m_pos + 2) == u'!' ||
                                            (at(m_pos + 2) == u'M' && at(m_pos + 3) == u'!'))) {
            m_pos += at(m_pos + 2) == u'!' ? 3 : 4;
            while (m_pos < m_sql.size() && m_sql[m_pos].isDigit())
                ++m_pos;
            m_inVersionComment = true;
            return;
        }
        const bool nests = m_dialect == Dialect::PostgreSql;
        int nesting = 0;
        while (m_pos < m_sql.size()) {
            if (startsWith("/*") && (nests || nesting == 0)) {
                ++nesting;
                m_pos += 2;
            } else if (startsWith("*/")) {
                m_pos += 2;
                if (--nesting == 0)
                    return;
            } else {
                ++m_pos;
            }
        }
    }

    void push(SqlToken::Kind kind, qsizetype begin, QString text)
    {
        m_tokens.append({kind, m_depth, int(begin), int(m_pos), std::move(text)});
    }

    // '...' strings, "..." identifiers (MySQL: strings) and `...` identifiers: a doubled
    // quote stands for itself; backslash escapes in MySQL strings and PostgreSQL E'...'.
    void readQuoted(QChar quote, SqlToken::Kind kind)
    {
        qsizetype begin = m_pos;
        bool escapes = m_dialect == Dialect::MySql && quote != u'`';
        if (quote == u'\'' && m_dialect == Dialect::PostgreSql && !m_tokens.isEmpty()) {
            // E'...': the E was read as a one-letter word right before the quote.
            const SqlToken& last = m_tokens.last();
            if (last.kind == SqlToken::Word && last.end == m_pos && last.text.size() == 1 &&
                (last.text[0] == u'e' || last.text[0] == u'E')) {
                escapes = true;
                begin = last.begin;
                m_tokens.removeLast();
            }
        }
        QString text;
        for (++m_pos; m_pos < m_sql.size(); ++m_pos) {
            const QChar c = m_sql[m_pos];
            if (escapes && c == u'\\' && m_pos + 1 < m_sql.size()) {
                text += m_sql[++m_pos];
            } else if (c == quote) {
                if (at(m_pos + 1) != quote)
                    break;
                text += c;
                ++m_pos;
            } else {
                text += c;
            }
        }
        m_pos = qMin(m_pos + 1, m_sql.size());
        push(kind, begin, std::move(text));
    }

    void readBracketed()
    {
        const qsizetype begin = m_pos;
        qsizetype end = m_sql.indexOf(u']', m_pos + 1);
        if (end < 0)
            end = m_sql.size();
        const QString text = m_sql.mid(m_pos + 1, end - m_pos - 1);
        m_pos = qMin(end + 1, m_sql.size());
        push(SqlToken::Quoted, begin, text);
    }

    // $tag$ ... $tag$ (PostgreSQL); false for anything else starting with '$' ($1).
    bool readDollarQuote()
    {
        qsizetype end = m_pos + 1;
        while (end < m_sql.size() && m_sql[end] != u'$' && isIdentChar(m_sql[end]))
            ++end;
        if (end >= m_sql.size() || m_sql[end] != u'$' ||
            (end > m_pos + 1 && m_sql[m_pos + 1].isDigit()))
            return false;
        const qsizetype begin = m_pos;
        const QString tag = m_sql.mid(m_pos, end - m_pos + 1);
        const qsizetype close = m_sql.indexOf(tag, end + 1);
        const qsizetype bodyEnd = close < 0 ? m_sql.size() : close;
        QString body = m_sql.mid(end + 1, bodyEnd - end - 1);
        m_pos = close < 0 ? m_sql.size() : close + tag.size();
        push(SqlToken::String, begin, std::move(body));
        return true;
    }

    void readWord()
    {
        const qsizetype begin = m_pos;
        while (m_pos < m_sql.size() && isIdentChar(m_sql[m_pos]))
            ++m_pos;
        push(SqlToken::Word, begin, m_sql.mid(begin, m_pos - begin));
    }

    void readNumber()
    {
        const qsizetype begin = m_pos;
        while (m_pos < m_sql.size() && (m_sql[m_pos].isLetterOrNumber() || m_sql[m_pos] == u'.'))
            ++m_pos;
        push(SqlToken::Number, begin, m_sql.mid(begin, m_pos - begin));
    }

    void readSymbol(QChar c)
    {
        if (c == u')')
            m_depth = qMax(0, m_depth - 1);
        const qsizetype begin = m_pos++;
        push(SqlToken::Symbol, begin, QString(c));
        if (c == u'(')
            ++m_depth;
    }

    const QString& m_sql;
    Dialect m_dialect;
    qsizetype m_pos = 0;
    int m_depth = 0;
    bool m_inVersionComment = false;
    QVector<SqlToken> m_tokens;
};

} // namespace

QVector<SqlToken> SqlTokenizer::tokenize(const QString& sql, Dialect dialect)
{
    return Tokenizer(sql, dialect).run();
}

} // namespace retort
