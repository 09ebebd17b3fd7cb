// SPDX-License-Identifier: Apache-2.0
// A PostgreSQL migration lock left behind by a runner that died: the server ends the session of
// a runner killed during a long statement within seconds (client_connection_check_interval),
// the lock message says when the holder's process is gone, and `retort unlock` ends an orphaned
// holder's session after confirmation, never a live runner's.
#include "childprocess.h"
#include "database/databaseconnection.h"
#include "run/migrationlock.h"
#include "run/versiontable.h"
#include "scratchpostgres.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace retort;
using retort::testsupport::ProcessOutput;

namespace {

const QString kSlowProject = QStringLiteral(RETORT_TEST_DATA "/runner/pgslow/retort.ini");

ProcessOutput runRetort(const QStringList& arguments)
{
    return testsupport::runProgram(QStringLiteral(RETORT_CLI), arguments, {}, 60000);
}

// `retort unlock ARGS` answering the confirmation with `answer`.
ProcessOutput unlock(const QString& url, const QStringList& arguments, const QByteArray& answer)
{
    QProcess process;
    process.start(QStringLiteral(RETORT_CLI), QStringList{QStringLiteral("-c"), kSlowProject,
                                                          QStringLiteral("--url"), url,
                                                          QStringLiteral("unlock")} + arguments);
    ProcessOutput output;
    output.started = process.waitForStarted();
    process.write(answer);
    process.closeWriteChannel();
    output.crashed = !process.waitForFinished(30000) || process.exitStatus() == QProcess::CrashExit;
    output.exitCode = output.crashed ? -1 : process.exitCode();
    output.out = QString::fromUtf8(process.readAllStandardOutput());
    output.err = QString::fromUtf8(process.readAllStandardError());
    output.description = output.out + output.err;
    return output;
}

// The pid of a process that has just ended (so no longer exists on this host).
qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("/bin/true"), {});
    process.waitForFinished();
    return process.processId() > 0 ? process.processId() : 999999;
}

// A session of the test's own that holds the migration lock of `url`'s alembic_version under
// the application_name `name`, as a runner would.
class LockHolderSession
{
public:
    LockHolderSession(const QString& url, const QString& name)
    {
        const DatabaseUrl parsed = DatabaseUrl::parse(url);
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("holder"));
        parsed.configure(m_db);
        m_db.setConnectOptions(QStringLiteral("application_name='%1'").arg(name));
        if (!m_db.open())
            qWarning("cannot connect: %s", qPrintable(m_db.lastError().text()));
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT pg_advisory_lock(?), pg_backend_pid()"));
        query.addBindValue(MigrationLock::advisoryKey(VersionTable(Dialect::PostgreSql, QStringLiteral("alembic_version"), {})));
        if (!query.exec() || !query.next())
            qWarning("cannot take the lock: %s", qPrintable(query.lastError().text()));
        else
            m_serverPid = query.value(1).toLongLong();
    }
    ~LockHolderSession()
    {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    }
    qint64 serverPid() const { return m_serverPid; }
    bool alive()
    {
        QSqlQuery query(m_db);
        return query.exec(QStringLiteral("SELECT 1"));
    }

private:
    QSqlDatabase m_db;
    qint64 m_serverPid = 0;
};

} // namespace

class TestOrphanedLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedRunnerFreesTheLockWithinSeconds();
    void unlockEndsAnOrphanedHolderAfterConfirmation();
    void unlockNeverEndsALiveRunner();
    void unlockNeedsForceWhenItCannotCheck();
};

