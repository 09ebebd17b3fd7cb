// SPDX-License-Identifier: Apache-2.0
// MigrationRunner on SQLite files: round trips, version rows per step, failures, dry runs,
// offline SQL, two runners at once and cancellation.
#include "runnertesting.h"
#include "database/databaseconnection.h"
#include "common/error.h"
#include "generatedproject.h"
#include "run/migrationhistory.h"
#include "run/migrationlock.h"
#include "run/migrationrunner.h"
#include "project/project.h"
#include "run/runsettings.h"
#include "scripts/statementsplitter.h"
#include "graph/versionchange.h"
#include "run/versiontable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <thread>

using namespace retort;

namespace {

const QString kExampleConfig = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");

QString fixture(const QString& name)
{
    return QStringLiteral(RETORT_TEST_DATA "/runner/") + name;
}

// Copies a fixture project into `dir` (so a test may edit its scripts); returns the config.
QString copyProject(const QString& name, const QTemporaryDir& dir)
{
    const QString from = fixture(name);
    QDir().mkpath(dir.filePath(QStringLiteral("versions")));
    QFile::copy(from + QStringLiteral("/retort.ini"), dir.filePath(QStringLiteral("retort.ini")));
    const QStringList scripts = QDir(from + QStringLiteral("/versions")).entryList(QDir::Files);
    for (const QString& script : scripts) {
        QFile::copy(from + QStringLiteral("/versions/") + script,
                    dir.filePath(QStringLiteral("versions/") + script));
    }
    return dir.filePath(QStringLiteral("retort.ini"));
}

QString sqliteUrl(const QTemporaryDir& dir)
{
    return QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("test.db"));
}

RunRequest request(const QString& config, const QString& url, Direction direction,
                   const QString& target)
{
    return testsupport::runRequest(config, url, direction, target);
}

using testsupport::runSync;

// A connection of the test's own, for looking at the database.
struct Peek
{
    explicit Peek(const QString& url) : connection(DatabaseUrl::parse(url), QStringLiteral("peek")) {}

    QStringList strings(const QString& sql)
    {
        return testsupport::queryStrings(connection.db(), sql);
    }
    QStringList tables()
    {
        return strings(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                      "name NOT LIKE 'sqlite_%' ORDER BY name"));
    }
    QStringList heads()
    {
        return VersionTable(Dialect::Sqlite).readHeads(connection.db());
    }
    QVector<HistoryRecord> history()
    {
        return MigrationHistory(VersionTable(Dialect::Sqlite)).read(connection.db());
    }
    // Every table's columns, foreign keys and indexes: equal schemas give equal text whatever
    // the quoting and order in sqlite_master (table rebuilds change both).
    QString schema()
    {
        QStringList out;
        const QStringList names = tables();
        for (const QString& table : names) {
            out.append(QStringLiteral("table ") + table);
            for (const char* pragma : {"table_info", "foreign_key_list", "index_list"}) {
                QSqlQuery query(connection.db());
                query.exec(QStringLiteral("PRAGMA %1(\"%2\")").arg(QLatin1String(pragma), table));
                QStringList rows;
                while (query.next()) {
                    QStringList fields;
                    for (int i = 0; i < query.record().count(); ++i)
                        fields.append(query.value(i).toString());
                    if (qstrcmp(pragma, "foreign_key_list") == 0)
                        fields = fields.mid(2); // id and seq follow declaration order
                    rows.append(fields.join(u'|'));
                }
                rows.sort();
                out.append(QLatin1String(pragma) + QStringLiteral(": ") + rows.join(u';'));
            }
        }
        out += strings(QStringLiteral("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM "
                                      "sqlite_master WHERE type IN ('index', 'trigger', 'view') "
                                      "ORDER BY name"));
        return out.join(u'\n');
    }

    DatabaseConnection connection;
};

int count(const QVector<RunEvent>& events, RunEvent::Type type)
{
    return int(std::count_if(events.begin(), events.end(),
                             [type](const RunEvent& e) { return e.type == type; }));
}

QStringList notices(const QVector<RunEvent>& events)
{
    QStringList texts;
    for (const RunEvent& event : events) {
        if (event.type == RunEvent::Type::Notice)
            texts.append(event.text);
    }
    return texts;
}

} // namespace

class TestRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionTableReadsWithoutCreating();
    void versionTableUpdateMustMatchOneRow();
    void historyTimesAsQtWritesThem();
    void exampleProjectRoundTrip();
    void branchyRowsMatchPrediction();
    void failingStatementLeavesNothing();
    void dryRunChangesNothing();
    void offlineSqlEqualsOnlineRun();
    void stampWritesRowsOnly();
    void alembicScriptsCannotRun();
    void twoRunnersApplyEachStepOnce();
    void runnerReplansAfterAnotherRunnersStep_data();
    void runnerReplansAfterAnotherRunnersStep();
    void cancelInterruptsSlowStatement();
    void waitingRunnerNamesHolderAndGivesUp();
    void holderRecordNamesTheRunBetweenSteps();
    void syncAtEndOfRunUsesWalThenPutsJournalBack();
    void syncEachStepKeepsRollbackJournal();
    void walDatabaseStaysWal();
    void openConnectionKeepsWalUntilNextRun();
    void wholeRunCommitsEverythingAtTheEnd();
    void wholeRunFailureLeavesDatabaseAsBefore_data();
    void wholeRunFailureLeavesDatabaseAsBefore();
    void wholeRunRefusesNonTransactionalScripts();
    void wholeRunSqlIsOneTransaction();
};

