// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/statementmodel.h"

namespace retort {

// Reads the parts of table definitions that CREATE TABLE and ALTER TABLE share: column
// definitions, table constraints (MySQL: and indexes), and default expressions.
class ColumnParser
{
public:
    // The column defined by tokens [begin, end): "name type attributes...".
    static ColumnDef column(const QVector<SqlToken>& tokens, int begin, int end);
    // The table constraint (or MySQL index) defined by tokens [begin, end).
    static ConstraintDef constraint(const QVector<SqlToken>& tokens, int begin, int end);
    // Whether tokens [begin, end) start a table constraint rather than a column.
    static bool startsConstraint(const QVector<SqlToken>& tokens, int begin, int end,
                                 Dialect dialect);
    // How the default expression in tokens [begin, end) is made.
    static DefaultKind defaultKind(const QVector<SqlToken>& tokens, int begin, int end);
    // "numeric(3,2)", "character varying(10)", "enum('a','b')": tokens [begin, end) lowercase,
    // words separated by one space, strings in single quotes.
    static QString typeText(const QVector<SqlToken>& tokens, int begin, int end);
    // The names in the parenthesised list at `open` ("(a, b DESC)": a, b).
    static QStringList nameList(const QVector<SqlToken>& tokens, int open, int end);
};

} // namespace retort
