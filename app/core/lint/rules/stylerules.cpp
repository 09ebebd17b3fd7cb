// SPDX-License-Identifier: Apache-2.0
// RT6xx: opt-in style rules (off unless retort.ini enables them): column types and habits
// that teams standardise on.
#include "lint/lintcontext.h"
#include "lint/rules/rulefamilies.h"
#include "lint/rules/ruletext.h"
#include "lint/sqltype.h"

#include <QCoreApplication>

namespace retort::lintrules {

namespace {

class StyleRules
{
    Q_DECLARE_TR_FUNCTIONS(StyleRules)

public:
    static void check(LintContext& context);

private:
    static void columnType(LintContext& context, const QString& table, const QString& column,
                           const QString& type, TextSpan where);
    static void robustness(LintContext& context);
    static void mysqlCharsets(LintContext& context);
};

void StyleRules::check(LintContext& context)
{
    if (!context.wantsAny({"RT601", "RT602", "RT603", "RT604", "RT605", "RT606", "RT607", "RT608",
                           "RT609", "RT610", "RT611", "RT612"}))
        return; // all opt-in: usually every one is off
    const LintStatement& statement = context.statement();
    const QString table = statement.tables.value(0);
    switch (statement.kind) {
    case LintStatement::CreateTable: {
        bool hasPrimaryKey = false;
        for (const ColumnDef& column : statement.columns) {
            columnType(context, table, column.name, column.type, column.typeSpan);
            hasPrimaryKey = hasPrimaryKey || column.primaryKey;
        }
        for (const ConstraintDef& constraint : statement.constraints)
            hasPrimaryKey = hasPrimaryKey || constraint.kind == ConstraintDef::Kind::PrimaryKey;
        if (!hasPrimaryKey && !statement.asSelect && !statement.temporary)
            context.report("RT608", tr("table %1 has no primary key: rows cannot be told apart, "
                                       "and logical replication cannot update them")
                                        .arg(quoted(table)));
        break;
    }
    case LintStatement::AlterTable:
        for (const AlterAction& action : statement.actions) {
            if (action.kind == ActionKind::AddColumn || action.kind == ActionKind::ModifyColumn)
                columnType(context, table, action.column.name, action.column.type,
                           action.column.typeSpan);
            else if (action.kind == ActionKind::AlterType)
                columnType(context, table, action.column.name, action.type, action.span);
        }
        if (context.mysql() && context.isExisting(table)) {
            bool algorithm = false;
            bool lock = false;
            for (const AlterAction& action : statement.actions) {
                algorithm = algorithm || action.kind == ActionKind::Algorithm;
                lock = lock || action.kind == ActionKind::Lock;
            }
            if (!algorithm || !lock)
                context.report("RT612", tr("ALTER TABLE %1 without ALGORITHM= and LOCK=: MySQL "
                                           "silently falls back to a table copy where INPLACE "
                                           "or INSTANT cannot do it")
                                            .arg(quoted(table)));
        }
        break;
    case LintStatement::CreateDomain:
        if (statement.hasConstraint)
            context.report("RT607", tr("domain %1 carries a constraint: changing it later checks "
                                       "every column of the domain, and NOT VALID cannot be used "
                                       "at CREATE DOMAIN")
                                        .arg(quoted(statement.name)));
        break;
    case LintStatement::AlterTypeAddValue:
        if (!statement.positioned)
            context.report("RT610", tr("ADD VALUE '%1' without BEFORE or AFTER puts the value last "
                                       "in %2's sort order")
                                        .arg(statement.value, quoted(statement.name)));
        break;
    default:
        break;
    }
    robustness(context);
    mysqlCharsets(context);
}

void StyleRules::columnType(LintContext& context, const QString& table, const QString& column,
                            const QString& type, TextSpan where)
{
    if (type.isEmpty())
        return;
    const SqlType parsed = SqlType::parse(type);
    const QString name = quoted(table, column);
    if (parsed.family == SqlType::Integer && parsed.size < 8 && parsed.base != QLatin1String("boolean") &&
        !context.sqlite())
        context.report("RT601", tr("%1 is %2: prefer bigint, which does not run out at 2^31")
                                    .arg(name, parsed.text),
                       where);
    if (context.postgres() && parsed.base.endsWith(QLatin1String("serial")) &&
        context.target().postgresMajor >= 10)
        context.report("RT602", tr("%1 is %2: prefer an identity column (bigint GENERATED ALWAYS "
                                   "AS IDENTITY)")
                                    .arg(name, parsed.text),
                       where);
    if (context.postgres() && (parsed.base == QLatin1String("timestamp") ||
                               parsed.base == QLatin1String("timestamp without time zone")))
        context.report("RT603", tr("%1 is %2: prefer timestamptz, which stores an instant")
                                    .arg(name, parsed.text),
                       where);
    if (context.postgres() && parsed.family == SqlType::Text && parsed.size >= 0)
        context.report("RT604", tr("%1 is %2: prefer text (with a CHECK on length if needed); "
                                   "changing a length limit later can lock the table")
                                    .arg(name, parsed.text),
                       where);
    if (!context.sqlite() && parsed.family == SqlType::FixedChar)
        context.report("RT605", tr("%1 is %2: char pads values with spaces; prefer text or "
                                   "varchar")
                                    .arg(name, parsed.text),
                       where);
    if (context.postgres() && parsed.base == QLatin1String("json"))
        context.report("RT609", tr("%1 is json: prefer jsonb, which can be indexed and compared")
                                    .arg(name),
                       where);
}

// A script that does not run in a transaction (MySQL: every script) may stop half-way; each
// statement should then run again without failing.
void StyleRules::robustness(LintContext& context)
{
    const LintStatement& statement = context.statement();
    const LintSession& session = context.session();
    if (session.transactional && !context.mysql())
        return;
    // MySQL has IF [NOT] EXISTS for tables only; MariaDB and PostgreSQL for indexes and
    // columns too; SQLite for tables and indexes.
    const bool indexes = !context.mysql() || context.target().mariadb;
    const bool columns = context.postgres() || (context.mysql() && context.target().mariadb);
    QString missing;
    switch (statement.kind) {
    case LintStatement::CreateTable:
        if (!statement.ifNotExists && !statement.temporary)
            missing = QStringLiteral("CREATE TABLE IF NOT EXISTS");
        break;
    case LintStatement::DropTable:
        if (!statement.ifExists)
            missing = QStringLiteral("DROP TABLE IF EXISTS");
        break;
    case LintStatement::CreateIndex:
        if (indexes && !statement.ifNotExists)
            missing = QStringLiteral("CREATE INDEX IF NOT EXISTS");
        break;
    case LintStatement::DropIndex:
        if (indexes && !statement.ifExists)
            missing = QStringLiteral("DROP INDEX IF EXISTS");
        break;
    case LintStatement::AlterTable:
        for (const AlterAction& action : statement.actions) {
            if (columns && action.kind == ActionKind::AddColumn && !action.ifExists)
                missing = QStringLiteral("ADD COLUMN IF NOT EXISTS");
            else if (columns && action.kind == ActionKind::DropColumn && !action.ifExists)
                missing = QStringLiteral("DROP COLUMN IF EXISTS");
        }
        break;
    default:
        break;
    }
    if (!missing.isEmpty())
        context.report("RT606", tr("this script does not run in one transaction: if it stops "
                                   "after this statement, running it again fails here (use %1)")
                                    .arg(missing));
}

void StyleRules::mysqlCharsets(LintContext& context)
{
    if (!context.mysql())
        return;
    for (const SqlToken& token : context.statement().tokens) {
        if (token.kind == SqlToken::Word && token.isAny({"utf8", "utf8mb3"}))
            context.report("RT611", tr("%1 stores at most 3 bytes a character and cannot hold "
                                       "emoji and other characters: prefer utf8mb4")
                                        .arg(token.text),
                           {token.begin, token.end});
    }
}

} // namespace

const LintRuleFamily& style()
{
    using S = LintSeverity;
    const unsigned pg = LintPostgreSql;
    static const LintRuleFamily family{
        {
            {"RT601", "prefer-bigint", S::Warning, LintPostgreSql | LintMySql, false,
             QT_TRANSLATE_NOOP("LintRules", "prefer bigint over integer and smallint columns"),
             QT_TRANSLATE_NOOP("LintRules", "uses a small integer type")},
            {"RT602", "prefer-identity", S::Warning, pg, false,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: prefer identity columns over serial"),
             QT_TRANSLATE_NOOP("LintRules", "uses serial")},
            {"RT603", "prefer-timestamptz", S::Warning, pg, false,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: prefer timestamptz over timestamp "
                                            "without time zone"),
             QT_TRANSLATE_NOOP("LintRules", "uses timestamp")},
            {"RT604", "prefer-text", S::Warning, pg, false,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: prefer text over varchar(n)"),
             QT_TRANSLATE_NOOP("LintRules", "uses varchar(n)")},
            {"RT605", "avoid-char", S::Warning, LintPostgreSql | LintMySql, false,
             QT_TRANSLATE_NOOP("LintRules", "avoid char(n): it pads values with spaces"),
             QT_TRANSLATE_NOOP("LintRules", "uses char(n)")},
            {"RT606", "prefer-robust-statements", S::Warning, LintAllDialects, false,
             QT_TRANSLATE_NOOP("LintRules", "outside a transaction, prefer IF [NOT] EXISTS so a "
                                            "script that stopped half-way can run again"),
             QT_TRANSLATE_NOOP("LintRules", "cannot run twice")},
            {"RT607", "domain-with-constraint", S::Warning, pg, false,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: a domain with a constraint is hard to "
                                            "change later"),
             QT_TRANSLATE_NOOP("LintRules", "constrains a domain")},
            {"RT608", "table-without-primary-key", S::Warning, LintAllDialects, false,
             QT_TRANSLATE_NOOP("LintRules", "a new table without a primary key"),
             QT_TRANSLATE_NOOP("LintRules", "creates a table without primary key")},
            {"RT609", "prefer-jsonb", S::Warning, pg, false,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: prefer jsonb over json"),
             QT_TRANSLATE_NOOP("LintRules", "uses json")},
            {"RT610", "enum-value-without-position", S::Warning, pg, false,
             QT_TRANSLATE_NOOP("LintRules", "PostgreSQL: ALTER TYPE ... ADD VALUE without BEFORE "
                                            "or AFTER puts the value last in the sort order"),
             QT_TRANSLATE_NOOP("LintRules", "orders an enum value last")},
            {"RT611", "prefer-utf8mb4", S::Warning, LintMySql, false,
             QT_TRANSLATE_NOOP("LintRules", "MySQL: prefer utf8mb4 over utf8 (utf8mb3)"),
             QT_TRANSLATE_NOOP("LintRules", "uses utf8mb3")},
            {"RT612", "mysql-alter-without-algorithm", S::Warning, LintMySql, false,
             QT_TRANSLATE_NOOP("LintRules", "MySQL: ALTER TABLE without ALGORITHM= and LOCK= "
                                            "falls back to a table copy silently"),
             QT_TRANSLATE_NOOP("LintRules", "may copy a table")},
        },
        &StyleRules::check,
    };
    return family;
}

} // namespace retort::lintrules
