// SPDX-License-Identifier: Apache-2.0
// Retort Studio's revision details and status banner for support staff: the real MainWindow on
// a copy of the example project and a SQLite file. The "Upgrade to here" / "Roll back to here"
// tabs must show exactly what `retort upgrade|downgrade --sql FROM:TO` prints; the banner must
// name changed scripts and whoever holds the migration lock.
#include "common/error.h"
#include "database/databaseconnection.h"
#include "status/databasestatuspanel.h"
#include "history/historygraphview.h"
#include "window/mainwindow.h"
#include "run/migrationlock.h"
#include "detail/revisiondetailpanel.h"
#include "guitesting.h"
#include "studiotesting.h"
#include "runnertesting.h"
#include "editor/scripteditor.h"

#include <QDirIterator>
#include <QLabel>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <Qsci/qscilexersql.h>
#include <memory>

using namespace retort;
using testsupport::PlainConnection;
using namespace retort::testsupport::example;
using retort::testsupport::copyTree;
using retort::testsupport::StallMeter;
using retort::testsupport::runRequest;
using retort::testsupport::runSync;
using retort::ui::MainWindow;

namespace {


const QString kNothingToUpgrade =
    QStringLiteral("The database is already at or above this revision.");
const QString kNothingAbove =
    QStringLiteral("Nothing to roll back: the database has no applied revision above this one.");
const QString kNotApplied =
    QStringLiteral("Nothing to roll back: this revision is not applied to the database.");


} // namespace

class TestStudioDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void sqlTabsShowWhatTheCliPrints_data();
    void sqlTabsShowWhatTheCliPrints();
    void severalHeadsArePlannedByADryRun();
    void unknownStatesExplainThemselves_data();
    void unknownStatesExplainThemselves();
    void tabsFollowTheDatabaseAfterARun();
    void changedScriptShowsInTheBanner();
    void lockHolderShowsInTheBanner();
    void screenshot();

