// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <initializer_list>

namespace retort {

// One token of a statement, as the lint rules read it.
struct SqlToken
{
    enum Kind : quint8 { Word, Quoted, Number, String, Symbol };
    Kind kind = Symbol;
    int depth = 0; // parentheses around the token; '(' and ')' carry the outer depth
    int begin = 0; // [begin, end): where the token is in the statement's text
    int end = 0;
    // Words as written; quoted identifiers and strings without their quotes (escapes
    // resolved); a symbol's one character.
    QString text;

    bool isName() const { return kind == Word || kind == Quoted; }
    bool is(const char* keyword) const
    {
        return kind == Word && text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
    }
    bool isAny(std::initializer_list<const char*> keywords) const
    {
        for (const char* keyword : keywords) {
            if (is(keyword))
                return true;
        }
        return false;
    }
    bool isSymbol(char16_t symbol) const { return kind == Symbol && text.front() == symbol; }
};

} // namespace retort
