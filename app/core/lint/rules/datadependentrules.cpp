// SPDX-License-Identifier: Apache-2.0
// RT2xx: statements that work or fail depending on the rows already in the table.
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"
#include "lint/sqltype.h"

#include <QCoreApplication>

namespace retort::lintrules {

namespace {

class DataDependentRules
{
    Q_DECLARE_TR_FUNCTIONS(DataDependentRules)

public:
    static void check(LintContext& context);

private:
    static void alterAction(LintContext& context, const QString& table, const AlterAction& action);
    static void retype(LintContext& context, const QString& table, const AlterAction& action);
};

// A column every existing row must get a value for, and no value is given.
bool isRequiredWithoutValue(const ColumnDef& column)
{
    return column.notNull && !column.hasDefault() && !column.generated && !column.identity &&
           !column.autoIncrement;
}

void DataDependentRules::check(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    if (statement.kind == LintStatement::CreateIndex && statement.unique &&
        context.isExisting(table))
        context.report("RT202", tr("CREATE UNIQUE INDEX on existing table %1 fails when rows "
                                   "hold duplicates")
                                    .arg(quoted(table)));
    if (statement.kind != LintStatement::AlterTable)
        return;
    for (const AlterAction& action : statement.actions)
        alterAction(context, table, action);
}

void DataDependentRules::alterAction(LintContext& context, const QString& table,
                                     const AlterAction& action)
{
    const ColumnDef& column = action.column;
    const QString onTable = tr(" on existing table %1").arg(quoted(table));
    // SQLite refuses this even on an empty table; everything else concerns rows.
    if (action.kind == ActionKind::AddColumn && isRequiredWithoutValue(column) &&
        context.sqlite())
        context.report("RT201", tr("SQLite refuses ADD COLUMN %1 NOT NULL without a non-NULL "
                                   "DEFAULT")
                                    .arg(quoted(column.name)),
                       action.span);
    if (!context.isExisting(table))
        return;
    const ConstraintDef& constraint = action.constraint;
    using Kind = ConstraintDef::Kind;
    switch (action.kind) {
    case ActionKind::AddColumn:
        if (isRequiredWithoutValue(column) && context.postgres())
            context.report("RT201", tr("ADD COLUMN %1 NOT NULL without DEFAULT%2 fails when the "
                                       "table has rows")
                                        .arg(quoted(column.name), onTable),
                           action.span);
        break;
    case ActionKind::SetNotNull:
        if (const LintColumn* checked = context.schema().column(table, column.name);
            checked && checked->checkedNotNull)
            break; // a validated CHECK (c IS NOT NULL) holds: no row has NULL
        context.report("RT203", tr("SET NOT NULL on %1 fails when a row holds NULL")
                                    .arg(quoted(table, column.name)),
                       action.span);
        break;
    case ActionKind::ModifyColumn: {
        const LintColumn* before = context.schema().column(table, action.oldName);
        if (before && !before->notNull && column.notNull)
            context.report("RT203", tr("MODIFY %1 NOT NULL fails when a row holds NULL (in "
                                       "strict mode; otherwise NULLs become 0 or '')")
                                        .arg(quoted(table, column.name)),
                           action.span);
        retype(context, table, action);
        break;
    }
    case ActionKind::AlterType:
        retype(context, table, action);
        break;
    case ActionKind::AddConstraint:
        if ((constraint.kind == Kind::Unique || constraint.kind == Kind::PrimaryKey) &&
            !constraint.usingIndex)
            context.report("RT202",
                           (constraint.kind == Kind::Unique ? tr("UNIQUE constraint%1 fails when "
                                                                 "rows hold duplicates")
                                                            : tr("PRIMARY KEY%1 fails when rows "
                                                                 "hold duplicates"))
                               .arg(onTable),
                           action.span);
        else if (constraint.kind == Kind::Check && !constraint.notValid &&
                 !constraint.notEnforced)
            context.report("RT204", tr("CHECK constraint%1 fails when a row violates it").arg(onTable),
                           action.span);
        break;
    default:
        break;
    }
}

// A change to an unrelated type fails on the first value that does not convert.
void DataDependentRules::retype(LintContext& context, const QString& table,
                                const AlterAction& action)
{
    const bool modify = action.kind == ActionKind::ModifyColumn;
    const LintColumn* before =
        context.schema().column(table, modify ? action.oldName : action.column.name);
    if (!before || before->type.isEmpty())
        return;
    const SqlType from = SqlType::parse(before->type);
    const SqlType to = SqlType::parse(modify ? action.column.type : action.type);
    if (from.mayFailConvertingTo(to))
        context.report("RT205", tr("changing %1 from %2 to %3 fails on the first value that is "
                                   "not a valid %3")
                                    .arg(quoted(table, action.column.name), from.text, to.text),
                       action.span);
}

} // namespace

const LintRuleFamily& dataDependent()
{
    using S = LintSeverity;
    static const LintRuleFamily family{
        {
            {"RT201", "required-column-without-default", S::Error, LintSqlite | LintPostgreSql,
             true,
             QT_TRANSLATE_NOOP("LintRules", "ADD COLUMN NOT NULL without DEFAULT fails on a table "
                                            "with rows (always on SQLite)"),
             QT_TRANSLATE_NOOP("LintRules", "adds a required column")},
            {"RT202", "unique-on-existing-table", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "a UNIQUE constraint or index on an existing table "
                                            "fails when rows hold duplicates"),
             QT_TRANSLATE_NOOP("LintRules", "adds a unique constraint")},
            {"RT203", "set-not-null", S::Warning, LintPostgreSql | LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "SET NOT NULL on an existing column fails when a row "
                                            "holds NULL"),
             QT_TRANSLATE_NOOP("LintRules", "makes a column required")},
            {"RT204", "check-on-existing-table", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "a CHECK constraint on an existing table fails when a "
                                            "row violates it (PostgreSQL: add NOT VALID, then "
                                            "VALIDATE)"),
             QT_TRANSLATE_NOOP("LintRules", "adds a check")},
            {"RT205", "type-change-may-fail", S::Warning, LintPostgreSql | LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "changing a text column to a number, date, enum or "
                                            "other typed column fails on values that do not "
                                            "convert"),
             QT_TRANSLATE_NOOP("LintRules", "converts a column's values")},
        },
        &DataDependentRules::check,
    };
    return family;
}

} // namespace retort::lintrules
