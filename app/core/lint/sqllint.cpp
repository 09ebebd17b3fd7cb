// SPDX-License-Identifier: Apache-2.0
#include "lint/sqllint.h"

#include "lint/lintcontext.h"
#include "lint/lintrules.h"
#include "lint/statementparser.h"

namespace retort {

namespace {

bool isOff(const QString& value)
{
    return value == QLatin1String("0") || value == QLatin1String("off") ||
           value == QLatin1String("false");
}

} // namespace

SqlLint::SqlLint(Dialect dialect, LintSchema before, bool transactional, LintConfig config)
    : m_dialect(dialect), m_config(std::move(config)), m_schema(std::move(before))
{
    m_session.transactional = transactional;
}

const QVector<LintRule>& SqlLint::rules()
{
    return LintRules::all();
}

const LintRule* SqlLint::rule(const QString& code)
{
    return LintRules::find(code);
}

QVector<LintIssue> SqlLint::check(const QString& statement)
{
    ++m_session.statementIndex;
    const LintStatement parsed = StatementParser::parse(statement, m_dialect);
    QVector<LintIssue> issues;
    if (parsed.tokens.isEmpty())
        return issues;
    LintContext context(parsed, m_dialect, m_config, m_schema, m_session, issues);
    for (const LintRuleFamily* family : LintRules::families())
        family->check(context);
    apply(parsed);
    return issues;
}

QVector<LintIssue> SqlLint::finish()
{
    QVector<LintIssue> issues;
    const LintStatement none;
    LintContext context(none, m_dialect, m_config, m_schema, m_session, issues);
    for (const LintRuleFamily* family : LintRules::families()) {
        if (family->finish)
            family->finish(context);
    }
    return issues;
}

void SqlLint::renameCreated(const QString& from, const QString& to)
{
    // The new table of a rebuild taking the old one's place holds its rows: it counts as
    // existing from here on.
    if (m_session.createdTables.remove(from) && m_session.rebuiltInto.take(from) != to)
        m_session.createdTables.insert(to);
}

void SqlLint::apply(const LintStatement& statement)
{
    LintSession& session = m_session;
    const QString table = statement.tables.value(0);
    switch (statement.kind) {
    case LintStatement::CreateView:
        session.createdTables.insert(table);
        break;
    case LintStatement::CreateTable:
        if (!(statement.ifNotExists && m_schema.hasTable(table)))
            session.createdTables.insert(table);
        break;
    case LintStatement::DropTable:
        for (const QString& name : statement.tables) {
            session.createdTables.remove(name);
            const auto copy = session.rebuildCopies.constFind(name);
            if (copy != session.rebuildCopies.cend()) {
                session.rebuiltInto.insert(copy->into, name);
                session.rebuildCopies.erase(copy);
            }
        }
        break;
    case LintStatement::RenameTable:
        for (int i = 0; i + 1 < statement.tables.size(); i += 2)
            renameCreated(statement.tables[i], statement.tables[i + 1]);
        break;
    case LintStatement::CreateIndex:
        session.createdIndexes.insert(statement.name);
        break;
    case LintStatement::Insert: {
        // A rebuild's copy: rows of an existing table into a table the script made.
        const QString source = statement.names.value(0);
        if (!session.createdTables.contains(table) || source.isEmpty() ||
            session.createdTables.contains(source))
            break;
        LintSession::RebuildCopy copy;
        copy.into = table;
        copy.allColumns = statement.selected.contains(QStringLiteral("*"));
        copy.columns = statement.selected;
        session.rebuildCopies.insert(source, copy);
        break;
    }
    case LintStatement::CreateType:
        session.createdTypes.insert(statement.name);
        break;
    case LintStatement::Begin:
        if (session.openTransactions++ == 0)
            session.openedAt = session.statementIndex;
        break;
    case LintStatement::Commit:
    case LintStatement::Rollback:
        session.openTransactions = 0;
        break;
    case LintStatement::Set:
        for (int i = 0; i < statement.settings.size(); ++i) {
            const QString& name = statement.settings[i];
            const QString& value = statement.settingValues[i];
            if (name == QLatin1String("lock_timeout") || name == QLatin1String("lock_wait_timeout"))
                session.lockTimeout = !isOff(value);
            else if (name == QLatin1String("statement_timeout"))
                session.statementTimeout = !isOff(value);
            else if (name == QLatin1String("foreign_key_checks"))
                session.foreignKeyChecksOff = isOff(value);
        }
        break;
    case LintStatement::AlterTable: {
        QString current = table;
        for (const AlterAction& action : statement.actions) {
            if (action.kind == ActionKind::RenameTable) {
                renameCreated(current, action.newName);
                current = action.newName;
            }
        }
        break;
    }
    default:
        break;
    }
    m_schema.apply(statement);
}

} // namespace retort