void TestRunner::versionTableReadsWithoutCreating()
{
    QTemporaryDir dir;
    Peek peek(sqliteUrl(dir));
    const VersionTable table(Dialect::Sqlite);
    QVERIFY(table.readHeads(peek.connection.db()).isEmpty());
    QVERIFY(!table.exists(peek.connection.db()));
    QVERIFY(peek.tables().isEmpty());
    QVERIFY(MigrationHistory(table).read(peek.connection.db()).isEmpty());
    QVERIFY(peek.tables().isEmpty());
}

void TestRunner::versionTableUpdateMustMatchOneRow()
{
    QTemporaryDir dir;
    Peek peek(sqliteUrl(dir));
    const VersionTable table(Dialect::Sqlite);
    QVERIFY(table.ensureExists(peek.connection.db()));
    table.apply(peek.connection.db(), {{{VersionRowChange::Kind::Insert, {}, QStringLiteral("ab12")}}});
    QCOMPARE(table.readHeads(peek.connection.db()), QStringList{QStringLiteral("ab12")});
    try {
        table.apply(peek.connection.db(), {{{VersionRowChange::Kind::Update, QStringLiteral("zz99"),
                                             QStringLiteral("cd34")}}});
        QFAIL("an update of a missing row must fail");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Database);
        QVERIFY2(error.message().contains(QLatin1String("zz99")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("affected 0")), qPrintable(error.message()));
    }
    QCOMPARE(peek.strings(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'")),
             QStringList{QStringLiteral("CREATE TABLE \"alembic_version\" (version_num VARCHAR(32) NOT "
                                        "NULL, CONSTRAINT \"alembic_version_pkc\" PRIMARY KEY "
                                        "(version_num))")});
}

// The history's timestamps are Qt's ISO text with milliseconds in UTC, however they are written.
void TestRunner::historyTimesAsQtWritesThem()
{
    const MigrationHistory history{VersionTable(Dialect::Sqlite)};
    for (const QDateTime& time :
         {QDateTime(QDate(2026, 12, 3), QTime(16, 39, 31, 7), Qt::UTC),
          QDateTime(QDate(1999, 1, 1), QTime(0, 0), Qt::UTC),
          QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::OffsetFromUTC, 5 * 3600),
          QDateTime(QDate(10021, 5, 6), QTime(1, 2, 3, 45), Qt::UTC)}) {
        HistoryRecord record;
        record.startedAt = time;
        QCOMPARE(history.insertStatement(record).values.at(3).toString(),
                 time.toUTC().toString(Qt::ISODateWithMs));
    }
}

void TestRunner::exampleProjectRoundTrip()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    QVector<RunEvent> events;
    const RunResult up = runSync(request(kExampleConfig, url, Direction::Upgrade,
                                         QStringLiteral("heads")), &events);
    QCOMPARE(up.stepsRun, 7);
    QCOMPARE(count(events, RunEvent::Type::StepFinished), 7);
    QCOMPARE(count(events, RunEvent::Type::Plan), 1);
    QCOMPARE(events.last().type, RunEvent::Type::Finished);
    const Project project = Project::open(kExampleConfig);
    QStringList heads;
    for (int head : project.graph().heads())
        heads.append(project.graph().id(head));
    Peek peek(url);
    QCOMPARE(peek.heads(), heads);
    const QString schema = peek.schema();
    QVERIFY(schema.contains(QLatin1String("table users")));

    const RunResult down = runSync(request(kExampleConfig, url, Direction::Downgrade,
                                           QStringLiteral("base")));
    QCOMPARE(down.stepsRun, 7);
    QVERIFY(peek.heads().isEmpty());
    QCOMPARE(peek.tables(), (QStringList{QStringLiteral("alembic_version"),
                                         QStringLiteral("retort_history")}));
    runSync(request(kExampleConfig, url, Direction::Upgrade, QStringLiteral("heads")));
    QCOMPARE(peek.schema(), schema);
    const QVector<HistoryRecord> history = peek.history();
    QCOMPARE(history.size(), 21);
    for (const HistoryRecord& record : history) {
        QCOMPARE(record.outcome, HistoryRecord::Outcome::Succeeded);
        QCOMPARE(record.checksum.size(), 64);
        QVERIFY(record.runBy.contains(u'@'));
        QVERIFY(record.finishedAt >= record.startedAt);
    }
}

