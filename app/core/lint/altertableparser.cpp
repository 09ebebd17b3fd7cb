// SPDX-License-Identifier: Apache-2.0
#include "lint/altertableparser.h"

#include "lint/columnparser.h"
#include "lint/tokencursor.h"

namespace retort {

namespace {

// [begin, end) cut at commas of the given depth.
QVector<std::pair<int, int>> splitAtCommas(const QVector<SqlToken>& tokens, int begin, int end,
                                           int depth)
{
    QVector<std::pair<int, int>> parts;
    int start = begin;
    for (int i = begin; i < end; ++i) {
        if (tokens[i].depth == depth && tokens[i].isSymbol(u',')) {
            parts.append({start, i});
            start = i + 1;
        }
    }
    if (start < end)
        parts.append({start, end});
    return parts;
}

class ActionParser
{
public:
    ActionParser(const QVector<SqlToken>& tokens, int begin, int end, Dialect dialect)
        : m_tokens(tokens), m_cursor(tokens, begin, end), m_begin(begin), m_end(end),
          m_depth(tokens[begin].depth), m_dialect(dialect)
    {
    }

    // Usually one action; MySQL's ADD (a INT, b INT) gives one per column.
    QVector<AlterAction> run()
    {
        AlterAction action;
        if (m_cursor.accept("add"))
            return add();
        if (m_cursor.accept("drop"))
            action = drop();
        else if (m_cursor.accept("alter"))
            action = alterColumn();
        else if (m_cursor.accept("modify"))
            action = modify(false);
        else if (m_cursor.accept("change"))
            action = modify(true);
        else if (m_cursor.accept("rename"))
            action = rename();
        else if (m_cursor.accept({"validate", "constraint"}))
            action = named(ActionKind::ValidateConstraint);
        else if (m_cursor.accept("set"))
            action = set();
        else
            action = option();
        return {finish(action)};
    }

private:
    AlterAction finish(AlterAction action) const
    {
        action.span = {m_tokens[m_begin].begin, m_tokens[m_end - 1].end};
        for (int i = m_begin; i < m_end; ++i) {
            if (m_tokens[i].depth == m_depth && m_tokens[i].is("cascade"))
                action.cascade = true;
        }
        return action;
    }

    AlterAction named(ActionKind kind)
    {
        AlterAction action;
        action.kind = kind;
        action.ifExists = m_cursor.accept({"if", "exists"});
        action.constraint.name = m_cursor.name();
        return action;
    }

    QVector<AlterAction> add()
    {
        if (m_cursor.is("partition"))
            return {finish(kindOnly(ActionKind::Partition))};
        if (ColumnParser::startsConstraint(m_tokens, m_cursor.pos(), m_end, m_dialect)) {
            AlterAction action;
            action.kind = ActionKind::AddConstraint;
            action.constraint = ColumnParser::constraint(m_tokens, m_cursor.pos(), m_end);
            return {finish(action)};
        }
        m_cursor.accept("column");
        const bool ifNotExists = m_cursor.accept({"if", "not", "exists"});
        QVector<AlterAction> actions;
        if (m_cursor.isSymbol(u'(')) { // MySQL: ADD (a INT, b INT)
            const int close = m_cursor.closingParenthesis();
            for (const auto& [begin, end] :
                 splitAtCommas(m_tokens, m_cursor.pos() + 1, close, m_depth + 1)) {
                AlterAction action;
                action.kind = ActionKind::AddColumn;
                action.column = ColumnParser::column(m_tokens, begin, end);
                action.ifExists = ifNotExists;
                actions.append(finish(action));
            }
            return actions;
        }
        AlterAction action;
        action.kind = ActionKind::AddColumn;
        action.ifExists = ifNotExists;
        action.column = ColumnParser::column(m_tokens, m_cursor.pos(), m_end);
        return {finish(action)};
    }

    AlterAction kindOnly(ActionKind kind) const
    {
        AlterAction action;
        action.kind = kind;
        return action;
    }

    AlterAction drop()
    {
        if (m_cursor.accept("constraint") || m_cursor.accept("check") ||
            m_cursor.accept({"foreign", "key"}))
            return named(ActionKind::DropConstraint);
        if (m_cursor.accept({"primary", "key"}))
            return kindOnly(ActionKind::DropPrimaryKey);
        if (m_cursor.accept("index") || m_cursor.accept("key"))
            return named(ActionKind::DropIndex);
        if (m_cursor.isAny({"partition", "default"}))
            return kindOnly(m_cursor.is("default") ? ActionKind::Other : ActionKind::Partition);
        m_cursor.accept("column");
        AlterAction action;
        action.kind = ActionKind::DropColumn;
        action.ifExists = m_cursor.accept({"if", "exists"});
        action.column.name = m_cursor.name();
        return action;
    }

