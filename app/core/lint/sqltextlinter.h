// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/scriptlinter.h"
#include "lint/sqllint.h"

namespace retort {

// Lints one piece of SQL that is not (yet) a revision of the graph: a generated migration in
// Studio, the SQL a confirmation dialog shows. Statements are split as the dialect's shell
// would; lint-ignore comments are honoured as in scripts. Findings carry the line in `sql`
// (1-based) and `path` as given.
class SqlTextLinter
{
public:
    // `before`: the schema the SQL runs on (rules about existing tables need it). Throws
    // Error(Script) for SQL the splitter cannot read (an unterminated quote).
    static QVector<LintFinding> lint(const QString& sql, Dialect dialect, LintSchema before = {},
                                     bool transactional = true, const QString& path = {});
};

} // namespace retort
