// SPDX-License-Identifier: Apache-2.0
#include "run/migrationrunner.h"

#include "database/databaseconnection.h"
#include "common/error.h"
#include "common/singleline.h"
#include "run/migrationhistory.h"
#include "run/migrationlock.h"
#include "scripts/nativescript.h"
#include "project/project.h"
#include "graph/revisionresolver.h"
#include "scripts/scriptdirectory.h"
#include "scripts/scriptprefetcher.h"
#include "graph/versionchange.h"
#include "run/versiontable.h"
#include "run/wholerunlocks.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <memory>
#include <sqlite3.h>

namespace retort {

namespace {

QString directionName(Direction direction)
{
    return direction == Direction::Upgrade ? QStringLiteral("upgrade")
                                           : QStringLiteral("downgrade");
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

// A statement as a line of an SQL script: a ';' after a trailing "--" comment would be
// commented out, so it goes on a line of its own then.
QString scriptLine(const QString& statement)
{
    const QString lastLine = statement.section(u'\n', -1);
    return statement + (lastLine.contains(QLatin1String("--")) ? QStringLiteral("\n;\n")
                                                               : QStringLiteral(";\n"));
}

} // namespace

// One run() call: the project, the connection and the state that changes as steps run.
class RunSession
{
public:
    RunSession(MigrationRunner& runner, const RunRequest& request);
    RunResult run();

private:
    enum class StepOutcome { Done, Replan };

    // Planning
    QVector<int> indicesOf(const QStringList& heads) const;
    void resolveTarget();
    QVector<MigrationStep> planFrom(const QStringList& heads) const;
    QVector<int> stampTargets() const;
    LoadedScript loadScript(int revision) const;
    QVector<SqlStatement> statementsOf(const MigrationStep& step, const LoadedScript& script) const;
    void prefetchScripts();
    void checkWholeRunPlan(const std::optional<WholeRunLocks::Capacity>& capacity);
    QString location(const QString& path, int line) const;

    // Reporting
    RunEvent stepEvent(RunEvent::Type type, const MigrationStep& step) const;
    void emitEvent(RunEvent event) { m_runner.emitEvent(event); }
    void emitPlan();
    // The version table's CREATE, when this run made (or, offline, would make) it.
    void reportCreatedVersionTable();
    void reportVersionStatements(const QVector<SqlCommand>& commands);

    // Offline and dry run
    RunResult render(const QStringList& heads, bool createTable);
    void renderStep(const MigrationStep& step, QStringList& heads, QString& sql);

    // Online
    RunResult runOnline();
    QStringList setUp(MigrationLock& lock);
    void runStamp(MigrationLock& lock);
    StepOutcome runStep(MigrationLock& lock, const MigrationStep& step);
    void commitWholeRun(MigrationLock& lock);
    void runStatements(const QVector<SqlStatement>& statements, const MigrationStep& step);
    void writeBookkeeping(const VersionChange& change, HistoryRecord& record);
    [[noreturn]] void fail(MigrationLock& lock, const MigrationStep& step, HistoryRecord record,
                           const Error& error, bool inTransaction);
    void recordAlone(MigrationLock& lock, const HistoryRecord& record, QString& note);
    void checkCancelled(MigrationLock& lock, const MigrationStep& step);
    HistoryRecord newRecord(const QString& revision, const QString& direction,
                            const QString& checksum) const;

    MigrationRunner& m_runner;
    const RunRequest& m_request;
    Project m_project;
    // TransactionMode::WholeRun: one transaction from the version table's creation to the last
    // step's history row (migrations only; a stamp is one transaction anyway).
    bool m_wholeRun = false;
    std::optional<WholeRunLocks::Capacity> m_lockCapacity; // PostgreSQL, whole run
    QString m_failedSqlState; // of the statement that failed last
    DatabaseUrl m_url;
    VersionTable m_table;
    MigrationHistory m_history;
    QVector<int> m_resolvedTarget;
    QString m_targetLabel;

