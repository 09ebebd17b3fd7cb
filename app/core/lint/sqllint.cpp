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
        for (const QString& name : statement.tables)
            session.createdTables.remove(name);
        break;
    case LintStatement::RenameTable:
        for (int i = 0; i + 1 < statement.tables.size(); i += 2) {
            if (session.createdTables.remove(statement.tables[i]))
                session.createdTables.insert(statement.tables[i + 1]);
        }
        break;
    case LintStatement::CreateIndex:
        session.createdIndexes.insert(statement.name);
        break;
    case LintStatement::Insert: {
        // A rebuild's copy: every known column of the source goes into a table the script made.
        if (!session.createdTables.contains(table) || statement.names.isEmpty())
            break;
        const QString source = statement.names.first();
        const LintTable* known = m_schema.table(source);
        if (!known)
            break;
        bool complete = statement.selected.contains(QStringLiteral("*"));
        if (!complete) {
            complete = true;
            for (auto column = known->columns.cbegin(); column != known->columns.cend(); ++column)
                complete = complete && statement.selected.contains(column.key());
        }
        if (complete)
            session.copiedTables.insert(source);
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
                if (session.createdTables.remove(current))
                    session.createdTables.insert(action.newName);
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
