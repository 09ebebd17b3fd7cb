// SPDX-License-Identifier: Apache-2.0
#include "scripts/alembicscript.h"

#include "common/error.h"
#include "common/singleline.h"

#include <QStringView>

#include <algorithm>

#include <vector>

// A static reader for Alembic revision files. One linear pass tokenizes the file into logical
// lines (strings, comments, bracket nesting and backslash continuations understood); only the
// statements at column 0 are looked at, and only literal values are accepted.

namespace retort {
namespace {

enum class TokenKind : quint8 { Name, String, Number, Op };

enum StringFlag : quint8 { Raw = 1, Bytes = 2, Formatted = 4 };

struct Token
{
    TokenKind kind = TokenKind::Op;
    quint8 flags = 0;     // strings: StringFlag bits
    quint8 quoteSize = 0; // strings: 1 or 3
    int start = 0;        // first character (strings: the prefix)
    int end = 0;          // one past the last character
    int bodyStart = 0;    // strings: first character after the opening quotes
    int line = 0;
};

using Tokens = std::vector<Token>;

// Deeper nesting than this is refused (Python's own limit for brackets is 200); it also
// bounds the recursion of the value parser and of the f-string scanner.
constexpr int MaxBracketNesting = 200;
constexpr int MaxFStringNesting = 64;

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isQuote(QChar c)
{
    return c == u'\'' || c == u'"';
}

// The flags of a string prefix (r, u, b, f and the two-letter combinations of r with b or f,
// any case), or -1 when `prefix` is not one.
int stringPrefixFlags(QStringView prefix)
{
    if (prefix.size() > 2)
        return -1;
    constexpr int Repeated = 0x100; // a letter given twice: not a prefix
    int flags = 0;
    bool sawU = false;
    for (QChar c : prefix) {
        switch (c.toLower().unicode()) {
        case u'r':
            flags |= (flags & Raw) ? Repeated : Raw;
            break;
        case u'b':
            flags |= (flags & Bytes) ? Repeated : Bytes;
            break;
        case u'f':
            flags |= (flags & Formatted) ? Repeated : Formatted;
            break;
        case u'u':
            sawU = true;
            break;
        default:
            return -1;
        }
    }
    if (flags & Repeated || (sawU && prefix.size() > 1) || ((flags & Bytes) && (flags & Formatted)))
        return -1;
    return flags;
}

// Splits a file into logical lines of tokens.
class Lexer
{
public:
    Lexer(QStringView text, const QString& path) : m_text(text), m_path(path)
    {
        if (!m_text.isEmpty() && m_text.front() == QChar(0xfeff))
            m_pos = m_lineStart = 1;
    }

    // Fills `tokens` with the next logical line; false at the end of the text.
    // `atColumnZero` tells whether the line's first token starts its physical line.
    bool nextLine(Tokens& tokens, bool& atColumnZero);

private:
    [[noreturn]] void fail(int line, const QString& what) const
    {
        throw Error(ErrorKind::Script, m_path + u':' + QString::number(line) + u": " + what);
    }
    // Length of the line break at `pos` (\n, \r\n or \r), 0 when there is none.
    int breakAt(int pos) const
    {
        if (pos >= m_text.size())
            return 0;
        if (m_text[pos] == u'\n')
            return 1;
        if (m_text[pos] == u'\r')
            return pos + 1 < m_text.size() && m_text[pos + 1] == u'\n' ? 2 : 1;
        return 0;
    }
    int skipString(int pos, int flags, int nesting);
    int skipReplacementField(int pos, QChar quote, bool triple, int nesting);
    int skipEscape(int pos);
    void scanOperator(Token& token);
    void openBracket(QChar c, int line);
    void closeBracket(QChar c, int line);

