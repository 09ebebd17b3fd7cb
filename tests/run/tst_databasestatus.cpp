// SPDX-License-Identifier: Apache-2.0
// DatabaseStatus for support staff: applied scripts changed since they ran, and who holds the
// migration lock (SQLite: a write transaction of this or another process, a runner's holder
// record; PostgreSQL: the advisory lock's session). Reading must never take the lock or
// create anything. Also `retort current --verbose` / `--json`.
#include "childprocess.h"
#include "database/databaseconnection.h"
#include "run/databasestatus.h"
#include "common/error.h"
#include "run/migrationlock.h"
#include "postgres/testpostgres.h"
#include "runnertesting.h"
#include "scratchpostgres.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace retort;
using testsupport::PlainConnection;
using retort::testsupport::runRequest;
using retort::testsupport::runSync;

namespace {

const QString kUsers = QStringLiteral("7d41b0e9c6a2");
const QString kSessions = QStringLiteral("e58a2f3d90c1");
const QString kOutputs = QStringLiteral("9a03d7e5b4f6");
const QString kUsersScript = QStringLiteral("versions/7d41b0e9c6a2_add_users.sql");

// A copy of the example project (migrations/) with a SQLite database next to it.
struct ExampleCopy
{
    QTemporaryDir dir;

    ExampleCopy()
    {
        const QString from = QStringLiteral(RETORT_SOURCE_DIR "/migrations");
        QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString source = it.next();
            const QString target = path(QDir(from).relativeFilePath(source));
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::copy(source, target);
        }
    }
    QString path(const QString& relative) const { return dir.filePath(relative); }
    QString config() const { return path(QStringLiteral("retort.ini")); }
    QString database() const { return path(QStringLiteral("status.db")); }
    QString url() const { return QStringLiteral("sqlite:///") + database(); }
    Project project() const { return Project::open(config()); }
    void upgrade(const QString& target) const
    {
        runSync(runRequest(config(), url(), Direction::Upgrade, target));
    }
    void append(const QString& relative, const QByteArray& text) const
    {
        QFile file(path(relative));
        if (!file.open(QIODevice::Append))
            qFatal("cannot edit %s", qPrintable(file.fileName()));
        file.write(text);
    }
    QStringList files() const
    {
        QStringList names = QDir(dir.path()).entryList(QDir::Files);
        names.sort();
        return names;
    }
};

testsupport::ProcessOutput runRetort(const ExampleCopy& copy, const QStringList& arguments)
{
    return testsupport::runProgram(QStringLiteral(RETORT_CLI),
                                   QStringList{QStringLiteral("-c"), copy.config(),
                                               QStringLiteral("--url"), copy.url()} +
                                       arguments);
}

// "taken" or "busy": whether a child process (Python's sqlite3) gets the write lock at once.
QString tryWriteLockFromAnotherProcess(const QString& database)
{
    QProcess child;
    child.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import sqlite3, sys\n"
                                "db = sqlite3.connect(sys.argv[1], timeout=0, "
                                "isolation_level=None)\n"
                                "try:\n"
                                "    db.execute('BEGIN IMMEDIATE')\n"
                                "    print('taken')\n"
                                "except sqlite3.OperationalError:\n"
                                "    print('busy')\n"),
                 database});
    if (!child.waitForFinished(20000))
        return QStringLiteral("(python3 did not finish)");
    return QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError())
        .trimmed();
}

DatabaseStatus readStatus(const ExampleCopy& copy,
                          DatabaseStatus::Detail detail = DatabaseStatus::Detail::Support)
{
    return DatabaseStatus::read(copy.project(), copy.url(), detail);
}

} // namespace

class TestDatabaseStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionsOnlyLeavesDetailsOut();
    void changedScriptIsAMismatch();
    void scriptsNotRunAreNoMismatch();
    void unreadableScriptIsReportedNotFatal();
    void sqliteLockHolder_data();
    void sqliteLockHolder();
    void lockHeldByAnotherProcess();
    void readingTakesAndCreatesNothing();
    void cliCurrentVerboseAndJson();
    void postgresLockHolder();
};

void TestDatabaseStatus::versionsOnlyLeavesDetailsOut()
{
    ExampleCopy copy;
    copy.upgrade(kUsers);
    copy.append(kUsersScript, "-- edited\n");
    const DatabaseStatus status = readStatus(copy, DatabaseStatus::Detail::Versions);
    QCOMPARE(status.current, QStringList{kUsers});
    QVERIFY(!status.supportDetailsRead);
    QVERIFY(status.changedScripts.isEmpty());
    const QJsonObject json = status.toJson();
    QVERIFY(!json.contains(QStringLiteral("lock")));
    QVERIFY(!json.contains(QStringLiteral("changed_scripts")));
}