    DatabaseConnection* m_connection = nullptr;
    PreparedCommands* m_commands = nullptr; // the bookkeeping statements, on m_connection
    QStringList m_heads;
    bool m_createdVersionTable = false;
    QVector<MigrationStep> m_plan;
    int m_stepIndex = 0;
    int m_stepCount = 0;
    SqlStatement m_current; // the statement running, for failure reports and server notices
    QString m_currentLocation;
    const MigrationStep* m_runningStep = nullptr; // while its statements run
    std::unique_ptr<ScriptPrefetcher> m_prefetcher; // for m_plan, online; uses the members above
};

RunSession::RunSession(MigrationRunner& runner, const RunRequest& request)
    : m_runner(runner),
      m_request(request),
      m_project(request.project  ? *request.project
                : request.config ? Project::load(*request.config)
                                 : Project::open(request.configPath)),
      m_url(DatabaseUrl::parse(request.databaseUrl.isEmpty() ? m_project.config().databaseUrl()
                                                              : request.databaseUrl)),
      m_table(m_url.dialect(), m_project.config().versionTable,
              m_project.config().versionTableSchema),
      m_history(m_table)
{
    const TransactionMode mode = m_request.transactions.value_or(
        m_project.config().transactionPerMigration ? TransactionMode::PerMigration
                                                   : TransactionMode::WholeRun);
    m_wholeRun = mode == TransactionMode::WholeRun && m_request.mode == RunRequest::Mode::Migrate;
}

QVector<int> RunSession::indicesOf(const QStringList& heads) const
{
    QVector<int> indices;
    for (const QString& head : heads) {
        const int index = m_project.graph().indexOf(head);
        if (index < 0) {
            throw Error(ErrorKind::Graph,
                        QCoreApplication::translate("MigrationRunner", "the version table %1 holds revision %2, which no script "
                                       "of %3 defines")
                            .arg(m_table.table(), head, m_project.config().configPath));
        }
        indices.append(index);
    }
    return indices;
}

void RunSession::resolveTarget()
{
    const QVector<int> current = indicesOf(m_heads);
    m_resolvedTarget = RevisionResolver(m_project.graph()).resolve(m_request.target, current);
    if (m_request.direction == Direction::Downgrade && m_resolvedTarget.size() > 1) {
        throw Error(ErrorKind::Graph, QCoreApplication::translate("MigrationRunner", "cannot roll back to '%1': it names several "
                                                     "revisions").arg(m_request.target));
    }
    const int at = m_request.target.indexOf(u'@');
    m_targetLabel = at > 0 ? m_request.target.left(at) : QString();
}

QVector<MigrationStep> RunSession::planFrom(const QStringList& heads) const
{
    const MigrationPlanner planner(m_project.graph());
    const QVector<int> current = indicesOf(heads);
    return m_request.direction == Direction::Upgrade
               ? planner.upgrade(current, m_resolvedTarget)
               : planner.downgrade(current, m_resolvedTarget, m_targetLabel);
}

QVector<int> RunSession::stampTargets() const
{
    QVector<int> targets;
    const RevisionResolver resolver(m_project.graph());
    for (const QString& name : m_request.stampTargets) {
        if (name.isEmpty() || name == QLatin1String("base"))
            continue;
        const QVector<int> resolved = resolver.resolve(name);
        for (int index : resolved) {
            if (!targets.contains(index))
                targets.append(index);
        }
    }
    return targets;
}

// Online, scripts are read just ahead of their steps (prefetchScripts) and dropped after them,
// never all kept for the run: that spread SQLite's schema objects over a larger heap, and
// SQLite walks all of them at every CREATE TABLE (sqlite3FkClearTriggerCache), more slowly the
// more they are spread (bench/bench_runner.cpp at 10,000 steps).
LoadedScript RunSession::loadScript(int revision) const
{
    const Revision& meta = m_project.graph().revision(revision);
    if (meta.format != ScriptFormat::Native) {
        throw Error(ErrorKind::Script,
                    QCoreApplication::translate("MigrationRunner", "%1: an Alembic (Python) migration cannot be run by Retort; "
                                   "run it with Alembic (retort stamp works for such projects)")
                        .arg(meta.path));
    }
    const QByteArray bytes = ScriptDirectory::readBytes(meta.path);
    const QString text = ScriptDirectory::decode(bytes, meta.path);
    return LoadedScript{
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
        text, NativeScript::parse(text, meta.path)};
}

QVector<SqlStatement> RunSession::statementsOf(const MigrationStep& step,
                                               const LoadedScript& script) const
{
    return script.script.statements(step.direction, m_url.dialect());
}

void RunSession::prefetchScripts()
{
    QVector<int> revisions;
    revisions.reserve(m_plan.size());
    for (const MigrationStep& step : std::as_const(m_plan))
        revisions.append(step.revision);
    m_prefetcher.reset(); // the previous plan's, stopped before the next starts
    m_prefetcher = std::make_unique<ScriptPrefetcher>(
        [this](int revision) { return loadScript(revision); }, revisions);
}

// Whole-run mode checks its plan before anything runs: scripts marked "transactional: false"
// are refused (not run around the transaction: that would break its all-or-nothing promise,
// which is why the mode was chosen), and on PostgreSQL the objects the plan will keep locked
// are estimated against the server's lock table (`capacity`; unknown offline, where the
// default server's is assumed and the estimate is only told).
void RunSession::checkWholeRunPlan(const std::optional<WholeRunLocks::Capacity>& capacity)
{
    for (const MigrationStep& step : std::as_const(m_plan)) {
        const Revision& meta = m_project.graph().revision(step.revision);
        if (!meta.transactional) {
            throw Error(ErrorKind::Script,
                        QCoreApplication::translate(
                            "MigrationRunner",
                            "%1: revision %2 is marked \"transactional: false\" and cannot run "
                            "inside the run's single transaction (--single-transaction, or "
                            "transaction_per_migration = false); nothing was run. Run it with "
                            "one transaction per migration (--transaction-per-migration), on its "
                            "own or with the whole plan")
                            .arg(meta.path, meta.id));
        }
    }
    if (m_url.dialect() != Dialect::PostgreSql || m_plan.isEmpty())
        return;
    // Read here once more (not kept: see loadScript): the estimate needs every statement
    // before the first one runs.
    qint64 objects = 2; // the version table and retort_history
    for (const MigrationStep& step : std::as_const(m_plan)) {
        for (const SqlStatement& statement : statementsOf(step, loadScript(step.revision)))
            objects += WholeRunLocks::estimate(statement);
    }
    const WholeRunLocks::Capacity limit = capacity.value_or(WholeRunLocks::Capacity{});
    const int steps = int(m_plan.size());
    if (capacity && objects > limit.objects())
        throw Error(ErrorKind::Database, WholeRunLocks::refusal(objects, steps, limit));
    if (objects * 2 > limit.objects()) {
        RunEvent event;
        event.type = RunEvent::Type::Notice;
        event.text = QCoreApplication::translate(
                         "MigrationRunner",
                         "this run's single transaction will keep about %1 objects locked until "
                         "it ends; PostgreSQL's lock table is sure to hold %2%3 for all sessions "
                         "together. If it fails with \"out of shared memory\", run with one "
                         "transaction per migration (--transaction-per-migration)")
                         .arg(objects)
                         .arg(limit.describe(),
                              capacity ? QString() : QStringLiteral(" on a server with the default settings"));
        emitEvent(event);
    }
}

QString RunSession::location(const QString& path, int line) const
{
    return QStringLiteral("%1:%2").arg(path).arg(line);
}

RunEvent RunSession::stepEvent(RunEvent::Type type, const MigrationStep& step) const
{
    RunEvent event;
    event.type = type;
    event.stepIndex = m_stepIndex;
    event.stepCount = m_stepCount;
    event.revision = m_project.graph().id(step.revision);
    event.direction = step.direction;
    return event;
}

void RunSession::reportCreatedVersionTable()
{
    if (m_createdVersionTable)
        reportVersionStatements({m_table.createStatement()});
    m_createdVersionTable = false;
}

void RunSession::emitPlan()
{
    QStringList lines;
    for (const MigrationStep& step : std::as_const(m_plan)) {
        lines.append((step.direction == Direction::Upgrade ? QStringLiteral("upgrade ")
                                                           : QStringLiteral("downgrade ")) +
                     m_project.graph().id(step.revision));
    }
    RunEvent event;
    event.type = RunEvent::Type::Plan;
    event.stepCount = int(m_plan.size());
    event.text = lines.join(u'\n');
    emitEvent(event);
}

void RunSession::reportVersionStatements(const QVector<SqlCommand>& commands)
{
    for (const SqlCommand& command : commands) {
        RunEvent event;
        event.type = RunEvent::Type::Statement;
        event.stepIndex = m_stepIndex;
        event.stepCount = m_stepCount;
        event.statement = command.literalSql(m_url.dialect());
        emitEvent(event);
    }
}

// ---------------------------------------------------------------------------------------------
// Offline SQL and dry runs: the statements an online run would execute, in its order.

void RunSession::renderStep(const MigrationStep& step, QStringList& heads, QString& sql)
{
    const Revision& meta = m_project.graph().revision(step.revision);
    const QVector<SqlStatement> statements = statementsOf(step, loadScript(step.revision));
    RunEvent started = stepEvent(RunEvent::Type::StepStarted, step);
    started.location = meta.path;
    emitEvent(started);
    const QString begin = scriptLine(MigrationLock::beginStatement(m_url.dialect()));
    // The id and the file name come from the script folder: one comment line whatever they hold.
    sql += QStringLiteral("\n-- Running %1 %2 (%3)\n")
               .arg(directionName(step.direction), singleLine(meta.id), singleLine(meta.path));
    if (meta.transactional && !m_wholeRun)
        sql += begin;
    for (const SqlStatement& statement : statements) {
        RunEvent event = stepEvent(RunEvent::Type::Statement, step);
        event.statement = statement.text;
        event.location = location(meta.path, statement.line);
        emitEvent(event);
        sql += scriptLine(statement.text);
    }
    const VersionChange change = versionChange(m_project.graph(), heads, step);
    const QVector<SqlCommand> commands = m_table.statements(change);
    reportVersionStatements(commands);
    if (!meta.transactional && !m_wholeRun)
        sql += begin;
    for (const SqlCommand& command : commands)
        sql += scriptLine(command.literalSql(m_url.dialect()));
    if (!m_wholeRun)
        sql += scriptLine(QStringLiteral("COMMIT"));
    heads = sorted(change.applyTo(heads));
    emitEvent(stepEvent(RunEvent::Type::StepFinished, step));
}

RunResult RunSession::render(const QStringList& heads, bool createTable)
{
    RunResult result;
    result.headsBefore = heads;
    m_heads = heads; // what relative targets (+1, -2) count from
    QString& sql = result.sql;
    sql = QStringLiteral("-- Retort %1 SQL for %2\n")
              .arg(m_request.offline ? QStringLiteral("offline") : QStringLiteral("dry-run"),
                   dialectName(m_url.dialect()));
    if (m_wholeRun) {
        sql += QStringLiteral("\n-- The whole run in one transaction (transaction_per_migration = false)\n") +
               scriptLine(MigrationLock::beginStatement(m_url.dialect()));
    }
    if (createTable) {
        sql += scriptLine(m_table.createStatement().literalSql(m_url.dialect()));
        m_createdVersionTable = true;
    }
    QStringList state = heads;
    if (m_request.mode == RunRequest::Mode::Stamp) {
        reportCreatedVersionTable();
        const VersionChange change = stampChange(m_project.graph(), state,
                                                 m_request.stampTargets, m_request.purge);
        const QVector<SqlCommand> commands = m_table.statements(change);
        reportVersionStatements(commands);
        sql += scriptLine(MigrationLock::beginStatement(m_url.dialect()));
        for (const SqlCommand& command : commands)
            sql += scriptLine(command.literalSql(m_url.dialect()));
        sql += scriptLine(QStringLiteral("COMMIT"));
        result.headsAfter = sorted(change.applyTo(state));
        return result;
    }
    resolveTarget();
    m_plan = planFrom(state);
    m_stepCount = int(m_plan.size());
    emitPlan();
    if (m_wholeRun) {
        checkWholeRunPlan(m_connection && m_url.dialect() == Dialect::PostgreSql
                              ? WholeRunLocks::capacity(m_connection->db())
                              : std::nullopt);
    }
    reportCreatedVersionTable();
    for (m_stepIndex = 0; m_stepIndex < m_stepCount; ++m_stepIndex)
        renderStep(m_plan[m_stepIndex], state, sql);
    if (m_wholeRun)
        sql += QStringLiteral("\n") + scriptLine(QStringLiteral("COMMIT"));
    result.plan = m_plan;
    result.stepsRun = m_stepCount;
    result.headsAfter = state;
    return result;
}

// ---------------------------------------------------------------------------------------------
// Online runs

HistoryRecord RunSession::newRecord(const QString& revision, const QString& direction,
                                    const QString& checksum) const
{
    HistoryRecord record;
    record.revision = revision;
    record.direction = direction;
    record.checksum = checksum;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.runBy = currentUserAtHost();
    return record;
}

QStringList RunSession::setUp(MigrationLock& lock)
{
    QSqlDatabase& db = m_connection->db();
    const auto prepare = [&] {
        // Reported once the plan is out, so that consumers always see the plan first.
        m_createdVersionTable = m_table.ensureExists(db);
        m_history.ensureExists(db);
        return m_table.readHeads(db);
    };
    if (m_wholeRun)
        return prepare(); // in the run's transaction: undone with it (the lock rolls back)
    lock.beginTransaction();
    try {
        const QStringList heads = prepare();
        lock.commit();
        return heads;
    } catch (const Error&) {
        lock.rollback();
        throw;
    }
}

void RunSession::recordAlone(MigrationLock& lock, const HistoryRecord& record, QString& note)
{
    try {
        lock.beginTransaction();
        m_history.record(m_connection->db(), record);
        lock.commit();
    } catch (const Error& error) {
        lock.rollback();
        note = QCoreApplication::translate("MigrationRunner", " (the history row could not be written: %1)").arg(error.message());
    }
}

void RunSession::fail(MigrationLock& lock, const MigrationStep& step, HistoryRecord record,
                      const Error& error, bool inTransaction)
{
    const bool cancelled = m_runner.isCancelled();
    if (cancelled)
        m_runner.joinCanceller();
    if (inTransaction || m_wholeRun)
        lock.rollback();
    const Revision& meta = m_project.graph().revision(step.revision);
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.durationMs = record.startedAt.msecsTo(record.finishedAt);
    record.outcome = cancelled ? HistoryRecord::Outcome::Cancelled : HistoryRecord::Outcome::Failed;
    record.error = error.message();
    if (!m_current.text.isEmpty()) {
        record.failingStatement = m_current.text;
        record.failingLocation = location(meta.path, m_current.line);
    }
    QString note;
    if (m_wholeRun) {
        // Nothing is written: the run promised to leave the database as it was.
        note = QCoreApplication::translate("MigrationRunner",
                                           "\nThe run's single transaction was rolled back: the "
                                           "database is as it was before the run (%n step(s) "
                                           "before this one undone).",
                                           nullptr, m_stepIndex);
        if (m_url.dialect() == Dialect::PostgreSql && !cancelled &&
            WholeRunLocks::isLockTableFull(m_failedSqlState, error.message())) {
            note += WholeRunLocks::failureAdvice(m_lockCapacity);
        }
    } else {
        recordAlone(lock, record, note);
    }
    const QString what = QCoreApplication::translate("MigrationRunner", "%1 of %2").arg(directionName(step.direction), meta.id);
    QString message;
    if (cancelled) {
        message = QCoreApplication::translate("MigrationRunner", "cancelled during %1%2; rolled back")
                      .arg(what, record.failingLocation.isEmpty()
                                     ? QString()
                                     : QCoreApplication::translate("MigrationRunner", " at ") + record.failingLocation);
    } else if (!record.failingLocation.isEmpty()) {
        message = QCoreApplication::translate("MigrationRunner", "%1: %2 failed: %3\nstatement: %4")
                      .arg(record.failingLocation, what, error.message(), m_current.text);
    } else {
        message = QCoreApplication::translate("MigrationRunner", "%1 failed: %2").arg(what, error.message());
    }
    message += note;
    RunEvent event = stepEvent(RunEvent::Type::Error, step);
    event.statement = record.failingStatement;
    event.location = record.failingLocation;
    event.text = message;
    emitEvent(event);
    throw Error(cancelled ? ErrorKind::Cancelled : error.kind(), message);
}

void RunSession::checkCancelled(MigrationLock& lock, const MigrationStep& step)
{
    if (!m_runner.isCancelled())
        return;
    HistoryRecord record = newRecord(m_project.graph().id(step.revision),
                                     directionName(step.direction), {});
    m_current = {};
    fail(lock, step, record, Error(ErrorKind::Cancelled, QCoreApplication::translate("MigrationRunner", "cancelled")), false);
}

void RunSession::runStatements(const QVector<SqlStatement>& statements, const MigrationStep& step)
{
    QSqlDatabase& db = m_connection->db();
    const QString& path = m_project.graph().revision(step.revision).path;
    m_runningStep = &step;
    for (const SqlStatement& statement : statements) {
        m_current = statement;
        m_currentLocation = location(path, statement.line);
        if (m_runner.isCancelled())
            throw Error(ErrorKind::Cancelled, QCoreApplication::translate("MigrationRunner", "cancelled"));
        QElapsedTimer timer;
        timer.start();
        {
            QSqlQuery query(db);
            if (!query.exec(statement.text)) {
                const QSqlError error = query.lastError();
                m_failedSqlState = error.nativeErrorCode();
                const QString text = error.databaseText().trimmed();
                throw Error(ErrorKind::Database, text.isEmpty() ? error.text() : text);
            }
        }
        RunEvent event = stepEvent(RunEvent::Type::Statement, step);
        event.statement = statement.text;
        event.location = m_currentLocation;
        event.elapsedMs = timer.elapsed();
        emitEvent(event);
    }
    m_current = {};
    m_runningStep = nullptr;
}

void RunSession::writeBookkeeping(const VersionChange& change, HistoryRecord& record)
{
    const QVector<SqlCommand> commands = m_table.statements(change);
    for (const SqlCommand& command : commands)
        m_commands->execute(command);
    reportVersionStatements(commands);
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.durationMs = record.startedAt.msecsTo(record.finishedAt);
    m_commands->execute(m_history.insertStatement(record));
}

RunSession::StepOutcome RunSession::runStep(MigrationLock& lock, const MigrationStep& step)
{
    checkCancelled(lock, step);
    const Revision& meta = m_project.graph().revision(step.revision);
    const LoadedScript loaded = m_prefetcher->take(step.revision);
    const QVector<SqlStatement> statements = statementsOf(step, loaded);
    const bool recheck = m_url.dialect() == Dialect::Sqlite; // no run-wide lock there
    HistoryRecord record = newRecord(meta.id, directionName(step.direction), loaded.checksum);
    record.script = loaded.text;
    RunEvent started = stepEvent(RunEvent::Type::StepStarted, step);
    started.location = meta.path;
    emitEvent(started);
    QElapsedTimer timer;
    timer.start();

    if (!m_wholeRun)
        lock.beginTransaction();
    bool inTransaction = true;
    try {
        // (A whole run holds SQLite's write lock from its start: nobody else can commit.)
        if (recheck && !m_wholeRun && lock.othersMayHaveCommitted()) {
            const QStringList fresh = m_table.readExistingHeads(m_connection->db());
            if (fresh != m_heads) {
                // Another runner moved the database meanwhile: plan again from where it is.
                lock.rollback();
                m_heads = fresh;
                return StepOutcome::Replan;
            }
        }
        const VersionChange change = versionChange(m_project.graph(), m_heads, step);
        if (!meta.transactional) {
            lock.commit();
            inTransaction = false;
            runStatements(statements, step);
            lock.beginTransaction();
            inTransaction = true;
        } else {
            runStatements(statements, step);
        }
        writeBookkeeping(change, record);
        if (!m_wholeRun)
            lock.commit();
        m_heads = sorted(change.applyTo(m_heads));
    } catch (const Error& error) {
        fail(lock, step, record, error, inTransaction);
    }
    RunEvent finished = stepEvent(RunEvent::Type::StepFinished, step);
    finished.elapsedMs = timer.elapsed();
    emitEvent(finished);
    return StepOutcome::Done;
}

void RunSession::runStamp(MigrationLock& lock)
{
    QSqlDatabase& db = m_connection->db();
    const QVector<int> targets = stampTargets();
    QStringList ids;
    for (int target : targets)
        ids.append(m_project.graph().id(target));
    HistoryRecord record = newRecord(ids.isEmpty() ? QStringLiteral("base") : ids.join(u','),
                                     QStringLiteral("stamp"), {});
    lock.beginTransaction();
    try {
        m_heads = m_table.readHeads(db);
        const VersionChange change = stampChange(m_project.graph(), m_heads,
                                                 m_request.stampTargets, m_request.purge);
        writeBookkeeping(change, record);
        lock.commit();
        m_heads = sorted(change.applyTo(m_heads));
    } catch (const Error&) {
        lock.rollback();
        throw;
    }
}

RunResult RunSession::runOnline()
{
    if (isMissingSqliteFile(m_url)) {
        if (m_request.dryRun) // planned from an empty database; opening would create the file
            return render({}, true);
        // Refused targets are refused before the file exists (the CLI says it creates it).
        if (m_request.mode == RunRequest::Mode::Stamp) {
            stampTargets();
        } else {
            resolveTarget();
            planFrom({});
        }
    }
    DatabaseConnection connection(m_url, QStringLiteral("runner"));
    m_connection = &connection;
    connection.setNoticeHandler([this](const QString& text) {
        RunEvent event = m_runningStep ? stepEvent(RunEvent::Type::ServerNotice, *m_runningStep)
                                       : RunEvent();
        event.type = RunEvent::Type::ServerNotice;
        event.text = text;
        event.statement = m_current.text;
        event.location = m_current.text.isEmpty() ? QString() : m_currentLocation;
        emitEvent(event);
    });
    m_runner.setCancelTarget(m_url.toString(), connection.backendPid(), connection.sqliteHandle());
    const std::shared_ptr<void> clearCancelTarget(nullptr, [this](void*) {
        m_runner.joinCanceller();
        m_runner.setCancelTarget({}, 0, nullptr);
    });
    QSqlDatabase& db = connection.db();
    PreparedCommands commands(db);
    m_commands = &commands;

    if (m_request.dryRun) {
        const QStringList heads = m_table.readHeads(db);
        return render(heads, !m_table.exists(db));
    }

    const auto notice = [this](const QString& text) {
        RunEvent event;
        event.type = RunEvent::Type::Notice;
        event.text = text;
        emitEvent(event);
    };
    const bool syncEachStep =
        m_request.sync == SyncPolicy::EveryStep || m_project.config().syncEachStep;
    std::optional<RunSettings> settings; // ends after the lock is released, as declared first
    MigrationLock lock(connection, m_table, m_request.lockTimeoutSeconds, &m_runner.m_cancelled,
                       notice);
    lock.acquire();
    // A run refused for what the database holds (a revision no script knows, a target that
    // does not resolve from there) changes nothing, journal mode included: it is refused here,
    // before anything is written. The plan is made again once the tables exist.
    m_heads = m_table.readHeads(db);
    if (m_request.mode == RunRequest::Mode::Stamp) {
        stampTargets();
    } else {
        resolveTarget();
        planFrom(m_heads);
    }
    settings.emplace(connection, syncEachStep ? SyncPolicy::EveryStep : SyncPolicy::EndOfRun,
                     notice);
    if (m_wholeRun)
        lock.beginTransaction(); // committed after the last step; the lock rolls it back on a throw
    m_heads = setUp(lock);
    RunResult result;
    result.headsBefore = m_heads;
    if (m_request.mode == RunRequest::Mode::Stamp) {
        reportCreatedVersionTable();
        runStamp(lock);
        result.headsAfter = m_heads;
        return result;
    }
    resolveTarget();
    m_plan = planFrom(m_heads);
    result.plan = m_plan;
    m_stepCount = int(m_plan.size());
    emitPlan();
    if (m_wholeRun) {
        if (m_url.dialect() == Dialect::PostgreSql)
            m_lockCapacity = WholeRunLocks::capacity(db);
        checkWholeRunPlan(m_lockCapacity);
    }
    prefetchScripts();
    reportCreatedVersionTable();
    int done = 0;
    for (int i = 0; i < m_plan.size();) {
        m_stepIndex = done;
        if (runStep(lock, m_plan[i]) == StepOutcome::Replan) {
            m_plan = planFrom(m_heads);
            prefetchScripts();
            m_stepCount = done + int(m_plan.size());
            i = 0;
            RunEvent event;
            event.type = RunEvent::Type::Notice;
            event.text = QCoreApplication::translate("MigrationRunner", "another runner changed the database (now at %1): "
                                        "%2 steps left")
                             .arg(m_heads.isEmpty() ? QStringLiteral("base") : m_heads.join(u','))
                             .arg(m_plan.size());
            emitEvent(event);
            continue;
        }
        ++done;
        ++i;
        RunEvent progress;
        progress.type = RunEvent::Type::Progress;
        progress.stepIndex = done - 1;
        progress.stepCount = m_stepCount;
        emitEvent(progress);
    }
    if (m_wholeRun)
        commitWholeRun(lock);
    result.stepsRun = done;
    result.headsAfter = m_heads;
    return result;
}

void RunSession::commitWholeRun(MigrationLock& lock)
{
    try {
        lock.commit();
    } catch (const Error& error) {
        lock.rollback();
        RunEvent event;
        event.type = RunEvent::Type::Error;
        event.text = QCoreApplication::translate("MigrationRunner",
                                                 "the run's single transaction could not commit "
                                                 "and was rolled back: the database is as it "
                                                 "was before the run: %1")
                         .arg(error.message());
        if (WholeRunLocks::isLockTableFull({}, error.message()))
            event.text += WholeRunLocks::failureAdvice(m_lockCapacity);
        emitEvent(event);
        throw Error(ErrorKind::Database, event.text);
    }
}

RunResult RunSession::run()
{
    QElapsedTimer timer;
    timer.start();
    RunResult result;
    if (m_request.offline) {
        QStringList from;
        if (!m_request.offlineFrom.isEmpty() && m_request.offlineFrom != QLatin1String("base")) {
            const QVector<int> resolved =
                RevisionResolver(m_project.graph()).resolve(m_request.offlineFrom);
            for (int index : resolved)
                from.append(m_project.graph().id(index));
        }
        m_heads = sorted(from);
        result = render(m_heads, m_heads.isEmpty() && (m_request.mode == RunRequest::Mode::Stamp ||
                                                       m_request.direction == Direction::Upgrade));
    } else {
        result = runOnline();
    }
    for (const MigrationStep& step : std::as_const(result.plan))
        result.planIds.append(m_project.graph().id(step.revision));
    RunEvent finished;
    finished.type = RunEvent::Type::Finished;
    finished.elapsedMs = timer.elapsed();
    const QString after =
        result.headsAfter.isEmpty() ? QStringLiteral("base") : result.headsAfter.join(u',');
    finished.text = m_request.offline || m_request.dryRun
                        ? QCoreApplication::translate("MigrationRunner", "%n step(s); would be at %1",
                                                      nullptr, result.stepsRun)
                              .arg(after)
                        : QCoreApplication::translate("MigrationRunner", "%n step(s); now at %1",
                                                      nullptr, result.stepsRun)
                              .arg(after);
    emitEvent(finished);
    return result;
}

// ---------------------------------------------------------------------------------------------

MigrationRunner::MigrationRunner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RunEvent>();
}

MigrationRunner::~MigrationRunner()
{
    joinCanceller();
}

RunResult MigrationRunner::run(const RunRequest& request)
{
    RunSession session(*this, request);
    return session.run();
}

void MigrationRunner::emitEvent(const RunEvent& event)
{
    if (m_sink)
        m_sink(event);
    Q_EMIT runEvent(event);
}

void MigrationRunner::setCancelTarget(const QString& url, qint64 backendPid, void* sqliteHandle)
{
    QMutexLocker locker(&m_cancelMutex);
    m_cancelUrl = url;
    m_backendPid = backendPid;
    m_sqliteHandle = sqliteHandle;
}

void MigrationRunner::cancel()
{
    if (m_cancelled.exchange(true))
        return;
    QMutexLocker locker(&m_cancelMutex);
    if (m_sqliteHandle)
        sqlite3_interrupt(static_cast<sqlite3*>(m_sqliteHandle));
    if (m_backendPid > 0 && !m_canceller.joinable()) {
        m_canceller = std::thread([url = m_cancelUrl, pid = m_backendPid] {
            try {
                DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("cancel"));
                QSqlQuery query(connection.db());
                query.prepare(QStringLiteral("SELECT pg_cancel_backend(?)"));
                query.addBindValue(pid);
                query.exec();
            } catch (const Error&) {
                // The runner still stops at the next statement boundary.
            }
        });
    }
}

void MigrationRunner::joinCanceller()
{
    std::thread canceller;
    {
        QMutexLocker locker(&m_cancelMutex);
        canceller.swap(m_canceller);
    }
    if (canceller.joinable())
        canceller.join();
}

} // namespace retort
