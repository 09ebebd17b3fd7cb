// SPDX-License-Identifier: Apache-2.0
// MigrationRunner on the test suite's PostgreSQL server: each test gets a fresh database.
#include "runnertesting.h"
#include "database/databaseconnection.h"
#include "common/error.h"
#include "generatedproject.h"
#include "run/migrationhistory.h"
#include "run/migrationlock.h"
#include "run/migrationrunner.h"
#include "postgres/testpostgres.h"
#include "run/versiontable.h"
#include "run/wholerunlocks.h"

#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <future>

using namespace retort;

namespace {

const QString kExampleConfig = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");

QString fixture(const QString& name)
{
    return QStringLiteral(RETORT_TEST_DATA "/runner/") + name + QStringLiteral("/retort.ini");
}

RunRequest request(const QString& config, const QString& url, Direction direction,
                   const QString& target)
{
    return testsupport::runRequest(config, url, direction, target);
}

using testsupport::runSync;

// A one-revision project in `dir` whose upgrade is `upgrade`; returns its config.
QString oneStepProject(const QTemporaryDir& dir, const QString& upgrade)
{
    QDir(dir.path()).mkpath(QStringLiteral("versions"));
    QFile ini(dir.filePath(QStringLiteral("retort.ini")));
    ini.open(QIODevice::WriteOnly);
    ini.write("[retort]\nscript_location = .\nversion_locations = versions\n");
    QFile script(dir.filePath(QStringLiteral("versions/ffff00000001_step.sql")));
    script.open(QIODevice::WriteOnly);
    script.write("-- revision: ffff00000001\n-- down_revision:\n-- +upgrade\n" + upgrade.toUtf8() +
                 "\n-- +downgrade\nSELECT 1;\n");
    return ini.fileName();
}

int count(const QVector<RunEvent>& events, RunEvent::Type type)
{
    return int(std::count_if(events.begin(), events.end(),
                             [type](const RunEvent& e) { return e.type == type; }));
}

} // namespace

class TestRunnerPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void exampleProjectRoundTrip();
    void failingStatementRollsBack();
    void twoRunnersApplyEachStepOnce();
    void waitingRunnerNamesHolder();
    void cancelDuringSleep();
    void concurrentIndexOutsideTransaction();
    void serverNoticesBecomeEvents();
    void syncPolicySetsSynchronousCommit();
    void wholeRunRoundTrip();
    void wholeRunFailureLeavesDatabaseAsBefore_data();
    void wholeRunFailureLeavesDatabaseAsBefore();
    void wholeRunRefusesNonTransactionalScripts();
    void wholeRunRefusesPlansBeyondTheLockTable();
    void wholeRunLockTableFullNamesTheSetting();
    void lockEstimateIsALowerBound();

private:
    QString schema();
    QStringList heads();
    QVector<HistoryRecord> history();

    QString m_admin;
    QString m_url; // the test's own database
    QString m_database;
    int m_serial = 0;
    std::unique_ptr<DatabaseConnection> m_peek;
};

void TestRunnerPostgres::initTestCase()
{
    m_admin = retortTestPostgresAdminUrl();
    QVERIFY2(!m_admin.isEmpty(), "no PostgreSQL server: run through ctest");
}

void TestRunnerPostgres::init()
{
    m_database = QStringLiteral("tst_runner_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_serial);
    DatabaseConnection admin(DatabaseUrl::parse(m_admin), QStringLiteral("admin"));
    QSqlQuery query(admin.db());
    QVERIFY(query.exec(QStringLiteral("CREATE DATABASE %1 OWNER retort_user").arg(m_database)));
    const QString user = retortTestPostgresUrl();
    m_url = user.left(user.lastIndexOf(u'/') + 1) + m_database;
    m_peek = std::make_unique<DatabaseConnection>(DatabaseUrl::parse(m_url), QStringLiteral("peek"));
}

void TestRunnerPostgres::cleanup()
{
    m_peek.reset();
    DatabaseConnection admin(DatabaseUrl::parse(m_admin), QStringLiteral("admin"));
    QSqlQuery query(admin.db());
    QVERIFY(query.exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_database)));
}