void TestDatabaseStatus::changedScriptIsAMismatch()
{
    ExampleCopy copy;
    copy.upgrade(kOutputs);
    QVERIFY(readStatus(copy).changedScripts.isEmpty());
    copy.append(kUsersScript, "-- edited after it ran\n");

    const DatabaseStatus status = readStatus(copy);
    QVERIFY(status.supportDetailsRead);
    QCOMPARE(status.changedRevisions(), QStringList{kUsers});
    const ScriptCheck& changed = status.changedScripts.first();
    QCOMPARE(changed.path, copy.path(kUsersScript));
    QVERIFY(changed.checksum != changed.recordedChecksum);
    QVERIFY2(changed.diff.contains(QStringLiteral("+-- edited after it ran")),
             qPrintable(changed.diff));
    // The same answer as `retort verify`.
    const Project project = copy.project();
    int verifyChanged = 0;
    for (const ScriptCheck& check : ScriptVerifier(project).verify(copy.url()).checks)
        verifyChanged += check.status == ScriptCheck::Status::Changed ? 1 : 0;
    QCOMPARE(verifyChanged, 1);

    const QJsonObject json = status.toJson();
    const QJsonArray list = json.value(QStringLiteral("changed_scripts")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("revision")).toString(), kUsers);
    QCOMPARE(list.first().toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("changed"));
    QCOMPARE(
        json.value(QStringLiteral("lock")).toObject().value(QStringLiteral("held")).toBool(true),
        false);
}

void TestDatabaseStatus::scriptsNotRunAreNoMismatch()
{
    ExampleCopy copy;
    copy.upgrade(kUsers);
    // Above the database's revision: never ran, so nothing to compare.
    copy.append(QStringLiteral("versions/e58a2f3d90c1_add_user_sessions.sql"), "-- edited\n");
    QVERIFY(readStatus(copy).changedScripts.isEmpty());
}

void TestDatabaseStatus::unreadableScriptIsReportedNotFatal()
{
    ExampleCopy copy;
    copy.upgrade(kSessions);
    const Project project = copy.project(); // loaded before the file goes away
    QVERIFY(QFile::remove(copy.path(kUsersScript)));
    const DatabaseStatus status =
        DatabaseStatus::read(project, copy.url(), DatabaseStatus::Detail::Support);
    QCOMPARE(status.current, QStringList{kSessions});
    QVERIFY2(status.scriptCheckError.contains(copy.path(kUsersScript)),
             qPrintable(status.scriptCheckError));
    QCOMPARE(status.toJson().value(QStringLiteral("script_check_error")).toString(),
             status.scriptCheckError);
}

void TestDatabaseStatus::sqliteLockHolder_data()
{
    QTest::addColumn<QString>("holder"); // how the lock is held
    QTest::addColumn<bool>("held");
    QTest::addColumn<QString>("who");
    QTest::addColumn<qint64>("pid");

    const qint64 self = QCoreApplication::applicationPid();
    QTest::newRow("free") << QStringLiteral("none") << false << QString() << qint64(0);
    QTest::newRow("write transaction of another connection")
        << QStringLiteral("begin immediate") << true << QStringLiteral("another connection")
        << qint64(0);
    QTest::newRow("read transaction")
        << QStringLiteral("begin deferred read") << false << QString() << qint64(0);
    QTest::newRow("a runner in a migration")
        << QStringLiteral("runner") << true << currentUserAtHost() << self;
    QTest::newRow("record of a process that is gone")
        << QStringLiteral("stale record") << false << QString() << qint64(0);
    QTest::newRow("record of a runner on another host")
        << QStringLiteral("remote record") << true << QStringLiteral("ops@elsewhere.example")
        << qint64(4242);
}

