// SPDX-License-Identifier: Apache-2.0
// Lints arbitrary text as SQL with every dialect and every rule on: the text split into
// statements (a splitter Error is an expected outcome), then each statement linted, and each
// piece of text also linted whole as one statement. A crash, sanitizer report or broken
// invariant (abort) is a finding.
#include "common/error.h"
#include "lint/lintrules.h"
#include "lint/scriptlinter.h"
#include "lint/sqllint.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace retort;

namespace {

void check(bool condition)
{
    if (!condition)
        abort();
}

const LintConfig& everyRule()
{
    static const LintConfig config = [] {
        LintConfig all;
        all.enable(QStringLiteral("all"), QStringLiteral("fuzz"));
        return all;
    }();
    return config;
}

void checkIssues(const QVector<LintIssue>& issues, const QString& statement, int statements)
{
    for (const LintIssue& issue : issues) {
        check(LintRules::find(issue.code) != nullptr);
        check(issue.begin >= 0 && issue.begin <= issue.end && issue.end <= statement.size());
        check(issue.statement < statements);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString sql = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    for (Dialect dialect : {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql}) {
        for (bool transactional : {true, false}) {
            SqlLint whole(dialect, {}, transactional, everyRule());
            checkIssues(whole.check(sql), sql, 1);
            checkIssues(whole.finish(), sql, 1);
        }
        try {
            const int lines = int(sql.count(u'\n')) + 1;
            for (const LintFinding& finding : ScriptLinter::lintSql(sql, dialect, everyRule())) {
                check(finding.line >= 1 && finding.line <= lines);
                check(finding.statementLine >= 1 && finding.statementLine <= finding.line);
                check(finding.endLine >= finding.line && finding.column >= 1);
                check(!finding.message.isEmpty());
            }
        } catch (const Error& error) {
            check(error.kind() == ErrorKind::Script);
        }
    }
    return 0;
}