void TestRunner::branchyRowsMatchPrediction()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    const QString config = fixture(QStringLiteral("branchy/retort.ini"));
    const Project project = Project::open(config);
    const QList<QPair<Direction, QString>> commands = {
        {Direction::Upgrade, QStringLiteral("bbbb00000002")},
        {Direction::Upgrade, QStringLiteral("heads")},
        {Direction::Downgrade, QStringLiteral("bbbb00000001")},
        {Direction::Upgrade, QStringLiteral("other@head")},
        {Direction::Downgrade, QStringLiteral("base")}};
    QStringList heads;
    Peek peek(url);
    for (const auto& [direction, target] : commands) {
        QVector<QStringList> seen;
        MigrationRunner runner;
        runner.setSink([&](const RunEvent& e) {
            if (e.type == RunEvent::Type::StepFinished)
                seen.append(peek.heads()); // committed: visible to another connection
        });
        const RunResult result = runner.run(request(config, url, direction, target));
        QVERIFY(!result.plan.isEmpty());
        QVector<QStringList> predicted = headsAfterEachStep(project.graph(), heads, result.plan);
        for (QStringList& rows : predicted)
            rows.sort();
        QCOMPARE(seen, predicted);
        heads = predicted.last();
    }
    QVERIFY(heads.isEmpty());
}

void TestRunner::failingStatementLeavesNothing()
{
    QTemporaryDir dir;
    const QString config = copyProject(QStringLiteral("failing"), dir);
    const QString url = sqliteUrl(dir);
    const QString script = dir.filePath(QStringLiteral("versions/aaaa00000002_broken.sql"));
    QVector<RunEvent> events;
    try {
        runSync(request(config, url, Direction::Upgrade, QStringLiteral("heads")), &events);
        QFAIL("the broken migration must fail");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Database);
        QVERIFY2(error.message().contains(script + QStringLiteral(":8")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("no such table: missing_table")),
                 qPrintable(error.message()));
    }
    QCOMPARE(events.last().type, RunEvent::Type::Error);
    QCOMPARE(events.last().location, script + QStringLiteral(":8"));
    Peek peek(url);
    QCOMPARE(peek.heads(), QStringList{QStringLiteral("aaaa00000001")});
    QCOMPARE(peek.tables(), (QStringList{QStringLiteral("alembic_version"),
                                         QStringLiteral("retort_history"), QStringLiteral("t1")}));
    const QVector<HistoryRecord> history = peek.history();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[1].outcome, HistoryRecord::Outcome::Failed);
    QCOMPARE(history[1].revision, QStringLiteral("aaaa00000002"));
    QCOMPARE(history[1].failingLocation, script + QStringLiteral(":8"));
    QVERIFY(history[1].failingStatement.startsWith(QLatin1String("INSERT INTO missing_table")));
    QVERIFY(history[1].error.contains(QLatin1String("no such table")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("test.db.retort-lock"))));

    // Fixed, the next run starts cleanly from where the database is.
    QFile file(script);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll()).replace(QStringLiteral("missing_table (x)"),
                                                             QStringLiteral("t2 (name)"));
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();
    const RunResult result = runSync(request(config, url, Direction::Upgrade, QStringLiteral("heads")));
    QCOMPARE(result.stepsRun, 1);
    QCOMPARE(peek.heads(), QStringList{QStringLiteral("aaaa00000002")});
    QCOMPARE(peek.strings(QStringLiteral("SELECT count(*) FROM t2")), QStringList{QStringLiteral("2")});
    QCOMPARE(MigrationHistory(VersionTable(Dialect::Sqlite))
                 .appliedChecksums(peek.connection.db())
                 .size(),
             2);
}

void TestRunner::dryRunChangesNothing()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    RunRequest r = request(kExampleConfig, url, Direction::Upgrade, QStringLiteral("heads"));
    r.dryRun = true;
    QVector<RunEvent> events;
    const RunResult result = runSync(r, &events);
    QCOMPARE(result.stepsRun, 7);
    QVERIFY(result.sql.contains(QLatin1String("CREATE TABLE users")));
    QVERIFY(result.sql.contains(QLatin1String("CREATE TABLE \"alembic_version\"")));
    QVERIFY(count(events, RunEvent::Type::Statement) > 20);
    Peek peek(url);
    QVERIFY(peek.tables().isEmpty());
}

void TestRunner::offlineSqlEqualsOnlineRun()
{
    QTemporaryDir dir;
    const auto statements = [](const QVector<RunEvent>& events) {
        QStringList list;
        for (const RunEvent& e : events) {
            if (e.type == RunEvent::Type::Statement)
                list.append(e.location + u' ' + e.statement);
        }
        return list;
    };
    RunRequest offline = request(kExampleConfig, sqliteUrl(dir), Direction::Upgrade,
                                 QStringLiteral("heads"));
    offline.offline = true;
    offline.databaseUrl = QStringLiteral("sqlite:///nowhere/never-opened.db");
    QVector<RunEvent> offlineEvents;
    const RunResult script = runSync(offline, &offlineEvents);
    QVERIFY(!QFile::exists(QStringLiteral("nowhere/never-opened.db")));
    QVector<RunEvent> onlineEvents;
    runSync(request(kExampleConfig, sqliteUrl(dir), Direction::Upgrade, QStringLiteral("heads")),
            &onlineEvents);
    QCOMPARE(statements(offlineEvents), statements(onlineEvents));

    // The script itself runs in the sqlite3 shell's place: the same schema comes out.
    QTemporaryDir other;
    Peek replay(sqliteUrl(other));
    const QVector<SqlStatement> parts =
        StatementSplitter::split(script.sql, Dialect::Sqlite, QStringLiteral("offline.sql"));
    for (const SqlStatement& statement : parts) {
        QSqlQuery query(replay.connection.db());
        QVERIFY2(query.exec(statement.text), qPrintable(statement.text));
    }
    Peek online(sqliteUrl(dir));
    QCOMPARE(replay.heads(), online.heads());
    QString onlineSchema = online.schema();
    onlineSchema.remove(QRegularExpression(QStringLiteral("table retort_history\n[^\n]*\n[^\n]*\n[^\n]*\n")));
    QCOMPARE(replay.schema(), onlineSchema);
}

