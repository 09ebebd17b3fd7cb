// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace retort {

// What the statements of one script have done so far that later statements depend on:
// objects the script made, transactions it opened, session settings it changed.
struct LintSession
{
    bool transactional = true; // Retort runs the script inside a transaction
    int statementIndex = -1;   // the statement being checked (0-based)

    QSet<QString> createdTables; // made by this script (or renamed from one it made)
    QSet<QString> createdIndexes;
    QSet<QString> createdTypes;

    int openTransactions = 0; // the script's own BEGIN without COMMIT
    int openedAt = -1;        // the statement that opened the outermost one

    bool lockTimeout = false;      // PostgreSQL lock_timeout / MySQL lock_wait_timeout set
    bool statementTimeout = false; // PostgreSQL statement_timeout set
    bool foreignKeyChecksOff = false; // MySQL SET foreign_key_checks = 0
    // The first statement that locks an existing table while no lock_timeout (no
    // statement_timeout) was set.
    int firstLockWithoutLockTimeout = -1;
    int firstLockWithoutStatementTimeout = -1;

    // CHECK (c IS NOT NULL) NOT VALID constraints by name: "table.column".
    QHash<QString, QString> notNullChecks;
    // "table.column" with a validated CHECK (c IS NOT NULL).
    QSet<QString> validatedNotNull;
};

} // namespace retort