QString TestRunnerPostgres::schema()
{
    return testsupport::schemaLines(m_peek->db()).join(u'\n');
}

QStringList TestRunnerPostgres::heads()
{
    return VersionTable(Dialect::PostgreSql).readHeads(m_peek->db());
}

QVector<HistoryRecord> TestRunnerPostgres::history()
{
    return MigrationHistory(VersionTable(Dialect::PostgreSql)).read(m_peek->db());
}

void TestRunnerPostgres::exampleProjectRoundTrip()
{
    QCOMPARE(runSync(request(kExampleConfig, m_url, Direction::Upgrade, QStringLiteral("heads"))).stepsRun, 7);
    const QString before = schema();
    QVERIFY(before.contains(QLatin1String("users.email")));
    QCOMPARE(runSync(request(kExampleConfig, m_url, Direction::Downgrade, QStringLiteral("base"))).stepsRun, 7);
    QVERIFY(heads().isEmpty());
    QCOMPARE(testsupport::queryStrings(m_peek->db(), QStringLiteral("SELECT tablename FROM pg_tables WHERE "
                                                  "schemaname = 'public' ORDER BY 1")),
             (QStringList{QStringLiteral("alembic_version"), QStringLiteral("retort_history")}));
    runSync(request(kExampleConfig, m_url, Direction::Upgrade, QStringLiteral("heads")));
    QCOMPARE(schema(), before);
    QCOMPARE(history().size(), 21);
}

void TestRunnerPostgres::failingStatementRollsBack()
{
    QVector<RunEvent> events;
    const QString script = QStringLiteral(RETORT_TEST_DATA "/runner/failing/versions/aaaa00000002_broken.sql");
    try {
        runSync(request(fixture(QStringLiteral("failing")), m_url, Direction::Upgrade,
                        QStringLiteral("heads")), &events);
        QFAIL("the broken migration must fail");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Database);
        QVERIFY2(error.message().contains(script + QStringLiteral(":8")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("\"missing_table\" does not exist")),
                 qPrintable(error.message()));
    }
    QCOMPARE(heads(), QStringList{QStringLiteral("aaaa00000001")});
    QCOMPARE(testsupport::queryStrings(m_peek->db(), QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 't2'")),
             QStringList{QStringLiteral("0")});
    const QVector<HistoryRecord> rows = history();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1].outcome, HistoryRecord::Outcome::Failed);
    QCOMPARE(rows[1].failingLocation, script + QStringLiteral(":8"));
}

void TestRunnerPostgres::twoRunnersApplyEachStepOnce()
{
    QTemporaryDir dir;
    const QVector<Revision> revisions = testsupport::generatedRevisions(40);
    const QString config = testsupport::writeNativeProject(dir.path(), revisions);
    const RunRequest r = request(config, m_url, Direction::Upgrade, QStringLiteral("heads"));
    auto start = [&r] {
        return std::async(std::launch::async, [r] {
            QVector<RunEvent> events;
            runSync(r, &events);
            return count(events, RunEvent::Type::StepFinished);
        });
    };
    auto first = start();
    auto second = start();
    QCOMPARE(first.get() + second.get(), int(revisions.size()));
    QCOMPARE(history().size(), revisions.size());
    QCOMPARE(heads(), QStringList{revisions.last().id});
}

