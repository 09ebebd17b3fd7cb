// SPDX-License-Identifier: Apache-2.0
#include "lint/columnparser.h"

#include "lint/tokencursor.h"

namespace retort {

namespace {

// Words that end a column's type and start its attributes.
bool isAttribute(const QVector<SqlToken>& tokens, int i, int end)
{
    const SqlToken& token = tokens[i];
    if (token.kind != SqlToken::Word)
        return false;
    if (token.is("character")) // MySQL CHARACTER SET; PostgreSQL's type "character varying"
        return i + 1 < end && tokens[i + 1].is("set");
    return token.isAny({"constraint", "not", "null", "default", "primary", "unique", "check",
                        "references", "generated", "collate", "as", "autoincrement",
                        "auto_increment", "on", "comment", "charset", "first", "after",
                        "visible", "invisible", "storage", "column_format", "key", "stored",
                        "virtual", "srid"});
}

// Functions whose value differs per row: a default using one makes PostgreSQL write every row.
bool isVolatileFunction(const SqlToken& token)
{
    return token.isAny({"random", "clock_timestamp", "timeofday", "gen_random_uuid",
                        "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4",
                        "uuidv7", "nextval", "uuid", "rand"});
}

// The same value for all rows of one statement.
bool isStableValue(const SqlToken& token)
{
    return token.isAny({"now", "current_timestamp", "current_date", "current_time",
                        "localtimestamp", "localtime", "transaction_timestamp",
                        "statement_timestamp", "current_user", "session_user", "user",
                        "current_schema", "utc_timestamp", "sysdate"});
}

bool isConstantToken(const SqlToken& token)
{
    switch (token.kind) {
    case SqlToken::String:
    case SqlToken::Number:
        return true;
    case SqlToken::Symbol:
        // Signs, arithmetic, parentheses, casts ("::"), array brackets: (1), -1, '{}'::jsonb.
        return token.text.size() == 1 &&
               QStringView(u"-+*/():[]").contains(token.text.front());
    case SqlToken::Word:
        return token.isAny({"true", "false", "null"});
    case SqlToken::Quoted:
        return false;
    }
    return false;
}

} // namespace

QString ColumnParser::typeText(const QVector<SqlToken>& tokens, int begin, int end)
{
    QString text;
    bool lastWasWord = false;
    for (int i = begin; i < end; ++i) {
        const SqlToken& token = tokens[i];
        const bool word = token.kind != SqlToken::Symbol;
        if (word && lastWasWord)
            text += u' ';
        if (token.kind == SqlToken::String)
            text += u'\'' + QString(token.text).replace(u'\'', QLatin1String("''")) + u'\'';
        else
            text += token.text.toLower();
        lastWasWord = word;
    }
    return text;
}

DefaultKind ColumnParser::defaultKind(const QVector<SqlToken>& tokens, int begin, int end)
{
    if (begin >= end || (end - begin == 1 && tokens[begin].is("null")))
        return DefaultKind::None;
    bool constant = true;
    bool stable = false;
    for (int i = begin; i < end; ++i) {
        const SqlToken& token = tokens[i];
        if (isVolatileFunction(token) && i + 1 < end && tokens[i + 1].isSymbol(u'('))
            return DefaultKind::Volatile;
        if (isStableValue(token)) {
            stable = true;
        } else if (!isConstantToken(token)) {
            // A cast's type after "::" keeps a literal constant ('{}'::jsonb).
            const bool castType = i >= 2 && tokens[i - 1].isSymbol(u':') &&
                                  tokens[i - 2].isSymbol(u':') && token.kind == SqlToken::Word;
            if (!castType)
                constant = false;
        }
    }
    if (stable)
        return DefaultKind::Stable;
    return constant ? DefaultKind::Constant : DefaultKind::Expression;
}

QStringList ColumnParser::nameList(const QVector<SqlToken>& tokens, int open, int end)
{
    QStringList names;
    if (open >= end || !tokens[open].isSymbol(u'('))
        return names;
    const int depth = tokens[open].depth + 1;
    bool expectName = true;
    for (int i = open + 1; i < end; ++i) {
        const SqlToken& token = tokens[i];
        if (token.depth < depth)
            break;
        if (token.depth != depth)
            continue;
        if (token.isSymbol(u','))
            expectName = true;
        else if (expectName && token.isName())
            names << token.text.toLower(), expectName = false;
        else
            expectName = false;
    }
    return names;
}

ColumnDef ColumnParser::column(const QVector<SqlToken>& tokens, int begin, int end)
{
    ColumnDef column;
    if (begin >= end)
        return column;
    column.span = {tokens[begin].begin, tokens[end - 1].end};
    TokenCursor cursor(tokens, begin, end);
    column.name = cursor.name();
    const int depth = tokens[begin].depth;
    int typeEnd = cursor.pos();
    while (typeEnd < end && !(tokens[typeEnd].depth == depth && isAttribute(tokens, typeEnd, end)))
        ++typeEnd;
    column.type = typeText(tokens, cursor.pos(), typeEnd);
    if (typeEnd > cursor.pos())
        column.typeSpan = {tokens[cursor.pos()].begin, tokens[typeEnd - 1].end};
    const QString base = column.type.section(u'(', 0, 0).trimmed();
    if (base.endsWith(QLatin1String("serial")))
        column.defaultKind = DefaultKind::Volatile;
    for (int i = typeEnd; i < end; ++i) {
        const SqlToken& token = tokens[i];
        if (token.depth != depth || token.kind != SqlToken::Word)
            continue;
        if (token.is("not") && i + 1 < end && tokens[i + 1].is("null")) {
            column.notNull = true;
            ++i;
        } else if (token.is("null")) {
            column.explicitNull = true;
        } else if (token.is("primary")) {
            column.primaryKey = true;
            column.notNull = true;
        } else if (token.is("unique")) {
            column.unique = true;
        } else if (token.is("references")) {
            column.references = true;
        } else if (token.is("check")) {
            column.check = true;
        } else if (token.is("default")) {
            int j = i + 1;
            while (j < end && !(tokens[j].depth == depth && isAttribute(tokens, j, end) &&
                                !(j == i + 1 && tokens[j].is("null"))))
                ++j;
            if (column.defaultKind == DefaultKind::None)
                column.defaultKind = defaultKind(tokens, i + 1, j);
            i = j - 1;
        } else if (token.is("generated") || (token.is("as") && i + 1 < end &&
                                              tokens[i + 1].isSymbol(u'('))) {
            column.generated = true;
        } else if (token.is("identity")) {
            column.identity = true;
        } else if (token.is("stored")) {
            column.stored = true;
        } else if (token.isAny({"auto_increment", "autoincrement"})) {
            column.autoIncrement = true;
        } else if ((token.is("charset") || (token.is("character") && i + 1 < end &&
                                            tokens[i + 1].is("set")))) {
            i += token.is("charset") ? 1 : 2;
            if (i < end && tokens[i].isName())
                column.charset = tokens[i].text.toLower();
        } else if (token.is("first")) {
            column.position = ColumnDef::Position::First;
        } else if (token.is("after")) {
            column.position = ColumnDef::Position::After;
        } else if (token.is("on") && i + 1 < end && tokens[i + 1].is("update")) {
            i += 2; // MySQL ON UPDATE CURRENT_TIMESTAMP: not a default
        }
    }
    // PostgreSQL fills an identity column from its sequence, MySQL an AUTO_INCREMENT one.
    if (column.identity || column.autoIncrement)
        column.defaultKind = DefaultKind::Volatile;
    return column;
}

bool ColumnParser::startsConstraint(const QVector<SqlToken>& tokens, int begin, int end,
                                    Dialect dialect)
{
    if (begin >= end)
        return false;
    const SqlToken& first = tokens[begin];
    if (first.isAny({"constraint", "primary", "unique", "foreign", "check", "exclude"}))
        return true;
    // MySQL's indexes; INDEX and KEY are reserved there, so a column of that name is quoted.
    if (dialect == Dialect::MySql)
        return first.isAny({"index", "key", "fulltext", "spatial"});
    return false;
}

ConstraintDef ColumnParser::constraint(const QVector<SqlToken>& tokens, int begin, int end)
{
    ConstraintDef constraint;
    TokenCursor cursor(tokens, begin, end);
    const int depth = begin < end ? tokens[begin].depth : 0;
    if (cursor.accept("constraint") && !cursor.isAny({"primary", "unique", "foreign", "check",
                                                      "exclude"}))
        constraint.name = cursor.name();
    using Kind = ConstraintDef::Kind;
    if (cursor.accept({"primary", "key"})) {
        constraint.kind = Kind::PrimaryKey;
    } else if (cursor.accept("unique")) {
        constraint.kind = Kind::Unique;
    } else if (cursor.accept({"foreign", "key"})) {
        constraint.kind = Kind::ForeignKey;
    } else if (cursor.accept("check")) {
        constraint.kind = Kind::Check;
    } else if (cursor.accept("exclude")) {
        constraint.kind = Kind::Exclude;
    } else if (cursor.isAny({"fulltext", "spatial"})) {
        constraint.kind = Kind::Index;
        constraint.fulltext = true;
        cursor.skip();
    } else if (cursor.isAny({"index", "key"})) {
        constraint.kind = Kind::Index;
    }
    // MySQL: [INDEX|KEY] [name] before the column list.
    if (!cursor.accept("index"))
        cursor.accept("key");
    if (constraint.kind != Kind::Check && !cursor.isSymbol(u'(') &&
        !cursor.isAny({"using", "nulls"}) &&
        cursor.peek() && cursor.peek()->isName()) {
        const QString name = cursor.name();
        if (constraint.name.isEmpty())
            constraint.name = name;
    }
    while (!cursor.atEnd() && !cursor.isSymbol(u'('))
        cursor.skip(); // USING BTREE, ...
    const int open = cursor.pos();
    if (constraint.kind == Kind::Check) {
        // CHECK (c IS NOT NULL), exactly: what lets PostgreSQL 12+ skip SET NOT NULL's scan.
        const int close = cursor.closingParenthesis();
        if (close - open == 5 && tokens[open + 1].isName() && tokens[open + 2].is("is") &&
            tokens[open + 3].is("not") && tokens[open + 4].is("null"))
            constraint.notNullColumn = tokens[open + 1].text.toLower();
    } else if (open < end) {
        constraint.columns = nameList(tokens, open, end);
    }
    for (int i = begin; i < end; ++i) {
        if (tokens[i].depth != depth)
            continue;
        if (tokens[i].is("not") && i + 1 < end && tokens[i + 1].is("valid"))
            constraint.notValid = true;
        else if (tokens[i].is("not") && i + 1 < end && tokens[i + 1].is("enforced"))
            constraint.notEnforced = true;
        else if (tokens[i].is("using") && i + 1 < end && tokens[i + 1].is("index") &&
                 (constraint.kind == Kind::PrimaryKey || constraint.kind == Kind::Unique) &&
                 (i + 2 >= end || tokens[i + 2].isName()))
            constraint.usingIndex = constraint.columns.isEmpty();
    }
    return constraint;
}

} // namespace retort