void TestRunner::stampWritesRowsOnly()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    RunRequest r = request(fixture(QStringLiteral("branchy/retort.ini")), url, Direction::Upgrade, {});
    r.mode = RunRequest::Mode::Stamp;
    r.stampTargets = {QStringLiteral("bbbb00000004"), QStringLiteral("bbbb00000005")};
    const RunResult result = runSync(r);
    QCOMPARE(result.headsAfter, (QStringList{QStringLiteral("bbbb00000004"), QStringLiteral("bbbb00000005")}));
    Peek peek(url);
    QCOMPARE(peek.heads(), result.headsAfter);
    QCOMPARE(peek.tables(), (QStringList{QStringLiteral("alembic_version"),
                                         QStringLiteral("retort_history")}));
    r.stampTargets = {QStringLiteral("bbbb00000001")};
    r.purge = true;
    runSync(r);
    QCOMPARE(peek.heads(), QStringList{QStringLiteral("bbbb00000001")});
    QCOMPARE(peek.history().last().direction, QStringLiteral("stamp"));
}

void TestRunner::alembicScriptsCannotRun()
{
    QTemporaryDir dir;
    const QString config = QStringLiteral(RETORT_TEST_DATA "/projects/alembic_shop/alembic.ini");
    try {
        runSync(request(config, sqliteUrl(dir), Direction::Upgrade, QStringLiteral("heads")));
        QFAIL("Alembic scripts must be refused");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Script);
        QVERIFY2(error.message().contains(QLatin1String("1a2b3c4d5e6f_create_products.py")),
                 qPrintable(error.message()));
    }
    RunRequest stamp = request(config, sqliteUrl(dir), Direction::Upgrade, {});
    stamp.mode = RunRequest::Mode::Stamp;
    stamp.stampTargets = {QStringLiteral("heads")};
    QCOMPARE(runSync(stamp).headsAfter.size(), 1);
}

void TestRunner::twoRunnersApplyEachStepOnce()
{
    QTemporaryDir dir;
    const QVector<Revision> revisions = testsupport::generatedRevisions(60);
    const QString config = testsupport::writeNativeProject(dir.filePath(QStringLiteral("project")),
                                                           revisions);
    const QString url = sqliteUrl(dir);
    const RunRequest r = request(config, url, Direction::Upgrade, QStringLiteral("heads"));
    auto start = [&r] {
        return std::async(std::launch::async, [r] {
            QVector<RunEvent> events;
            try {
                runSync(r, &events);
            } catch (const Error& error) {
                qWarning("runner failed: %s", error.what());
                return -1000;
            }
            qInfo("runner applied %d steps after %d notices (waits, re-plans)",
                  count(events, RunEvent::Type::StepFinished), count(events, RunEvent::Type::Notice));
            return count(events, RunEvent::Type::StepFinished);
        });
    };
    auto first = start();
    auto second = start();
    const int applied = first.get() + second.get();
    QCOMPARE(applied, int(revisions.size()));
    Peek peek(url);
    const QVector<HistoryRecord> history = peek.history();
    QCOMPARE(history.size(), revisions.size());
    QSet<QString> seen;
    for (const HistoryRecord& record : history) {
        QVERIFY2(!seen.contains(record.revision), qPrintable(record.revision));
        seen.insert(record.revision);
    }
    QCOMPARE(peek.heads(), QStringList{revisions.last().id});
}

// Deterministic form of the race above: between two of a run's steps another runner applies the
// next one. The run notices, plans again from there, and applies every other step once. With
// both sync policies: SQLite tells of the other commit through the WAL index in one, through the
// file's change counter (rollback journal) in the other.
void TestRunner::runnerReplansAfterAnotherRunnersStep_data()
{
    QTest::addColumn<SyncPolicy>("sync");
    QTest::newRow("end of run (WAL)") << SyncPolicy::EndOfRun;
    QTest::newRow("each step (rollback journal)") << SyncPolicy::EveryStep;
}