void TestRunnerPostgres::waitingRunnerNamesHolder()
{
    DatabaseConnection holder(DatabaseUrl::parse(m_url), QStringLiteral("holder"));
    MigrationLock lock(holder, VersionTable(Dialect::PostgreSql), 1, nullptr, {});
    lock.acquire();
    std::promise<QString> noticed;
    auto run = std::async(std::launch::async, [&] {
        MigrationRunner runner;
        bool told = false;
        runner.setSink([&](const RunEvent& e) {
            if (e.type == RunEvent::Type::Notice && !told) {
                told = true;
                noticed.set_value(e.text);
            }
        });
        return runner.run(request(fixture(QStringLiteral("failing")), m_url, Direction::Upgrade,
                                  QStringLiteral("aaaa00000001"))).stepsRun;
    });
    const QString notice = noticed.get_future().get();
    QVERIFY2(notice.contains(QStringLiteral("retort %1 pid %2")
                                 .arg(currentUserAtHost())
                                 .arg(QCoreApplication::applicationPid())),
             qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("server pid %1").arg(holder.backendPid())), qPrintable(notice));
    QVERIFY(heads().isEmpty()); // still waiting
    lock.release();
    QCOMPARE(run.get(), 1);

    // Given up after the timeout, with the holder named.
    lock.acquire();
    RunRequest r = request(fixture(QStringLiteral("failing")), m_url, Direction::Upgrade,
                           QStringLiteral("heads"));
    r.lockTimeoutSeconds = 1;
    try {
        runSync(r);
        QFAIL("the lock is held");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Lock);
        QVERIFY2(error.message().contains(QLatin1String("gave up after 1.")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("server pid %1").arg(holder.backendPid())),
                 qPrintable(error.message()));
    }
}

void TestRunnerPostgres::cancelDuringSleep()
{
    std::promise<MigrationRunner*> sleeping;
    auto run = std::async(std::launch::async, [&] {
        MigrationRunner runner;
        runner.setSink([&](const RunEvent& e) {
            if (e.type == RunEvent::Type::Statement && e.statement.startsWith(QLatin1String("CREATE TABLE slow")))
                sleeping.set_value(&runner);
        });
        try {
            runner.run(request(fixture(QStringLiteral("pgslow")), m_url, Direction::Upgrade,
                               QStringLiteral("heads")));
        } catch (const Error& error) {
            return error;
        }
        return Error(ErrorKind::Usage, QStringLiteral("not cancelled"));
    });
    MigrationRunner* runner = sleeping.get_future().get();
    QThread::msleep(300);
    QElapsedTimer timer;
    timer.start();
    runner->cancel();
    const Error error = run.get();
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(error.kind(), ErrorKind::Cancelled);
    QVERIFY2(error.message().contains(QLatin1String("dddd00000002_sleep.sql:7")), qPrintable(error.message()));
    QCOMPARE(heads(), QStringList{QStringLiteral("dddd00000001")});
    QCOMPARE(testsupport::queryStrings(m_peek->db(), QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'slow_marker'")),
             QStringList{QStringLiteral("0")});
    QCOMPARE(history().last().outcome, HistoryRecord::Outcome::Cancelled);
    const qint64 key = MigrationLock::advisoryKey(VersionTable(Dialect::PostgreSql));
    // In this database: other test programs run on the same server at the same time.
    QCOMPARE(testsupport::queryStrings(m_peek->db(), QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = "
                                                  "'advisory' AND objid::bigint = %1 AND database = "
                                                  "(SELECT oid FROM pg_database WHERE datname = "
                                                  "current_database())")
                                       .arg(quint64(key) & 0xffffffffu)),
             QStringList{QStringLiteral("0")});
    QCOMPARE(runSync(request(fixture(QStringLiteral("pgslow")), m_url, Direction::Downgrade,
                             QStringLiteral("base"))).stepsRun, 1);
}

void TestRunnerPostgres::concurrentIndexOutsideTransaction()
{
    const QString config = fixture(QStringLiteral("concurrently"));
    QCOMPARE(runSync(request(config, m_url, Direction::Upgrade, QStringLiteral("heads"))).stepsRun, 2);
    QCOMPARE(testsupport::queryStrings(m_peek->db(), QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'items' "
                                                  "AND indexname = 'items_name_idx'")),
             QStringList{QStringLiteral("items_name_idx")});
    QCOMPARE(heads(), QStringList{QStringLiteral("eeee00000002")});
    QCOMPARE(runSync(request(config, m_url, Direction::Downgrade, QStringLiteral("eeee00000001"))).stepsRun, 1);
    QCOMPARE(heads(), QStringList{QStringLiteral("eeee00000001")});
}

