// SPDX-License-Identifier: Apache-2.0
#include "lint/tokencursor.h"

namespace retort {

bool TokenCursor::accept(const char* keyword)
{
    if (!is(keyword))
        return false;
    ++m_pos;
    return true;
}

bool TokenCursor::accept(std::initializer_list<const char*> keywords)
{
    int ahead = 0;
    for (const char* keyword : keywords) {
        if (!is(keyword, ahead++))
            return false;
    }
    m_pos += ahead;
    return true;
}

bool TokenCursor::acceptSymbol(char16_t symbol)
{
    if (!isSymbol(symbol))
        return false;
    ++m_pos;
    return true;
}

QString TokenCursor::name()
{
    QString last;
    while (!atEnd() && m_tokens[m_pos].isName()) {
        last = m_tokens[m_pos++].text.toLower();
        if (atEnd() || !m_tokens[m_pos].isSymbol(u'.'))
            break;
        ++m_pos;
    }
    return last;
}

int TokenCursor::offset() const
{
    if (m_pos < m_end)
        return m_tokens[m_pos].begin;
    return m_end > 0 && m_end <= m_tokens.size() ? m_tokens[m_end - 1].end : 0;
}

int TokenCursor::closingParenthesis() const
{
    if (atEnd() || !m_tokens[m_pos].isSymbol(u'('))
        return m_end;
    const int depth = m_tokens[m_pos].depth;
    for (int i = m_pos + 1; i < m_end; ++i) {
        if (m_tokens[i].depth == depth && m_tokens[i].isSymbol(u')'))
            return i;
    }
    return m_end;
}

bool TokenCursor::contains(const char* keyword, int depth) const
{
    for (int i = m_pos; i < m_end; ++i) {
        if (m_tokens[i].depth == depth && m_tokens[i].is(keyword))
            return true;
    }
    return false;
}

int TokenCursor::find(std::initializer_list<const char*> keywords, int depth) const
{
    for (int i = m_pos; i < m_end; ++i) {
        if (m_tokens[i].depth == depth && m_tokens[i].isAny(keywords))
            return i;
    }
    return m_end;
}

} // namespace retort