private:
    void openStudio(const QString& setupTarget = QString());
    void upgradeDirectly(const QString& target);
    void selectRevision(const QString& id);
    void waitForPlans();
    void refreshStatus();
    QString cliSql(Direction direction, const QString& range) const;
    QString configPath() const { return m_dir->filePath(QStringLiteral("project/retort.ini")); }
    ui::RevisionDetailPanel* detail() const { return m_window->detailPanel(); }
    ui::DatabaseStatusPanel* banner() const { return m_window->statusPanel(); }
    QString sqlShown(Direction direction) const { return detail()->planEditor(direction)->text(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_dbPath;
    QString m_url;
};

void TestStudioDetail::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestStudioDetail::openStudio(const QString& setupTarget)
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"),
             m_dir->filePath(QStringLiteral("project")));
    m_dbPath = m_dir->filePath(QStringLiteral("studio.db"));
    m_url = QStringLiteral("sqlite:///") + m_dbPath;
    if (!setupTarget.isEmpty())
        upgradeDirectly(setupTarget);
    m_window = std::make_unique<MainWindow>();
    m_window->setDatabaseUrl(m_url);
    QVERIFY(m_window->openProject(configPath()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(!banner()->headline().startsWith(QStringLiteral("Reading")));
}

void TestStudioDetail::upgradeDirectly(const QString& target)
{
    try {
        runSync(runRequest(configPath(), m_url, Direction::Upgrade, target));
    } catch (const Error& error) {
        QFAIL(qPrintable(error.message()));
    }
}

void TestStudioDetail::selectRevision(const QString& id)
{
    testsupport::clickRevision(m_window->historyView(), id);
    if (QTest::currentTestFailed())
        return;
    waitForPlans();
}

void TestStudioDetail::waitForPlans()
{
    const auto settled = [this] {
        for (Direction direction : {Direction::Upgrade, Direction::Downgrade}) {
            const QString message = detail()->planMessage(direction);
            if (message.contains(QStringLiteral("Planning...")) ||
                message.contains(QStringLiteral("Reading the database")))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
}

void TestStudioDetail::refreshStatus()
{
    m_window->refreshDatabaseStatus();
    QTRY_VERIFY(!banner()->headline().startsWith(QStringLiteral("Reading")));
    waitForPlans();
}

QString TestStudioDetail::cliSql(Direction direction, const QString& range) const
{
    QProcess process;
    process.start(
        QStringLiteral(RETORT_CLI),
        {QStringLiteral("-c"), configPath(), QStringLiteral("--url"), m_url,
         direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"),
         QStringLiteral("--sql"), range});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("retort --sql %s: %s", qPrintable(range),
                 process.readAllStandardError().constData());
        return QStringLiteral("(retort failed)");
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestStudioDetail::sqlTabsShowWhatTheCliPrints_data()
{
    QTest::addColumn<QString>("current"); // "" = a database file that does not exist yet
    QTest::addColumn<QString>("selected");
    QTest::addColumn<bool>("upgrades");
    QTest::addColumn<QString>("rollback"); // why nothing rolls back; empty: the SQL does
    QTest::addColumn<int>("destructive");  // statements marked in the rollback tab
    QTest::addColumn<int>("upgradeDestructive");

    const QString sql;
    QTest::newRow("no database file, outputs")
        << QString() << kOutputs << true << kNotApplied << 0 << 0;
    // The merge deletes one of its parents' version rows: bookkeeping, not marked.
    QTest::newRow("at users, the head") << kUsers << kOwners << true << kNotApplied << 0 << 0;
    QTest::newRow("at users, the baseline") << kUsers << kBaseline << false << sql << 1 << 0;
    QTest::newRow("at users, itself") << kUsers << kUsers << false << kNothingAbove << 0 << 0;
    QTest::newRow("at outputs, users") << kOutputs << kUsers << false << sql << 2 << 0;
    QTest::newRow("at outputs, the other branch")
        << kOutputs << kStyles << true << kNotApplied << 0 << 0;
    // Each DROP TABLE (a SQLite rebuild's drop of the old table counts as its lost columns);
    // not the version row's DELETE, nor the temporary guard table the downgrade makes and drops.
    QTest::newRow("at the head, sessions") << kOwners << kSessions << false << sql << 5 << 0;
}

void TestStudioDetail::sqlTabsShowWhatTheCliPrints()
{
    QFETCH(QString, current);
    QFETCH(QString, selected);
    QFETCH(bool, upgrades);
    QFETCH(QString, rollback);
    QFETCH(int, destructive);
    QFETCH(int, upgradeDestructive);
    openStudio(current);
    selectRevision(selected);
    QCOMPARE(QFileInfo::exists(m_dbPath), !current.isEmpty()); // nothing created

    const QString from = current.isEmpty() ? QStringLiteral("base") : current;
    const QString range = from + u':' + selected;
    ui::ScriptEditor* upgradeEditor = detail()->planEditor(Direction::Upgrade);
    ui::ScriptEditor* rollbackEditor = detail()->planEditor(Direction::Downgrade);
    if (upgrades) {
        const QString expected = cliSql(Direction::Upgrade, range);
        QVERIFY(expected.contains(QStringLiteral("-- Running upgrade ")));
        QCOMPARE(sqlShown(Direction::Upgrade), expected);
        QVERIFY2(detail()->planMessage(Direction::Upgrade).contains(QStringLiteral("exact SQL")),
                 qPrintable(detail()->planMessage(Direction::Upgrade)));
        QVERIFY(!upgradeEditor->isHidden());
    } else {
        QCOMPARE(detail()->planMessage(Direction::Upgrade), kNothingToUpgrade);
        QCOMPARE(sqlShown(Direction::Upgrade), QString());
        QVERIFY(upgradeEditor->isHidden());
    }
    if (rollback.isEmpty()) {
        const QString expected = cliSql(Direction::Downgrade, range);
        QVERIFY(expected.contains(QStringLiteral("-- Running downgrade ")));
        QCOMPARE(sqlShown(Direction::Downgrade), expected);
        QVERIFY(!rollbackEditor->isHidden());
    } else {
        QCOMPARE(detail()->planMessage(Direction::Downgrade), rollback);
        QCOMPARE(sqlShown(Direction::Downgrade), QString());
        QVERIFY(rollbackEditor->isHidden());
    }
    // Destroying statements are marked as the confirmation marks them: one line each.
    QCOMPARE(detail()->destructiveCount(Direction::Downgrade), destructive);
    QCOMPARE(int(rollbackEditor->warningLines().size()), destructive);
    QCOMPARE(detail()->destructiveCount(Direction::Upgrade), upgradeDestructive);
    QCOMPARE(int(upgradeEditor->warningLines().size()), upgradeDestructive);
    if (destructive > 0) {
        QVERIFY(
            detail()->planMessage(Direction::Downgrade).contains(QStringLiteral("destroy data")));
        QVERIFY(sqlShown(Direction::Downgrade).contains(QStringLiteral("DROP TABLE")));
        const int tab = detail()->tabs()->indexOf(rollbackEditor->parentWidget());
        QVERIFY(!detail()->tabs()->tabIcon(tab).isNull());
    }
    for (ui::ScriptEditor* editor : {upgradeEditor, rollbackEditor}) {
        QVERIFY(editor->isReadOnly());
        QVERIFY(qobject_cast<QsciLexerSQL*>(editor->lexer()));
    }
    QCOMPARE(detail()->tabs()->tabText(1), QStringLiteral("Upgrade to here"));
    QCOMPARE(detail()->tabs()->tabText(2), QStringLiteral("Roll back to here"));
}

void TestStudioDetail::severalHeadsArePlannedByADryRun()
{
    // Both branches applied: two version rows, which offline SQL cannot start from.
    openStudio(kStyles);
    upgradeDirectly(kOutputs);
    refreshStatus();
    QVERIFY2(banner()->headline().contains(kOutputs), qPrintable(banner()->headline()));
    selectRevision(kOwners);
    RunRequest request = runRequest(configPath(), m_url, Direction::Upgrade, kOwners);
    request.dryRun = true;
    const QString expected = runSync(request).sql;
    QVERIFY(expected.contains(QStringLiteral("-- Running upgrade ") + kMerge));
    QCOMPARE(sqlShown(Direction::Upgrade), expected);

    request.direction = Direction::Downgrade;
    request.target = kSessions;
    selectRevision(kSessions);
    QCOMPARE(sqlShown(Direction::Downgrade), runSync(request).sql);
    // writing_styles and outputs dropped; the version row deleted is bookkeeping
    QCOMPARE(detail()->destructiveCount(Direction::Downgrade), 2);
    QCOMPARE(detail()->planMessage(Direction::Upgrade), kNothingToUpgrade);
}

void TestStudioDetail::unknownStatesExplainThemselves_data()
{
    QTest::addColumn<QString>("setupSql"); // run on the database before Studio opens it
    QTest::addColumn<QString>("banner");
    QTest::addColumn<QString>("explanation");

    QTest::newRow("not a database") << QString() << QStringLiteral("Cannot read the database")
                                    << QStringLiteral("The database's state is unknown");
    QTest::newRow("revision of no script")
        << QStringLiteral("UPDATE alembic_version SET version_num = 'ffffffffffff'")
        << QStringLiteral("At a revision the scripts do not know: ffffffffffff")
        << QStringLiteral("no script of this project defines (ffffffffffff)");
}

void TestStudioDetail::unknownStatesExplainThemselves()
{
    QFETCH(QString, setupSql);
    QFETCH(QString, banner);
    QFETCH(QString, explanation);
    m_dir = std::make_unique<QTemporaryDir>();
    copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"),
             m_dir->filePath(QStringLiteral("project")));
    m_dbPath = m_dir->filePath(QStringLiteral("studio.db"));
    m_url = QStringLiteral("sqlite:///") + m_dbPath;
    if (setupSql.isEmpty()) {
        QFile garbage(m_dbPath);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
    } else {
        upgradeDirectly(kUsers);
        QVERIFY(PlainConnection(QStringLiteral("QSQLITE"), m_dbPath).exec(setupSql));
    }
    m_window = std::make_unique<MainWindow>();
    m_window->setDatabaseUrl(m_url);
    QVERIFY(m_window->openProject(configPath()));
    QTRY_VERIFY2(this->banner()->headline().contains(banner),
                 qPrintable(this->banner()->headline()));
    selectRevision(kSessions);
    for (Direction direction : {Direction::Upgrade, Direction::Downgrade}) {
        QVERIFY2(detail()->planMessage(direction).contains(explanation),
                 qPrintable(detail()->planMessage(direction)));
        QVERIFY(detail()->planEditor(direction)->isHidden());
        QCOMPARE(sqlShown(direction), QString());
    }
}

void TestStudioDetail::tabsFollowTheDatabaseAfterARun()
{
    openStudio();
    selectRevision(kUsers);
    QCOMPARE(sqlShown(Direction::Upgrade),
             cliSql(Direction::Upgrade, QStringLiteral("base:") + kUsers));
    upgradeDirectly(kSessions);
    refreshStatus();
    QCOMPARE(detail()->planMessage(Direction::Upgrade), kNothingToUpgrade);
    QCOMPARE(sqlShown(Direction::Downgrade),
             cliSql(Direction::Downgrade, kSessions + u':' + kUsers));
}

void TestStudioDetail::changedScriptShowsInTheBanner()
{
    openStudio(kOutputs);
    QCOMPARE(banner()->changedScriptsText(), QString());
    const QString script =
        m_dir->filePath(QStringLiteral("project/versions/7d41b0e9c6a2_add_users.sql"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::Append));
    file.write("-- edited after it ran\n");
    file.close();
    refreshStatus();
    QCOMPARE(banner()->changedScriptsText(),
             QStringLiteral("1 applied script(s) changed since they ran: ") + kUsers);
    QVERIFY(banner()->findChild<QLabel*>(QStringLiteral("changedScriptsLabel"))->isVisible());
    QVERIFY2(banner()->headline().contains(kOutputs), qPrintable(banner()->headline()));

    // A script changed above the database's revision did not run: it is no mismatch.
    QFile later(
        m_dir->filePath(QStringLiteral("project/versions/1b6fc84e07d9_add_writing_styles.sql")));
    QVERIFY(later.open(QIODevice::Append));
    later.write("-- edited, never ran\n");
    later.close();
    const QString sessions =
        m_dir->filePath(QStringLiteral("project/versions/e58a2f3d90c1_add_user_sessions.sql"));
    QFile second(sessions);
    QVERIFY(second.open(QIODevice::Append));
    second.write("-- edited too\n");
    second.close();
    refreshStatus();
    QCOMPARE(banner()->changedScriptsText(),
             QStringLiteral("2 applied script(s) changed since they ran: %1, %2")
                 .arg(kUsers, kSessions));
}

void TestStudioDetail::lockHolderShowsInTheBanner()
{
    openStudio(kUsers);
    QCOMPARE(banner()->lockText(), QString());
    auto* lockLabel = banner()->findChild<QLabel*>(QStringLiteral("lockLabel"));
    QVERIFY(lockLabel && !lockLabel->isVisible());
    {
        // Another connection's write transaction, not a Retort runner's.
        PlainConnection other(QStringLiteral("QSQLITE"), m_dbPath);
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        refreshStatus();
        QVERIFY2(banner()->lockText().startsWith(QStringLiteral("Locked by another connection")),
                 qPrintable(banner()->lockText()));
        QVERIFY(lockLabel->isVisible());
        other.exec(QStringLiteral("ROLLBACK"));
    }
    refreshStatus();
    QCOMPARE(banner()->lockText(), QString());
    {
        // A runner in a migration: its holder record names it.
        DatabaseConnection connection(DatabaseUrl::parse(m_url), QStringLiteral("holder"));
        MigrationLock lock(connection, VersionTable(Dialect::Sqlite), 1, nullptr, {});
        lock.beginTransaction();
        refreshStatus();
        const QString expected = QStringLiteral("Locked by %1 (pid %2) since ")
                                     .arg(currentUserAtHost())
                                     .arg(QCoreApplication::applicationPid());
        QVERIFY2(banner()->lockText().startsWith(expected), qPrintable(banner()->lockText()));
        const QString clock = banner()->lockText().mid(expected.size());
        QVERIFY2(QTime::fromString(clock, QStringLiteral("HH:mm")).isValid(), qPrintable(clock));
        lock.rollback();
    }
    refreshStatus();
    QCOMPARE(banner()->lockText(), QString());
    QVERIFY(!QFileInfo::exists(m_dbPath + QStringLiteral(".retort-lock")));
}

void TestStudioDetail::screenshot()
{
    // tools/screenshots.sh and reviewers: RETORT_SCREENSHOT_DIR gets the window in a state
    // that shows the new parts: a rollback plan, a changed script, a held lock.
    const QString dir = qEnvironmentVariable("RETORT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("RETORT_SCREENSHOT_DIR is not set");
    openStudio(kOutputs);
    QFile file(m_dir->filePath(QStringLiteral("project/versions/7d41b0e9c6a2_add_users.sql")));
    QVERIFY(file.open(QIODevice::Append));
    file.write("-- edited\n");
    file.close();
    DatabaseConnection connection(DatabaseUrl::parse(m_url), QStringLiteral("holder"));
    MigrationLock lock(connection, VersionTable(Dialect::Sqlite), 1, nullptr, {});
    lock.beginTransaction();
    refreshStatus();
    selectRevision(kUsers);
    for (int tab : {2, 1}) {
        detail()->tabs()->setCurrentIndex(tab);
        const QString path =
            dir + (tab == 2 ? QStringLiteral("/studio-detail.png")
                            : QStringLiteral("/studio-detail-nothing-to-upgrade.png"));
        QVERIFY2(m_window->grab().save(path), qPrintable(path));
        qInfo("wrote %s", qPrintable(path));
    }
}

QTEST_MAIN(TestStudioDetail)
#include "tst_studio_detail.moc"