    AlterAction alterColumn()
    {
        AlterAction action;
        if (m_cursor.isAny({"index", "constraint", "check"}))
            return action; // MySQL ALTER INDEX ... VISIBLE, ALTER CONSTRAINT ...
        m_cursor.accept("column");
        action.column.name = m_cursor.name();
        if (m_cursor.accept({"set", "data", "type"}) || m_cursor.accept("type")) {
            action.kind = ActionKind::AlterType;
            const int typeEnd = m_cursor.find({"using", "collate"}, m_depth);
            action.type = ColumnParser::typeText(m_tokens, m_cursor.pos(), typeEnd);
            action.usingClause = m_cursor.contains("using", m_depth);
        } else if (m_cursor.accept({"set", "not", "null"})) {
            action.kind = ActionKind::SetNotNull;
        } else if (m_cursor.accept({"drop", "not", "null"})) {
            action.kind = ActionKind::DropNotNull;
        } else if (m_cursor.accept({"set", "default"})) {
            action.kind = ActionKind::SetDefault;
            action.defaultKind = ColumnParser::defaultKind(m_tokens, m_cursor.pos(), m_end);
        } else if (m_cursor.accept({"drop", "default"})) {
            action.kind = ActionKind::DropDefault;
        }
        return action;
    }

    // MySQL MODIFY [COLUMN] c def, CHANGE [COLUMN] old new def.
    AlterAction modify(bool change)
    {
        AlterAction action;
        action.kind = ActionKind::ModifyColumn;
        m_cursor.accept("column");
        if (change)
            action.oldName = m_cursor.name();
        action.column = ColumnParser::column(m_tokens, m_cursor.pos(), m_end);
        if (!change)
            action.oldName = action.column.name;
        return action;
    }

    AlterAction rename()
    {
        AlterAction action;
        if (m_cursor.accept("to") || m_cursor.accept("as") ||
            (m_dialect == Dialect::MySql && !m_cursor.isAny({"column", "index", "key"}) &&
             !m_cursor.is("to", 1))) {
            action.kind = ActionKind::RenameTable;
            action.newName = m_cursor.name();
        } else if (!m_cursor.isAny({"constraint", "index", "key"})) {
            m_cursor.accept("column");
            action.kind = ActionKind::RenameColumn;
            action.oldName = m_cursor.name();
            action.column.name = action.oldName;
            m_cursor.accept("to");
            action.newName = m_cursor.name();
        }
        return action;
    }

    // PostgreSQL SET LOGGED / UNLOGGED / TABLESPACE / ACCESS METHOD rewrite the table.
    AlterAction set()
    {
        AlterAction action;
        if (m_cursor.isAny({"logged", "unlogged", "tablespace"}) ||
            (m_cursor.is("access") && m_cursor.is("method", 1))) {
            action.kind = ActionKind::Rewrite;
            action.option = m_cursor.is("access") ? QStringLiteral("SET ACCESS METHOD")
                                                  : QStringLiteral("SET ") +
                                                        m_cursor.peek()->text.toUpper();
        }
        return action;
    }

    // "ENGINE = InnoDB", "ALGORITHM=INPLACE", "CONVERT TO CHARACTER SET x", ...
    QString optionValue()
    {
        m_cursor.acceptSymbol(u'=');
        const SqlToken* token = m_cursor.peek();
        return token ? token->text.toLower() : QString();
    }

    AlterAction option()
    {
        AlterAction action;
        if (m_cursor.accept("algorithm")) {
            action.kind = ActionKind::Algorithm;
            action.option = optionValue();
        } else if (m_cursor.accept("lock")) {
            action.kind = ActionKind::Lock;
            action.option = optionValue();
        } else if (m_cursor.accept("convert")) {
            action.kind = ActionKind::ConvertCharset;
            m_cursor.accept("to");
            if (!m_cursor.accept("charset"))
                m_cursor.accept({"character", "set"});
            action.option = optionValue();
        } else if (m_cursor.accept("default") || m_cursor.isAny({"charset", "character", "collate"})) {
            if (m_cursor.accept("charset") || m_cursor.accept({"character", "set"}) ||
                m_cursor.accept("collate")) {
                action.kind = ActionKind::TableCharset;
                action.option = optionValue();
            }
        } else if (m_cursor.isAny({"engine", "row_format", "force", "key_block_size"})) {
            action.kind = ActionKind::Rebuild;
            action.option = m_cursor.peek()->text.toUpper();
        } else if (m_cursor.is("order") && m_cursor.is("by", 1)) {
            action.kind = ActionKind::OrderBy;
        } else if (m_cursor.isAny({"attach", "detach", "partition", "coalesce", "reorganize",
                                   "exchange", "truncate", "remove", "rebuild", "optimize",
                                   "repair", "analyze", "discard", "import"}) &&
                   m_cursor.contains("partition", m_depth)) {
            action.kind = ActionKind::Partition;
        }
        return action;
    }

    const QVector<SqlToken>& m_tokens;
    TokenCursor m_cursor;
    int m_begin;
    int m_end;
    int m_depth;
    Dialect m_dialect;
};

} // namespace

QVector<AlterAction> AlterTableParser::actions(const QVector<SqlToken>& tokens, int begin, int end,
                                               Dialect dialect)
{
    QVector<AlterAction> actions;
    for (const auto& [from, to] : splitAtCommas(tokens, begin, end, tokens.value(begin).depth)) {
        if (from < to)
            actions += ActionParser(tokens, from, to, dialect).run();
    }
    return actions;
}

} // namespace retort
