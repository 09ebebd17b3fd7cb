// SPDX-License-Identifier: Apache-2.0
// RT1xx: statements that destroy data. They apply to every dialect.
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"
#include "lint/sqltype.h"

#include <QCoreApplication>

namespace retort::lintrules {

namespace {

class DestructiveRules
{
    Q_DECLARE_TR_FUNCTIONS(DestructiveRules)

public:
    static void check(LintContext& context);

private:
    static void alterTable(LintContext& context);
    static void rebuildDrop(LintContext& context, const QString& table,
                            const LintSession::RebuildCopy& copy);
};

// A table rebuild: the rows live on in the new table; what is lost is the columns it did
// not copy (known when the table's history is).
void DestructiveRules::rebuildDrop(LintContext& context, const QString& table,
                                   const LintSession::RebuildCopy& copy)
{
    if (copy.allColumns)
        return;
    const LintTable* known = context.schema().table(table);
    if (!known) {
        context.report("RT102",
                       tr("rebuilding %1 drops the columns it does not copy").arg(quoted(table)));
        return;
    }
    QStringList lost;
    for (auto column = known->columns.cbegin(); column != known->columns.cend(); ++column) {
        if (!copy.columns.contains(column.key()))
            lost << column.key();
    }
    lost.sort();
    for (const QString& column : std::as_const(lost))
        context.report("RT102", tr("rebuilding %1 drops column %2").arg(quoted(table), quoted(column)));
}

void DestructiveRules::check(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    switch (statement.kind) {
    case LintStatement::DropTable:
        for (const QString& name : statement.tables) {
            if (!context.isExisting(name))
                continue;
            const auto copy = context.session().rebuildCopies.constFind(name);
            if (copy == context.session().rebuildCopies.cend())
                context.report("RT101",
                               tr("DROP TABLE %1 deletes the table and every row in it").arg(quoted(name)));
            else
                rebuildDrop(context, name, *copy);
        }
        break;
    case LintStatement::Truncate:
        for (const QString& name : statement.tables) {
            if (context.isExisting(name))
                context.report("RT104", tr("TRUNCATE empties %1").arg(quoted(name)));
        }
        if (statement.cascade)
            context.report("RT107", tr("TRUNCATE ... CASCADE also empties every table with a "
                                       "foreign key to %1, and the tables referencing those")
                                        .arg(quoted(table)));
        break;
    case LintStatement::Delete:
        if (!context.isExisting(table))
            break;
        if (statement.hasWhere)
            context.report("RT105", tr("DELETE removes rows from %1").arg(quoted(table)));
        else
            context.report("RT104", tr("DELETE without WHERE empties %1").arg(quoted(table)));
        break;
    case LintStatement::DropSchema:
        // PostgreSQL refuses to drop a schema that holds anything unless CASCADE is given;
        // MySQL's DROP SCHEMA is DROP DATABASE.
        if (context.postgres() && statement.object == QLatin1String("SCHEMA") &&
            !statement.cascade)
            break;
        context.report("RT106", tr("DROP %1 %2 drops every object in it")
                                    .arg(statement.object, quoted(statement.name)));
        break;
    case LintStatement::AlterTable:
        alterTable(context);
        break;
    default:
        break;
    }
    // DROP ... CASCADE (RT106 already says a schema goes with everything in it).
    const bool dropsObject = statement.kind == LintStatement::DropTable ||
                             statement.kind == LintStatement::DropIndex ||
                             statement.kind == LintStatement::DropOther;
    if (dropsObject && statement.cascade && context.postgres())
        context.report("RT108", tr("%1 %2 ... CASCADE also drops the objects that depend on it "
                                   "(views, foreign keys, defaults), whatever they are")
                                    .arg(statement.keywords,
                                         quoted(statement.tables.value(0, statement.name))));
}

void DestructiveRules::alterTable(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    if (!context.isExisting(table))
        return;
    for (const AlterAction& action : statement.actions) {
        const QString& column = action.column.name;
        if (action.kind == ActionKind::DropColumn) {
            context.report("RT102", tr("DROP COLUMN %1 deletes the column's data")
                                        .arg(quoted(table, column)),
                           action.span);
            if (action.cascade && context.postgres())
                context.report("RT108", tr("DROP COLUMN %1 ... CASCADE also drops the objects "
                                           "that depend on it (views, foreign keys, indexes)")
                                            .arg(quoted(table, column)),
                               action.span);
        } else if (action.kind == ActionKind::DropConstraint && action.cascade &&
                   context.postgres()) {
            context.report("RT108", tr("DROP CONSTRAINT %1 ... CASCADE also drops the foreign "
                                       "keys that depend on it")
                                        .arg(quoted(action.constraint.name)),
                           action.span);
        }
        // A narrower type: ALTER COLUMN TYPE, and MySQL's MODIFY / CHANGE.
        const bool retype = action.kind == ActionKind::AlterType ||
                            action.kind == ActionKind::ModifyColumn;
        const LintColumn* before =
            retype ? context.schema().column(table, action.kind == ActionKind::ModifyColumn
                                                        ? action.oldName
                                                        : column)
                   : nullptr;
        if (!before || before->type.isEmpty())
            continue;
        const SqlType from = SqlType::parse(before->type);
        const SqlType to = SqlType::parse(action.kind == ActionKind::AlterType ? action.type
                                                                              : action.column.type);
        if (from.narrowsTo(to))
            context.report("RT103", tr("ALTER COLUMN %1 TYPE narrows %2 to %3: values that do not "
                                       "fit fail or are cut")
                                        .arg(quoted(table, column), from.text, to.text),
                           action.span);
    }
}

} // namespace

const LintRuleFamily& destructive()
{
    using S = LintSeverity;
    static const LintRuleFamily family{
        {
            {"RT101", "drop-table", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "DROP TABLE deletes a table and every row in it"),
             QT_TRANSLATE_NOOP("LintRules", "drops a table")},
            {"RT102", "drop-column", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "DROP COLUMN deletes a column's data"),
             QT_TRANSLATE_NOOP("LintRules", "drops a column")},
            {"RT103", "narrowing-type-change", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "ALTER COLUMN TYPE to a narrower type: values that do "
                                            "not fit fail or are cut"),
             QT_TRANSLATE_NOOP("LintRules", "narrows a column type")},
            {"RT104", "empty-table", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "TRUNCATE, or DELETE without WHERE, empties a table"),
             QT_TRANSLATE_NOOP("LintRules", "empties a table")},
            {"RT105", "delete-rows", S::Info, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "DELETE removes rows"),
             QT_TRANSLATE_NOOP("LintRules", "deletes rows")},
            {"RT106", "drop-schema", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "DROP SCHEMA or DROP DATABASE drops everything in it"),
             QT_TRANSLATE_NOOP("LintRules", "drops a schema")},
            {"RT107", "truncate-cascade", S::Error, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "TRUNCATE ... CASCADE also empties every table that "
                                            "references the truncated one"),
             QT_TRANSLATE_NOOP("LintRules", "empties referencing tables")},
            {"RT108", "drop-cascade", S::Warning, LintPostgreSql, true,
             QT_TRANSLATE_NOOP("LintRules", "DROP ... CASCADE also drops every object that "
                                            "depends on the dropped one"),
             QT_TRANSLATE_NOOP("LintRules", "drops dependent objects")},
        },
        &DestructiveRules::check,
    };
    return family;
}

} // namespace retort::lintrules
