// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/statementmodel.h"

namespace retort {

// Reads one statement into the model the lint rules work on. Simple by design: it knows the
// statements migrations use (CREATE / ALTER / DROP of tables, indexes, types and domains,
// TRUNCATE, DELETE, transaction control, SET, maintenance commands); anything else, or what
// it cannot follow, is LintStatement::Other. Never throws.
class StatementParser
{
public:
    static LintStatement parse(const QString& sql, Dialect dialect);
};

} // namespace retort
