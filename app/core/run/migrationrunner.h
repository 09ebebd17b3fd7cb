// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/migrationplanner.h"
#include "project/project.h"
#include "project/projectconfig.h"
#include "run/runevent.h"
#include "run/runsettings.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>
#include <thread>

namespace retort {

// What a MigrationRunner is asked to do. Plain data: build it in any thread.
struct RunRequest
{
    enum class Mode {
        Migrate, // upgrade or downgrade to `target`
        Stamp    // write `stampTargets` into the version table without running scripts
    };

    // The project: `project` when set (already loaded: its scripts are not read again; its
    // graph is shared read-only), else `config`, else the config file at `configPath`.
    QString configPath;
    std::optional<ProjectConfig> config;
    std::optional<Project> project;
    // The full database URL (with password); empty: the project's url.
    QString databaseUrl;

    Mode mode = Mode::Migrate;
    Direction direction = Direction::Upgrade;
    QString target = QStringLiteral("heads"); // any name RevisionResolver takes
    QStringList stampTargets;                 // Stamp: names; empty or "base" = no rows
    bool purge = false;                       // Stamp: delete every row first

    // Plan and report the SQL against the real database; execute nothing, create nothing.
    bool dryRun = false;
    // Offline SQL: no connection at all. The database is taken to be at `offlineFrom`
    // (a revision name; "" or "base" for an empty database) and the dialect is the URL's.
    bool offline = false;
    QString offlineFrom;

    // How long to wait for another runner's lock before Error(Lock).
    int lockTimeoutSeconds = 60;
    // When the steps reach the disk (see RunSettings). A project's `sync_each_step = true`
    // asks for EveryStep as well.
    SyncPolicy sync = SyncPolicy::EndOfRun;
    // Per migration or the whole run in one transaction; unset: the project's
    // `transaction_per_migration` (true by default).
    std::optional<TransactionMode> transactions;
};

// What a run did.
struct RunResult
{
    QStringList headsBefore;         // version rows before the run, sorted
    QStringList headsAfter;          // and after it
    QVector<MigrationStep> plan;     // the steps as first planned
    QStringList planIds;             // their revision ids
    int stepsRun = 0;                // steps applied (or, dry run and offline, reported)
    QString sql;                     // dry run and offline: the SQL script, ready to run
};

// Runs migrations against one database. Create it in (or move it to) the thread that calls
// run(): run() opens its own QSqlDatabase connection there, from the URL, and closes it
// before returning. Progress is reported through runEvent() and the optional synchronous sink.
//
// Each migration runs in its own transaction together with its version-table change and its
// history row (scripts marked "transactional: false" run their statements in autocommit and
// then the bookkeeping in a transaction). A failure rolls the migration back, records a
// "failed" history row in a transaction of its own, and throws Error(Database) naming the
// script's file:line, the statement and the database's error text. With
// TransactionMode::WholeRun the whole run (version table creation included) is one
// transaction: a failure or cancel rolls all of it back and records nothing, so the database
// is exactly as before the run. cancel() from any thread
// interrupts the running statement; the run then throws Error(Cancelled). Other errors:
// Error(Config | Script | Graph | Lock).
class MigrationRunner : public QObject
{
    Q_OBJECT

public:
    using Sink = std::function<void(const RunEvent&)>;

    explicit MigrationRunner(QObject* parent = nullptr);
    ~MigrationRunner() override;

    // Called synchronously in the running thread for every event, before runEvent() is emitted.
    void setSink(Sink sink) { m_sink = std::move(sink); }

    RunResult run(const RunRequest& request);

    // Thread-safe, returns at once. Stops the run at the next statement boundary and interrupts
    // the running statement: PostgreSQL via pg_cancel_backend() from a short-lived connection
    // of its own (in a background thread), SQLite via sqlite3_interrupt(). A runner stays
    // cancelled: make a new one for the next run.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

Q_SIGNALS:
    // Every event, after the sink has seen it (named so as not to hide QObject::event()).
    void runEvent(const retort::RunEvent& event);

private:
    friend class RunSession;

    void emitEvent(const RunEvent& event);
    // The running connection, for cancel(); cleared before it closes.
    void setCancelTarget(const QString& url, qint64 backendPid, void* sqliteHandle);
    // Waits for a pg_cancel_backend() request still on its way, so that it cannot hit a later
    // statement (the rollback, the history row).
    void joinCanceller();

    Sink m_sink;
    std::atomic_bool m_cancelled{false};
    QMutex m_cancelMutex;
    QString m_cancelUrl;
    qint64 m_backendPid = 0;
    void* m_sqliteHandle = nullptr;
    std::thread m_canceller;
};

} // namespace retort
