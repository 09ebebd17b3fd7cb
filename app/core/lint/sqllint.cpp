// SPDX-License-Identifier: Apache-2.0
#include "lint/sqllint.h"

#include <QStringList>
#include <initializer_list>

namespace retort {

namespace {

// ---- Tokens -------------------------------------------------------------------------------

struct Token
{
    enum Kind { Word, Quoted, Number, String, Symbol };
    Kind kind;
    QString text;  // words as written, quoted identifiers without their quotes
    int depth = 0; // parentheses around the token; '(' and ')' carry the outer depth
};

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || c.isDigit() || c == u'$';
}

// Reads SQL into tokens, dropping comments and white space. The text is one statement the
// splitter cut, so it is well formed; anything left open runs to the end.
class Tokenizer
{
public:
    explicit Tokenizer(const QString& sql) : m_sql(sql) {}

    QVector<Token> run()
    {
        while (m_pos < m_sql.size()) {
            const QChar c = m_sql[m_pos];
            if (c.isSpace())
                ++m_pos;
            else if (startsWith("--"))
                skipPast(QStringLiteral("\n"), m_pos);
            else if (startsWith("/*"))
                skipBlockComment();
            else if (c == u'\'')
                readString();
            else if (c == u'"' || c == u'`')
                readQuotedIdentifier(c);
            else if (c == u'$' && readDollarQuote())
                continue;
            else if (isIdentStart(c))
                readWhile(Token::Word, isIdentChar);
            else if (c.isDigit())
                readWhile(Token::Number, [](QChar d) { return d.isLetterOrNumber() || d == u'.'; });
            else
                readSymbol(c);
        }
        return m_tokens;
    }

private:
    bool startsWith(const char* text) const
    {
        return QStringView(m_sql).mid(m_pos).startsWith(QLatin1String(text));
    }

    void skipPast(const QString& end, qsizetype from)
    {
        const qsizetype at = m_sql.indexOf(end, from);
        m_pos = at < 0 ? m_sql.size() : at + end.size();
    }

