// SPDX-License-Identifier: Apache-2.0
// RT4xx: transactions and session settings: statements that end Retort's transaction or
// cannot run in one, a transaction left open, locks taken without a timeout.
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"

#include <QCoreApplication>

namespace retort::lintrules {

namespace {

class TransactionRules
{
    Q_DECLARE_TR_FUNCTIONS(TransactionRules)

public:
    static void check(LintContext& context);
    static void finish(LintContext& context);

private:
    static void controlStatement(LintContext& context);
    static bool refusesTransaction(const LintContext& context);
    static bool locksExistingTable(const LintContext& context);
};

void TransactionRules::check(LintContext& context)
{
    const LintStatement& statement = context.statement();
    controlStatement(context);
    const LintSession& session = context.session();
    const bool inTransaction = session.transactional || session.openTransactions > 0;
    if (inTransaction && refusesTransaction(context)) {
        if (statement.kind == LintStatement::AlterTypeAddValue)
            context.report("RT403", tr("ALTER TYPE ... ADD VALUE cannot run inside a transaction "
                                       "before PostgreSQL 12 (target: %1): set \"transactional: "
                                       "false\" in the header")
                                        .arg(context.target().postgresMajor));
        else
            context.report("RT403", tr("%1 cannot run inside a transaction: set \"transactional: "
                                       "false\" in the header")
                                        .arg(statement.keywords));
    }
    // The first statement that waits for a lock on a table in use, with no timeout set yet.
    if ((context.postgres() || context.mysql()) && locksExistingTable(context)) {
        LintSession& noted = context.session();
        if (!session.lockTimeout && noted.firstLockWithoutLockTimeout < 0)
            noted.firstLockWithoutLockTimeout = session.statementIndex;
        if (!session.statementTimeout && noted.firstLockWithoutStatementTimeout < 0)
            noted.firstLockWithoutStatementTimeout = session.statementIndex;
    }
}

void TransactionRules::controlStatement(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const LintSession& session = context.session();
    switch (statement.kind) {
    case LintStatement::Begin:
        if (session.transactional)
            context.report("RT402", tr("%1 inside a script Retort already runs in a transaction: "
                                       "a COMMIT in the script would end Retort's transaction "
                                       "early, and the version change would commit apart from "
                                       "the statements")
                                        .arg(statement.keywords));
        else if (session.openTransactions > 0)
            context.report("RT402", tr("%1 while the script's transaction is still open: "
                                       "transactions do not nest")
                                        .arg(statement.keywords));
        break;
    case LintStatement::Commit:
    case LintStatement::Rollback:
        if (session.transactional)
            context.report("RT402", tr("%1 ends the transaction Retort runs the script in: the "
                                       "statements after it and the version change run apart")
                                        .arg(statement.keywords));
        break;
    default:
        break;
    }
}

bool TransactionRules::refusesTransaction(const LintContext& context)
{
    const LintStatement& statement = context.statement();
    switch (statement.kind) {
    case LintStatement::Vacuum:
        return context.postgres() || context.sqlite();
    case LintStatement::NoTransaction:
        return context.postgres();
    case LintStatement::DropSchema:
        return context.postgres() && statement.object == QLatin1String("DATABASE");
    case LintStatement::Reindex:
        return context.postgres() && (statement.object == QLatin1String("DATABASE") ||
                                      statement.object == QLatin1String("SYSTEM"));
    case LintStatement::AlterTypeAddValue:
        return context.postgres() && context.target().postgresMajor < 12;
    default:
        return false;
    }
}

// A statement that takes a lock on a table others use and can wait for it: every ALTER
// TABLE and every non-concurrent index build or drop on an existing table, drops, TRUNCATE
// and the maintenance commands.
bool TransactionRules::locksExistingTable(const LintContext& context)
{
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    switch (statement.kind) {
    case LintStatement::AlterTable:
    case LintStatement::DropTable:
    case LintStatement::Truncate:
    case LintStatement::RenameTable:
        return context.isExisting(table);
    case LintStatement::CreateIndex:
        return !statement.concurrently && context.isExisting(table);
    case LintStatement::DropIndex:
        return !statement.concurrently &&
               !context.session().createdIndexes.contains(statement.name);
    case LintStatement::Cluster:
    case LintStatement::OptimizeTable:
    case LintStatement::AlterDomainAddConstraint:
        return true;
    case LintStatement::Vacuum:
        return statement.full;
    case LintStatement::Reindex:
    case LintStatement::RefreshMaterializedView:
        return !statement.concurrently;
    default:
        return false;
    }
}

void TransactionRules::finish(LintContext& context)
{
    const LintSession& session = context.session();
    if (!session.transactional && session.openTransactions > 0)
        context.reportAt(session.openedAt, "RT401",
                         tr("the transaction this statement opens is still open at the end of "
                            "the script: add COMMIT"));
    if (session.firstLockWithoutLockTimeout >= 0)
        context.reportAt(session.firstLockWithoutLockTimeout, "RT404",
                         context.mysql()
                             ? tr("no SET lock_wait_timeout before this statement: waiting for "
                                  "the table's metadata lock, it blocks every query behind it "
                                  "(for up to a year by default)")
                             : tr("no SET lock_timeout before this statement: while it waits "
                                  "for its lock, every query on the table waits behind it"));
    if (session.firstLockWithoutStatementTimeout >= 0)
        context.reportAt(session.firstLockWithoutStatementTimeout, "RT405",
                         tr("no SET statement_timeout before this statement: nothing bounds how "
                            "long it holds its lock"));
}

} // namespace

const LintRuleFamily& transactions()
{
    using S = LintSeverity;
    static const LintRuleFamily family{
        {
            {"RT401", "transaction-left-open", S::Error, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "a transaction opened in a script is not committed "
                                            "by its end"),
             QT_TRANSLATE_NOOP("LintRules", "leaves a transaction open")},
            {"RT402", "nested-transaction", S::Error, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "BEGIN, COMMIT or ROLLBACK inside a script Retort "
                                            "runs in a transaction, or a BEGIN inside an open "
                                            "one"),
             QT_TRANSLATE_NOOP("LintRules", "breaks the migration's transaction")},
            {"RT403", "cannot-run-in-transaction", S::Error, LintSqlite | LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "the statement cannot run inside a transaction "
                                            "(VACUUM, CREATE DATABASE, ALTER SYSTEM, ...)"),
             QT_TRANSLATE_NOOP("LintRules", "fails")},
            {"RT404", "missing-lock-timeout", S::Warning, LintPostgreSql | LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "no lock timeout is set before a statement that locks "
                                            "an existing table"),
             QT_TRANSLATE_NOOP("LintRules", "may block the table")},
            {"RT405", "missing-statement-timeout", S::Warning, LintPostgreSql, false,
             QT_TRANSLATE_NOOP("LintRules", "no statement_timeout is set before a statement that "
                                            "locks an existing table"),
             QT_TRANSLATE_NOOP("LintRules", "may hold a lock for long")},
        },
        &TransactionRules::check,
        &TransactionRules::finish,
    };
    return family;
}

} // namespace retort::lintrules
