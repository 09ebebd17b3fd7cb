// SPDX-License-Identifier: Apache-2.0
#include "schema/sqliteddlparser.h"

#include <initializer_list>

namespace retort {

namespace {

struct Token
{
    enum Kind { Word, QuotedName, String, Other };
    Kind kind = Other;
    int start = 0;
    int end = 0;
    QString name;             // Word: as written; QuotedName: unquoted
    bool spaceBefore = false; // white space or a comment separates it from the previous token
};

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_' || c.unicode() >= 0x80;
}

bool isWordChar(QChar c)
{
    return isWordStart(c) || c.isDigit() || c == u'$';
}

// Position after a quoted run opened at `pos` and closed by `close` (doubled to escape), or
// the text's end when it is left open.
int skipQuoted(const QString& sql, int pos, QChar close, QString* unquoted)
{
    int i = pos + 1;
    while (i < sql.size()) {
        if (sql[i] == close) {
            if (close != u']' && i + 1 < sql.size() && sql[i + 1] == close) {
                if (unquoted)
                    unquoted->append(close);
                i += 2;
                continue;
            }
            return i + 1;
        }
        if (unquoted)
            unquoted->append(sql[i]);
        ++i;
    }
    return i;
}

// Position after white space and comments from `pos`.
int skipSpace(const QString& sql, int pos)
{
    int i = pos;
    while (i < sql.size()) {
        if (sql[i].isSpace()) {
            ++i;
        } else if (sql[i] == u'-' && i + 1 < sql.size() && sql[i + 1] == u'-') {
            const int eol = sql.indexOf(u'\n', i);
            i = eol < 0 ? int(sql.size()) : eol + 1;
        } else if (sql[i] == u'/' && i + 1 < sql.size() && sql[i + 1] == u'*') {
            const int close = sql.indexOf(QLatin1String("*/"), i + 2);
            i = close < 0 ? int(sql.size()) : close + 2;
        } else {
            break;
        }
    }
    return i;
}

QVector<Token> tokenize(const QString& sql)
{
    QVector<Token> tokens;
    int i = 0;
    while (true) {
        const int next = skipSpace(sql, i);
        if (next >= sql.size())
            break;
        Token token;
        token.spaceBefore = next > i;
        token.start = next;
        const QChar c = sql[next];
        if (c == u'"' || c == u'`' || c == u'[') {
            token.kind = Token::QuotedName;
            token.end = skipQuoted(sql, next, c == u'[' ? QChar(u']') : c, &token.name);
        } else if (c == u'\'') {
            token.kind = Token::String;
            token.end = skipQuoted(sql, next, c, nullptr);
        } else if (isWordStart(c)) {
            int j = next + 1;
            while (j < sql.size() && isWordChar(sql[j]))
                ++j;
            token.kind = Token::Word;
            token.end = j;
            token.name = sql.mid(next, j - next);
        } else if (c.isDigit()) {
            int j = next + 1;
            while (j < sql.size() && (sql[j].isLetterOrNumber() || sql[j] == u'.'))
                ++j;
            token.end = j;
        } else {
            token.end = next + 1;
        }
        tokens.append(token);
        i = token.end;
    }
    return tokens;
}

class Parser
{
public:
    explicit Parser(const QString& sql) : m_sql(sql), m_tokens(tokenize(sql)) {}

    int size() const { return int(m_tokens.size()); }

    bool isKeyword(int i, const char* keyword) const
    {
        return i < size() && m_tokens[i].kind == Token::Word &&
               m_tokens[i].name.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
    }

    bool isKeywordIn(int i, std::initializer_list<const char*> keywords) const
    {
        for (const char* keyword : keywords) {
            if (isKeyword(i, keyword))
                return true;
        }
        return false;
    }

    bool isPunct(int i, char16_t c) const
    {
        return i < size() && m_tokens[i].kind == Token::Other &&
               m_tokens[i].end == m_tokens[i].start + 1 && m_sql[m_tokens[i].start] == c;
    }

    // An identifier as the database stores it: quotes removed. String literals count too
    // (SQLite accepts 'name' where a name is expected).
    QString name(int i) const
    {
        if (i >= size())
            return {};
        const Token& t = m_tokens[i];
        if (t.kind == Token::String)
            return m_sql.mid(t.start + 1, t.end - t.start - 2)
                .replace(QLatin1String("''"), QLatin1String("'"));
        return t.name;
    }

    // Index after the parenthesised group opened at `i` (or i + 1 when it is not a '(').
    int skipGroup(int i) const
    {
        if (!isPunct(i, u'('))
            return i + 1;
        int depth = 0;
        for (int j = i; j < size(); ++j) {
            if (isPunct(j, u'('))
                ++depth;
            else if (isPunct(j, u')') && --depth == 0)
                return j + 1;
        }
        return size();
    }