    void skipBlockComment()
    {
        int nesting = 0; // PostgreSQL nests block comments
        while (m_pos < m_sql.size()) {
            if (startsWith("/*")) {
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

    void push(Token::Kind kind, QString text) { m_tokens.append({kind, std::move(text), m_depth}); }

    void readString()
    {
        // E'...' takes backslash escapes; the E was read as a one-letter word just before.
        const bool escapes =
            !m_tokens.isEmpty() && m_tokens.last().kind == Token::Word &&
            m_tokens.last().text.compare(QLatin1String("e"), Qt::CaseInsensitive) == 0 &&
            m_pos > 0 && !m_sql[m_pos - 1].isSpace();
        if (escapes)
            m_tokens.removeLast();
        for (++m_pos; m_pos < m_sql.size(); ++m_pos) {
            if (escapes && m_sql[m_pos] == u'\\') {
                ++m_pos;
            } else if (m_sql[m_pos] == u'\'') {
                if (m_pos + 1 < m_sql.size() && m_sql[m_pos + 1] == u'\'')
                    ++m_pos;
                else
                    break;
            }
        }
        ++m_pos;
        push(Token::String, {});
    }

    void readQuotedIdentifier(QChar quote)
    {
        QString text;
        for (++m_pos; m_pos < m_sql.size(); ++m_pos) {
            if (m_sql[m_pos] == quote) {
                if (m_pos + 1 < m_sql.size() && m_sql[m_pos + 1] == quote)
                    ++m_pos;
                else
                    break;
            }
            text += m_sql[m_pos];
        }
        ++m_pos;
        push(Token::Quoted, text);
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
        const QString tag = m_sql.mid(m_pos, end - m_pos + 1);
        skipPast(tag, end + 1);
        push(Token::String, {});
        return true;
    }

    template <typename Predicate> void readWhile(Token::Kind kind, Predicate accept)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_sql.size() && accept(m_sql[m_pos]))
            ++m_pos;
        push(kind, m_sql.mid(start, m_pos - start));
    }

    void readSymbol(QChar c)
    {
        if (c == u')')
            m_depth = qMax(0, m_depth - 1);
        push(Token::Symbol, QString(c));
        if (c == u'(')
            ++m_depth;
        ++m_pos;
    }

    const QString& m_sql;
    qsizetype m_pos = 0;
    int m_depth = 0;
    QVector<Token> m_tokens;
};

bool isWord(const Token& token, const char* keyword)
{
    return token.kind == Token::Word &&
           token.text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

QString quoted(const QString& name)
{
    return u'"' + name + u'"';
}

bool isSymbol(const Token& token, char16_t symbol)
{
    return token.kind == Token::Symbol && token.text.front() == symbol;
}

bool isAnyWord(const Token& token, std::initializer_list<const char*> keywords)
{
    for (const char* keyword : keywords) {
        if (isWord(token, keyword))
            return true;
    }
    return false;
}

// A range of tokens [begin, end) read front to back.
class Cursor
{
public:
    Cursor(const QVector<Token>& tokens, int begin, int end)
        : m_tokens(tokens), m_pos(begin), m_end(end)
    {
    }

    int pos() const { return m_pos; }
    int end() const { return m_end; }
    bool atEnd() const { return m_pos >= m_end; }
    bool is(const char* keyword, int ahead = 0) const
    {
        return m_pos + ahead < m_end && isWord(m_tokens[m_pos + ahead], keyword);
    }
    bool isAny(std::initializer_list<const char*> keywords) const
    {
        return !atEnd() && isAnyWord(m_tokens[m_pos], keywords);
    }
    bool accept(const char* keyword)
    {
        if (!is(keyword))
            return false;
        ++m_pos;
        return true;
    }
    // All of the keywords in a row, or nothing.
    bool accept(std::initializer_list<const char*> keywords)
    {
        int ahead = 0;
        for (const char* keyword : keywords) {
            if (!is(keyword, ahead++))
                return false;
        }
        m_pos += ahead;
        return true;
    }
    void skip(int count = 1) { m_pos = qMin(m_end, m_pos + count); }

    // A possibly qualified name; its last part, lowercase. Empty when none is next.
    QString name()
    {
        QString last;
        while (!atEnd() &&
               (m_tokens[m_pos].kind == Token::Word || m_tokens[m_pos].kind == Token::Quoted)) {
            last = m_tokens[m_pos++].text.toLower();
            if (atEnd() || !isSymbol(m_tokens[m_pos], u'.'))
                break;
            ++m_pos;
        }
        return last;
    }

    // Whether a keyword occurs from here to the end, outside parentheses deeper than `depth`.
    bool contains(const char* keyword, int depth) const
    {
        for (int i = m_pos; i < m_end; ++i) {
            if (m_tokens[i].depth == depth && isWord(m_tokens[i], keyword))
                return true;
        }
        return false;
    }

private:
    const QVector<Token>& m_tokens;
    int m_pos;
    int m_end;
};

// [begin, end) cut at commas of the given depth.
QVector<std::pair<int, int>> splitAtCommas(const QVector<Token>& tokens, int begin, int end,
                                           int depth)
{
    QVector<std::pair<int, int>> parts;
    int start = begin;
    for (int i = begin; i < end; ++i) {
        if (tokens[i].depth == depth && isSymbol(tokens[i], u',')) {
            parts.append({start, i});
            start = i + 1;
        }
    }
    if (start < end)
        parts.append({start, end});
    return parts;
}

// "numeric(3,2)", "character varying(10)", "timestamp with time zone".
QString typeText(const QVector<Token>& tokens, int begin, int end)
{
    QString text;
    bool lastWasWord = false;
    for (int i = begin; i < end; ++i) {
        const bool word = tokens[i].kind != Token::Symbol;
        if (word && lastWasWord)
            text += u' ';
        text += tokens[i].text.toLower();
        lastWasWord = word;
    }
    return text;
}

// ---- Types ----------------------------------------------------------------------------------

// A column type reduced to what narrowing and rewrites depend on.
struct TypeInfo
{
    enum Family { Integer, Float, Numeric, Text, FixedChar, Timestamp, Date, Other };
    Family family = Other;
    int size = -1;  // integer/float bytes; text length or numeric precision (-1: unbounded)
    int scale = -1; // numeric scale
    QString text;
};

TypeInfo classifyType(const QString& type)
{
    TypeInfo info;
    info.text = type.simplified();
    const qsizetype open = info.text.indexOf(u'(');
    const QString base = (open < 0 ? info.text : info.text.left(open)).trimmed();
    QVector<int> arguments;
    if (open >= 0) {
        const QString inner = info.text.mid(open + 1, info.text.indexOf(u')') - open - 1);
        for (const QString& part : inner.split(u','))
            arguments.append(part.trimmed().toInt());
    }
    const auto argument = [&](int i, int fallback) {
        return i < arguments.size() ? arguments[i] : fallback;
    };
    static const QHash<QString, std::pair<TypeInfo::Family, int>> fixed = {
        {QStringLiteral("smallint"), {TypeInfo::Integer, 2}},
        {QStringLiteral("int2"), {TypeInfo::Integer, 2}},
        {QStringLiteral("smallserial"), {TypeInfo::Integer, 2}},
        {QStringLiteral("integer"), {TypeInfo::Integer, 4}},
        {QStringLiteral("int"), {TypeInfo::Integer, 4}},
        {QStringLiteral("int4"), {TypeInfo::Integer, 4}},
        {QStringLiteral("serial"), {TypeInfo::Integer, 4}},
        {QStringLiteral("bigint"), {TypeInfo::Integer, 8}},
        {QStringLiteral("int8"), {TypeInfo::Integer, 8}},
        {QStringLiteral("bigserial"), {TypeInfo::Integer, 8}},
        {QStringLiteral("real"), {TypeInfo::Float, 4}},
        {QStringLiteral("float4"), {TypeInfo::Float, 4}},
        {QStringLiteral("double precision"), {TypeInfo::Float, 8}},
        {QStringLiteral("float8"), {TypeInfo::Float, 8}},
        {QStringLiteral("text"), {TypeInfo::Text, -1}},
        {QStringLiteral("timestamp"), {TypeInfo::Timestamp, -1}},
        {QStringLiteral("timestamptz"), {TypeInfo::Timestamp, -1}},
        {QStringLiteral("timestamp with time zone"), {TypeInfo::Timestamp, -1}},
        {QStringLiteral("timestamp without time zone"), {TypeInfo::Timestamp, -1}},
        {QStringLiteral("date"), {TypeInfo::Date, -1}},
    };
    if (const auto known = fixed.constFind(base); known != fixed.constEnd()) {
        info.family = known->first;
        info.size = known->second;
    } else if (base == QLatin1String("float")) {
        info.family = TypeInfo::Float;
        info.size = argument(0, 53) <= 24 ? 4 : 8;
    } else if (base == QLatin1String("numeric") || base == QLatin1String("decimal")) {
        info.family = TypeInfo::Numeric;
        info.size = argument(0, -1);
        info.scale = argument(1, info.size < 0 ? -1 : 0);
    } else if (base == QLatin1String("varchar") || base == QLatin1String("character varying")) {
        info.family = TypeInfo::Text;
        info.size = argument(0, -1);
    } else if (base == QLatin1String("char") || base == QLatin1String("character") ||
               base == QLatin1String("bpchar")) {
        info.family = TypeInfo::FixedChar;
        info.size = argument(0, 1);
    }
    return info;
}

// Whether a value of `from` may not fit in `to` (or loses a part on the way).
bool narrows(const TypeInfo& from, const TypeInfo& to)
{
    const bool textual = [](TypeInfo::Family f) {
        return f == TypeInfo::Text || f == TypeInfo::FixedChar;
    }(from.family);
    if (textual && (to.family == TypeInfo::Text || to.family == TypeInfo::FixedChar))
        return to.size >= 0 && (from.size < 0 || to.size < from.size);
    if (from.family == to.family &&
        (from.family == TypeInfo::Integer || from.family == TypeInfo::Float))
        return to.size < from.size;
    if ((from.family == TypeInfo::Numeric || from.family == TypeInfo::Float) &&
        to.family == TypeInfo::Integer)
        return true;
    if (from.family == TypeInfo::Numeric && to.family == TypeInfo::Numeric) {
        if (to.size < 0)
            return false;
        return from.size < 0 || to.scale < from.scale ||
               to.size - to.scale < from.size - from.scale;
    }
    return from.family == TypeInfo::Timestamp && to.family == TypeInfo::Date;
}

// Whether PostgreSQL changes the type without rewriting the table (binary-coercible changes
// it documents: longer or unbounded varchar, varchar to text, more numeric precision).
bool changesInPlace(const TypeInfo& from, const TypeInfo& to)
{
    if (from.text == to.text)
        return true;
    if (from.family == TypeInfo::Text && to.family == TypeInfo::Text)
        return to.size < 0 || (from.size >= 0 && to.size >= from.size);
    if (from.family == TypeInfo::Numeric && to.family == TypeInfo::Numeric)
        return to.size < 0 || (from.size >= 0 && to.size >= from.size && to.scale == from.scale);
    return false;
}

// ---- Statements -----------------------------------------------------------------------------

// Functions whose value differs per row: a default using one makes PostgreSQL rewrite the table.
bool isVolatileFunction(const Token& token)
{
    return isAnyWord(token, {"random", "clock_timestamp", "timeofday", "gen_random_uuid",
                             "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4",
                             "uuidv7", "nextval"});
}

struct ColumnDef
{
    QString name;
    QString type;
    bool notNull = false;
    bool hasDefault = false; // a DEFAULT other than NULL, or a serial type
    bool volatileDefault = false;
    bool generated = false; // GENERATED ... / AS (...): values computed
    bool identity = false;
    bool stored = false; // a stored generated column
};

ColumnDef parseColumn(const QVector<Token>& tokens, int begin, int end)
{
    ColumnDef column;
    Cursor cursor(tokens, begin, end);
    column.name = cursor.name();
    const int depth = begin < end ? tokens[begin].depth : 0;
    const auto isAttribute = [&](const Token& token) {
        return token.depth == depth &&
               isAnyWord(token,
                         {"constraint", "not", "null", "default", "primary", "unique", "check",
                          "references", "generated", "collate", "as", "autoincrement", "on"});
    };
    int typeEnd = cursor.pos();
    while (typeEnd < end && !isAttribute(tokens[typeEnd]))
        ++typeEnd;
    column.type = typeText(tokens, cursor.pos(), typeEnd);
    const QString base = column.type.section(u'(', 0, 0).trimmed();
    if (base.endsWith(QLatin1String("serial"))) {
        column.hasDefault = true;
        column.volatileDefault = true;
    }
    for (int i = typeEnd; i < end; ++i) {
        const Token& token = tokens[i];
        if (token.depth != depth)
            continue;
        if (isWord(token, "not") && i + 1 < end && isWord(tokens[i + 1], "null")) {
            column.notNull = true;
        } else if (isWord(token, "primary")) {
            column.notNull = true;
        } else if (isWord(token, "default")) {
            int j = i + 1;
            while (j < end && !isAttribute(tokens[j])) {
                column.volatileDefault = column.volatileDefault || isVolatileFunction(tokens[j]);
                ++j;
            }
            // DEFAULT NULL is no default: NULL is an attribute keyword, so the loop stops on it
            // before reading any expression.
            column.hasDefault = column.hasDefault || j > i + 1;
        } else if (isWord(token, "generated") || isWord(token, "as")) {
            column.generated = true;
        } else if (isWord(token, "identity")) {
            column.identity = true;
        } else if (isWord(token, "stored")) {
            column.stored = true;
        }
    }
    return column;
}

enum class ActionKind {
    AddColumn,
    DropColumn,
    AlterType,
    SetNotNull,
    AddUnique,
    AddPrimaryKey,
    AddForeignKey,
    AddCheck,
    RenameTable,
    RenameColumn,
    Other
};

struct AlterAction
{
    ActionKind kind = ActionKind::Other;
    ColumnDef column; // AddColumn; name only for the others on a column
    QString newName;  // RenameTable, RenameColumn
    QString type;     // AlterType
    bool usingClause = false;
    bool notValid = false;
    bool usingIndex = false;
};

AlterAction parseAddConstraint(Cursor& cursor, int depth)
{
    AlterAction action;
    if (cursor.accept("constraint"))
        cursor.name();
    if (cursor.is("unique"))
        action.kind = ActionKind::AddUnique;
    else if (cursor.is("primary"))
        action.kind = ActionKind::AddPrimaryKey;
    else if (cursor.is("foreign"))
        action.kind = ActionKind::AddForeignKey;
    else if (cursor.is("check"))
        action.kind = ActionKind::AddCheck;
    action.notValid = cursor.contains("valid", depth);
    action.usingIndex = cursor.contains("using", depth) && cursor.contains("index", depth);
    return action;
}

AlterAction parseAlterColumn(Cursor& cursor, const QVector<Token>& tokens, int depth)
{
    AlterAction action;
    cursor.accept("column");
    action.column.name = cursor.name();
    if (cursor.accept({"set", "data", "type"}) || cursor.accept("type")) {
        action.kind = ActionKind::AlterType;
        int typeEnd = cursor.pos();
        while (typeEnd < cursor.end() && !(tokens[typeEnd].depth == depth &&
                                           isAnyWord(tokens[typeEnd], {"using", "collate"})))
            ++typeEnd;
        action.type = typeText(tokens, cursor.pos(), typeEnd);
        action.usingClause = cursor.contains("using", depth);
    } else if (cursor.accept({"set", "not", "null"})) {
        action.kind = ActionKind::SetNotNull;
    }
    return action;
}

AlterAction parseAction(const QVector<Token>& tokens, int begin, int end)
{
    Cursor cursor(tokens, begin, end);
    const int depth = tokens[begin].depth;
    AlterAction action;
    if (cursor.accept("add")) {
        if (cursor.isAny({"constraint", "unique", "primary", "foreign", "check", "exclude"}))
            return parseAddConstraint(cursor, depth);
        cursor.accept("column");
        cursor.accept({"if", "not", "exists"});
        action.kind = ActionKind::AddColumn;
        action.column = parseColumn(tokens, cursor.pos(), end);
    } else if (cursor.accept("drop")) {
        if (cursor.isAny({"constraint"}))
            return action;
        cursor.accept("column");
        cursor.accept({"if", "exists"});
        action.kind = ActionKind::DropColumn;
        action.column.name = cursor.name();
    } else if (cursor.accept("alter")) {
        return parseAlterColumn(cursor, tokens, depth);
    } else if (cursor.accept("rename")) {
        if (cursor.accept("to")) {
            action.kind = ActionKind::RenameTable;
            action.newName = cursor.name();
        } else if (!cursor.is("constraint")) {
            cursor.accept("column");
            action.kind = ActionKind::RenameColumn;
            action.column.name = cursor.name();
            cursor.accept("to");
            action.newName = cursor.name();
        }
    }
    return action;
}

} // namespace

// One statement, as much of it as the rules need.
struct ParsedStatement
{
    enum Kind {
        Other,
        CreateTable,
        DropTable,
        AlterTable,
        CreateIndex,
        Truncate,
        Delete,
        DropSchema,
        InsertSelect // INSERT INTO tables[0] (copied) SELECT ... FROM tables[1]
    };
    Kind kind = Other;
    QStringList tables;
    QVector<ColumnDef> columns; // CreateTable
    QVector<AlterAction> actions;
    QString schemaName;       // DropSchema
    bool unique = false;      // CreateIndex
    bool ifNotExists = false; // CreateTable
    bool hasWhere = false;    // Delete
    QStringList copied;       // InsertSelect: the target's column list (lowercase)
    QString concurrently;     // the statement's words up to CONCURRENTLY, when it has one
};

namespace {

QString wordsUpToConcurrently(const QVector<Token>& tokens)
{
    QStringList words;
    for (const Token& token : tokens) {
        if (token.depth != 0 || token.kind != Token::Word)
            return {};
        words << token.text.toUpper();
        if (isWord(token, "concurrently"))
            return words.join(u' ');
        if (words.size() > 5)
            return {};
    }
    return {};
}

} // namespace

namespace {

void parseCreateTable(Cursor& cursor, const QVector<Token>& tokens, ParsedStatement& parsed)
{
    parsed.kind = ParsedStatement::CreateTable;
    parsed.ifNotExists = cursor.accept({"if", "not", "exists"});
    parsed.tables << cursor.name();
    if (cursor.atEnd() || !isSymbol(tokens[cursor.pos()], u'('))
        return; // AS SELECT, PARTITION OF, ...: columns unknown
    int close = cursor.pos() + 1;
    while (close < cursor.end() && !(tokens[close].depth == 0 && isSymbol(tokens[close], u')')))
        ++close;
    for (const auto& [begin, end] : splitAtCommas(tokens, cursor.pos() + 1, close, 1)) {
        if (begin == end || isAnyWord(tokens[begin], {"constraint", "primary", "unique", "check",
                                                      "foreign", "exclude", "like"}))
            continue;
        parsed.columns.append(parseColumn(tokens, begin, end));
    }
}

void parseCreate(Cursor& cursor, const QVector<Token>& tokens, ParsedStatement& parsed)
{
    cursor.accept({"or", "replace"});
    while (cursor.isAny({"global", "local", "temp", "temporary", "unlogged"}))
        cursor.skip();
    if (cursor.accept("table")) {
        parseCreateTable(cursor, tokens, parsed);
        return;
    }
    parsed.unique = cursor.accept("unique");
    if (!cursor.accept("index"))
        return;
    parsed.kind = ParsedStatement::CreateIndex;
    while (!cursor.atEnd() &&
           !(tokens[cursor.pos()].depth == 0 && isWord(tokens[cursor.pos()], "on")))
        cursor.skip();
    cursor.accept("on");
    cursor.accept("only");
    parsed.tables << cursor.name();
}

void parseAlterTable(Cursor& cursor, const QVector<Token>& tokens, ParsedStatement& parsed)
{
    parsed.kind = ParsedStatement::AlterTable;
    cursor.accept({"if", "exists"});
    cursor.accept("only");
    parsed.tables << cursor.name();
    if (!cursor.atEnd() && isSymbol(tokens[cursor.pos()], u'*'))
        cursor.skip();
    for (const auto& [begin, end] : splitAtCommas(tokens, cursor.pos(), cursor.end(), 0)) {
        if (begin < end)
            parsed.actions.append(parseAction(tokens, begin, end));
    }
}

// Names separated by commas, stopping at the first word that is not a name (CASCADE, ...).
QStringList nameList(Cursor& cursor, const QVector<Token>& tokens)
{
    QStringList names;
    while (!cursor.atEnd() && !cursor.isAny({"cascade", "restrict", "restart", "continue"})) {
        const QString name = cursor.name();
        if (name.isEmpty())
            break;
        names << name;
        if (cursor.atEnd() || !isSymbol(tokens[cursor.pos()], u','))
            break;
        cursor.skip();
    }
    return names;
}

// INSERT INTO new (a, b) SELECT a, b FROM old: the copy step of a table rebuild.
void parseInsertSelect(Cursor& cursor, const QVector<Token>& tokens, ParsedStatement& parsed)
{
    const QString target = cursor.name();
    if (target.isEmpty() || cursor.atEnd() || !isSymbol(tokens[cursor.pos()], u'('))
        return;
    cursor.skip();
    QStringList copied;
    while (!cursor.atEnd() && !isSymbol(tokens[cursor.pos()], u')')) {
        const Token& token = tokens[cursor.pos()];
        if (token.kind == Token::Word || token.kind == Token::Quoted)
            copied << token.text.toLower();
        cursor.skip();
    }
    cursor.skip();
    if (!cursor.accept("select") || !cursor.contains("from", 0))
        return;
    while (!cursor.atEnd() && !(tokens[cursor.pos()].depth == 0 && isWord(tokens[cursor.pos()], "from")))
        cursor.skip();
    cursor.skip();
    const QString source = cursor.name();
    if (source.isEmpty() || !cursor.atEnd())
        return; // joins, WHERE, ...: not a plain copy
    parsed.kind = ParsedStatement::InsertSelect;
    parsed.tables = {target, source};
    parsed.copied = copied;
}

ParsedStatement parseStatement(const QString& sql)
{
    const QVector<Token> tokens = Tokenizer(sql).run();
    ParsedStatement parsed;
    parsed.concurrently = wordsUpToConcurrently(tokens);
    Cursor cursor(tokens, 0, int(tokens.size()));
    if (cursor.accept("create")) {
        parseCreate(cursor, tokens, parsed);
    } else if (cursor.accept({"alter", "table"})) {
        parseAlterTable(cursor, tokens, parsed);
    } else if (cursor.accept({"drop", "table"})) {
        parsed.kind = ParsedStatement::DropTable;
        cursor.accept({"if", "exists"});
        parsed.tables = nameList(cursor, tokens);
    } else if (cursor.accept("truncate")) {
        parsed.kind = ParsedStatement::Truncate;
        cursor.accept("table");
        cursor.accept("only");
        parsed.tables = nameList(cursor, tokens);
    } else if (cursor.accept({"insert", "into"})) {
        parseInsertSelect(cursor, tokens, parsed);
    } else if (cursor.accept({"delete", "from"})) {
        parsed.kind = ParsedStatement::Delete;
        cursor.accept("only");
        parsed.tables << cursor.name();
        parsed.hasWhere = cursor.contains("where", 0);
    } else if (cursor.isAny({"drop"}) && (cursor.is("schema", 1) || cursor.is("database", 1))) {
        parsed.kind = ParsedStatement::DropSchema;
        cursor.skip();
        QString what = tokens[cursor.pos()].text.toUpper();
        cursor.skip();
        cursor.accept({"if", "exists"});
        parsed.schemaName = what + u' ' + quoted(cursor.name());
    }
    return parsed;
}

} // namespace

QString lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info:
        return QStringLiteral("info");
    case LintSeverity::Warning:
        return QStringLiteral("warning");
    case LintSeverity::Error:
        return QStringLiteral("error");
    }
    return {};
}