void TestDatabaseStatus::sqliteLockHolder()
{
    QFETCH(QString, holder);
    QFETCH(bool, held);
    QFETCH(QString, who);
    QFETCH(qint64, pid);
    ExampleCopy copy;
    copy.upgrade(kUsers);
    const QString record = MigrationLock::holderFilePath(copy.database());

    PlainConnection other(QStringLiteral("QSQLITE"), copy.database());
    DatabaseConnection runnerConnection(DatabaseUrl::parse(copy.url()), QStringLiteral("runner"));
    MigrationLock runnerLock(runnerConnection, VersionTable(Dialect::Sqlite), 1, nullptr, {});
    if (holder == QLatin1String("begin immediate")) {
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
    } else if (holder == QLatin1String("begin deferred read")) {
        QVERIFY(other.exec(QStringLiteral("BEGIN")));
        QVERIFY(other.exec(QStringLiteral("SELECT count(*) FROM alembic_version")));
    } else if (holder == QLatin1String("runner")) {
        runnerLock.beginTransaction();
    } else if (holder.endsWith(QLatin1String("record"))) {
        QFile file(record);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const bool stale = holder.startsWith(QLatin1String("stale"));
        // pid 0x7ffffff0 is above any pid_max: no such process.
        file.write(stale
                       ? QStringLiteral("%1\n%2\n2026-04-14T10:02:00Z\n")
                             .arg(currentUserAtHost())
                             .arg(0x7ffffff0)
                             .toUtf8()
                       : QByteArrayLiteral("ops@elsewhere.example\n4242\n2026-04-14T10:02:00Z\n"));
    }

    const DatabaseStatus status = readStatus(copy);
    QCOMPARE(status.current, QStringList{kUsers}); // readable while a writer waits to commit
    QCOMPARE(status.lock.held, held);
    QCOMPARE(status.lock.who, who);
    QCOMPARE(status.lock.pid, pid);
    QCOMPARE(status.lock.serverPid, qint64(0));
    const QJsonObject lock = status.toJson().value(QStringLiteral("lock")).toObject();
    QCOMPARE(lock.value(QStringLiteral("held")).toBool(), held);
    if (held) {
        QCOMPARE(lock.value(QStringLiteral("holder")).toString(), who);
        QCOMPARE(lock.value(QStringLiteral("description")).toString(), status.lock.describe());
        QVERIFY(status.lock.describe().startsWith(who));
    }
    if (holder == QLatin1String("runner")) {
        QVERIFY(status.lock.since.isValid());
        QVERIFY(qAbs(status.lock.since.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(status.lock.describe(), QStringLiteral("%1 (pid %2)").arg(who).arg(pid));
        runnerLock.rollback(); // between two steps: the run still holds it
        QVERIFY(readStatus(copy).lock.held);
        runnerLock.release();
        QVERIFY(!readStatus(copy).lock.held);
    } else if (holder == QLatin1String("remote record")) {
        QCOMPARE(lock.value(QStringLiteral("since")).toString(),
                 QStringLiteral("2026-04-14T10:02:00Z"));
    } else if (holder == QLatin1String("begin immediate")) {
        QVERIFY(status.lock.describe().contains(QStringLiteral("write transaction")));
        other.exec(QStringLiteral("ROLLBACK"));
        QVERIFY(!readStatus(copy).lock.held);
    }
}

void TestDatabaseStatus::lockHeldByAnotherProcess()
{
    ExampleCopy copy;
    copy.upgrade(kUsers);
    // Python's sqlite3 module in a child process holds the write lock until its stdin closes.
    QProcess child;
    child.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import sqlite3, sys\n"
                                "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                                "db.execute('BEGIN IMMEDIATE')\n"
                                "print('locked', flush=True)\n"
                                "sys.stdin.read()\n"),
                 copy.database()});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForReadyRead(20000));
    QCOMPARE(child.readAllStandardOutput().trimmed(), QByteArray("locked"));

    const DatabaseStatus status = readStatus(copy);
    QVERIFY(status.lock.held);
    QCOMPARE(status.lock.who, QStringLiteral("another connection"));
    QCOMPARE(status.current, QStringList{kUsers});

    child.closeWriteChannel();
    QVERIFY(child.waitForFinished(20000));
    QVERIFY(!readStatus(copy).lock.held);
}

void TestDatabaseStatus::readingTakesAndCreatesNothing()
{
    ExampleCopy copy;
    const QStringList before = copy.files();
    // No database file yet: still none afterwards, and nobody holds a lock.
    const DatabaseStatus absent = readStatus(copy);
    QVERIFY(!absent.databaseExists);
    QVERIFY(absent.supportDetailsRead);
    QVERIFY(!absent.lock.held);
    QCOMPARE(copy.files(), before);

    copy.upgrade(kUsers);
    const QStringList afterUpgrade = copy.files();
    // While a runner of this process is in a migration, a status read (whose lock probe opens
    // and closes the file) must leave the runner's lock in place.
    DatabaseConnection connection(DatabaseUrl::parse(copy.url()), QStringLiteral("runner"));
    MigrationLock lock(connection, VersionTable(Dialect::Sqlite), 1, nullptr, {});
    lock.beginTransaction();
    QVERIFY(readStatus(copy).lock.held);
    QVERIFY(readStatus(copy).lock.held);
    // Another process sees the lock still held (a dropped POSIX lock would only show there).
    QCOMPARE(tryWriteLockFromAnotherProcess(copy.database()), QStringLiteral("busy"));
    lock.rollback();
    QCOMPARE(tryWriteLockFromAnotherProcess(copy.database()), QStringLiteral("taken"));

    lock.release(); // the run is over: its lock record goes
    QVERIFY(!readStatus(copy).lock.held);
    QCOMPARE(copy.files(), afterUpgrade); // no lock record, no journal left behind
}