void TestRunner::runnerReplansAfterAnotherRunnersStep()
{
    QFETCH(SyncPolicy, sync);
    QTemporaryDir dir;
    const QVector<Revision> revisions = testsupport::generatedRevisions(6);
    const QString config = testsupport::writeNativeProject(dir.filePath(QStringLiteral("project")),
                                                           revisions);
    const QString url = sqliteUrl(dir);
    QVector<RunEvent> events;
    MigrationRunner runner;
    runner.setSink([&](const RunEvent& event) {
        events.append(event);
        if (event.type == RunEvent::Type::StepStarted && event.revision == revisions[2].id &&
            count(events, RunEvent::Type::Notice) == 0) {
            // The run is between its transactions here: the other runner gets the lock at once.
            RunRequest other = request(config, url, Direction::Upgrade, QStringLiteral("+1"));
            other.sync = sync;
            QCOMPARE(runSync(other).stepsRun, 1);
        }
    });
    RunRequest run = request(config, url, Direction::Upgrade, QStringLiteral("heads"));
    run.sync = sync;
    const RunResult result = runner.run(run);
    QCOMPARE(result.stepsRun, int(revisions.size()) - 1);
    QVERIFY2(notices(events).join(u'\n').contains(QLatin1String("another runner changed the database")),
             qPrintable(notices(events).join(u'\n')));
    Peek peek(url);
    QCOMPARE(peek.heads(), QStringList{revisions.last().id});
    const QVector<HistoryRecord> history = peek.history();
    QCOMPARE(history.size(), revisions.size());
    for (int i = 0; i < history.size(); ++i)
        QCOMPARE(history[i].revision, revisions[i].id);
}

void TestRunner::cancelInterruptsSlowStatement()
{
    QTemporaryDir dir;
    const QString config = fixture(QStringLiteral("slow/retort.ini"));
    const QString url = sqliteUrl(dir);
    MigrationRunner* runner = nullptr;
    std::promise<MigrationRunner*> started;
    auto run = std::async(std::launch::async, [&] {
        MigrationRunner local;
        local.setSink([&](const RunEvent& e) {
            if (e.type == RunEvent::Type::Statement && e.statement.startsWith(QLatin1String("CREATE TABLE slow")))
                started.set_value(&local);
        });
        try {
            local.run(request(config, url, Direction::Upgrade, QStringLiteral("heads")));
        } catch (const Error& error) {
            return error;
        }
        return Error(ErrorKind::Usage, QStringLiteral("not cancelled"));
    });
    runner = started.get_future().get();
    QThread::msleep(300); // well into the slow statement
    QElapsedTimer timer;
    timer.start();
    runner->cancel();
    const Error error = run.get();
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(error.kind(), ErrorKind::Cancelled);
    QVERIFY2(error.message().contains(QLatin1String("cccc00000002_slow.sql:")), qPrintable(error.message()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("test.db.retort-lock"))));
    Peek peek(url);
    QCOMPARE(peek.heads(), QStringList{QStringLiteral("cccc00000001")});
    QVERIFY(!peek.tables().contains(QStringLiteral("slow_marker")));
    QCOMPARE(peek.history().last().outcome, HistoryRecord::Outcome::Cancelled);
    // A new run works.
    runSync(request(config, url, Direction::Downgrade, QStringLiteral("base")));
    QVERIFY(peek.heads().isEmpty());
}

void TestRunner::waitingRunnerNamesHolderAndGivesUp()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    const QString config = fixture(QStringLiteral("branchy/retort.ini"));
    runSync(request(config, url, Direction::Upgrade, QStringLiteral("bbbb00000001")));
    // Another connection holds the write lock, as a runner in a migration would.
    DatabaseConnection holder(DatabaseUrl::parse(url), QStringLiteral("holder"));
    MigrationLock lock(holder, VersionTable(Dialect::Sqlite), 1, nullptr, {});
    lock.beginTransaction();
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("test.db.retort-lock"))));
    RunRequest r = request(config, url, Direction::Upgrade, QStringLiteral("heads"));
    r.lockTimeoutSeconds = 1;
    QVector<RunEvent> events;
    QElapsedTimer timer;
    timer.start();
    try {
        runSync(r, &events);
        QFAIL("the lock is held");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Lock);
        QVERIFY2(error.message().contains(currentUserAtHost()), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())),
                 qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("gave up after 1.")), qPrintable(error.message()));
    }
    QVERIFY(timer.elapsed() >= 1000 && timer.elapsed() < 5000);
    QVERIFY(count(events, RunEvent::Type::Notice) >= 1);
    // The record names the holder's run, not one transaction: it goes when the lock is released.
    lock.rollback();
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("test.db.retort-lock"))));
    lock.release();
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("test.db.retort-lock"))));
    QCOMPARE(runSync(r).stepsRun, 5);
}