void LintSchema::unite(const LintSchema& other)
{
    if (tables.isEmpty()) {
        tables = other.tables;
        return;
    }
    for (auto it = other.tables.cbegin(); it != other.tables.cend(); ++it) {
        if (!tables.contains(it.key()))
            tables.insert(it.key(), it.value());
    }
}

const QVector<LintRule>& SqlLint::rules()
{
    using S = LintSeverity;
    static const QVector<LintRule> all = {
        {"RT101", S::Warning, "DROP TABLE deletes a table and every row in it", "drops a table"},
        {"RT102", S::Warning, "DROP COLUMN deletes a column's data", "drops a column"},
        {"RT103", S::Warning,
         "ALTER COLUMN TYPE to a narrower type: values that do not fit fail or are cut",
         "narrows a column type"},
        {"RT104", S::Warning, "TRUNCATE, or DELETE without WHERE, empties a table",
         "empties a table"},
        {"RT105", S::Info, "DELETE removes rows", "deletes rows"},
        {"RT106", S::Warning, "DROP SCHEMA or DROP DATABASE drops everything in it",
         "drops a schema"},
        {"RT201", S::Error,
         "ADD COLUMN NOT NULL without DEFAULT fails on a table with rows (always on SQLite)",
         "adds a required column"},
        {"RT202", S::Warning,
         "a UNIQUE constraint or index on an existing table fails when "
         "rows hold duplicates",
         "adds a unique constraint"},
        {"RT203", S::Warning, "SET NOT NULL on an existing column fails when a row holds NULL",
         "makes a column required"},
        {"RT204", S::Warning,
         "a CHECK constraint on an existing table fails when a row "
         "violates it (PostgreSQL: add NOT VALID, then VALIDATE)",
         "adds a check"},
        {"RT301", S::Warning,
         "PostgreSQL: CREATE INDEX without CONCURRENTLY on an existing "
         "table blocks writes while the index builds",
         "locks a table"},
        {"RT302", S::Warning,
         "PostgreSQL: the statement rewrites an existing table under an "
         "ACCESS EXCLUSIVE lock",
         "rewrites a table"},
        {"RT303", S::Warning,
         "PostgreSQL: a FOREIGN KEY without NOT VALID on an existing "
         "table blocks writes while every row is checked",
         "locks tables"},
        {"RT304", S::Error,
         "PostgreSQL: CONCURRENTLY cannot run inside a transaction (set "
         "\"transactional: false\" in the script header)",
         "fails"},
    };
    return all;
}

