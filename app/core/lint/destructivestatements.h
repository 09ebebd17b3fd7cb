// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/sqllint.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// One statement of a run's SQL that destroys data.
struct DestructiveStatement
{
    int line = 0;         // 1-based, in the SQL given
    QString effect;       // the lint rule's few words: "drops a table", "drops a column"
    QStringList messages; // the lint's messages, naming tables and columns
};

// The statements of a run's SQL (as a dry run writes it) that destroy data, judged in order
// as one script with the lint's destructive rules (RT1xx): tables the SQL itself created and
// drops again (temporary tables, rebuild copies) do not count, a SQLite table rebuild counts
// as the columns it loses, and Retort's own rows in `versionTable` are bookkeeping. `before`
// is what the database holds when the run starts (ScriptLinter::schemaAt()): without it every
// table the SQL names counts as existing, and a rebuild's lost columns are unknown. What
// Studio's confirmation marks and counts.
QVector<DestructiveStatement> destructiveStatements(const QString& sql, Dialect dialect,
                                                   const QString& versionTable,
                                                   const LintSchema& before = {});

} // namespace retort