    QStringView m_text;
    const QString& m_path;
    int m_pos = 0;
    int m_line = 1;
    int m_lineStart = 0;
    std::vector<std::pair<QChar, int>> m_brackets; // open brackets and their lines
};

bool Lexer::nextLine(Tokens& tokens, bool& atColumnZero)
{
    tokens.clear();
    const int size = int(m_text.size());
    while (m_pos < size) {
        const QChar c = m_text[m_pos];
        if (const int br = breakAt(m_pos)) {
            m_pos += br;
            ++m_line;
            m_lineStart = m_pos;
            if (m_brackets.empty() && !tokens.empty())
                return true;
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\f') {
            ++m_pos;
            continue;
        }
        if (c == u'#') {
            while (m_pos < size && !breakAt(m_pos))
                ++m_pos;
            continue;
        }
        if (c == u'\\' && breakAt(m_pos + 1)) {
            m_pos += 1 + breakAt(m_pos + 1);
            ++m_line;
            m_lineStart = m_pos;
            continue;
        }
        if (tokens.empty())
            atColumnZero = m_pos == m_lineStart;
        Token token;
        token.start = m_pos;
        token.line = m_line;
        if (isIdentifierStart(c)) {
            int end = m_pos + 1;
            while (end < size && isIdentifierPart(m_text[end]))
                ++end;
            const int flags = end < size && isQuote(m_text[end])
                                  ? stringPrefixFlags(m_text.mid(m_pos, end - m_pos))
                                  : -1;
            if (flags >= 0) {
                token.kind = TokenKind::String;
                token.flags = quint8(flags);
                token.quoteSize = end + 2 < size && m_text[end + 1] == m_text[end] &&
                                          m_text[end + 2] == m_text[end]
                                      ? 3
                                      : 1;
                token.bodyStart = end + token.quoteSize;
                token.end = skipString(end, flags, 0);
            } else {
                token.kind = TokenKind::Name;
                token.end = end;
            }
        } else if (isQuote(c)) {
            token.kind = TokenKind::String;
            token.quoteSize =
                m_pos + 2 < size && m_text[m_pos + 1] == c && m_text[m_pos + 2] == c ? 3 : 1;
            token.bodyStart = m_pos + token.quoteSize;
            token.end = skipString(m_pos, 0, 0);
        } else if (c.isDigit() || (c == u'.' && m_pos + 1 < size && m_text[m_pos + 1].isDigit())) {
            int end = m_pos + 1;
            while (end < size) {
                const QChar d = m_text[end];
                const bool exponentSign = (d == u'+' || d == u'-') &&
                                          (m_text[end - 1] == u'e' || m_text[end - 1] == u'E');
                if (!isIdentifierPart(d) && d != u'.' && !exponentSign)
                    break;
                ++end;
            }
            token.kind = TokenKind::Number;
            token.end = end;
        } else {
            scanOperator(token);
        }
        m_pos = token.end;
        tokens.push_back(token);
    }
    if (!m_brackets.empty())
        fail(m_brackets.back().second,
             u'\'' + m_brackets.back().first + QStringLiteral("' is never closed"));
    return !tokens.empty();
}

void Lexer::scanOperator(Token& token)
{
    const QChar c = m_text[m_pos];
    token.kind = TokenKind::Op;
    token.end = m_pos + 1;
    if (c == u'(' || c == u'[' || c == u'{') {
        openBracket(c, m_line);
        return;
    }
    if (c == u')' || c == u']' || c == u'}') {
        closeBracket(c, m_line);
        return;
    }
    // Two- and three-character operators; only "=" on its own matters to the reader, the rest
    // must merely not be mistaken for it.
    static constexpr char16_t doubled[] = u"*/<>-:";
    static constexpr char16_t beforeEquals[] = u"=!<>:+-*/%&|^@";
    const int size = int(m_text.size());
    int end = token.end;
    if (end < size && m_text[end] == c && QStringView(doubled).contains(c))
        ++end; // ** // << >> (and harmless -- ::)
    if (end < size && m_text[end] == u'=' && QStringView(beforeEquals).contains(c))
        ++end;
    else if (c == u'-' && end < size && m_text[end] == u'>')
        ++end;
    token.end = end;
}

void Lexer::openBracket(QChar c, int line)
{
    if (m_brackets.size() >= MaxBracketNesting)
        fail(line, QStringLiteral("brackets nested more than %1 deep").arg(MaxBracketNesting));
    m_brackets.emplace_back(c, line);
}

void Lexer::closeBracket(QChar c, int line)
{
    const QChar expected = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
    if (m_brackets.empty())
        fail(line, QStringLiteral("unmatched '") + c + u'\'');
    if (m_brackets.back().first != expected)
        fail(line, QStringLiteral("closing '") + c + QStringLiteral("' does not match '") +
                       m_brackets.back().first + QStringLiteral("' of line ") +
                       QString::number(m_brackets.back().second));
    m_brackets.pop_back();
}

// Skips the character after a backslash at `pos`, counting a line break.
int Lexer::skipEscape(int pos)
{
    ++pos;
    if (const int br = breakAt(pos)) {
        ++m_line;
        return pos + br;
    }
    return pos < m_text.size() ? pos + 1 : pos;
}

// `pos` is at the opening quote; returns the position after the closing one.
int Lexer::skipString(int pos, int flags, int nesting)
{
    const int startLine = m_line;
    if (nesting > MaxFStringNesting)
        fail(startLine, QStringLiteral("f-strings nested too deeply"));
    const QChar quote = m_text[pos];
    const int size = int(m_text.size());
    const bool triple = pos + 2 < size && m_text[pos + 1] == quote && m_text[pos + 2] == quote;
    pos += triple ? 3 : 1;
    while (pos < size) {
        const QChar c = m_text[pos];
        if (c == u'\\') {
            pos = skipEscape(pos);
        } else if (c == quote) {
            if (!triple)
                return pos + 1;
            if (pos + 2 < size && m_text[pos + 1] == quote && m_text[pos + 2] == quote)
                return pos + 3;
            ++pos;
        } else if (const int br = breakAt(pos)) {
            if (!triple)
                fail(startLine, QStringLiteral("unterminated string"));
            ++m_line;
            pos += br;
        } else if ((flags & Formatted) && c == u'{') {
            if (pos + 1 < size && m_text[pos + 1] == u'{')
                pos += 2;
            else
                pos = skipReplacementField(pos + 1, quote, triple, nesting);
        } else {
            ++pos;
        }
    }
    fail(startLine, QStringLiteral("unterminated string"));
}

// Skips the expression (and format spec) of an f-string field that starts after `{`. Returns
// the position after its `}`, or where the enclosing string's quote or a line break ends it
// early (the caller then reports what is wrong).
int Lexer::skipReplacementField(int pos, QChar quote, bool triple, int nesting)
{
    if (nesting > MaxFStringNesting)
        fail(m_line, QStringLiteral("f-strings nested too deeply"));
    const int size = int(m_text.size());
    int depth = 0;
    bool inFormatSpec = false;
    while (pos < size) {
        const QChar c = m_text[pos];
        if (inFormatSpec) {
            if (c == u'}')
                return pos + 1;
            if (c == quote || (!triple && breakAt(pos)))
                return pos;
            if (c == u'{')
                pos = skipReplacementField(pos + 1, quote, triple, nesting + 1);
            else if (c == u'\\')
                pos = skipEscape(pos);
            else if (const int br = breakAt(pos))
                pos += br, ++m_line;
            else
                ++pos;
            continue;
        }
        if (isIdentifierStart(c)) {
            int end = pos + 1;
            while (end < size && isIdentifierPart(m_text[end]))
                ++end;
            const int flags = end < size && isQuote(m_text[end])
                                  ? stringPrefixFlags(m_text.mid(pos, end - pos))
                                  : -1;
            pos = flags >= 0 ? skipString(end, flags, nesting + 1) : end;
        } else if (isQuote(c)) {
            pos = skipString(pos, 0, nesting + 1);
        } else if (c == u'{' || c == u'(' || c == u'[') {
            ++depth;
            ++pos;
        } else if (c == u'}' && depth == 0) {
            return pos + 1;
        } else if (c == u'}' || c == u')' || c == u']') {
            depth = qMax(0, depth - 1);
            ++pos;
        } else if (c == u':' && depth == 0) {
            inFormatSpec = true;
            ++pos;
        } else if (c == u'\\') {
            pos = skipEscape(pos);
        } else if (const int br = breakAt(pos)) {
            ++m_line;
            pos += br;
        } else {
            ++pos;
        }
    }
    return pos;
}

const QLatin1String variableNames[] = {QLatin1String("revision"), QLatin1String("down_revision"),
                                       QLatin1String("branch_labels"), QLatin1String("depends_on")};

// A literal value of a module variable.
struct Value
{
    enum Kind { None, String, Sequence } kind = None;
    QStringList strings;
};

// Reads the statements of one file and keeps what Alembic would read.
class Reader
{
public:
    Reader(QStringView text, const QString& path) : m_text(text), m_path(path) {}
    Revision read();

private:
    struct Assignment
    {
        Value value;
        int line = 0;
        bool seen = false;
    };
    enum Variable { RevisionVar, DownRevisionVar, BranchLabelsVar, DependsOnVar, VariableCount };