const LintRule* SqlLint::rule(const QString& code)
{
    for (const LintRule& rule : rules()) {
        if (code == QLatin1String(rule.code))
            return &rule;
    }
    return nullptr;
}

SqlLint::SqlLint(Dialect dialect, LintSchema before, bool transactional)
    : m_dialect(dialect), m_transactional(transactional), m_schema(std::move(before))
{
}

bool SqlLint::isExisting(const QString& table) const
{
    // A table this script did not create existed before it: from an earlier revision, or made
    // outside the scripts (either way it may hold rows).
    return !m_created.contains(table);
}

QVector<LintIssue> SqlLint::check(const QString& statement)
{
    const ParsedStatement parsed = parseStatement(statement);
    QVector<LintIssue> issues;
    lintStatement(parsed, issues);
    apply(parsed);
    return issues;
}

namespace {

void add(QVector<LintIssue>& issues, const char* code, const QString& message)
{
    issues.append({QString::fromLatin1(code), message});
}

} // namespace

void SqlLint::lintStatement(const ParsedStatement& statement, QVector<LintIssue>& issues) const
{
    const bool postgres = m_dialect == Dialect::PostgreSql;
    if (postgres && m_transactional && !statement.concurrently.isEmpty())
        add(issues, "RT304",
            statement.concurrently + QStringLiteral(" cannot run inside a transaction: set "
                                                    "\"transactional: false\" in the header"));
    const QString table = statement.tables.value(0);
    switch (statement.kind) {
    case ParsedStatement::DropTable:
        for (const QString& name : statement.tables) {
            if (!isExisting(name))
                continue;
            const auto copy = m_rebuildCopies.constFind(name);
            if (copy == m_rebuildCopies.cend()) {
                add(issues, "RT101",
                    QStringLiteral("DROP TABLE ") + quoted(name) +
                        QStringLiteral(" deletes the table and every row in it"));
                continue;
            }
            // A table rebuild: the rows live on in the new table; what is lost is the
            // columns it did not copy (known when the table's history is).
            QStringList lost;
            const QHash<QString, QString> columns = m_schema.tables.value(name);
            for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
                if (!copy->contains(it.key()))
                    lost << it.key();
            }
            lost.sort();
            if (!m_schema.hasTable(name)) // the scripts before do not tell its columns
                add(issues, "RT102",
                    QStringLiteral("rebuilding ") + quoted(name) +
                        QStringLiteral(" drops the columns it does not copy"));
            for (const QString& column : std::as_const(lost))
                add(issues, "RT102",
                    QStringLiteral("rebuilding ") + quoted(name) + QStringLiteral(" drops column ") +
                        quoted(column));
        }
        break;
    case ParsedStatement::Truncate:
        for (const QString& name : statement.tables) {
            if (isExisting(name))
                add(issues, "RT104", QStringLiteral("TRUNCATE empties ") + quoted(name));
        }
        break;
    case ParsedStatement::Delete:
        if (!isExisting(table))
            break;
        if (statement.hasWhere)
            add(issues, "RT105", QStringLiteral("DELETE removes rows from ") + quoted(table));
        else
            add(issues, "RT104", QStringLiteral("DELETE without WHERE empties ") + quoted(table));
        break;
    case ParsedStatement::DropSchema:
        add(issues, "RT106",
            QStringLiteral("DROP ") + statement.schemaName +
                QStringLiteral(" drops every object in it"));
        break;
    case ParsedStatement::CreateIndex:
        if (!isExisting(table))
            break;
        if (statement.unique)
            add(issues, "RT202",
                QStringLiteral("CREATE UNIQUE INDEX on existing table ") + quoted(table) +
                    QStringLiteral(" fails when rows hold duplicates"));
        if (postgres && statement.concurrently.isEmpty())
            add(issues, "RT301",
                QStringLiteral("CREATE INDEX on existing table ") + quoted(table) +
                    QStringLiteral(" without CONCURRENTLY locks writes"));
        break;
    case ParsedStatement::AlterTable:
        lintAlterTable(statement, issues);
        break;
    case ParsedStatement::CreateTable:
    case ParsedStatement::Other:
        break;
    }
}

