// SPDX-License-Identifier: Apache-2.0
// RT5xx: changes that break the clients running against the database while, or right after,
// the migration runs: renames, a column becoming nullable, names the server cuts or refuses.
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"

#include <QCoreApplication>
#include <QSet>

namespace retort::lintrules {

namespace {

class CompatibilityRules
{
    Q_DECLARE_TR_FUNCTIONS(CompatibilityRules)

public:
    static void check(LintContext& context);

private:
    static void alterTable(LintContext& context);
    static void identifierLengths(LintContext& context);
};

void CompatibilityRules::check(LintContext& context)
{
    const LintStatement& statement = context.statement();
    if (statement.kind == LintStatement::AlterTable) {
        alterTable(context);
    } else if (statement.kind == LintStatement::RenameTable) {
        for (int i = 0; i + 1 < statement.tables.size(); i += 2) {
            if (context.isExisting(statement.tables[i]))
                context.report("RT501", tr("renaming table %1 to %2 breaks the clients still "
                                           "using the old name")
                                            .arg(quoted(statement.tables[i]),
                                                 quoted(statement.tables[i + 1])));
        }
    }
    identifierLengths(context);
}

void CompatibilityRules::alterTable(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    if (!context.isExisting(table))
        return;
    for (const AlterAction& action : statement.actions) {
        switch (action.kind) {
        case ActionKind::RenameTable:
            context.report("RT501", tr("renaming table %1 to %2 breaks the clients still using the "
                                       "old name")
                                        .arg(quoted(table), quoted(action.newName)),
                           action.span);
            break;
        case ActionKind::RenameColumn:
            context.report("RT502", tr("renaming column %1 to %2 breaks the clients still using "
                                       "the old name")
                                        .arg(quoted(table, action.oldName), quoted(action.newName)),
                           action.span);
            break;
        case ActionKind::ModifyColumn: {
            if (action.oldName != action.column.name && !action.oldName.isEmpty())
                context.report("RT502", tr("renaming column %1 to %2 breaks the clients still "
                                           "using the old name")
                                            .arg(quoted(table, action.oldName),
                                                 quoted(action.column.name)),
                               action.span);
            const LintColumn* before = context.schema().column(table, action.oldName);
            if (before && before->notNull && !action.column.notNull)
                context.report("RT503", tr("%1 becomes nullable: clients that rely on it "
                                           "holding a value break on the first NULL")
                                            .arg(quoted(table, action.column.name)),
                               action.span);
            break;
        }
        case ActionKind::DropNotNull:
            context.report("RT503", tr("%1 becomes nullable: clients that rely on it holding a "
                                       "value break on the first NULL")
                                        .arg(quoted(table, action.column.name)),
                           action.span);
            break;
        default:
            break;
        }
    }
}

// PostgreSQL cuts names to 63 bytes (with a notice only); MySQL refuses names over 64
// characters.
void CompatibilityRules::identifierLengths(LintContext& context)
{
    if (context.sqlite() || !context.wants("RT504"))
        return;
    QSet<QString> seen;
    for (const SqlToken& token : context.statement().tokens) {
        if (!token.isName() || token.text.size() < 16 || seen.contains(token.text))
            continue;
        seen.insert(token.text);
        if (context.postgres() && token.text.toUtf8().size() > 63)
            context.report("RT504", tr("%1 is %2 bytes long: PostgreSQL cuts names to 63 bytes, "
                                       "so the object gets another name than the script says")
                                        .arg(quoted(token.text))
                                        .arg(token.text.toUtf8().size()),
                           {token.begin, token.end});
        else if (context.mysql() && token.text.size() > 64)
            context.report("RT504", tr("%1 is %2 characters long: MySQL refuses names over 64 "
                                       "characters")
                                        .arg(quoted(token.text))
                                        .arg(token.text.size()),
                           {token.begin, token.end});
    }
}

} // namespace

const LintRuleFamily& compatibility()
{
    using S = LintSeverity;
    static const LintRuleFamily family{
        {
            {"RT501", "rename-table", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "renaming a table breaks the clients that still use "
                                            "its old name"),
             QT_TRANSLATE_NOOP("LintRules", "renames a table")},
            {"RT502", "rename-column", S::Warning, LintAllDialects, true,
             QT_TRANSLATE_NOOP("LintRules", "renaming a column breaks the clients that still use "
                                            "its old name"),
             QT_TRANSLATE_NOOP("LintRules", "renames a column")},
            {"RT503", "drop-not-null", S::Warning, LintPostgreSql | LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "dropping NOT NULL lets NULLs into a column clients "
                                            "expect a value in"),
             QT_TRANSLATE_NOOP("LintRules", "makes a column nullable")},
            {"RT504", "identifier-too-long", S::Warning, LintPostgreSql | LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "an identifier longer than PostgreSQL's 63 bytes "
                                            "(cut) or MySQL's 64 characters (refused)"),
             QT_TRANSLATE_NOOP("LintRules", "uses a name that is too long")},
        },
        &CompatibilityRules::check,
    };
    return family;
}

} // namespace retort::lintrules