void TestRunnerPostgres::serverNoticesBecomeEvents()
{
    QVector<RunEvent> events;
    runSync(request(fixture(QStringLiteral("notices")), m_url, Direction::Upgrade,
                    QStringLiteral("heads")), &events);
    QVector<RunEvent> notices;
    std::copy_if(events.begin(), events.end(), std::back_inserter(notices),
                 [](const RunEvent& e) { return e.type == RunEvent::Type::ServerNotice; });
    QCOMPARE(notices.size(), 2);
    const QString script =
        QStringLiteral(RETORT_TEST_DATA "/runner/notices/versions/abab00000001_notices.sql");
    QCOMPARE(notices[0].text, QStringLiteral("NOTICE: table \"not_there\" does not exist, skipping"));
    QCOMPARE(notices[0].statement, QStringLiteral("DROP TABLE IF EXISTS not_there"));
    QCOMPARE(notices[0].location, script + QStringLiteral(":6"));
    QCOMPARE(notices[0].revision, QStringLiteral("abab00000001"));
    QCOMPARE(notices[1].text, QStringLiteral("WARNING: rows to check: 42\nHINT: look at them"));
    QCOMPARE(notices[1].location, script + QStringLiteral(":7"));
    // Each notice comes before the statement's own event, in the order the server sent them.
    const auto statementAt = [&events](const QString& location) {
        return std::find_if(events.begin(), events.end(), [&](const RunEvent& e) {
            return e.type == RunEvent::Type::Statement && e.location == location;
        });
    };
    const auto firstNotice = std::find_if(events.begin(), events.end(), [](const RunEvent& e) {
        return e.type == RunEvent::Type::ServerNotice;
    });
    QVERIFY(firstNotice < statementAt(script + QStringLiteral(":6")));
    QCOMPARE(RunEvent::typeName(RunEvent::Type::ServerNotice), QStringLiteral("server_notice"));
}

// By default a run's commits are not waited for one by one (synchronous_commit off; the end
// of the run flushes them); with EveryStep each one is, whatever the server's default (the
// test server's is off).
void TestRunnerPostgres::syncPolicySetsSynchronousCommit()
{
    const QString project = fixture(QStringLiteral("sync_setting"));
    const auto settingSeen = [&](Direction direction, const QString& target, SyncPolicy sync) {
        RunRequest run = request(project, m_url, direction, target);
        run.sync = sync;
        QVector<RunEvent> events;
        runSync(run, &events);
        QStringList texts;
        for (const RunEvent& event : std::as_const(events)) {
            if (event.type == RunEvent::Type::ServerNotice)
                texts.append(event.text);
        }
        return texts;
    };
    QCOMPARE(settingSeen(Direction::Upgrade, QStringLiteral("heads"), SyncPolicy::EndOfRun),
             QStringList{QStringLiteral("NOTICE: synchronous_commit=off")});
    QCOMPARE(settingSeen(Direction::Downgrade, QStringLiteral("base"), SyncPolicy::EveryStep),
             QStringList{QStringLiteral("NOTICE: synchronous_commit=on")});
}

// ---------------------------------------------------------------------------------------------
// TransactionMode::WholeRun

void TestRunnerPostgres::wholeRunRoundTrip()
{
    RunRequest up = request(kExampleConfig, m_url, Direction::Upgrade, QStringLiteral("heads"));
    up.transactions = TransactionMode::WholeRun;
    QCOMPARE(runSync(up).stepsRun, 7);
    QVERIFY(schema().contains(QLatin1String("users.email")));
    QCOMPARE(history().size(), 7);
    RunRequest down = request(kExampleConfig, m_url, Direction::Downgrade, QStringLiteral("base"));
    down.transactions = TransactionMode::WholeRun;
    QCOMPARE(runSync(down).stepsRun, 7);
    QVERIFY(heads().isEmpty());
    QCOMPARE(history().size(), 14);
}