    // Tokens [from, to) as normalised text (see the header).
    QString text(int from, int to) const
    {
        QString out;
        for (int i = from; i < to && i < size(); ++i) {
            const Token& t = m_tokens[i];
            if (i > from && t.spaceBefore && !isPunct(i - 1, u'(') && !isPunct(i, u')'))
                out.append(u' ');
            out.append(QStringView(m_sql).mid(t.start, t.end - t.start));
        }
        return out;
    }

    // Index ranges [first, second) of the comma-separated items of the group opened at `open`.
    QVector<QPair<int, int>> items(int open) const
    {
        QVector<QPair<int, int>> result;
        const int close = skipGroup(open) - 1;
        int start = open + 1;
        for (int i = start; i < close;) {
            if (isPunct(i, u',')) {
                result.append({start, i});
                start = ++i;
            } else {
                i = isPunct(i, u'(') ? skipGroup(i) : i + 1;
            }
        }
        if (start < close)
            result.append({start, close});
        return result;
    }

    // The first name of each item of the group at `open`: "(a, b COLLATE x DESC)" -> a, b.
    QStringList nameList(int open) const
    {
        QStringList names;
        if (!isPunct(open, u'('))
            return names;
        for (const auto& [first, last] : items(open))
            names.append(name(first));
        return names;
    }

    // Index after "[schema.]name" starting at `i`.
    int skipQualifiedName(int i) const { return isPunct(i + 1, u'.') ? i + 3 : i + 1; }

    // Index of the first token after "CREATE [TEMP|TEMPORARY|UNIQUE] <kind> [IF NOT EXISTS]".
    int skipCreateHeader(const char* kind) const
    {
        int i = 0;
        while (i < size() && !isKeyword(i, kind))
            ++i;
        ++i;
        if (isKeyword(i, "IF"))
            i += 3;
        return i;
    }

    SqliteTableDefinition table() const;
    SqliteIndexDefinition index() const;
    SqliteViewDefinition view() const;

private:
    void columnDefinition(int first, int last, SqliteTableDefinition& table) const;
    void tableConstraint(int first, int last, SqliteTableDefinition& table) const;
    // Reads "REFERENCES table [(cols)] [ON ...] [MATCH x] [[NOT] DEFERRABLE [INITIALLY x]]"
    // at `i` into `fk`; returns the index after it.
    int references(int i, int last, SqliteConstraintDefinition& fk) const;

