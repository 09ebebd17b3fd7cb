// SPDX-License-Identifier: Apache-2.0
// The real `retort upgrade` process killed with SIGKILL at many points of a long upgrade, on a
// SQLite file and on PostgreSQL: after each kill the version row names exactly the steps whose
// effects are present, and the next run starts cleanly (a stale lock file, the dead runner's
// advisory lock) and finally completes.
#include "runnertesting.h"
#include "database/databaseconnection.h"
#include "common/error.h"
#include "run/migrationhistory.h"
#include "run/migrationlock.h"
#include "scripts/nativescript.h"
#include "run/runsettings.h"
#include "scratchpostgres.h"
#include "run/versiontable.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace retort;

namespace {

constexpr int kSteps = 150;
constexpr int kKills = 20;
constexpr int kRowsPerStep = 3;

QString stepId(int step) // 1-based
{
    return QStringLiteral("fa%1").arg(step, 10, 10, QLatin1Char('0'));
}

QString stepTable(int step)
{
    return QStringLiteral("f_%1").arg(step, 3, 10, QLatin1Char('0'));
}

// A line of `kSteps` revisions. Step i creates f_i, inserts two rows, runs `slow` (so that a
// kill often lands inside a statement), then inserts a third row: a partly applied step
// would show as a table with fewer rows.
QString writeFaultProject(const QString& folder, const QString& slow)
{
    QDir dir(folder);
    dir.mkpath(QStringLiteral("versions"));
    QFile config(dir.filePath(QStringLiteral("retort.ini")));
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(config.fileName()));
    config.write("[retort]\nversion_locations = versions\nurl = sqlite:///unused.db\n");
    for (int step = 1; step <= kSteps; ++step) {
        Revision revision;
        revision.id = stepId(step);
        revision.message = QStringLiteral("fault step %1").arg(step);
        if (step > 1)
            revision.downRevisions = {stepId(step - 1)};
        const QString table = stepTable(step);
        const QString up = QStringLiteral("CREATE TABLE %1 (id INTEGER, note VARCHAR(20));\n"
                                          "INSERT INTO %1 (id, note) VALUES (1, 'one'), (2, 'two');\n"
                                          "%2\n"
                                          "INSERT INTO %1 (id, note) VALUES (3, 'three');\n")
                               .arg(table, slow);
        QFile script(dir.filePath(QStringLiteral("versions/%1_step.sql").arg(revision.id)));
        if (!script.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(script.fileName()));
        script.write(NativeScript::render(revision, up, QStringLiteral("DROP TABLE %1;").arg(table))
                         .toUtf8());
    }
    return config.fileName();
}

// Where and how the nth kill (0-based) happens: after the run printed `lines` JSON event lines
// plus `delayMs`. The line counts cycle through every phase of a step (about ten events each:
// step started, statements, version row, history row, step finished, progress); the delays
// land kills inside the statement that follows. The first kills come before any output: while
// connecting, locking and creating the version table.
struct KillPoint
{
    int lines;
    int delayMs;
};

KillPoint killPoint(int n)
{
    if (n < 2)
        return {0, 15 + 40 * n};
    return {1 + (n * 37) % 97, (n * 7) % 11};
}

// "statement (script)", "statement (version table)", "plan", ...: where a kill landed.
QString lastEvent(const QString& output)
{
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return QStringLiteral("(no output yet)");
    const QJsonObject event = QJsonDocument::fromJson(lines.last().toUtf8()).object();
    QString name = event.value(QStringLiteral("event")).toString();
    if (name == QLatin1String("statement"))
        name += event.contains(QStringLiteral("location")) ? QStringLiteral(" (script)")
                                                            : QStringLiteral(" (bookkeeping)");
    return name;
}

enum class RunEnd { Killed, Finished, Stuck };

// Starts `retort ARGS`, waits for `point`, then SIGKILLs it (QProcess::kill is SIGKILL on Unix).
RunEnd runAndKill(const QStringList& arguments, KillPoint point, QString* output)
{
    QProcess process;
    process.start(QStringLiteral(RETORT_CLI), arguments);
    if (!process.waitForStarted())
        return RunEnd::Stuck;
    int lines = 0;
    QDeadlineTimer deadline(60000);
    while (lines < point.lines && process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        process.waitForReadyRead(100);
        while (process.canReadLine()) {
            *output += QString::fromUtf8(process.readLine());
            ++lines;
        }
    }
    if (process.state() == QProcess::Running && !deadline.hasExpired()) {
        QThread::msleep(point.delayMs);
        process.kill();
    }
    if (process.state() != QProcess::NotRunning && !process.waitForFinished(30000))
        return RunEnd::Stuck;
    *output += QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    if (process.exitStatus() == QProcess::CrashExit)
        return RunEnd::Killed;
    return process.exitCode() == 0 ? RunEnd::Finished : RunEnd::Stuck;
}