void TestRunnerPostgres::wholeRunFailureLeavesDatabaseAsBefore_data()
{
    QTest::addColumn<QString>("startAt");
    QTest::newRow("new database") << QString();
    QTest::newRow("at the first revision") << QStringLiteral("bbbb00000001");
}

// Step 3 of failing_late fails after steps 1 and 2 ran and after changing rows itself: the
// database is exactly as before the run (schema, rows, version table, retort_history).
void TestRunnerPostgres::wholeRunFailureLeavesDatabaseAsBefore()
{
    QFETCH(QString, startAt);
    const QString config = fixture(QStringLiteral("failing_late"));
    if (!startAt.isEmpty())
        QCOMPARE(runSync(request(config, m_url, Direction::Upgrade, startAt)).stepsRun, 1);
    const QString before = testsupport::databaseSnapshot(m_peek->db());
    RunRequest run = request(config, m_url, Direction::Upgrade, QStringLiteral("heads"));
    run.transactions = TransactionMode::WholeRun;
    try {
        runSync(run);
        QFAIL("step 3 must fail");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Database);
        QVERIFY2(error.message().contains(QLatin1String("bbbb00000003_broken.sql:7")) &&
                     error.message().contains(QLatin1String("as it was before the run")),
                 qPrintable(error.message()));
    }
    QCOMPARE(testsupport::databaseSnapshot(m_peek->db()), before);
}

void TestRunnerPostgres::wholeRunRefusesNonTransactionalScripts()
{
    RunRequest run = request(fixture(QStringLiteral("concurrently")), m_url, Direction::Upgrade,
                             QStringLiteral("heads"));
    run.transactions = TransactionMode::WholeRun;
    try {
        runSync(run);
        QFAIL("CREATE INDEX CONCURRENTLY cannot run in the run's transaction");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Script);
        QVERIFY2(error.message().contains(QLatin1String("eeee00000002_index.sql")), qPrintable(error.message()));
    }
    QCOMPARE(testsupport::databaseSnapshot(m_peek->db()), QString());
}

// A plan whose estimate exceeds the server's lock table is refused before it starts, naming
// the setting and the per-migration mode; one over half of it runs, after a notice.
void TestRunnerPostgres::wholeRunRefusesPlansBeyondTheLockTable()
{
    const std::optional<WholeRunLocks::Capacity> capacity = WholeRunLocks::capacity(m_peek->db());
    QVERIFY(capacity);
    const auto dropping = [](qint64 tables) -> QString {
        QStringList names;
        for (qint64 i = 0; i < tables; ++i)
            names.append(QStringLiteral("never_made_%1").arg(i));
        return QStringLiteral("DROP TABLE IF EXISTS ") + names.join(QStringLiteral(", ")) + u';';
    };
    QTemporaryDir tooMany;
    RunRequest run = request(oneStepProject(tooMany, dropping(capacity->objects() / 3 + 10)),
                             m_url, Direction::Upgrade, QStringLiteral("heads"));
    run.transactions = TransactionMode::WholeRun;
    QVector<RunEvent> events;
    try {
        runSync(run, &events);
        QFAIL("the plan must be refused");
    } catch (const Error& error) {
        QVERIFY2(error.message().startsWith(QLatin1String("not started")) &&
                     error.message().contains(capacity->describe()) &&
                     error.message().contains(QLatin1String("--transaction-per-migration")),
                 qPrintable(error.message()));
    }
    QCOMPARE(count(events, RunEvent::Type::Statement), 0);
    QCOMPARE(testsupport::databaseSnapshot(m_peek->db()), QString());

    QTemporaryDir many;
    run = request(oneStepProject(many, dropping(capacity->objects() / 6 + 10)), m_url,
                  Direction::Upgrade, QStringLiteral("heads"));
    run.transactions = TransactionMode::WholeRun;
    events.clear();
    QCOMPARE(runSync(run, &events).stepsRun, 1);
    const auto notice = std::find_if(events.begin(), events.end(), [](const RunEvent& e) {
        return e.type == RunEvent::Type::Notice && e.text.contains(QLatin1String("objects locked"));
    });
    QVERIFY(notice != events.end());
    QVERIFY2(notice->text.contains(QLatin1String("max_locks_per_transaction")), qPrintable(notice->text));
}

