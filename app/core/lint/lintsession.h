// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

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

    // SQLite's table rebuild: CREATE TABLE new; INSERT INTO new SELECT ... FROM old;
    // DROP TABLE old; [ALTER TABLE new RENAME TO old]. An existing table whose rows the
    // script copied into a table it made: dropping it loses only the columns not copied.
    struct RebuildCopy
    {
        QString into;        // the new table
        QStringList columns; // the old table's columns copied (lowercase)
        bool allColumns = false; // SELECT *
    };
    QHash<QString, RebuildCopy> rebuildCopies; // old table -> its copy
    QHash<QString, QString> rebuiltInto;       // new table -> the dropped old one it replaces

    // DROP INDEX statements reported at the end unless the script drops their table too
    // (then the table's own drop takes the lock anyway).
    struct IndexDrop
    {
        int statement;
        QString table;
        QString message;
    };
    QVector<IndexDrop> indexDrops;

    bool lockTimeout = false;      // PostgreSQL lock_timeout / MySQL lock_wait_timeout set
    bool statementTimeout = false; // PostgreSQL statement_timeout set
    bool foreignKeyChecksOff = false; // MySQL SET foreign_key_checks = 0
    // The first statement that locks an existing table while no lock_timeout (no
    // statement_timeout) was set.
    int firstLockWithoutLockTimeout = -1;
    int firstLockWithoutStatementTimeout = -1;

};

} // namespace retort