// What a database holds after a run: version rows, the step tables, their row counts and the
// history's succeeded upgrades.
struct Observed
{
    QStringList heads;
    QStringList tables;
    QStringList shortTables; // tables without all their rows
    QStringList historyUpgrades;
    QStringList otherHistory; // rows that are not a succeeded upgrade
};

Observed observe(const QString& url)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("observe"));
    QSqlDatabase& db = connection.db();
    const Dialect dialect = connection.dialect();
    Observed seen;
    const VersionTable table(dialect);
    seen.heads = table.readHeads(db);
    seen.tables = testsupport::queryStrings(db, dialect == Dialect::Sqlite
                                  ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                                   "'table' AND name LIKE 'f\\_%' ESCAPE '\\' ORDER BY 1")
                                  : QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = "
                                                   "'public' AND tablename LIKE 'f\\_%' ORDER BY 1"));
    for (const QString& name : std::as_const(seen.tables)) {
        const QStringList rows = testsupport::queryStrings(db, QStringLiteral("SELECT count(*) FROM ") + name);
        if (rows != QStringList{QString::number(kRowsPerStep)})
            seen.shortTables.append(name + u':' + rows.join(u','));
    }
    const QVector<HistoryRecord> history = MigrationHistory(table).read(db);
    for (const HistoryRecord& record : history) {
        if (record.direction == QLatin1String("upgrade")
            && record.outcome == HistoryRecord::Outcome::Succeeded)
            seen.historyUpgrades.append(record.revision);
        else
            seen.otherHistory.append(record.revision + u' ' + record.direction + u' '
                                     + HistoryRecord::outcomeName(record.outcome));
    }
    return seen;
}

// PostgreSQL: other sessions on the scratch database (the killed runner's backend until the
// server notices the closed socket) and advisory locks held.
struct PostgresSessions
{
    int others = 0;
    int advisoryLocks = 0;
};

PostgresSessions postgresSessions(const QString& url)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("sessions"));
    const QStringList row = testsupport::queryStrings(
        connection.db(),
        QStringLiteral("SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = "
                       "current_database() AND pid <> pg_backend_pid()) || ' ' || (SELECT "
                       "count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                       "(SELECT oid FROM pg_database WHERE datname = current_database()))"));
    const QStringList counts = row.value(0).split(u' ');
    return {counts.value(0).toInt(), counts.value(1).toInt()};
}

// Waits until the dead runner's backend is gone (so nothing it sent can still commit while we
// look) and its advisory lock with it; returns the milliseconds that took, -1 on timeout.
qint64 waitForPostgresRelease(const QString& url)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        const PostgresSessions sessions = postgresSessions(url);
        if (sessions.others == 0 && sessions.advisoryLocks == 0)
            return timer.elapsed();
        QThread::msleep(10);
    }
    return -1;
}

} // namespace

class TestRunnerFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAtManyPoints_data();
    void killedAtManyPoints();

private:
    void checkConsistent(const QString& url, int* applied);
};

// The version row names step k (or none: k = 0); then exactly f_1..f_k exist, each with all its
// rows, and the history has exactly one succeeded upgrade of each of those steps.
void TestRunnerFaults::checkConsistent(const QString& url, int* applied)
{
    const Observed seen = observe(url);
    QVERIFY2(seen.heads.size() <= 1, qPrintable(seen.heads.join(u',')));
    const int k = seen.heads.isEmpty() ? 0 : seen.heads.first().mid(2).toInt();
    QVERIFY2(k >= *applied, "the version went backwards");
    QStringList tables, ids;
    for (int step = 1; step <= k; ++step) {
        tables.append(stepTable(step));
        ids.append(stepId(step));
    }
    QCOMPARE(seen.tables, tables);
    QVERIFY2(seen.shortTables.isEmpty(), qPrintable(seen.shortTables.join(u' ')));
    QCOMPARE(seen.historyUpgrades, ids);
    QVERIFY2(seen.otherHistory.isEmpty(), qPrintable(seen.otherHistory.join(u'\n')));
    *applied = k;
}