// The server's own "out of shared memory" (SQLSTATE 53200) in a whole run names the setting
// and the per-migration mode. Raised by the script, as the lock manager raises it: filling the
// lock table of the server the whole suite shares would fail other tests' statements.
void TestRunnerPostgres::wholeRunLockTableFullNamesTheSetting()
{
    QTemporaryDir dir;
    RunRequest run = request(
        oneStepProject(dir, QStringLiteral("CREATE TABLE made_first (id INTEGER);\n"
                                           "DO $$ BEGIN RAISE EXCEPTION 'out of shared memory' "
                                           "USING ERRCODE = '53200', HINT = 'You might need to "
                                           "increase max_locks_per_transaction.'; END $$;")),
        m_url, Direction::Upgrade, QStringLiteral("heads"));
    run.transactions = TransactionMode::WholeRun;
    try {
        runSync(run);
        QFAIL("the script fails");
    } catch (const Error& error) {
        QVERIFY2(error.message().contains(QLatin1String("lock table is full")) &&
                     error.message().contains(QLatin1String("max_locks_per_transaction (")) &&
                     error.message().contains(QLatin1String("--transaction-per-migration")),
                 qPrintable(error.message()));
    }
    QCOMPARE(testsupport::databaseSnapshot(m_peek->db()), QString());
}

// The estimate never counts more objects than the statements really keep locked.
void TestRunnerPostgres::lockEstimateIsALowerBound()
{
    QSqlQuery query(m_peek->db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE old_a (id INTEGER PRIMARY KEY, name TEXT)")));
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE old_b (id INTEGER)")));
    QVERIFY(query.exec(QStringLiteral("CREATE INDEX old_b_id ON old_b (id)")));
    const QStringList statements{
        QStringLiteral("CREATE TABLE new_a (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"),
        QStringLiteral("CREATE TABLE new_b (id INTEGER REFERENCES new_a (id))"),
        QStringLiteral("CREATE INDEX new_b_id ON new_b (id)"),
        QStringLiteral("ALTER TABLE new_b ADD COLUMN note TEXT"),
        QStringLiteral("-- gone\nDROP TABLE old_a"),
        QStringLiteral("DROP INDEX old_b_id"),
        QStringLiteral("TRUNCATE old_b"),
        QStringLiteral("INSERT INTO new_a VALUES (1, 'x')"),
    };
    const QString locked = QStringLiteral(
        "SELECT count(DISTINCT (locktype, relation, classid, objid, objsubid)) FROM pg_locks "
        "WHERE pid = pg_backend_pid() AND locktype IN ('relation', 'object')");
    QVERIFY(query.exec(QStringLiteral("BEGIN")));
    const int before = testsupport::queryStrings(m_peek->db(), locked).value(0).toInt();
    int estimated = 0;
    for (const QString& statement : statements) {
        QVERIFY2(query.exec(statement), qPrintable(statement));
        estimated += WholeRunLocks::estimate({statement, 1});
    }
    const int held = testsupport::queryStrings(m_peek->db(), locked).value(0).toInt() - before;
    QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
    qInfo("locked objects: estimated %d, held %d", estimated, held);
    QVERIFY2(estimated <= held && estimated * 3 >= held,
             qPrintable(QStringLiteral("estimated %1, held %2").arg(estimated).arg(held)));
}

QTEST_GUILESS_MAIN(TestRunnerPostgres)
#include "tst_runner_postgres.moc"
