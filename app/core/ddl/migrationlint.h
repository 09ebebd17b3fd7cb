// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/scriptlinter.h"
#include "schema/schema.h"

namespace retort {

// Lints a generated migration against the schema it starts from, so that rules about
// existing tables (a NOT NULL column added without a default, a table rewrite) see the tables
// the database really has.
class MigrationLint
{
public:
    // What the linter knows of `schema`: its tables, their columns (type, NOT NULL, keys) and
    // indexes, by lowercase name.
    static LintSchema schemaOf(const Schema& schema);
    // The findings of `sql` (a script section) run on `before`. Throws Error(Script) for SQL
    // the splitter cannot read.
    static QVector<LintFinding> lint(const QString& sql, Dialect dialect, const Schema& before);
};

} // namespace retort
