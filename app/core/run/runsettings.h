// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <functional>

namespace retort {

class DatabaseConnection;

// When the steps of a run reach the disk.
enum class SyncPolicy {
    // Each step commits atomically; the commits are synced to disk together when the run ends
    // (whether it succeeds or fails). A power loss or OS crash during a run can undo its last
    // steps, each one whole together with its version row, never half of one. A killed
    // process loses nothing committed. The default, and what makes a run of many small
    // steps fast: a disk sync costs milliseconds, a step a fraction of one.
    EndOfRun,
    // Each step's commit waits for the disk (SQLite: synced journal; PostgreSQL:
    // synchronous_commit). Slower; for runs that must not be repeated after a power loss.
    EveryStep,
};

// How a run's steps are grouped into transactions.
enum class TransactionMode {
    // Each migration commits on its own with its version-row change and history row (the
    // default). A failure in step N keeps steps 1..N-1; it needs one lock-table entry per
    // object a single migration touches.
    PerMigration,
    // All steps, their version-row changes and history rows commit together at the end, or
    // none do: a failure anywhere leaves the database as it was before the run (Alembic's
    // default on PostgreSQL, Flyway's "group"). Scripts marked "transactional: false" are
    // refused. On PostgreSQL every object the run touches stays locked until the end, and the
    // server's lock table is bounded (max_locks_per_transaction): see WholeRunLocks.
    WholeRun,
};

// The session settings a migration run puts on its own connection, and takes back at the end.
//   SQLite: foreign keys off (table rebuilds in downgrades need it).
//     EndOfRun: a database in a rollback-journal mode goes to WAL with synchronous=NORMAL
//       (commits are not synced; WAL stays consistent), and the end checkpoints the WAL
//       (synced) and puts the journal mode back. Before switching, "<db>.retort-journal"
//       records the mode, so that a run that was killed, or that could not switch back
//       because another connection had the database open, is undone by the next run's end.
//       Databases already in WAL mode stay in it.
//     EveryStep: journal_mode TRUNCATE instead of DELETE and synchronous=NORMAL, which
//       still syncs every commit (FULL for WAL databases, where NORMAL would not).
//   PostgreSQL: EndOfRun sets synchronous_commit off; the end resets it and commits one
//     transaction synchronously, which flushes every earlier commit of the run. EveryStep
//     sets it on, even where the server's default is off. Both set
//     client_connection_check_interval to 1 s where the server has it (14 and later), so
//     that the session of a runner killed during a statement ends (and frees the migration
//     lock) within a second or so instead of when the statement ends.
// The end is finish(), or the destructor when the run throws. Problems there (another
// connection keeps the database from switching back) are told to `notice`, not thrown: the
// steps themselves have committed.
class RunSettings
{
public:
    using Notice = std::function<void(const QString&)>;

    RunSettings(DatabaseConnection& connection, SyncPolicy policy, Notice notice);
    ~RunSettings();
    RunSettings(const RunSettings&) = delete;
    RunSettings& operator=(const RunSettings&) = delete;

    void finish();

    // "<database file>.retort-journal"; empty for an in-memory database.
    static QString journalMarkerPath(const QString& sqliteDatabase);

private:
    void applySqlite();
    void finishSqlite();
    void applyPostgres();
    void finishPostgres();
    // Runs "PRAGMA <text>" (or any statement); returns the first value of the first row, if
    // any. Errors return an empty string.
    QString firstValue(const QString& statement);

    DatabaseConnection& m_connection;
    SyncPolicy m_policy;
    Notice m_notice;
    bool m_finished = false;
    bool m_foreignKeysWereOn = false;
    bool m_truncating = false;
    QString m_marker;
};

} // namespace retort
