// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "scripts/statementsplitter.h"

#include <QString>
#include <QVector>
#include <optional>

class QSqlDatabase;

namespace retort {

// What a whole-run transaction (TransactionMode::WholeRun) asks of PostgreSQL's lock table.
// Every object a transaction locks stays locked until it ends, and the server keeps those
// locks in one shared table that PostgreSQL guarantees room for
//   max_locks_per_transaction (64) x (max_connections (100) + max_prepared_transactions (0))
// objects, for all sessions together (defaults in brackets: 6,400). Past that, a statement
// fails with "out of shared memory" (SQLSTATE 53200). Measured on PostgreSQL 15 with the
// defaults: DROP TABLE of a one-column table locks 3 objects (the table, its row type and
// array type), and a transaction of DROP TABLEs failed at about 4,200 of them (12,600
// objects: the server has some slack beyond its guarantee, which other sessions share).
// One transaction per migration needs only what the largest single migration locks.
class WholeRunLocks
{
public:
    // The server's guarantee.
    struct Capacity
    {
        int maxLocksPerTransaction = 64;
        int maxConnections = 100;
        int maxPreparedTransactions = 0;

        qint64 objects() const
        {
            return qint64(maxLocksPerTransaction) * (maxConnections + maxPreparedTransactions);
        }
        // "max_locks_per_transaction (64) x (max_connections (100) + max_prepared_transactions
        // (0)) = 6400"
        QString describe() const;
    };

    // Objects `statement` keeps locked until its transaction ends, estimated from its kind
    // and the names it lists (a lower bound: indexes and TOAST tables of a dropped table are
    // not known from its text; statements that only read or write rows count 0).
    static int estimate(const SqlStatement& statement);

    // The server's settings; nullopt when they cannot be read (not PostgreSQL).
    static std::optional<Capacity> capacity(QSqlDatabase& db);

    // Whether a database error is PostgreSQL's full lock table.
    static bool isLockTableFull(const QString& sqlState, const QString& text);

    // Why a plan estimated to lock `objects` cannot run as one transaction, naming the
    // settings and the per-migration mode.
    static QString refusal(qint64 objects, int steps, const Capacity& capacity);
    // Added to an "out of shared memory" failure of a whole-run transaction.
    static QString failureAdvice(const std::optional<Capacity>& capacity);
};

} // namespace retort
