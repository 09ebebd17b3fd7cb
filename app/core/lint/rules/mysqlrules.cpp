// SPDX-License-Identifier: Apache-2.0
// RT7xx: MySQL and MariaDB. Their online DDL changes many things in place or instantly, but
// some changes copy the whole table (ALGORITHM=COPY: writes wait until the copy is done) or
// rebuild it in place (every row rewritten; replicas lag behind), depending on the server
// version (LintTarget). ENUM and SET columns keep their members by position.
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"
#include "lint/sqltype.h"

#include <QCoreApplication>

namespace retort::lintrules {

namespace {

class MySqlRules
{
    Q_DECLARE_TR_FUNCTIONS(MySqlRules)

public:
    static void check(LintContext& context);

private:
    static void alterTable(LintContext& context);
    // Why MySQL copies the table for this action, or an empty string.
    static QString copyReason(const LintContext& context, const QString& table,
                              const AlterAction& action, bool addsPrimaryKey);
    // Why it rebuilds the table in place, or an empty string.
    static QString rebuildReason(const LintContext& context, const QString& table,
                                 const AlterAction& action);
    static void enumMembers(LintContext& context, const QString& table, const AlterAction& action);
};

void MySqlRules::check(LintContext& context)
{
    if (!context.mysql())
        return;
    const LintStatement& statement = context.statement();
    if (statement.kind == LintStatement::AlterTable && context.isExisting(statement.tables.value(0)))
        alterTable(context);
    else if (statement.kind == LintStatement::OptimizeTable)
        context.report("RT702", tr("OPTIMIZE TABLE rebuilds %1: every row is rewritten")
                                    .arg(quoted(statement.tables.value(0))));
}

void MySqlRules::alterTable(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    QString algorithm;
    bool addsPrimaryKey = false;
    for (const AlterAction& action : statement.actions) {
        if (action.kind == ActionKind::Algorithm)
            algorithm = action.option;
        addsPrimaryKey = addsPrimaryKey || (action.kind == ActionKind::AddConstraint &&
                                            action.constraint.kind ==
                                                ConstraintDef::Kind::PrimaryKey);
    }
    const bool failsInstead = algorithm == QLatin1String("inplace") ||
                              algorithm == QLatin1String("instant");
    bool copied = false;
    for (const AlterAction& action : statement.actions) {
        enumMembers(context, table, action);
        const ColumnDef& column = action.column;
        if (action.kind == ActionKind::AddColumn && column.notNull && !column.hasDefault() &&
            !column.generated)
            context.report("RT705", tr("ADD COLUMN %1 NOT NULL without DEFAULT on existing table "
                                       "%2 gives every existing row the type's zero value (0, "
                                       "'', '0000-00-00'), not a value you chose")
                                        .arg(quoted(column.name), quoted(table)),
                           action.span);
        const QString copy = copyReason(context, table, action, addsPrimaryKey);
        if (!copy.isEmpty()) {
            copied = true;
            context.report("RT701",
                           failsInstead
                               ? tr("%1: MySQL can only copy the table for that, so "
                                    "ALGORITHM=%2 makes the statement fail")
                                     .arg(copy, algorithm.toUpper())
                               : tr("%1: MySQL copies the whole table %2, and writes to it wait "
                                    "until the copy is done")
                                     .arg(copy, quoted(table)),
                           action.span);
            continue;
        }
        const QString rebuild = rebuildReason(context, table, action);
        if (!rebuild.isEmpty())
            context.report("RT702", tr("%1 rebuilds table %2 on %3: every row is rewritten "
                                       "(writes continue, replicas lag)")
                                        .arg(rebuild, quoted(table), context.target().mysqlText()),
                           action.span);
    }
    if (!copied && algorithm == QLatin1String("copy"))
        context.report("RT701", tr("ALGORITHM=COPY copies the whole table %1, and writes to it "
                                   "wait until the copy is done")
                                    .arg(quoted(table)));
}

QString MySqlRules::copyReason(const LintContext& context, const QString& table,
                               const AlterAction& action, bool addsPrimaryKey)
{
    const ColumnDef& column = action.column;
    switch (action.kind) {
    case ActionKind::ModifyColumn: {
        if (column.generated && column.stored)
            return tr("changing stored generated column %1").arg(quoted(column.name));
        const LintColumn* before = context.schema().column(table, action.oldName);
        if (!before || before->type.isEmpty())
            return {};
        const SqlType from = SqlType::parse(before->type);
        const SqlType to = SqlType::parse(column.type);
        const bool members = (from.family == SqlType::Enum || from.family == SqlType::Set) &&
                             from.family == to.family;
        if (members || from.mysqlChangesInPlace(to))
            return {}; // members: RT703 / RT704
        return tr("changing %1 from %2 to %3").arg(quoted(table, column.name), from.text, to.text);
    }
    case ActionKind::ConvertCharset:
        return tr("CONVERT TO CHARACTER SET %1").arg(action.option);
    case ActionKind::DropPrimaryKey:
        return addsPrimaryKey ? QString() : tr("DROP PRIMARY KEY without adding another");
    case ActionKind::AddConstraint:
        if (action.constraint.kind == ConstraintDef::Kind::ForeignKey &&
            !context.session().foreignKeyChecksOff)
            return tr("adding a FOREIGN KEY while foreign_key_checks is on");
        return {};
    case ActionKind::AddColumn:
        if (column.generated && column.stored)
            return tr("adding stored generated column %1").arg(quoted(column.name));
        if (column.autoIncrement)
            return tr("adding AUTO_INCREMENT column %1").arg(quoted(column.name));
        return {};
    case ActionKind::OrderBy:
        return tr("ORDER BY");
    default:
        return {};
    }
}

QString MySqlRules::rebuildReason(const LintContext& context, const QString& table,
                                  const AlterAction& action)
{
    const LintTarget& target = context.target();
    const bool mariadb = target.mariadb;
    // MySQL 8.0.29 adds columns anywhere and drops them instantly; 8.0.12 adds them last.
    // MariaDB 10.3 adds them last, 10.4 anywhere, drops and reorders them instantly.
    const bool instantAddLast = mariadb ? target.mysqlAtLeast(10, 3) : target.mysqlAtLeast(8, 0, 12);
    const bool instantAnywhere = mariadb ? target.mysqlAtLeast(10, 4) : target.mysqlAtLeast(8, 0, 29);
    const ColumnDef& column = action.column;
    const bool positioned = column.position != ColumnDef::Position::Unchanged;
    switch (action.kind) {
    case ActionKind::AddColumn:
        if (!instantAddLast)
            return tr("ADD COLUMN %1").arg(quoted(column.name));
        if (positioned && !instantAnywhere)
            return tr("ADD COLUMN %1 with FIRST/AFTER").arg(quoted(column.name));
        return {};
    case ActionKind::DropColumn:
        return instantAnywhere ? QString() : tr("DROP COLUMN %1").arg(quoted(column.name));
    case ActionKind::ModifyColumn: {
        // Reordering: MySQL rebuilds; MariaDB 10.4 moves the column instantly.
        if (positioned && !(mariadb && instantAnywhere))
            return tr("moving column %1 with FIRST/AFTER").arg(quoted(column.name));
        const LintColumn* before = context.schema().column(table, action.oldName);
        if (before && before->notNull != column.notNull && !(mariadb && !column.notNull))
            return column.notNull ? tr("making %1 NOT NULL").arg(quoted(column.name))
                                  : tr("making %1 nullable").arg(quoted(column.name));
        return {};
    }
    case ActionKind::AddConstraint:
        if (action.constraint.kind == ConstraintDef::Kind::PrimaryKey)
            return tr("ADD PRIMARY KEY");
        if (action.constraint.fulltext)
            return tr("adding a FULLTEXT or SPATIAL index");
        return {};
    case ActionKind::Rebuild:
    case ActionKind::TableCharset:
        return action.option.isEmpty() ? tr("changing the default character set")
                                       : action.option.toUpper();
    default:
        return {};
    }
}

void MySqlRules::enumMembers(LintContext& context, const QString& table, const AlterAction& action)
{
    if (action.kind != ActionKind::ModifyColumn)
        return;
    const LintColumn* before = context.schema().column(table, action.oldName);
    if (!before)
        return;
    const SqlType from = SqlType::parse(before->type);
    const SqlType to = SqlType::parse(action.column.type);
    if ((from.family != SqlType::Enum && from.family != SqlType::Set) || from.family != to.family)
        return;
    const QString kind = from.family == SqlType::Enum ? QStringLiteral("ENUM")
                                                      : QStringLiteral("SET");
    const QString name = quoted(table, action.column.name);
    QStringList removed;
    for (const QString& value : from.values) {
        if (!to.values.contains(value))
            removed << u'\'' + value + u'\'';
    }
    if (!removed.isEmpty())
        context.report("RT703", tr("%1 loses %2 member(s) %3: rows holding them make the statement "
                                   "fail (strict mode) or become ''")
                                    .arg(name, kind, removed.join(QStringLiteral(", "))),
                       action.span);
    QStringList kept;
    for (const QString& value : to.values) {
        if (from.values.contains(value))
            kept << value;
    }
    QStringList keptBefore;
    for (const QString& value : from.values) {
        if (to.values.contains(value))
            keptBefore << value;
    }
    const bool appendedOnly = to.values.mid(0, keptBefore.size()) == keptBefore;
    if (kept != keptBefore || !appendedOnly)
        context.report("RT704", tr("%1's %2 members are reordered or a member is inserted before "
                                   "the last: MySQL copies the table, and sorting and comparisons "
                                   "by position change")
                                    .arg(name, kind),
                       action.span);
}

} // namespace

const LintRuleFamily& mysql()
{
    using S = LintSeverity;
    static const LintRuleFamily family{
        {
            {"RT701", "mysql-table-copy", S::Warning, LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "MySQL: the change copies the whole table "
                                            "(ALGORITHM=COPY), blocking writes until it is done"),
             QT_TRANSLATE_NOOP("LintRules", "copies a table")},
            {"RT702", "mysql-table-rebuild", S::Warning, LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "MySQL: the change rebuilds the table in place: every "
                                            "row is rewritten and replicas lag"),
             QT_TRANSLATE_NOOP("LintRules", "rebuilds a table")},
            {"RT703", "mysql-enum-value-removed", S::Warning, LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "MySQL: removing ENUM or SET members fails or blanks "
                                            "the rows that hold them"),
             QT_TRANSLATE_NOOP("LintRules", "removes enum values")},
            {"RT704", "mysql-enum-reordered", S::Warning, LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "MySQL: reordering ENUM or SET members, or inserting "
                                            "one before the last, copies the table"),
             QT_TRANSLATE_NOOP("LintRules", "reorders enum values")},
            {"RT705", "mysql-not-null-without-default", S::Warning, LintMySql, true,
             QT_TRANSLATE_NOOP("LintRules", "MySQL: ADD COLUMN NOT NULL without DEFAULT fills "
                                            "existing rows with the type's zero value"),
             QT_TRANSLATE_NOOP("LintRules", "fills a column with zero values")},
        },
        &MySqlRules::check,
    };
    return family;
}

} // namespace retort::lintrules
