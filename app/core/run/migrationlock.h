// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/versiontable.h"

#include <QDateTime>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

namespace retort {

class DatabaseConnection;

// Who holds a migration lock, as seen from outside without taking it.
struct LockHolder
{
    bool held = false;
    QString who;          // "alice@host" for a Retort runner, else what the database says
    qint64 pid = 0;       // the holder's process on its host; 0 when not known
    qint64 serverPid = 0; // PostgreSQL: the server process of its session
    QString details;      // more about the session ("database user bob from 10.0.0.7")
    QDateTime since;      // SQLite: when it was taken; PostgreSQL: when its session began
    // A Retort runner of this host whose process no longer exists: its database session
    // lives on (PostgreSQL, until its statement ends) and keeps the lock.
    bool orphaned = false;

    // "alice@host (pid 1234, server pid 88)"; empty when not held. An orphaned holder says so.
    QString describe() const;
    static QString orphanedNote(qint64 pid);
};

// Keeps two runners from applying a step twice.
//   PostgreSQL: a session advisory lock held for the whole run, taken with
//     pg_try_advisory_lock(key) polled every 200 ms (never the blocking form, which could
//     deadlock with CREATE INDEX CONCURRENTLY waiting for our transaction). The key is the first
//     8 bytes of SHA-256("retort:" + schema + "." + version table), so every runner of one
//     database and version table agrees on it.
//   SQLite: the database's write lock, taken per transaction by BEGIN IMMEDIATE polled every
//     50 ms. So that a waiting runner can say who it waits for, a runner writes
//     "<db>.retort-lock" (user@host, pid, since) when it first takes the write lock, again
//     after waiting for it, and removes it on release() if it is still its own: the file
//     names the run in progress, also between its steps. A lock file of a dead process on
//     this host is ignored.
// While waiting, `notice` is told who holds the lock (once per holder). Gives up after the
// timeout with Error(Lock) "... held by <who> since <when>; gave up after S s", or
// Error(Cancelled) when `cancel` becomes true. The destructor releases what is held.
class MigrationLock
{
public:
    using Notice = std::function<void(const QString&)>;

    MigrationLock(DatabaseConnection& connection, const VersionTable& table,
                  int timeoutSeconds, const std::atomic_bool* cancel, Notice notice);
    ~MigrationLock();
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

    // Takes the run-wide lock (PostgreSQL); nothing to do on SQLite.
    void acquire();
    // Releases it, and removes the SQLite holder file (also done by the destructor).
    void release();
    bool isHeld() const { return m_held; }

    // Starts a write transaction: BEGIN IMMEDIATE (polled, and records the holder) on SQLite,
    // BEGIN elsewhere.
    void beginTransaction();
    // Ends it: COMMIT or ROLLBACK (errors of a ROLLBACK are ignored: the database may have
    // rolled back already).
    void commit();
    void rollback();
    // In a transaction on SQLite: whether another connection may have committed since this
    // lock's last commit; true when it cannot tell (before its first commit, elsewhere).
    bool othersMayHaveCommitted() const;

    static qint64 advisoryKey(const VersionTable& table);
    // "<database file>.retort-lock"; empty for an in-memory database.
    static QString holderFilePath(const QString& sqliteDatabase);
    // The statement that opens a migration's transaction on `dialect`.
    static QString beginStatement(Dialect dialect);

    // Who holds the lock of `table` on `connection`'s database right now. Read-only: takes no
    // lock, writes and creates nothing.
    //   PostgreSQL: the session holding the advisory lock (pg_locks, pg_stat_activity).
    //   SQLite: whether a connection (of any process) has a write transaction open, and the
    //     holder file of a Retort runner that is still alive. Not seen: another program's
    //     write transaction on a database in WAL mode.
    static LockHolder currentHolder(DatabaseConnection& connection, const VersionTable& table);

private:
    void pollUntil(const std::function<bool()>& tryOnce, const std::function<QString()>& holder,
                   int intervalMs);
    QString postgresHolder();
    QString sqliteHolder() const;
    void setSqliteBusyTimeout(int milliseconds);
    std::optional<unsigned> sqliteDataVersion() const;
    void writeHolderFile();
    void removeHolderFile();

    DatabaseConnection& m_connection;
    VersionTable m_table;
    int m_timeoutSeconds;
    const std::atomic_bool* m_cancel;
    Notice m_notice;
    qint64 m_key;
    QString m_holderFile;
    QByteArray m_holderText;
    std::optional<unsigned> m_dataVersionAfterCommit; // SQLite's, see othersMayHaveCommitted()
    bool m_held = false;
    bool m_inTransaction = false;
};

} // namespace retort