    const QString& m_sql;
    QVector<Token> m_tokens;
};

int Parser::references(int i, int last, SqliteConstraintDefinition& fk) const
{
    fk.kind = SqliteConstraintDefinition::ForeignKey;
    i = skipQualifiedName(i + 1) - 1;
    fk.referencedTable = name(i);
    ++i;
    if (isPunct(i, u'('))
        i = skipGroup(i);
    while (i < last) {
        if (isKeyword(i, "ON")) {
            // ON DELETE|UPDATE SET NULL|SET DEFAULT|NO ACTION|CASCADE|RESTRICT
            i += isKeywordIn(i + 2, {"SET", "NO"}) ? 4 : 3;
        } else if (isKeyword(i, "MATCH")) {
            i += 2;
        } else if (isKeyword(i, "NOT") && isKeyword(i + 1, "DEFERRABLE")) {
            fk.deferrable = false;
            i += 2;
        } else if (isKeyword(i, "DEFERRABLE")) {
            fk.deferrable = true;
            ++i;
        } else if (isKeyword(i, "INITIALLY")) {
            fk.initiallyDeferred = isKeyword(i + 1, "DEFERRED");
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

void Parser::columnDefinition(int first, int last, SqliteTableDefinition& table) const
{
    SqliteColumnDefinition column;
    column.name = name(first);
    const QStringList self{column.name};
    QString pendingName;
    const auto add = [&](SqliteConstraintDefinition constraint) {
        constraint.name = pendingName;
        constraint.columns = self;
        table.constraints.append(constraint);
        pendingName.clear();
    };
    for (int i = first + 1; i < last;) {
        if (isPunct(i, u'(')) {
            i = skipGroup(i);
        } else if (isKeyword(i, "CONSTRAINT")) {
            pendingName = name(i + 1);
            i += 2;
        } else if (isKeyword(i, "PRIMARY") || isKeyword(i, "UNIQUE")) {
            SqliteConstraintDefinition c;
            c.kind = isKeyword(i, "PRIMARY") ? SqliteConstraintDefinition::PrimaryKey
                                             : SqliteConstraintDefinition::Unique;
            add(c);
            ++i;
        } else if (isKeyword(i, "AUTOINCREMENT")) {
            column.autoIncrement = true;
            ++i;
        } else if (isKeyword(i, "CHECK")) {
            SqliteConstraintDefinition c;
            c.expression = text(i + 2, skipGroup(i + 1) - 1);
            add(c);
            i = skipGroup(i + 1);
        } else if (isKeyword(i, "COLLATE")) {
            column.collation = name(i + 1);
            pendingName.clear();
            i += 2;
        } else if (isKeyword(i, "REFERENCES")) {
            SqliteConstraintDefinition fk;
            i = references(i, last, fk);
            add(fk);
        } else if (isKeyword(i, "AS") && isPunct(i + 1, u'(')) {
            column.generatedExpression = text(i + 2, skipGroup(i + 1) - 1);
            pendingName.clear();
            i = skipGroup(i + 1);
        } else {
            if (isKeywordIn(i, {"NOT", "NULL", "DEFAULT", "GENERATED"}))
                pendingName.clear();
            ++i;
        }
    }
    table.columns.append(column);
}

void Parser::tableConstraint(int first, int last, SqliteTableDefinition& table) const
{
    SqliteConstraintDefinition c;
    int i = first;
    if (isKeyword(i, "CONSTRAINT")) {
        c.name = name(i + 1);
        i += 2;
    }
    if (isKeyword(i, "PRIMARY") || isKeyword(i, "UNIQUE")) {
        c.kind = isKeyword(i, "PRIMARY") ? SqliteConstraintDefinition::PrimaryKey
                                         : SqliteConstraintDefinition::Unique;
        i += c.kind == SqliteConstraintDefinition::PrimaryKey ? 2 : 1;
        c.columns = nameList(i);
    } else if (isKeyword(i, "CHECK")) {
        c.kind = SqliteConstraintDefinition::Check;
        c.expression = text(i + 2, skipGroup(i + 1) - 1);
    } else if (isKeyword(i, "FOREIGN")) {
        c.columns = nameList(i + 2);
        references(skipGroup(i + 2), last, c);
    } else {
        return;
    }
    table.constraints.append(c);
}

SqliteTableDefinition Parser::table() const
{
    SqliteTableDefinition table;
    const int open = skipQualifiedName(skipCreateHeader("TABLE"));
    if (!isPunct(open, u'('))
        return table; // CREATE TABLE ... AS SELECT: no definitions to read
    for (const auto& [first, last] : items(open)) {
        if (isKeywordIn(first, {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"}))
            tableConstraint(first, last, table);
        else
            columnDefinition(first, last, table);
    }
    for (int i = skipGroup(open); i < size(); ++i) {
        if (isKeyword(i, "WITHOUT") && isKeyword(i + 1, "ROWID"))
            table.withoutRowid = true;
    }
    return table;
}

SqliteIndexDefinition Parser::index() const
{
    SqliteIndexDefinition index;
    int open = skipQualifiedName(skipCreateHeader("INDEX"));
    if (isKeyword(open, "ON"))
        open = skipQualifiedName(open + 1);
    if (!isPunct(open, u'('))
        return index;
    for (auto [first, last] : items(open)) {
        if (isKeywordIn(last - 1, {"ASC", "DESC"}))
            --last;
        if (last - 2 > first && isKeyword(last - 2, "COLLATE"))
            last -= 2;
        index.elements.append(text(first, last));
    }
    const int where = skipGroup(open);
    if (isKeyword(where, "WHERE"))
        index.where = text(where + 1, size());
    return index;
}

SqliteViewDefinition Parser::view() const
{
    SqliteViewDefinition view;
    int i = skipQualifiedName(skipCreateHeader("VIEW"));
    if (isPunct(i, u'(')) {
        view.columns = nameList(i);
        i = skipGroup(i);
    }
    if (isKeyword(i, "AS"))
        view.body = text(i + 1, size());
    return view;
}

} // namespace

const SqliteColumnDefinition* SqliteTableDefinition::column(const QString& name) const
{
    for (const SqliteColumnDefinition& c : columns) {
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

SqliteTableDefinition SqliteDdlParser::parseTable(const QString& sql)
{
    return Parser(sql).table();
}

SqliteIndexDefinition SqliteDdlParser::parseIndex(const QString& sql)
{
    return Parser(sql).index();
}

SqliteViewDefinition SqliteDdlParser::parseView(const QString& sql)
{
    return Parser(sql).view();
}

} // namespace retort
