// SPDX-License-Identifier: Apache-2.0
#include "lint/sqltextlinter.h"

#include "scripts/statementsplitter.h"

namespace retort {

QVector<LintFinding> SqlTextLinter::lint(const QString& sql, Dialect dialect, LintSchema before,
                                         bool transactional, const QString& path)
{
    const QStringList lines = sql.split(u'\n');
    SqlLint lint(dialect, std::move(before), transactional);
    QVector<LintFinding> findings;
    for (const SqlStatement& statement : StatementSplitter::split(sql, dialect)) {
        const QStringList ignored = ScriptLinter::ignoredCodes(lines, statement.line);
        for (const LintIssue& issue : lint.check(statement.text)) {
            if (ignored.contains(issue.code))
                continue;
            const LintRule* rule = SqlLint::rule(issue.code);
            LintFinding finding;
            finding.code = issue.code;
            finding.severity = rule ? rule->severity : LintSeverity::Warning;
            finding.message = issue.message;
            finding.path = path;
            finding.line = statement.line;
            finding.statement = statement.text;
            finding.dialects = {dialect};
            findings.append(finding);
        }
    }
    return findings;
}

} // namespace retort