void TestRunner::holderRecordNamesTheRunBetweenSteps()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    const QString config = fixture(QStringLiteral("branchy/retort.ini"));
    // Each step starts between two transactions: the write lock is free, the run is not over.
    QVector<LockHolder> seen;
    MigrationRunner runner;
    runner.setSink([&](const RunEvent& event) {
        if (event.type != RunEvent::Type::StepStarted)
            return;
        DatabaseConnection status(DatabaseUrl::parse(url), QStringLiteral("status"));
        seen.append(MigrationLock::currentHolder(status, VersionTable(Dialect::Sqlite)));
    });
    const int steps = runner.run(request(config, url, Direction::Upgrade, QStringLiteral("heads"))).stepsRun;
    QCOMPARE(steps, 6);
    QCOMPARE(seen.size(), steps);
    for (const LockHolder& holder : std::as_const(seen)) {
        QVERIFY(holder.held);
        QCOMPARE(holder.who, currentUserAtHost());
        QCOMPARE(holder.pid, QCoreApplication::applicationPid());
        QCOMPARE(holder.since, seen.first().since); // one record for the whole run
    }
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("test.db.retort-lock"))));
    Peek peek(url);
    QVERIFY(!MigrationLock::currentHolder(peek.connection, VersionTable(Dialect::Sqlite)).held);
}

// The runner's faster journal settings are its own connection's: no journal file is left
// behind, and a database in WAL mode stays in WAL mode.
// The journal mode of the database at `url` as another connection sees it: "wal" is a
// property of the file; a rollback journal's mode belongs to each connection, and TRUNCATE
// shows as the empty journal file it leaves after each commit.
QString journalSeenFromOutside(const QString& url)
{
    const QString mode = testsupport::queryStrings(url, QStringLiteral("PRAGMA journal_mode")).value(0);
    const QFileInfo journal(DatabaseUrl::parse(url).databaseName() + QStringLiteral("-journal"));
    return journal.exists() && journal.size() == 0 ? QStringLiteral("truncate") : mode;
}

// The journal modes the database is in after each step of `run`, seen from outside, and the
// events of the run.
QStringList journalModesDuringRun(const RunRequest& run, QVector<RunEvent>* events)
{
    QStringList modes;
    MigrationRunner runner;
    runner.setSink([&](const RunEvent& event) {
        if (event.type == RunEvent::Type::StepFinished)
            modes += journalSeenFromOutside(run.databaseUrl);
        events->append(event);
    });
    runner.run(run);
    modes.removeDuplicates();
    return modes;
}

// The same for an upgrade of the example project to its heads.
QStringList journalModesDuringRun(const QString& url, SyncPolicy sync, QVector<RunEvent>* events)
{
    RunRequest upgrade = request(kExampleConfig, url, Direction::Upgrade, QStringLiteral("heads"));
    upgrade.sync = sync;
    return journalModesDuringRun(upgrade, events);
}

QStringList sidecarFiles(const QString& database)
{
    QStringList present;
    for (const char* suffix : {"-journal", "-wal", "-shm", ".retort-journal", ".retort-lock"}) {
        if (QFile::exists(database + QLatin1String(suffix)))
            present.append(QLatin1String(suffix));
    }
    return present;
}

void TestRunner::syncAtEndOfRunUsesWalThenPutsJournalBack()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    const QString file = dir.filePath(QStringLiteral("test.db"));
    QVector<RunEvent> events;
    QCOMPARE(journalModesDuringRun(url, SyncPolicy::EndOfRun, &events),
             QStringList{QStringLiteral("wal")});
    QCOMPARE(count(events, RunEvent::Type::StepFinished), 7);
    QCOMPARE(notices(events), QStringList());
    QCOMPARE(testsupport::queryStrings(url, QStringLiteral("PRAGMA journal_mode")),
             QStringList{QStringLiteral("delete")});
    // The WAL was written back into the database file and removed with the mode switch.
    QCOMPARE(sidecarFiles(file), QStringList());
    QCOMPARE(Peek(url).heads().size(), 1);
}

void TestRunner::syncEachStepKeepsRollbackJournal()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    QVector<RunEvent> events;
    QCOMPARE(journalModesDuringRun(url, SyncPolicy::EveryStep, &events),
             QStringList{QStringLiteral("truncate")});
    QCOMPARE(testsupport::queryStrings(url, QStringLiteral("PRAGMA journal_mode")),
             QStringList{QStringLiteral("delete")});
    QCOMPARE(sidecarFiles(dir.filePath(QStringLiteral("test.db"))), QStringList());

    // sync_each_step in the project asks for the same.
    QTemporaryDir other;
    QFile::copy(kExampleConfig, other.filePath(QStringLiteral("retort.ini")));
    QFile ini(other.filePath(QStringLiteral("retort.ini")));
    QVERIFY(ini.setPermissions(ini.permissions() | QFile::WriteOwner));
    QVERIFY(ini.open(QIODevice::Append));
    ini.write("sync_each_step = true\n");
    ini.close();
    QVERIFY(QFile::link(QFileInfo(kExampleConfig).absolutePath() + QStringLiteral("/versions"),
                        other.filePath(QStringLiteral("versions"))));
    const RunRequest upgrade = request(other.filePath(QStringLiteral("retort.ini")),
                                       sqliteUrl(other), Direction::Upgrade, QStringLiteral("heads"));
    QVector<RunEvent> configured;
    QCOMPARE(journalModesDuringRun(upgrade, &configured), QStringList{QStringLiteral("truncate")});
    QCOMPARE(count(configured, RunEvent::Type::StepFinished), 7);
}