void SqlLint::lintAlterTable(const ParsedStatement& statement, QVector<LintIssue>& issues) const
{
    const QString table = statement.tables.value(0);
    const bool postgres = m_dialect == Dialect::PostgreSql;
    const QString onTable = QStringLiteral(" on existing table ") + quoted(table);
    for (const AlterAction& action : statement.actions) {
        const ColumnDef& column = action.column;
        const QString columnName = quoted(table) + u'.' + quoted(column.name);
        const bool required = action.kind == ActionKind::AddColumn && column.notNull &&
                              !column.hasDefault && !column.generated;
        // SQLite refuses this even on an empty table; everything else concerns rows.
        if (required && m_dialect == Dialect::Sqlite)
            add(issues, "RT201",
                QStringLiteral("SQLite refuses ADD COLUMN ") + quoted(column.name) +
                    QStringLiteral(" NOT NULL without a non-NULL DEFAULT"));
        if (!isExisting(table))
            continue;
        switch (action.kind) {
        case ActionKind::DropColumn:
            add(issues, "RT102",
                QStringLiteral("DROP COLUMN ") + columnName +
                    QStringLiteral(" deletes the column's data"));
            break;
        case ActionKind::AddColumn:
            if (required && postgres)
                add(issues, "RT201",
                    QStringLiteral("ADD COLUMN ") + quoted(column.name) +
                        QStringLiteral(" NOT NULL without DEFAULT") + onTable +
                        QStringLiteral(" fails when the table has rows"));
            if (postgres && (column.volatileDefault || column.identity || column.stored))
                add(issues, "RT302",
                    QStringLiteral("ADD COLUMN ") + quoted(column.name) +
                        QStringLiteral(" with a per-row value rewrites existing "
                                       "table ") +
                        quoted(table) + QStringLiteral(" under an exclusive lock"));
            break;
        case ActionKind::AlterType: {
            const QString oldType = m_schema.tables.value(table).value(column.name);
            const TypeInfo from = classifyType(oldType);
            const TypeInfo to = classifyType(action.type);
            if (!oldType.isEmpty() && narrows(from, to))
                add(issues, "RT103",
                    QStringLiteral("ALTER COLUMN ") + columnName +
                        QStringLiteral(" TYPE narrows ") + from.text + QStringLiteral(" to ") +
                        to.text + QStringLiteral(": values that do not fit fail or are cut"));
            if (postgres && (oldType.isEmpty() || action.usingClause || !changesInPlace(from, to)))
                add(issues, "RT302",
                    QStringLiteral("ALTER COLUMN ") + columnName +
                        QStringLiteral(" TYPE rewrites the table under an "
                                       "exclusive lock"));
            break;
        }
        case ActionKind::SetNotNull:
            add(issues, "RT203",
                QStringLiteral("SET NOT NULL on ") + columnName +
                    QStringLiteral(" fails when a row holds NULL"));
            break;
        case ActionKind::AddUnique:
        case ActionKind::AddPrimaryKey:
            if (!action.usingIndex)
                add(issues, "RT202",
                    (action.kind == ActionKind::AddUnique ? QStringLiteral("UNIQUE constraint")
                                                          : QStringLiteral("PRIMARY KEY")) +
                        onTable + QStringLiteral(" fails when rows hold duplicates"));
            break;
        case ActionKind::AddCheck:
            if (!action.notValid)
                add(issues, "RT204",
                    QStringLiteral("CHECK constraint") + onTable +
                        QStringLiteral(" fails when a row violates it"));
            break;
        case ActionKind::AddForeignKey:
            if (postgres && !action.notValid)
                add(issues, "RT303",
                    QStringLiteral("FOREIGN KEY") + onTable +
                        QStringLiteral(" without NOT VALID blocks writes while "
                                       "every row is checked"));
            break;
        case ActionKind::RenameTable:
        case ActionKind::RenameColumn:
        case ActionKind::Other:
            break;
        }
    }
}