// A runner killed (SIGKILL) during SELECT pg_sleep(30): the next run proceeds within 5 s.
void TestOrphanedLock::killedRunnerFreesTheLockWithinSeconds()
{
    testsupport::ScratchPostgres scratch(QStringLiteral("tst_orphan_kill"));
    QVERIFY2(scratch.isValid(), "no PostgreSQL server: run through ctest");
    QProcess runner;
    runner.start(QStringLiteral(RETORT_CLI), {QStringLiteral("-c"), kSlowProject, QStringLiteral("--url"), scratch.url(),
                                              QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--json")});
    QVERIFY(runner.waitForStarted());
    // Until the server runs the sleep.
    const DatabaseUrl url = DatabaseUrl::parse(scratch.url());
    DatabaseConnection watcher(url, QStringLiteral("watcher"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSqlQuery query(watcher.db());
            return query.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                                             "'SELECT pg_sleep(30)%' AND state = 'active'")) &&
                   query.next() && query.value(0).toInt() == 1;
        }(),
        20000);
    runner.kill();
    QVERIFY(runner.waitForFinished(5000));

    QElapsedTimer timer;
    timer.start();
    const ProcessOutput next = runRetort({QStringLiteral("-c"), kSlowProject, QStringLiteral("--url"), scratch.url(),
                                          QStringLiteral("stamp"), QStringLiteral("dddd00000001"),
                                          QStringLiteral("--lock-timeout"), QStringLiteral("5")});
    QVERIFY2(next.ok(), qPrintable(next.description));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestOrphanedLock::unlockEndsAnOrphanedHolderAfterConfirmation()
{
    testsupport::ScratchPostgres scratch(QStringLiteral("tst_orphan_unlock"));
    QVERIFY2(scratch.isValid(), "no PostgreSQL server: run through ctest");
    const qint64 gone = deadPid();
    LockHolderSession holder(scratch.url(), QStringLiteral("retort %1 pid %2").arg(currentUserAtHost()).arg(gone));
    QVERIFY(holder.serverPid() > 0);

    // The waiting runner says the holder's process is gone, and how to end its session.
    const ProcessOutput blocked = runRetort({QStringLiteral("-c"), kSlowProject, QStringLiteral("--url"), scratch.url(),
                                             QStringLiteral("stamp"), QStringLiteral("dddd00000001"),
                                             QStringLiteral("--lock-timeout"), QStringLiteral("1")});
    QCOMPARE(blocked.exitCode, 5);
    QVERIFY2(blocked.err.contains(QStringLiteral("its process %1 no longer exists on this host").arg(gone)),
             qPrintable(blocked.err));
    QVERIFY2(blocked.err.contains(QLatin1String("retort unlock")), qPrintable(blocked.err));

    const ProcessOutput declined = unlock(scratch.url(), {}, "n\n");
    QCOMPARE(declined.exitCode, 1);
    QVERIFY2(declined.err.contains(QLatin1String("Nothing ended")), qPrintable(declined.description));
    QVERIFY(holder.alive());

    const ProcessOutput ended = unlock(scratch.url(), {}, "y\n");
    QVERIFY2(ended.exitCode == 0, qPrintable(ended.description));
    QVERIFY2(ended.out.contains(QStringLiteral("Ended server process %1").arg(holder.serverPid())),
             qPrintable(ended.description));
    QVERIFY(!holder.alive());
    const ProcessOutput proceeds = runRetort({QStringLiteral("-c"), kSlowProject, QStringLiteral("--url"), scratch.url(),
                                              QStringLiteral("stamp"), QStringLiteral("dddd00000001"),
                                              QStringLiteral("--lock-timeout"), QStringLiteral("1")});
    QVERIFY2(proceeds.ok(), qPrintable(proceeds.description));
    const ProcessOutput free = unlock(scratch.url(), {QStringLiteral("--yes")}, {});
    QVERIFY2(free.ok() && free.out.contains(QLatin1String("Nothing to end")), qPrintable(free.description));
}

// A holder naming this very process (alive on this host) is never ended, not even with --force.
void TestOrphanedLock::unlockNeverEndsALiveRunner()
{
    testsupport::ScratchPostgres scratch(QStringLiteral("tst_orphan_live"));
    QVERIFY2(scratch.isValid(), "no PostgreSQL server: run through ctest");
    LockHolderSession holder(scratch.url(), QStringLiteral("retort %1 pid %2")
                                                .arg(currentUserAtHost())
                                                .arg(QCoreApplication::applicationPid()));
    for (const QStringList& options : {QStringList{QStringLiteral("--yes")},
                                       QStringList{QStringLiteral("--yes"), QStringLiteral("--force")}}) {
        const ProcessOutput refused = unlock(scratch.url(), options, {});
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QLatin1String("still running on this host")), qPrintable(refused.description));
        QVERIFY(holder.alive());
    }
}

// Another program (or another host's runner) cannot be checked from here: --force, with the
// risk said, and the confirmation.
void TestOrphanedLock::unlockNeedsForceWhenItCannotCheck()
{
    testsupport::ScratchPostgres scratch(QStringLiteral("tst_orphan_force"));
    QVERIFY2(scratch.isValid(), "no PostgreSQL server: run through ctest");
    LockHolderSession holder(scratch.url(), QStringLiteral("some batch job"));
    const ProcessOutput refused = unlock(scratch.url(), {QStringLiteral("--yes")}, {});
    QCOMPARE(refused.exitCode, 5);
    QVERIFY2(refused.err.contains(QLatin1String("--force")), qPrintable(refused.description));
    QVERIFY(holder.alive());
    const ProcessOutput forced = unlock(scratch.url(), {QStringLiteral("--force")}, "yes\n");
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.description));
    QVERIFY2(forced.err.contains(QLatin1String("stops whatever it does")), qPrintable(forced.description));
    QVERIFY(!holder.alive());
}

QTEST_GUILESS_MAIN(TestOrphanedLock)
#include "tst_orphanedlock.moc"
