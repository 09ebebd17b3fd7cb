// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"

#include <QString>
#include <QVector>

namespace retort {

// One SQL statement cut out of a script, without its terminating semicolon.
struct SqlStatement
{
    QString text;
    int line = 0; // line of the statement's first token in the file it came from (1-based)
};

// Splits SQL text into statements the way the dialect's own shell would: semicolons inside
// string literals, quoted identifiers, comments, PostgreSQL dollar-quoted bodies and
// BEGIN ... END blocks (SQLite triggers, PostgreSQL BEGIN ATOMIC) do not end a statement.
class StatementSplitter
{
public:
    // `path` and `firstLine` (the file line `sql` starts at) place statements and errors in
    // their file. Statements are trimmed, keep their inner comments and lose leading ones;
    // comment-only statements are dropped. Throws Error(Script) "path:line: unterminated ..."
    // (path "<sql>" when empty) for a string literal, quoted identifier, block comment, dollar
    // quote or BEGIN ... END block left open, with the line where it opened. Linear time.
    static QVector<SqlStatement> split(const QString& sql, Dialect dialect,
                                       const QString& path = {}, int firstLine = 1);
};

} // namespace retort
