// SPDX-License-Identifier: Apache-2.0
#include "destructivesql.h"

#include "sqllint.h"

#include <QRegularExpression>

namespace retort {

QString destructiveReason(const QString& statement)
{
    // The destructive lint rules (RT1xx) on the statement alone: with no history, every table
    // it names counts as existing. Their effects read "drops a table", "empties a table", ...
    SqlLint lint(Dialect::PostgreSql, {});
    for (const LintIssue& issue : lint.check(statement)) {
        if (issue.code.startsWith(QLatin1String("RT1")))
            return QString::fromLatin1(SqlLint::rule(issue.code)->effect);
    }
    return {};
}

QString destructiveReason(const QString& statement, const QString& versionTable)
{
    // DELETE FROM [schema.]table, each name bare or double-quoted.
    static const QRegularExpression deleteFrom(
        QStringLiteral(R"re(^\s*DELETE\s+FROM\s+(?:"?\w+"?\s*\.\s*)?"?(\w+)"?)re"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = deleteFrom.match(statement);
    if (match.hasMatch() && match.captured(1) == versionTable)
        return {};
    return destructiveReason(statement);
}

} // namespace retort