void TestRunnerFaults::killedAtManyPoints_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("slow");
    // About 20 ms of work between the second and third insert of each step.
    QTest::newRow("sqlite") << QStringLiteral("sqlite")
                            << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT "
                                              "x + 1 FROM c WHERE x < 100000) SELECT count(*) FROM c;");
    QTest::newRow("postgresql") << QStringLiteral("postgresql") << QStringLiteral("SELECT pg_sleep(0.01);");
}

void TestRunnerFaults::killedAtManyPoints()
{
    QFETCH(QString, dialect);
    QFETCH(QString, slow);
    QTemporaryDir dir;
    const QString config = writeFaultProject(dir.filePath(QStringLiteral("project")), slow);
    const QString database = dir.filePath(QStringLiteral("faults.db"));
    std::unique_ptr<testsupport::ScratchPostgres> scratch;
    QString url = QStringLiteral("sqlite:///") + database;
    const bool postgres = dialect == QLatin1String("postgresql");
    if (postgres) {
        scratch = std::make_unique<testsupport::ScratchPostgres>(QStringLiteral("tst_faults"));
        QVERIFY2(scratch->isValid(), "no PostgreSQL server: run through ctest");
        url = scratch->url();
    }
    const QStringList arguments = {QStringLiteral("-c"), config, QStringLiteral("--url"), url,
                                   QStringLiteral("upgrade"), QStringLiteral("heads"),
                                   QStringLiteral("--json"), QStringLiteral("--lock-timeout"),
                                   QStringLiteral("10")};
    const QString lockFile = MigrationLock::holderFilePath(database);
    int applied = 0;
    int kills = 0;
    int staleLockFiles = 0;
    qint64 slowestRelease = 0;
    QStringList progress;
    QMap<QString, int> killedAfter; // the last event each killed run printed
    for (int n = 0; n < kKills; ++n) {
        QString output;
        const RunEnd end = runAndKill(arguments, killPoint(n), &output);
        QVERIFY2(end != RunEnd::Stuck, qPrintable(output.right(2000)));
        if (end == RunEnd::Finished)
            break; // the run was faster than the kill point: checked below like a kill
        ++kills;
        ++killedAfter[lastEvent(output)];
        if (postgres) {
            const qint64 released = waitForPostgresRelease(url);
            QVERIFY2(released >= 0, "the killed runner's session (and advisory lock) stayed");
            slowestRelease = std::max(slowestRelease, released);
        } else if (QFile::exists(lockFile)) {
            ++staleLockFiles; // left by the dead runner: the next run must not wait for it
        }
        checkConsistent(url, &applied);
        if (QTest::currentTestFailed())
            return;
        progress.append(QString::number(applied));
    }
    QStringList phases;
    for (auto it = killedAfter.cbegin(); it != killedAfter.cend(); ++it)
        phases.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    qInfo("%s: %d kills, steps applied after each: %s; killed after: %s; stale lock files "
          "left: %d; slowest release of a killed backend: %lld ms",
          qPrintable(dialect), kills, qPrintable(progress.join(u' ')), qPrintable(phases.join(u", ")),
          staleLockFiles, slowestRelease);
    QVERIFY2(kills >= kKills * 3 / 4, "too few runs were killed: the kill points are too late");
    QVERIFY2(applied > 0 && applied < kSteps, "the kills did not spread over the run");

    // One more kill, and at once a new run: it completes to head, the stale lock file or the
    // dead runner's advisory lock (released when the server sees the connection drop) not
    // keeping it waiting beyond the lock timeout.
    QString output;
    QCOMPARE(runAndKill(arguments, {40, 3}, &output), RunEnd::Killed);
    QElapsedTimer timer;
    timer.start();
    output.clear();
    QCOMPARE(runAndKill(arguments, {1 << 30, 0}, &output), RunEnd::Finished);
    qInfo("final run: %lld ms, %lld lock notices", timer.elapsed(),
          output.count(QLatin1String("\"event\":\"notice\"")));
    checkConsistent(url, &applied);
    QCOMPARE(applied, kSteps);
    if (postgres) {
        QCOMPARE(postgresSessions(url).advisoryLocks, 0);
    } else {
        QVERIFY(!QFile::exists(lockFile));
        // Killed runs leave the database in WAL mode (see RunSettings); the completed run puts
        // the journal mode back.
        QCOMPARE(testsupport::queryStrings(url, QStringLiteral("PRAGMA journal_mode")),
                 QStringList{QStringLiteral("delete")});
        QVERIFY(!QFile::exists(RunSettings::journalMarkerPath(database)));
        QVERIFY(!QFile::exists(database + QStringLiteral("-wal")));
    }
}

QTEST_GUILESS_MAIN(TestRunnerFaults)
#include "tst_runner_faults.moc"