    [[noreturn]] void fail(int line, const QString& what) const
    {
        throw Error(ErrorKind::Script, m_path + u':' + QString::number(line) + u": " + what);
    }
    QStringView textOf(const Token& t) const { return m_text.mid(t.start, t.end - t.start); }
    bool isOp(const Token& t, char16_t op) const
    {
        return t.kind == TokenKind::Op && t.end - t.start == 1 && m_text[t.start] == op;
    }
    bool isOpen(const Token& t) const { return isOp(t, u'(') || isOp(t, u'[') || isOp(t, u'{'); }
    bool isClose(const Token& t) const { return isOp(t, u')') || isOp(t, u']') || isOp(t, u'}'); }
    bool isAugmentedAssignment(const Token& t) const
    {
        const QStringView op = textOf(t);
        return t.kind == TokenKind::Op && op.size() > 1 && op.endsWith(u'=') && op != u"==" &&
               op != u"!=" && op != u"<=" && op != u">=";
    }
    [[noreturn]] void failComputed(const Token& name, int variable) const
    {
        fail(name.line,
             QString(variableNames[variable]) +
                 QStringLiteral(" is computed in code; Retort reads only literal values"));
    }
    int variableOf(const Token& t) const;
    void statement(const Token* begin, const Token* end);
    void assign(int variable, const Token& name, const Token* begin, const Token* end);
    void docstring(const Token* begin, const Token* end);
    bool parseValue(const Token* begin, const Token* end, Value& out) const;
    bool parseAtom(const Token* begin, const Token* end, Value& out) const;
    bool parseItems(const Token* begin, const Token* end, QStringList& out) const;
    bool parseStrings(const Token* begin, const Token* end, QString& out) const;
    const Token* matchingClose(const Token* open, const Token* end) const;
    void appendDecoded(const Token& t, QString& out) const;
    QStringList checked(int variable, bool ids) const;
    QString legacyId() const;