void TestDatabaseStatus::cliCurrentVerboseAndJson()
{
    ExampleCopy copy;
    copy.upgrade(kOutputs);
    testsupport::ProcessOutput run = runRetort(copy, {QStringLiteral("current")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.out.contains(QStringLiteral("Migration lock")), qPrintable(run.out));

    copy.append(kUsersScript, "-- edited\n");
    run = runRetort(copy, {QStringLiteral("current"), QStringLiteral("--verbose")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Changed since applied: %1 (%2)\n")
                                  .arg(kUsers, copy.path(kUsersScript))),
             qPrintable(run.out));
    QVERIFY2(run.out.endsWith(QStringLiteral("Migration lock: free\n")), qPrintable(run.out));

    {
        DatabaseConnection connection(DatabaseUrl::parse(copy.url()), QStringLiteral("runner"));
        MigrationLock lock(connection, VersionTable(Dialect::Sqlite), 1, nullptr, {});
        lock.beginTransaction();
        run = runRetort(copy, {QStringLiteral("current"), QStringLiteral("-v")});
        QVERIFY2(run.out.contains(QStringLiteral("Migration lock: held by %1 (pid %2) since ")
                                      .arg(currentUserAtHost())
                                      .arg(QCoreApplication::applicationPid())),
                 qPrintable(run.out));

        run = runRetort(copy, {QStringLiteral("current"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject lockJson = json.value(QStringLiteral("lock")).toObject();
        QVERIFY(lockJson.value(QStringLiteral("held")).toBool());
        QCOMPARE(lockJson.value(QStringLiteral("pid")).toInteger(),
                 QCoreApplication::applicationPid());
        QCOMPARE(json.value(QStringLiteral("changed_scripts")).toArray().size(), 1);
        lock.rollback();
    }
}

void TestDatabaseStatus::postgresLockHolder()
{
    testsupport::ScratchPostgres scratch(QStringLiteral("tst_dbstatus"));
    QVERIFY2(scratch.isValid(), "no PostgreSQL server: run through ctest");
    ExampleCopy copy;
    const Project project = copy.project();
    const auto read = [&] {
        return DatabaseStatus::read(project, scratch.url(), DatabaseStatus::Detail::Support);
    };
    QVERIFY(!read().lock.held);
    const qint64 key = MigrationLock::advisoryKey(VersionTable(Dialect::PostgreSql));

    {
        // A runner (or anything connecting through Retort) names itself in application_name.
        DatabaseConnection connection(DatabaseUrl::parse(scratch.url()), QStringLiteral("runner"));
        MigrationLock lock(connection, VersionTable(Dialect::PostgreSql), 5, nullptr, {});
        lock.acquire();
        const DatabaseStatus status = read();
        QVERIFY(status.current.isEmpty()); // and nothing was created to find that out
        QVERIFY(status.lock.held);
        QCOMPARE(status.lock.who, currentUserAtHost());
        QCOMPARE(status.lock.pid, QCoreApplication::applicationPid());
        QCOMPARE(status.lock.serverPid, connection.backendPid());
        QVERIFY(status.lock.since.isValid());
        QVERIFY2(status.lock.describe().startsWith(
                     QStringLiteral("%1 (pid %2, server pid %3, database user ")
                         .arg(currentUserAtHost())
                         .arg(QCoreApplication::applicationPid())
                         .arg(connection.backendPid())),
                 qPrintable(status.lock.describe()));
        lock.release();
        QVERIFY(!read().lock.held);
    }
    {
        // Someone at a console took the advisory lock by hand.
        const QString url = scratch.url() + QStringLiteral("?application_name=support_console");
        DatabaseConnection console(DatabaseUrl::parse(url), QStringLiteral("console"));
        QSqlQuery query(console.db());
        QVERIFY(query.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key)));
        const DatabaseStatus status = read();
        QVERIFY(status.lock.held);
        QCOMPARE(status.lock.who, QStringLiteral("\"support_console\""));
        QCOMPARE(status.lock.pid, qint64(0));
        QCOMPARE(status.lock.serverPid, console.backendPid());
        QVERIFY2(status.lock.details.startsWith(QStringLiteral("database user ")),
                 qPrintable(status.lock.details));
        const QJsonObject json = status.toJson().value(QStringLiteral("lock")).toObject();
        QCOMPARE(json.value(QStringLiteral("server_pid")).toInteger(), console.backendPid());
        QVERIFY(json.value(QStringLiteral("pid")).isNull());
        QVERIFY(query.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)));
    }
    QVERIFY(!read().lock.held);
    // Reading never created the version table.
    QCOMPARE(testsupport::queryStrings(scratch.url(),
                                       QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables "
                                                      "WHERE tablename LIKE 'alembic%' "
                                                      "OR tablename LIKE 'retort%'")),
             QStringList{QStringLiteral("0")});
}

QTEST_GUILESS_MAIN(TestDatabaseStatus)
#include "tst_databasestatus.moc"
