// SPDX-License-Identifier: Apache-2.0
#include "lint/destructivesql.h"

#include "lint/lintrules.h"
#include "lint/sqllint.h"

#include <QRegularExpression>

namespace retort {

namespace {

// The statement's first word, upper-cased, after white space and comments.
QString firstKeyword(const QString& statement)
{
    qsizetype at = 0;
    const qsizetype size = statement.size();
    while (at < size) {
        if (statement[at].isSpace()) {
            ++at;
        } else if (statement.mid(at, 2) == QLatin1String("--")) {
            at = statement.indexOf(u'\n', at);
            if (at < 0)
                return {};
        } else if (statement.mid(at, 2) == QLatin1String("/*")) {
            at = statement.indexOf(QLatin1String("*/"), at + 2);
            if (at < 0)
                return {};
            at += 2;
        } else {
            break;
        }
    }
    qsizetype end = at;
    while (end < size && statement[end].isLetter())
        ++end;
    return statement.mid(at, end - at).toUpper();
}

} // namespace

QString destructiveReason(const QString& statement)
{
    // Only these can start a statement the destructive rules flag; skipping the rest keeps
    // marking a 2,000-step plan quick enough for the GUI thread.
    static const QStringList candidates = {QStringLiteral("DROP"), QStringLiteral("ALTER"),
                                           QStringLiteral("TRUNCATE"), QStringLiteral("DELETE"),
                                           QStringLiteral("WITH")};
    if (!candidates.contains(firstKeyword(statement)))
        return {};
    // The destructive lint rules (RT1xx) on the statement alone: with no history, every table
    // it names counts as existing. Their effects read "drops a table", "empties a table", ...
    SqlLint lint(Dialect::PostgreSql, {});
    for (const LintIssue& issue : lint.check(statement)) {
        if (issue.code.startsWith(QLatin1String("RT1")))
            return LintRules::find(issue.code)->effectText();
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
