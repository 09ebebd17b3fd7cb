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

#include <QElapsedTimer>
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
    return testsupport::queryStrings(m_peek->db(),
                   QStringLiteral(
                       "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || "
                       "is_nullable || ' ' || coalesce(column_default, '') FROM "
                       "information_schema.columns WHERE table_schema = 'public' UNION ALL "
                       "SELECT conrelid::regclass || ' ' || conname || ' ' || "
                       "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = "
                       "'public'::regnamespace UNION ALL SELECT indexdef FROM pg_indexes WHERE "
                       "schemaname = 'public' ORDER BY 1"))
        .join(u'\n');
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

QTEST_GUILESS_MAIN(TestRunnerPostgres)
#include "tst_runner_postgres.moc"
