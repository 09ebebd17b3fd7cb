// SPDX-License-Identifier: Apache-2.0
// The files a run keeps next to a SQLite database (<db>.retort-lock, <db>.retort-journal):
// someone who can write the database's folder must not make a run write through a link, nor
// hang it with a FIFO, nor have a waiting runner print escape sequences.
#include "runnertesting.h"
#include "common/error.h"
#include "database/databaseconnection.h"
#include "run/migrationlock.h"
#include "run/runsettings.h"
#include "run/sidecarfile.h"
#include "run/versiontable.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace retort;

namespace {

const QString kExampleConfig = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");

QByteArray contentOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

mode_t modeOf(const QString& path)
{
    struct stat info{};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 07777 : 0;
}

// Upgrades the example project on `database`; the error text, or "" when it ran.
QString upgrade(const QString& database, SyncPolicy sync = SyncPolicy::EndOfRun,
                const std::function<void(const RunEvent&)>& sink = {})
{
    RunRequest request = testsupport::runRequest(kExampleConfig, QStringLiteral("sqlite:///") + database,
                                                 Direction::Upgrade, QStringLiteral("heads"));
    request.sync = sync;
    MigrationRunner runner;
    if (sink)
        runner.setSink(sink);
    try {
        runner.run(request);
    } catch (const Error& error) {
        return error.message();
    }
    return {};
}

} // namespace

class TestSidecarFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockFileLinkIsRefused();
    void journalMarkerLinkIsRefused();
    void hardLinkIsRefused();
    void filesAreCreatedPrivate();
    void fifoDoesNotHang();
    void holderTextIsOneLine();
};

void TestSidecarFile::lockFileLinkIsRefused()
{
    // Another user of the folder points the lock file at a file the runner can write.
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("app.db"));
    const QString precious = dir.filePath(QStringLiteral("precious.txt"));
    writeFile(precious, "precious\n");
    QVERIFY(QFile::link(precious, MigrationLock::holderFilePath(database)));
    const QString error = upgrade(database, SyncPolicy::EveryStep);
    QCOMPARE(contentOf(precious), QByteArray("precious\n"));
    QVERIFY2(error.contains(QLatin1String("app.db.retort-lock is a symbolic link")),
             qPrintable(error));
    QVERIFY(QFileInfo(MigrationLock::holderFilePath(database)).isSymLink()); // left as found
}

void TestSidecarFile::journalMarkerLinkIsRefused()
{
    // A dangling link: the old code saw "no marker" and created the link's target.
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("app.db"));
    const QString target = dir.filePath(QStringLiteral("created-through-the-link"));
    QVERIFY(QFile::link(target, RunSettings::journalMarkerPath(database)));
    const QString error = upgrade(database);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY2(error.contains(QLatin1String("app.db.retort-journal is a symbolic link")),
             qPrintable(error));

    // A link to an existing file: not truncated, not read as the marker.
    const QString precious = dir.filePath(QStringLiteral("precious.txt"));
    writeFile(precious, "wal\n");
    QVERIFY(QFile::remove(RunSettings::journalMarkerPath(database)));
    QVERIFY(QFile::link(precious, RunSettings::journalMarkerPath(database)));
    QVERIFY(!upgrade(database).isEmpty());
    QCOMPARE(contentOf(precious), QByteArray("wal\n"));
}

void TestSidecarFile::hardLinkIsRefused()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("app.db"));
    const QString precious = dir.filePath(QStringLiteral("precious.txt"));
    writeFile(precious, "precious\n");
    QCOMPARE(::link(QFile::encodeName(precious).constData(),
                    QFile::encodeName(MigrationLock::holderFilePath(database)).constData()),
             0);
    const QString error = upgrade(database, SyncPolicy::EveryStep);
    QCOMPARE(contentOf(precious), QByteArray("precious\n"));
    QVERIFY2(error.contains(QLatin1String("has other hard links")), qPrintable(error));
}

void TestSidecarFile::filesAreCreatedPrivate()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("app.db"));
    const mode_t oldMask = ::umask(022);
    mode_t lockMode = 0, markerMode = 0;
    const QString error = upgrade(database, SyncPolicy::EndOfRun, [&](const RunEvent& event) {
        if (event.type == RunEvent::Type::StepFinished && !lockMode) {
            lockMode = modeOf(MigrationLock::holderFilePath(database));
            markerMode = modeOf(RunSettings::journalMarkerPath(database));
        }
    });
    ::umask(oldMask);
    QCOMPARE(error, QString());
    QCOMPARE(lockMode, mode_t(0600));
    QCOMPARE(markerMode, mode_t(0600));

    // The class itself: create() never replaces, write() replaces the content.
    const QString path = dir.filePath(QStringLiteral("file"));
    QCOMPARE(SidecarFile::create(path, "one"), SidecarFile::Created::New);
    QCOMPARE(SidecarFile::create(path, "two"), SidecarFile::Created::AlreadyThere);
    QCOMPARE(SidecarFile::read(path), std::optional<QByteArray>("one"));
    QVERIFY(SidecarFile::write(path, "three"));
    QCOMPARE(SidecarFile::read(path), std::optional<QByteArray>("three"));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(SidecarFile::read(dir.filePath(QStringLiteral("none"))), std::nullopt);
}

void TestSidecarFile::fifoDoesNotHang()
{
    // A FIFO under the lock file's name made `current -v` and a waiting runner block in open()
    // for good; now it is not a file Retort reads or writes.
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("app.db"));
    const QString lock = MigrationLock::holderFilePath(database);
    QCOMPARE(::mkfifo(QFile::encodeName(lock).constData(), 0600), 0);
    QCOMPARE(SidecarFile::read(lock), std::nullopt);
    QVERIFY(!SidecarFile::write(lock, "x")); // nobody reads it: no blocking open
    DatabaseConnection connection(DatabaseUrl::parse(QStringLiteral("sqlite:///") + database),
                                  QStringLiteral("status"));
    QVERIFY(!MigrationLock::currentHolder(connection, VersionTable(Dialect::Sqlite)).held);
}

void TestSidecarFile::holderTextIsOneLine()
{
    // The holder file is readable and writable by whoever shares the folder: what it names is
    // printed to a terminal, so no escape sequence or line break gets through.
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("app.db"));
    writeFile(MigrationLock::holderFilePath(database),
              "evil\x1b]0;owned\x07\x1b[2J@elsewhere\n1\n2024-01-01T00:00:00Z\n");
    DatabaseConnection connection(DatabaseUrl::parse(QStringLiteral("sqlite:///") + database),
                                  QStringLiteral("status"));
    const LockHolder holder = MigrationLock::currentHolder(connection, VersionTable(Dialect::Sqlite));
    QVERIFY(holder.held); // a process on another host: taken as alive
    QCOMPARE(holder.who, QStringLiteral("evil\\x1b]0;owned\\x07\\x1b[2J@elsewhere"));
}

QTEST_GUILESS_MAIN(TestSidecarFile)
#include "tst_sidecarfile.moc"