void TestRunner::walDatabaseStaysWal()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    QCOMPARE(testsupport::queryStrings(url, QStringLiteral("PRAGMA journal_mode = WAL")),
             QStringList{QStringLiteral("wal")});
    for (SyncPolicy sync : {SyncPolicy::EndOfRun, SyncPolicy::EveryStep}) {
        QVector<RunEvent> events;
        QCOMPARE(journalModesDuringRun(url, sync, &events), QStringList{QStringLiteral("wal")});
        QCOMPARE(testsupport::queryStrings(url, QStringLiteral("PRAGMA journal_mode")),
                 QStringList{QStringLiteral("wal")});
        QVERIFY(!QFile::exists(RunSettings::journalMarkerPath(dir.filePath(QStringLiteral("test.db")))));
        runSync(request(kExampleConfig, url, Direction::Downgrade, QStringLiteral("base")));
    }
}

// A connection that reads the database while it is in WAL mode keeps it from leaving that
// mode; the run says so, and the next run (here one with nothing to do) puts the mode back.
void TestRunner::openConnectionKeepsWalUntilNextRun()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    const QString file = dir.filePath(QStringLiteral("test.db"));
    Peek reader(url);
    RunRequest upgrade = request(kExampleConfig, url, Direction::Upgrade, QStringLiteral("heads"));
    QVector<RunEvent> events;
    MigrationRunner runner;
    runner.setSink([&](const RunEvent& event) {
        if (event.type == RunEvent::Type::StepFinished)
            reader.strings(QStringLiteral("SELECT count(*) FROM alembic_version"));
        events.append(event);
    });
    QCOMPARE(runner.run(upgrade).stepsRun, 7);
    const QStringList said = notices(events);
    QCOMPARE(said.size(), 1);
    QVERIFY2(said.first().contains(QLatin1String("stays in WAL mode")) &&
                 said.first().contains(QLatin1String("journal mode delete")),
             qPrintable(said.first()));
    QCOMPARE(reader.strings(QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
    QVERIFY(QFile::exists(RunSettings::journalMarkerPath(file)));
    QCOMPARE(reader.heads().size(), 1); // committed all the same

    reader.connection.db().close();
    QVector<RunEvent> second;
    QCOMPARE(runSync(upgrade, &second).stepsRun, 0);
    QCOMPARE(notices(second), QStringList());
    QCOMPARE(testsupport::queryStrings(url, QStringLiteral("PRAGMA journal_mode")),
             QStringList{QStringLiteral("delete")});
    QCOMPARE(sidecarFiles(file), QStringList());
}

// ---------------------------------------------------------------------------------------------
// TransactionMode::WholeRun

// A project folder holding a copy of fixture `name` whose retort.ini also says `line`.
QString projectWithSetting(const QString& name, const QTemporaryDir& dir, const QByteArray& line)
{
    const QString config = copyProject(name, dir);
    QFile ini(config);
    ini.open(QIODevice::Append);
    ini.write(line + '\n');
    return config;
}

// All steps commit together: while the run is on, another connection sees none of them (not
// even the version table); afterwards it sees what a run per migration leaves.
void TestRunner::wholeRunCommitsEverythingAtTheEnd()
{
    QTemporaryDir dir, perMigration;
    const QString url = sqliteUrl(dir);
    RunRequest whole = request(kExampleConfig, url, Direction::Upgrade, QStringLiteral("heads"));
    whole.transactions = TransactionMode::WholeRun;
    QStringList seenDuringRun;
    MigrationRunner runner;
    runner.setSink([&](const RunEvent& event) {
        if (event.type == RunEvent::Type::StepFinished)
            seenDuringRun += Peek(url).tables().join(u',');
    });
    QCOMPARE(runner.run(whole).stepsRun, 7);
    seenDuringRun.removeDuplicates();
    QCOMPARE(seenDuringRun, QStringList{QString()});
    QCOMPARE(sidecarFiles(dir.filePath(QStringLiteral("test.db"))), QStringList());

    runSync(request(kExampleConfig, sqliteUrl(perMigration), Direction::Upgrade, QStringLiteral("heads")));
    Peek peek(url), other(sqliteUrl(perMigration));
    QCOMPARE(peek.schema(), other.schema());
    QCOMPARE(peek.heads(), other.heads());
    const QVector<HistoryRecord> history = peek.history();
    QCOMPARE(history.size(), 7);
    for (const HistoryRecord& record : history)
        QCOMPARE(record.outcome, HistoryRecord::Outcome::Succeeded);

    // And back down in one transaction.
    RunRequest down = request(kExampleConfig, url, Direction::Downgrade, QStringLiteral("base"));
    down.transactions = TransactionMode::WholeRun;
    QCOMPARE(runSync(down).stepsRun, 7);
    QVERIFY(peek.heads().isEmpty());
    QCOMPARE(peek.history().size(), 14);
}

void TestRunner::wholeRunFailureLeavesDatabaseAsBefore_data()
{
    QTest::addColumn<QString>("startAt"); // where the database is before the run
    QTest::addColumn<bool>("fromIni");    // transaction_per_migration = false, not the request
    QTest::addColumn<bool>("everyStep");  // --sync-each-step
    QTest::addColumn<int>("undone");      // steps of the run before the failing one
    QTest::newRow("new database") << QString() << false << false << 2;
    QTest::newRow("at the first revision") << QStringLiteral("bbbb00000001") << false
                                           << false << 1;
    QTest::newRow("from retort.ini, every step synced")
        << QStringLiteral("bbbb00000001") << true << true << 1;
}

// Step 3 of failing_late fails after steps 1 and 2 ran, and after changing rows and tables
// itself: the database is exactly as before the run, version table and history included.
void TestRunner::wholeRunFailureLeavesDatabaseAsBefore()
{
    QFETCH(QString, startAt);
    QFETCH(bool, fromIni);
    QFETCH(bool, everyStep);
    QFETCH(int, undone);
    QTemporaryDir dir;
    const QString config = fromIni ? projectWithSetting(QStringLiteral("failing_late"), dir,
                                                        "transaction_per_migration = false")
                                   : copyProject(QStringLiteral("failing_late"), dir);
    const QString url = sqliteUrl(dir);
    if (!startAt.isEmpty()) {
        RunRequest first = request(config, url, Direction::Upgrade, startAt);
        first.transactions = TransactionMode::PerMigration;
        QCOMPARE(runSync(first).stepsRun, 1);
    }
    const QString before = testsupport::databaseSnapshot(Peek(url).connection.db());
    RunRequest run = request(config, url, Direction::Upgrade, QStringLiteral("heads"));
    if (!fromIni)
        run.transactions = TransactionMode::WholeRun;
    run.sync = everyStep ? SyncPolicy::EveryStep : SyncPolicy::EndOfRun;
    QVector<RunEvent> events;
    const QString script = dir.filePath(QStringLiteral("versions/bbbb00000003_broken.sql"));
    try {
        runSync(run, &events);
        QFAIL("step 3 must fail");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Database);
        QVERIFY2(error.message().contains(script + QStringLiteral(":7")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("as it was before the run (%1 step(s) "
                                                         "before this one undone)").arg(undone)),
                 qPrintable(error.message()));
    }
    QCOMPARE(count(events, RunEvent::Type::StepFinished), undone);
    QCOMPARE(testsupport::databaseSnapshot(Peek(url).connection.db()), before);
    QCOMPARE(sidecarFiles(dir.filePath(QStringLiteral("test.db"))), QStringList());
}

