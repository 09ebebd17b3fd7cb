// SPDX-License-Identifier: Apache-2.0
#include "lint/destructivestatements.h"

#include "common/error.h"
#include "lint/destructivesql.h"
#include "scripts/statementsplitter.h"

namespace retort {

QVector<DestructiveStatement> destructiveStatements(const QString& sql, Dialect dialect,
                                                   const QString& versionTable,
                                                   const LintSchema& before)
{
    QVector<DestructiveStatement> found;
    QVector<SqlStatement> statements;
    try {
        statements = StatementSplitter::split(sql, dialect);
    } catch (const Error&) {
        return found; // the runner wrote this SQL from scripts the same splitter read
    }
    SqlLint lint(dialect, before);
    for (const SqlStatement& statement : std::as_const(statements)) {
        const QVector<LintIssue> issues = lint.check(statement.text);
        DestructiveStatement destructive;
        for (const LintIssue& issue : issues) {
            if (!issue.code.startsWith(QLatin1String("RT1")))
                continue;
            // A merge deletes a row of the version table: bookkeeping, not data loss.
            if (destructiveReason(statement.text, versionTable).isEmpty() &&
                !destructiveReason(statement.text).isEmpty())
                continue;
            if (destructive.effect.isEmpty())
                destructive.effect = QString::fromLatin1(SqlLint::rule(issue.code)->effect);
            destructive.messages << issue.message;
        }
        if (!destructive.messages.isEmpty()) {
            destructive.line = statement.line;
            found.append(destructive);
        }
    }
    return found;
}

} // namespace retort
