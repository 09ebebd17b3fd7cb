// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/sqltoken.h"

#include <QVector>
#include <initializer_list>

namespace retort {

// A range of tokens [begin, end) read front to back: what the statement parser walks with.
class TokenCursor
{
public:
    TokenCursor(const QVector<SqlToken>& tokens, int begin, int end)
        : m_tokens(tokens), m_pos(begin), m_end(end)
    {
    }

    int pos() const { return m_pos; }
    int end() const { return m_end; }
    bool atEnd() const { return m_pos >= m_end; }
    // The token `ahead` places on, or nullptr past the end.
    const SqlToken* peek(int ahead = 0) const
    {
        return m_pos + ahead < m_end ? &m_tokens[m_pos + ahead] : nullptr;
    }
    bool is(const char* keyword, int ahead = 0) const
    {
        const SqlToken* token = peek(ahead);
        return token && token->is(keyword);
    }
    bool isAny(std::initializer_list<const char*> keywords) const
    {
        return !atEnd() && m_tokens[m_pos].isAny(keywords);
    }
    bool isSymbol(char16_t symbol) const { return !atEnd() && m_tokens[m_pos].isSymbol(symbol); }
    bool accept(const char* keyword);
    // All of the keywords in a row, or nothing.
    bool accept(std::initializer_list<const char*> keywords);
    bool acceptSymbol(char16_t symbol);
    void skip(int count = 1) { m_pos = qMin(m_end, m_pos + count); }
    void seek(int pos) { m_pos = qBound(0, pos, m_end); }

    // A possibly qualified name; its last part, lowercase. Empty when none is next.
    QString name();
    // The text offset where the token at the cursor starts (the range's end when at its end).
    int offset() const;
    // The matching ')' of the '(' at the cursor, or the range's end.
    int closingParenthesis() const;
    // Whether a keyword occurs from here to the end at parenthesis depth `depth`.
    bool contains(const char* keyword, int depth) const;
    // The first position from here holding one of `keywords` at `depth`, or end().
    int find(std::initializer_list<const char*> keywords, int depth) const;

private:
    const QVector<SqlToken>& m_tokens;
    int m_pos;
    int m_end;
};

} // namespace retort