// A script that must run outside a transaction cannot be part of one: the run is refused
// before anything runs, naming the script and the per-migration mode.
void TestRunner::wholeRunRefusesNonTransactionalScripts()
{
    QTemporaryDir dir;
    const QString url = sqliteUrl(dir);
    const QString config = fixture(QStringLiteral("concurrently")) + QStringLiteral("/retort.ini");
    RunRequest run = request(config, url, Direction::Upgrade, QStringLiteral("heads"));
    run.transactions = TransactionMode::WholeRun;
    QVector<RunEvent> events;
    try {
        runSync(run, &events);
        QFAIL("a transactional: false script must be refused");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Script);
        QVERIFY2(error.message().contains(QLatin1String("eeee00000002_index.sql")) &&
                     error.message().contains(QLatin1String("transactional: false")) &&
                     error.message().contains(QLatin1String("--transaction-per-migration")),
                 qPrintable(error.message()));
    }
    QCOMPARE(count(events, RunEvent::Type::StepStarted), 0);
    QVERIFY(Peek(url).tables().isEmpty());
}

// Offline, the whole run is one BEGIN ... COMMIT around the version table and every step, and
// the script still brings a database to the same place.
void TestRunner::wholeRunSqlIsOneTransaction()
{
    QTemporaryDir dir;
    RunRequest offline = request(kExampleConfig, QStringLiteral("sqlite:///nowhere/never.db"),
                                 Direction::Upgrade, QStringLiteral("heads"));
    offline.offline = true;
    offline.transactions = TransactionMode::WholeRun;
    const QString sql = runSync(offline).sql;
    QCOMPARE(sql.count(QLatin1String("BEGIN IMMEDIATE;")), 1);
    QCOMPARE(sql.count(QLatin1String("COMMIT;")), 1);
    QVERIFY(sql.indexOf(QLatin1String("BEGIN IMMEDIATE;")) < sql.indexOf(QLatin1String("CREATE TABLE \"alembic_version\"")));
    QVERIFY(sql.trimmed().endsWith(QLatin1String("COMMIT;")));
    Peek replay(sqliteUrl(dir));
    for (const SqlStatement& statement : StatementSplitter::split(sql, Dialect::Sqlite, QStringLiteral("offline.sql"))) {
        QSqlQuery query(replay.connection.db());
        QVERIFY2(query.exec(statement.text), qPrintable(statement.text));
    }
    QCOMPARE(replay.heads().size(), 1);
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
