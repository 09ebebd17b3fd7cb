// SPDX-License-Identifier: Apache-2.0
// RT3xx: PostgreSQL statements that hold a strong lock on a busy table for long (a build, a
// scan, a rewrite), or that PostgreSQL refuses inside a transaction.
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"
#include "lint/sqltype.h"

#include <QCoreApplication>
#include <algorithm>

namespace retort::lintrules {

namespace {

class PostgresLockRules
{
    Q_DECLARE_TR_FUNCTIONS(PostgresLockRules)

public:
    static void check(LintContext& context);
    static void finish(LintContext& context);

private:
    static void alterTable(LintContext& context);
    static void addColumn(LintContext& context, const QString& table, const AlterAction& action);
    static void alterType(LintContext& context, const QString& table, const AlterAction& action);
    static void dropIndex(LintContext& context);
};

void PostgresLockRules::check(LintContext& context)
{
    if (!context.postgres())
        return;
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    const bool refusesTransaction = statement.kind == LintStatement::CreateIndex ||
                                    statement.kind == LintStatement::DropIndex ||
                                    statement.kind == LintStatement::Reindex;
    if (context.session().transactional && statement.concurrently && refusesTransaction)
        context.report("RT304", tr("%1 cannot run inside a transaction: set \"transactional: "
                                   "false\" in the header")
                                    .arg(statement.keywords));
    switch (statement.kind) {
    case LintStatement::CreateIndex:
        if (!statement.concurrently && context.isExisting(table))
            context.report("RT301", tr("CREATE INDEX on existing table %1 without CONCURRENTLY "
                                       "locks writes")
                                        .arg(quoted(table)));
        break;
    case LintStatement::DropIndex:
        dropIndex(context);
        break;
    case LintStatement::DropTable: {
        // Dropping the table takes its lock anyway: its index drops before are no matter.
        QVector<LintSession::IndexDrop>& drops = context.session().indexDrops;
        drops.erase(std::remove_if(drops.begin(), drops.end(),
                                   [&](const LintSession::IndexDrop& drop) {
                                       return statement.tables.contains(drop.table);
                                   }),
                    drops.end());
        break;
    }
    case LintStatement::AlterTable:
        alterTable(context);
        break;
    case LintStatement::Vacuum:
        if (statement.full)
            context.report("RT302", tr("VACUUM FULL rewrites %1 under an exclusive lock")
                                        .arg(statement.tables.isEmpty()
                                                 ? tr("every table")
                                                 : quoted(table)));
        break;
    case LintStatement::Cluster:
        context.report("RT302", tr("CLUSTER rewrites %1 under an exclusive lock")
                                    .arg(table.isEmpty() ? tr("every clustered table")
                                                         : quoted(table)));
        break;
    case LintStatement::Reindex:
        if (!statement.concurrently)
            context.report("RT308", tr("REINDEX %1 %2 without CONCURRENTLY blocks writes (and "
                                       "reads that use the index) until it is done")
                                        .arg(statement.object, quoted(statement.name)));
        break;
    case LintStatement::RefreshMaterializedView:
        if (!statement.concurrently)
            context.report("RT309", tr("REFRESH MATERIALIZED VIEW %1 without CONCURRENTLY blocks "
                                       "reads of the view until it is done")
                                        .arg(quoted(statement.name)));
        break;
    case LintStatement::AlterDomainAddConstraint:
        if (!statement.notValid)
            context.report("RT310", tr("ALTER DOMAIN %1 ADD CONSTRAINT without NOT VALID checks "
                                       "every column of that domain, locking their tables")
                                        .arg(quoted(statement.name)));
        break;
    default:
        break;
    }
}

void PostgresLockRules::dropIndex(LintContext& context)
{
    const LintStatement& statement = context.statement();
    if (statement.concurrently || !context.wants("RT305"))
        return;
    for (const QString& name : statement.names) {
        if (context.session().createdIndexes.contains(name))
            continue;
        const QString table = context.schema().tableOfIndex(name);
        if (!table.isEmpty() && !context.isExisting(table))
            continue;
        context.session().indexDrops.append(
            {context.session().statementIndex, table,
             tr("DROP INDEX %1 without CONCURRENTLY locks its table against reads and writes "
                "while it waits for running queries")
                 .arg(quoted(name))});
    }
}

void PostgresLockRules::finish(LintContext& context)
{
    for (const LintSession::IndexDrop& drop : context.session().indexDrops)
        context.reportAt(drop.statement, "RT305", drop.message);
}

void PostgresLockRules::alterTable(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    if (!context.isExisting(table))
        return;
    const QString onTable = tr(" on existing table %1").arg(quoted(table));
    for (const AlterAction& action : statement.actions) {
        const ConstraintDef& constraint = action.constraint;
        using Kind = ConstraintDef::Kind;
        switch (action.kind) {
        case ActionKind::AddColumn:
            addColumn(context, table, action);
            break;
        case ActionKind::AlterType:
            alterType(context, table, action);
            break;
        case ActionKind::Rewrite:
            context.report("RT302", tr("%1 rewrites existing table %2 under an exclusive lock")
                                        .arg(action.option, quoted(table)),
                           action.span);
            break;
        case ActionKind::SetNotNull: {
            // PostgreSQL 12 skips the scan when a validated CHECK (c IS NOT NULL) holds.
            const LintColumn* column = context.schema().column(table, action.column.name);
            if (context.target().postgresMajor >= 12 && column && column->checkedNotNull)
                break;
            context.report("RT307", tr("SET NOT NULL on %1 scans the whole table under an "
                                       "ACCESS EXCLUSIVE lock")
                                        .arg(quoted(table, action.column.name)),
                           action.span);
            break;
        }
        case ActionKind::AddConstraint:
            if (constraint.kind == Kind::ForeignKey && !constraint.notValid)
                context.report("RT303", tr("FOREIGN KEY%1 without NOT VALID blocks writes while "
                                           "every row is checked")
                                            .arg(onTable),
                               action.span);
            else if ((constraint.kind == Kind::Unique || constraint.kind == Kind::PrimaryKey) &&
                     !constraint.usingIndex)
                context.report("RT306", tr("%1%2 builds its index under an ACCESS EXCLUSIVE lock "
                                           "(no reads or writes until it is done)")
                                            .arg(constraint.kind == Kind::Unique
                                                     ? QStringLiteral("UNIQUE")
                                                     : QStringLiteral("PRIMARY KEY"),
                                                 onTable),
                               action.span);
            break;
        default:
            break;
        }
    }
}

void PostgresLockRules::addColumn(LintContext& context, const QString& table,
                                  const AlterAction& action)
{
    const ColumnDef& column = action.column;
    const bool perRow = column.defaultKind == DefaultKind::Volatile || column.identity ||
                        column.stored;
    if (perRow)
        context.report("RT302", tr("ADD COLUMN %1 with a per-row value rewrites existing table "
                                   "%2 under an exclusive lock")
                                    .arg(quoted(column.name), quoted(table)),
                       action.span);
    else if (column.hasDefault() && context.target().postgresMajor < 11)
        context.report("RT302", tr("ADD COLUMN %1 with a DEFAULT rewrites existing table %2 "
                                   "under an exclusive lock before PostgreSQL 11 (target: %3)")
                                    .arg(quoted(column.name), quoted(table))
                                    .arg(context.target().postgresMajor),
                       action.span);
    if (column.primaryKey || column.unique)
        context.report("RT306", tr("ADD COLUMN %1 %2 builds its index under an ACCESS "
                                   "EXCLUSIVE lock (no reads or writes until it is done)")
                                    .arg(quoted(column.name),
                                         column.primaryKey ? QStringLiteral("PRIMARY KEY")
                                                           : QStringLiteral("UNIQUE")),
                       action.span);
}

void PostgresLockRules::alterType(LintContext& context, const QString& table,
                                  const AlterAction& action)
{
    const LintColumn* before = context.schema().column(table, action.column.name);
    const QString oldType = before ? before->type : QString();
    if (oldType.isEmpty() || action.usingClause ||
        !SqlType::parse(oldType).postgresChangesInPlace(SqlType::parse(action.type)))
        context.report("RT302", tr("ALTER COLUMN %1 TYPE rewrites the table under an exclusive "
                                   "lock")
                                    .arg(quoted(table, action.column.name)),
                       action.span);
}

} // namespace

const LintRuleFamily& postgresLocks()
{
    using S = LintSeverity;
    static const LintRuleFamily family{
        {
            {"RT301", "create-index-locks-writes", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: CREATE INDEX without CONCURRENTLY on an "
                                            "existing table blocks writes while the index builds"),
             QT_TRANSLATE_NOOP("LintRules", "locks a table")},
            {"RT302", "table-rewrite", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: the statement rewrites an existing table "
                                            "under an ACCESS EXCLUSIVE lock"),
             QT_TRANSLATE_NOOP("LintRules", "rewrites a table")},
            {"RT303", "foreign-key-without-not-valid", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: a FOREIGN KEY without NOT VALID on an "
                                            "existing table blocks writes while every row is "
                                            "checked"),
             QT_TRANSLATE_NOOP("LintRules", "locks tables")},
            {"RT304", "concurrently-in-transaction", S::Error, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: CONCURRENTLY cannot run inside a "
                                            "transaction (set \"transactional: false\" in the "
                                            "script header)"),
             QT_TRANSLATE_NOOP("LintRules", "fails")},
            {"RT305", "drop-index-locks-table", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: DROP INDEX without CONCURRENTLY takes an "
                                            "ACCESS EXCLUSIVE lock on the index's table"),
             QT_TRANSLATE_NOOP("LintRules", "locks a table")},
            {"RT306", "unique-constraint-without-index", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: adding a UNIQUE or PRIMARY KEY "
                                            "constraint without USING INDEX builds the index "
                                            "under an ACCESS EXCLUSIVE lock"),
             QT_TRANSLATE_NOOP("LintRules", "locks a table")},
            {"RT307", "set-not-null-scans", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: SET NOT NULL scans the whole table under "
                                            "an ACCESS EXCLUSIVE lock"),
             QT_TRANSLATE_NOOP("LintRules", "locks a table")},
            {"RT308", "reindex-locks-writes", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: REINDEX without CONCURRENTLY blocks "
                                            "writes to the table until it is done"),
             QT_TRANSLATE_NOOP("LintRules", "locks a table")},
            {"RT309", "refresh-materialized-view-locks", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: REFRESH MATERIALIZED VIEW without "
                                            "CONCURRENTLY blocks reads of the view"),
             QT_TRANSLATE_NOOP("LintRules", "locks a view")},
            {"RT310", "domain-constraint-without-not-valid", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: ALTER DOMAIN ADD CONSTRAINT without NOT "
                                            "VALID checks every column of the domain under lock"),
             QT_TRANSLATE_NOOP("LintRules", "locks tables")},
        },
        &PostgresLockRules::check,
        &PostgresLockRules::finish,
    };
    return family;
}

} // namespace retort::lintrules
