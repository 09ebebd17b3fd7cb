// SPDX-License-Identifier: Apache-2.0
// RT8xx: what SQLite's ALTER TABLE refuses. SQLite changes a table in place only for a few
// forms; anything else needs its table rebuild (docs/model.md).
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"

#include <QCoreApplication>

namespace retort::lintrules {

namespace {

class SqliteRules
{
    Q_DECLARE_TR_FUNCTIONS(SqliteRules)

public:
    static void check(LintContext& context);

private:
    static void addColumn(LintContext& context, const AlterAction& action);
    static void dropColumn(LintContext& context, const QString& table, const AlterAction& action);
};

void SqliteRules::check(LintContext& context)
{
    const LintStatement& statement = context.statement();
    if (!context.sqlite() || statement.kind != LintStatement::AlterTable)
        return;
    const QString table = statement.tables.value(0);
    if (statement.actions.size() > 1)
        context.report("RT803", tr("SQLite's ALTER TABLE takes one change at a time: split this "
                                   "statement"));
    for (const AlterAction& action : statement.actions) {
        switch (action.kind) {
        case ActionKind::AddColumn:
            addColumn(context, action);
            break;
        case ActionKind::DropColumn:
            dropColumn(context, table, action);
            break;
        case ActionKind::RenameTable:
        case ActionKind::RenameColumn:
            break;
        default:
            context.report("RT803", tr("SQLite's ALTER TABLE cannot do this: rebuild the table "
                                       "instead (create the new table, copy the rows, drop the "
                                       "old one, rename)"),
                           action.span);
            break;
        }
    }
}

void SqliteRules::addColumn(LintContext& context, const AlterAction& action)
{
    const ColumnDef& column = action.column;
    const QString name = quoted(column.name);
    if (column.primaryKey || column.unique)
        context.report("RT801", tr("SQLite refuses ADD COLUMN %1 %2: add the column without it "
                                   "and create a unique index")
                                    .arg(name, column.primaryKey ? QStringLiteral("PRIMARY KEY")
                                                                 : QStringLiteral("UNIQUE")),
                       action.span);
    if (column.generated && column.stored)
        context.report("RT802", tr("SQLite refuses ADD COLUMN %1 as a STORED generated column "
                                   "(a VIRTUAL one works)")
                                    .arg(name),
                       action.span);
    else if (column.defaultKind != DefaultKind::None &&
             column.defaultKind != DefaultKind::Constant && !column.autoIncrement &&
             !column.identity && !column.type.contains(QLatin1String("serial")))
        context.report("RT802", tr("SQLite refuses ADD COLUMN %1 with a non-constant default "
                                   "(CURRENT_TIMESTAMP, a function call)")
                                    .arg(name),
                       action.span);
}

void SqliteRules::dropColumn(LintContext& context, const QString& table, const AlterAction& action)
{
    const QString& name = action.column.name;
    const LintColumn* column = context.schema().column(table, name);
    QString index;
    if (const LintTable* known = context.schema().table(table)) {
        for (auto it = known->indexes.cbegin(); it != known->indexes.cend() && index.isEmpty(); ++it) {
            if (it->contains(name))
                index = it.key();
        }
    }
    if (column && column->key)
        context.report("RT804", tr("SQLite refuses DROP COLUMN %1: it is part of the primary key "
                                   "or a UNIQUE constraint; rebuild the table instead")
                                    .arg(quoted(table, name)),
                       action.span);
    else if (!index.isEmpty())
        context.report("RT804", tr("SQLite refuses DROP COLUMN %1 while index %2 uses it: drop "
                                   "the index first")
                                    .arg(quoted(table, name), quoted(index)),
                       action.span);
}

} // namespace

const LintRuleFamily& sqlite()
{
    using S = LintSeverity;
    static const LintRuleFamily family{
        {
            {"RT801", "sqlite-add-key-column", S::Error, LintSqlite, true,
             QT_TRANSLATE_NOOP("LintRules", "SQLite: ADD COLUMN with PRIMARY KEY or UNIQUE fails"),
             QT_TRANSLATE_NOOP("LintRules", "fails")},
            {"RT802", "sqlite-add-column-default", S::Error, LintSqlite, true,
             QT_TRANSLATE_NOOP("LintRules", "SQLite: ADD COLUMN with a non-constant default or "
                                            "as a STORED generated column fails"),
             QT_TRANSLATE_NOOP("LintRules", "fails")},
            {"RT803", "sqlite-unsupported-alter", S::Error, LintSqlite, true,
             QT_TRANSLATE_NOOP("LintRules", "SQLite: ALTER TABLE can only add, drop and rename "
                                            "columns and rename the table, one at a time"),
             QT_TRANSLATE_NOOP("LintRules", "fails")},
            {"RT804", "sqlite-drop-key-column", S::Error, LintSqlite, true,
             QT_TRANSLATE_NOOP("LintRules", "SQLite: DROP COLUMN fails for a key column or one an "
                                            "index uses"),
             QT_TRANSLATE_NOOP("LintRules", "fails")},
        },
        &SqliteRules::check,
    };
    return family;
}

} // namespace retort::lintrules