    QStringView m_text;
    const QString& m_path;
    Assignment m_vars[VariableCount];
    QString m_docstring;
    bool m_firstStatement = true;
};

int Reader::variableOf(const Token& t) const
{
    if (t.kind != TokenKind::Name)
        return -1;
    const QStringView name = textOf(t);
    for (int i = 0; i < VariableCount; ++i) {
        if (name == variableNames[i])
            return i;
    }
    return -1;
}

// Alembic's Script.doc: the stripped docstring's first paragraph. The "Create Date:" header
// line is cosmetic and kept only for display.
void setMessage(Revision& revision, const QString& docstring)
{
    const QString doc = docstring.trimmed();
    const qsizetype paragraphEnd = doc.indexOf(QLatin1String("\n\n"));
    revision.message = paragraphEnd < 0 ? doc : doc.left(paragraphEnd);
    const QLatin1String dateKey("Create Date:");
    for (qsizetype at = doc.indexOf(dateKey); at >= 0; at = doc.indexOf(dateKey, at + 1)) {
        if (at == 0 || doc[at - 1] == u'\n') {
            const qsizetype lineEnd = doc.indexOf(u'\n', at);
            const qsizetype from = at + dateKey.size();
            revision.createDate = doc.mid(from, lineEnd < 0 ? -1 : lineEnd - from).trimmed();
            break;
        }
    }
}

Revision Reader::read()
{
    Lexer lexer(m_text, m_path);
    Tokens tokens;
    tokens.reserve(64);
    bool atColumnZero = false;
    while (lexer.nextLine(tokens, atColumnZero)) {
        const bool first = m_firstStatement;
        m_firstStatement = false;
        if (!atColumnZero)
            continue;
        // Simple statements separated by ';' share a logical line.
        const Token* begin = tokens.data();
        const Token* const end = begin + tokens.size();
        for (const Token* t = begin; t != end; ++t) {
            if (isOp(*t, u';')) {
                if (first && begin == tokens.data())
                    docstring(begin, t);
                statement(begin, t);
                begin = t + 1;
            }
        }
        if (first && begin == tokens.data())
            docstring(begin, end);
        statement(begin, end);
    }

    Revision revision;
    revision.format = ScriptFormat::Alembic;
    revision.path = m_path;
    const Assignment& rev = m_vars[RevisionVar];
    if (rev.seen) {
        if (rev.value.kind != Value::String)
            fail(rev.line, QStringLiteral("revision must be a string"));
        revision.id = rev.value.strings.constFirst();
        if (!isValidRevisionId(revision.id))
            fail(rev.line, QStringLiteral("'") + singleLine(revision.id) +
                               QStringLiteral("' is not a valid revision id"));
    } else {
        revision.id = legacyId();
    }
    if (!m_vars[DownRevisionVar].seen)
        throw Error(ErrorKind::Script, m_path + QStringLiteral(": no 'down_revision' variable"));
    revision.downRevisions = checked(DownRevisionVar, true);
    revision.branchLabels = checked(BranchLabelsVar, false);
    revision.dependsOn = checked(DependsOnVar, false);

    setMessage(revision, m_docstring);
    return revision;
}

// The strings of an optional variable; ids are checked with isValidRevisionId, labels and
// dependencies (which may name labels) only for being non-empty.
QStringList Reader::checked(int variable, bool ids) const
{
    const Assignment& a = m_vars[variable];
    for (const QString& s : a.value.strings) {
        if (ids ? !isValidRevisionId(s) : s.trimmed().isEmpty())
            fail(a.line, QString(variableNames[variable]) + QStringLiteral(": '") + singleLine(s) +
                             QStringLiteral("' is not a valid ") +
                             (ids ? QStringLiteral("revision id") : QStringLiteral("name")));
    }
    return a.value.strings;
}

// Files from before Alembic 0.2 have no `revision` variable: the id is the "<hex>.py" name.
QString Reader::legacyId() const
{
    const qsizetype slash = qMax(m_path.lastIndexOf(u'/'), m_path.lastIndexOf(u'\\'));
    const QStringView name = QStringView(m_path).mid(slash + 1);
    const bool hexName = name.size() > 3 && name.endsWith(QLatin1String(".py")) &&
                         std::all_of(name.begin(), name.end() - 3, [](QChar c) {
                             return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
                         });
    if (!hexName)
        throw Error(ErrorKind::Script, m_path + QStringLiteral(": no 'revision' variable"));
    return name.chopped(3).toString();
}

void Reader::docstring(const Token* begin, const Token* end)
{
    QString text;
    if (begin != end && begin->kind == TokenKind::String && parseStrings(begin, end, text))
        m_docstring = text;
}

// Looks at one top-level simple statement: `target = ... = value`, where a target is a name,
// optionally annotated (`name: annotation`).
void Reader::statement(const Token* begin, const Token* end)
{
    if (begin == end)
        return;
    if (begin->kind == TokenKind::Name) {
        const QStringView first = textOf(*begin);
        if (first == u"def" || first == u"class" || first == u"async")
            return;
    }
    const int firstVar = variableOf(*begin);
    if (firstVar >= 0 && begin + 1 != end && isAugmentedAssignment(begin[1]))
        failComputed(*begin, firstVar);

    // The top-level '=' signs separate targets from the value.
    const Token* equals[64];
    int equalsCount = 0;
    int depth = 0;
    for (const Token* t = begin; t != end && equalsCount < 64; ++t) {
        if (isOpen(*t))
            ++depth;
        else if (isClose(*t))
            --depth;
        else if (depth == 0 && isOp(*t, u'='))
            equals[equalsCount++] = t;
    }
    const Token* targetBegin = begin;
    for (int i = 0; i < equalsCount; ++i) {
        const Token* targetEnd = equals[i];
        const int var = variableOf(*targetBegin);
        const bool plainName =
            targetEnd - targetBegin == 1 ||
            (i == 0 && targetEnd - targetBegin > 1 && isOp(targetBegin[1], u':'));
        if (var >= 0 && plainName) {
            assign(var, *targetBegin, equals[equalsCount - 1] + 1, end);
        } else {
            // A variable bound some other way (unpacking, under an inline `if`, ...).
            for (const Token* t = targetBegin; t != targetEnd; ++t) {
                const int other = variableOf(*t);
                if (other >= 0 && (t == targetBegin || !isOp(t[-1], u'.')))
                    failComputed(*t, other);
            }
        }
        targetBegin = targetEnd + 1;
    }
}

void Reader::assign(int variable, const Token& name, const Token* begin, const Token* end)
{
    Value value;
    if (begin == end)
        fail(name.line, QString(variableNames[variable]) + QStringLiteral(" has no value"));
    if (!parseValue(begin, end, value))
        failComputed(name, variable);
    Assignment& a = m_vars[variable];
    a.value = value;
    a.line = name.line;
    a.seen = true;
}

// value := items-with-a-comma | atom
bool Reader::parseValue(const Token* begin, const Token* end, Value& out) const
{
    for (const Token* t = begin; t != end; ++t) {
        if (isOpen(*t) && !(t = matchingClose(t, end)))
            return false;
        if (isOp(*t, u',')) {
            out.kind = Value::Sequence;
            return parseItems(begin, end, out.strings);
        }
    }
    return parseAtom(begin, end, out);
}

// items := item (',' item)* [','], each item a string atom (a 1-tuple needs its comma).
bool Reader::parseItems(const Token* begin, const Token* end, QStringList& out) const
{
    const Token* itemBegin = begin;
    for (const Token* t = begin; t != end; ++t) {
        if (isOpen(*t) && !(t = matchingClose(t, end)))
            return false;
        const bool last = t + 1 == end;
        if (!isOp(*t, u',') && !last)
            continue;
        const Token* itemEnd = isOp(*t, u',') ? t : end;
        Value item;
        if (!parseAtom(itemBegin, itemEnd, item) || item.kind != Value::String)
            return false;
        out += item.strings;
        itemBegin = t + 1;
    }
    return true;
}

// atom := 'None' | string+ | '(' [value] ')' | '[' [items] ']'
bool Reader::parseAtom(const Token* begin, const Token* end, Value& out) const
{
    if (begin == end)
        return false;
    if (end - begin == 1 && begin->kind == TokenKind::Name && textOf(*begin) == u"None") {
        out.kind = Value::None;
        return true;
    }
    if (begin->kind == TokenKind::String) {
        QString s;
        if (!parseStrings(begin, end, s))
            return false;
        out.kind = Value::String;
        out.strings = QStringList{s};
        return true;
    }
    const bool list = isOp(*begin, u'[');
    if ((!list && !isOp(*begin, u'(')) || matchingClose(begin, end) != end - 1)
        return false;
    if (list) {
        out.kind = Value::Sequence;
        return parseItems(begin + 1, end - 1, out.strings);
    }
    if (end - begin == 2) {
        out.kind = Value::Sequence;
        return true;
    }
    return parseValue(begin + 1, end - 1, out);
}

// Adjacent string literals (implicit concatenation); f-strings and bytes are not literals.
bool Reader::parseStrings(const Token* begin, const Token* end, QString& out) const
{
    for (const Token* t = begin; t != end; ++t) {
        if (t->kind != TokenKind::String || (t->flags & (Bytes | Formatted)))
            return false;
        appendDecoded(*t, out);
    }
    return true;
}

const Token* Reader::matchingClose(const Token* open, const Token* end) const
{
    int depth = 0;
    for (const Token* t = open; t != end; ++t) {
        if (isOpen(*t))
            ++depth;
        else if (isClose(*t) && --depth == 0)
            return t;
    }
    return nullptr;
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// Decodes `count` hex digits at `pos`; -1 when they are not all there.
long hexNumber(QStringView body, qsizetype pos, int count)
{
    if (pos + count > body.size())
        return -1;
    long value = 0;
    for (int i = 0; i < count; ++i) {
        const int digit = hexValue(body[pos + i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// Appends the text of a backslash escape at body[pos] (the backslash) and returns the position
// after it. Escapes Python rejects or that need the Unicode name table (\N{...}) are kept as
// written.
qsizetype appendEscape(QStringView body, qsizetype pos, QString& out)
{
    const qsizetype next = pos + 1;
    if (next >= body.size()) {
        out += u'\\';
        return next;
    }
    const QChar c = body[next];
    switch (c.unicode()) {
    case u'\n':
        return next + 1;
    case u'\r':
        return next + (next + 1 < body.size() && body[next + 1] == u'\n' ? 2 : 1);
    case u'\\':
        out += u'\\';
        return next + 1;
    case u'\'':
        out += u'\'';
        return next + 1;
    case u'"':
        out += u'"';
        return next + 1;
    case u'a':
        out += QChar(7);
        return next + 1;
    case u'b':
        out += QChar(8);
        return next + 1;
    case u'f':
        out += QChar(12);
        return next + 1;
    case u'n':
        out += u'\n';
        return next + 1;
    case u'r':
        out += u'\r';
        return next + 1;
    case u't':
        out += u'\t';
        return next + 1;
    case u'v':
        out += QChar(11);
        return next + 1;
    default:
        break;
    }
    if (c >= u'0' && c <= u'7') {
        qsizetype end = next;
        uint value = 0;
        while (end < body.size() && end < next + 3 && body[end] >= u'0' && body[end] <= u'7')
            value = value * 8 + (body[end++].unicode() - u'0');
        out += QChar(char16_t(value));
        return end;
    }
    const int digits = c == u'x' ? 2 : c == u'u' ? 4 : c == u'U' ? 8 : 0;
    const long code = digits ? hexNumber(body, next + 1, digits) : -1;
    if (code < 0 || code > 0x10ffff) {
        out += u'\\';
        return next; // the character after the backslash is appended as text
    }
    const char32_t ucs4 = char32_t(code);
    out += QString::fromUcs4(&ucs4, 1);
    return next + 1 + digits;
}

void Reader::appendDecoded(const Token& t, QString& out) const
{
    const QStringView body = m_text.mid(t.bodyStart, t.end - t.quoteSize - t.bodyStart);
    const bool raw = t.flags & Raw;
    qsizetype runStart = 0;
    qsizetype pos = 0;
    while (pos < body.size()) {
        const QChar c = body[pos];
        if (c == u'\r') { // Python reads source with universal newlines
            out += body.mid(runStart, pos - runStart);
            out += u'\n';
            pos += pos + 1 < body.size() && body[pos + 1] == u'\n' ? 2 : 1;
            runStart = pos;
        } else if (c == u'\\' && !raw) {
            out += body.mid(runStart, pos - runStart);
            pos = appendEscape(body, pos, out);
            runStart = pos;
        } else {
            pos += (c == u'\\' && pos + 1 < body.size() && body[pos + 1] != u'\r') ? 2 : 1;
        }
    }
    out += body.mid(runStart);
}

} // namespace

Revision AlembicScript::read(const QString& text, const QString& path)
{
    return Reader(text, path).read();
}

} // namespace retort