void SqlLint::apply(const ParsedStatement& statement)
{
    const QString table = statement.tables.value(0);
    if (statement.kind == ParsedStatement::CreateTable) {
        if (statement.ifNotExists && m_schema.hasTable(table))
            return;
        QHash<QString, QString> columns;
        for (const ColumnDef& column : statement.columns)
            columns.insert(column.name, column.type);
        m_schema.tables.insert(table, columns);
        m_created.insert(table);
    } else if (statement.kind == ParsedStatement::InsertSelect) {
        // Rows copied from an existing table into one this script made.
        if (m_created.contains(table) && isExisting(statement.tables.value(1))) {
            QStringList copied = statement.copied;
            if (copied.isEmpty())
                copied = m_schema.tables.value(table).keys();
            m_rebuildCopies.insert(statement.tables.value(1), copied);
            m_rebuildTargets.insert(statement.tables.value(1), table);
        }
    } else if (statement.kind == ParsedStatement::DropTable) {
        for (const QString& name : statement.tables) {
            if (m_rebuildCopies.contains(name))
                m_rebuiltInto.insert(m_rebuildTargets.value(name), name);
            m_schema.tables.remove(name);
            m_created.remove(name);
            m_rebuildCopies.remove(name);
        }
    } else if (statement.kind == ParsedStatement::AlterTable) {
        QString current = table;
        for (const AlterAction& action : statement.actions) {
            QHash<QString, QString>& columns = m_schema.tables[current];
            switch (action.kind) {
            case ActionKind::AddColumn:
                columns.insert(action.column.name, action.column.type);
                break;
            case ActionKind::DropColumn:
                columns.remove(action.column.name);
                break;
            case ActionKind::AlterType:
                columns.insert(action.column.name, action.type);
                break;
            case ActionKind::RenameColumn:
                columns.insert(action.newName, columns.take(action.column.name));
                break;
            case ActionKind::RenameTable:
                m_schema.tables.insert(action.newName, m_schema.tables.take(current));
                // The new table of a rebuild taking the old one's place holds its rows: it
                // counts as existing from here on.
                if (m_created.remove(current) && m_rebuiltInto.take(current) != action.newName)
                    m_created.insert(action.newName);
                current = action.newName;
                break;
            default:
                break;
            }
        }
    }
}

} // namespace retort
