// SPDX-License-Identifier: Apache-2.0
// Retort Studio as a support engineer meets it: a failed connection leaves no stale marks, a
// missing SQLite file is named as such (and not created), the confirmation closes with Esc and
// counts what a rollback really destroys, Esc clears the filter, and the log of a plan shows
// no times for statements that did not run.
#include "guitesting.h"
#include "history/historygraphview.h"
#include "run/migrationrunner.h"
#include "runlog/confirmrundialog.h"
#include "runlog/runcontroller.h"
#include "runlog/runlogpanel.h"
#include "editor/scripteditor.h"
#include "status/databasestatuspanel.h"
#include "studiotesting.h"
#include "window/mainwindow.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport::example;
using retort::testsupport::ModalWatcher;
using retort::ui::ConfirmRunDialog;
using retort::ui::MainWindow;

namespace {

constexpr int kTimeoutMs = 30000;

} // namespace

class TestStudioSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failedConnectionClearsTheMarks();
    void missingSqliteFileIsNamedNotCreated();
    void confirmationClosesWithEscAndCountsWhatIsLost();
    void escClearsTheFilter();
    void waitingOnASilentServerCanBeCancelled();

private:
    void openAt(const QString& revision);
    void waitForHeadline(const QString& part);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_config;
    QString m_url;
};

void TestStudioSupport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    testsupport::copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"), m_dir->filePath(QStringLiteral("project")));
    m_config = m_dir->filePath(QStringLiteral("project/retort.ini"));
    m_url = QStringLiteral("sqlite:///") + m_dir->filePath(QStringLiteral("support.db"));
}

void TestStudioSupport::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestStudioSupport::waitForHeadline(const QString& part)
{
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->statusPanel()->headline().contains(part),
                              qPrintable(m_window->statusPanel()->headline()), kTimeoutMs);
}

// The window on the example project and a SQLite database brought to `revision`.
void TestStudioSupport::openAt(const QString& revision)
{
    RunRequest request;
    request.configPath = m_config;
    request.databaseUrl = m_url;
    request.target = revision;
    MigrationRunner().run(request);
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openProject(m_config));
    m_window->setDatabaseUrl(m_url);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyView()->currentRevisions(), QStringList{revision}, kTimeoutMs);
}

// Connected to a SQLite database at some revision, then to a server that refuses: the banner
// says so, and the graph no longer shows the first database's "you are here" and applied marks.
void TestStudioSupport::failedConnectionClearsTheMarks()
{
    openAt(kUsers);
    QVERIFY(m_window->historyView()->isApplied(kBaseline));
    m_window->setDatabaseUrl(QStringLiteral("postgresql://ada:wrong@127.0.0.1:1/shop"));
    waitForHeadline(QStringLiteral("Cannot read the database"));
    QCOMPARE(m_window->historyView()->currentRevisions(), QStringList());
    QVERIFY(!m_window->historyView()->isApplied(kBaseline));
    QVERIFY(!m_window->historyView()->isApplied(kUsers));
}

void TestStudioSupport::missingSqliteFileIsNamedNotCreated()
{
    openAt(kBaseline);
    const QString missing = m_dir->filePath(QStringLiteral("not-there.db"));
    m_window->setDatabaseUrl(QStringLiteral("sqlite:///") + missing);
    waitForHeadline(QStringLiteral("No such database file"));
    QVERIFY2(m_window->statusPanel()->headline().contains(QStringLiteral("an upgrade creates it")),
             qPrintable(m_window->statusPanel()->headline()));
    QVERIFY(!QFileInfo::exists(missing));
}

// Rolling the head back on SQLite rebuilds two tables behind a temporary guard table: the
// confirmation counts the two rebuilds (naming the five columns they lose), not the guard, and
// Esc pressed in the SQL view closes it without running anything.
void TestStudioSupport::confirmationClosesWithEscAndCountsWhatIsLost()
{
    openAt(kOwners);
    int destructive = -1;
    QString summary;
    bool closed = false;
    ModalWatcher watcher([&](QWidget* widget) {
        auto* dialog = qobject_cast<ConfirmRunDialog*>(widget);
        if (!dialog)
            return;
        destructive = dialog->destructiveCount();
        for (QLabel* label : dialog->findChildren<QLabel*>())
            summary += label->text() + u'\n';
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        dialog->editor()->setFocus();
        QTest::keyClick(dialog->editor(), Qt::Key_Escape);
        closed = !dialog->isVisible();
        if (!closed)
            dialog->reject(); // fail below rather than wait for ever
    });
    m_window->requestRun(Direction::Downgrade, kMerge);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->runLog()->text().contains(QStringLiteral("Not run.")), kTimeoutMs);
    QVERIFY(closed);
    QCOMPARE(destructive, 2);
    for (const char* column : {"is_archived", "title", "user_id", "owner_id", "status"})
        QVERIFY2(summary.contains(QLatin1String(column)), qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1String("drops a table")), qPrintable(summary));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyView()->currentRevisions(), QStringList{kOwners}, kTimeoutMs);
    // The plan's statements did not run: no times in its log lines.
    QVERIFY2(!m_window->runLog()->text().contains(QStringLiteral("[-1 ms]")), qPrintable(m_window->runLog()->text()));
}

void TestStudioSupport::escClearsTheFilter()
{
    openAt(kBaseline);
    auto* filter = m_window->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QVERIFY(filter);
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("users"));
    QCOMPARE(m_window->historyView()->filterText(), QStringLiteral("users"));
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(m_window->historyView()->filterText(), QString());
}

// A server that accepts the connection and never answers: the banner offers Cancel while it
// reads, Esc stops both the read and the planning of an upgrade at once, and nothing waits in
// the pool that the application waits for when it quits; closing the window mid-planning
// returns at once.
void TestStudioSupport::waitingOnASilentServerCanBeCancelled()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    openAt(kBaseline);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->setDatabaseUrl(QStringLiteral("postgresql://bench:bench@127.0.0.1:%1/db?connect_timeout=60")
                                 .arg(silent.serverPort()));
    waitForHeadline(QStringLiteral("Reading the database"));
    auto* cancel = m_window->findChild<QPushButton*>(QStringLiteral("cancelReadButton"));
    QVERIFY(cancel);
    QVERIFY(cancel->isVisible());
    // Other work on the pool (the detail panel's offline plans) ends quickly; the read does not
    // wait there.
    QTRY_COMPARE_WITH_TIMEOUT(QThreadPool::globalInstance()->activeThreadCount(), 0, 5000);
    QCOMPARE(m_window->statusPanel()->headline(), QStringLiteral("Reading the database..."));
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    waitForHeadline(QStringLiteral("cancelled"));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!cancel->isVisible());

    // Upgrade: "Planning..." waits on the same server; Esc ends it.
    m_window->requestRun(Direction::Upgrade, QStringLiteral("heads"));
    QTRY_VERIFY(m_window->runLog()->text().contains(QStringLiteral("Planning")));
    QVERIFY(m_window->runController()->isRunning());
    clock.restart();
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->runLog()->text().contains(QStringLiteral("Cancelled.")), 2000);
    QVERIFY(!m_window->runController()->isRunning());

    // Planning again, then the window closes while it waits: it does not wait with it.
    m_window->requestRun(Direction::Upgrade, QStringLiteral("heads"));
    QTRY_VERIFY(m_window->runController()->isRunning());
    clock.restart();
    m_window.reset();
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_MAIN(TestStudioSupport)
#include "tst_studio_support.moc"
