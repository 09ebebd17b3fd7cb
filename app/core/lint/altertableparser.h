// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/statementmodel.h"

namespace retort {

// Reads the actions of an ALTER TABLE (everything after the table's name), in the forms of
// PostgreSQL, MySQL/MariaDB and SQLite. What it does not know becomes ActionKind::Other.
class AlterTableParser
{
public:
    static QVector<AlterAction> actions(const QVector<SqlToken>& tokens, int begin, int end,
                                        Dialect dialect);
};

} // namespace retort
