// SPDX-License-Identifier: Apache-2.0
// Studio's schema review (ui/compare) end to end on the offscreen platform: the real
// MainWindow opens the compare window from its Tools menu, both sides are read on a worker,
// the test selects objects in the tree, moves between differences with the keyboard, checks
// and unchecks changes with Space, reads the generated migration and its lint findings,
// creates the revision and compares the file with the one `retort revision --autogenerate`
// writes for the same changes, then finds it selected in the graph. Bad input (a model that
// does not load, no database, a server that never answers, no project) ends in a message
// inside the window, which stays usable.
#include "compare/comparewindow.h"
#include "compare/createrevisiondialog.h"
#include "compare/migrationpane.h"
#include "compare/objectfilterproxy.h"
#include "compare/schemaobjectmodel.h"
#include "compare/sidebysideview.h"
#include "compare/sourcepicker.h"
#include "connection/connectionprofiles.h"
#include "detail/revisiondetailpanel.h"
#include "editor/scripteditor.h"
#include "runlog/confirmrundialog.h"
#include "childprocess.h"
#include "guitesting.h"
#include "history/historygraphview.h"
#include "runnertesting.h"
#include "status/databasestatuspanel.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include "testliterals.h"

#include <QtTest>

using namespace retort;
using retort::testsupport::L;
using retort::testsupport::S;
using namespace retort::ui;
using retort::testsupport::copyTree;

namespace {

constexpr int kTimeoutMs = 60000; // a scratch database per side; the machine may be busy

const QString kRevisionId = QStringLiteral("c0ffee5e1ec7");

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void writeText(const QString& path, const QString& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

// The script without its create_date line (the clock differs between two writers).
QString withoutDate(const QString& script)
{
    QStringList lines = script.split(u'\n');
    lines.erase(std::remove_if(lines.begin(), lines.end(),
                               [](const QString& l) { return l.startsWith(QLatin1String("-- create_date:")); }),
                lines.end());
    return lines.join(u'\n');
}

// A copy of the example project whose model differs from its scripts at head: a new table, a
// new NOT NULL column, a wider column, another default, an index gone.
class ReviewProject
{
public:
    ReviewProject()
    {
        copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"), m_dir.path());
        QString model = readText(modelPath());
        model.replace(QStringLiteral("    full_name VARCHAR(255),\n"),
                      QStringLiteral("    full_name VARCHAR(300),\n    nickname VARCHAR(40) NOT NULL,\n"));
        model.replace(QStringLiteral("    is_active BOOLEAN NOT NULL DEFAULT TRUE,\n    failed_login_count"),
                      QStringLiteral("    is_active BOOLEAN NOT NULL DEFAULT FALSE,\n    failed_login_count"));
        model.replace(QStringLiteral("CREATE INDEX ix_user_sessions_expires_at ON user_sessions (expires_at);\n"),
                      QString());
        model += QStringLiteral("\nCREATE TABLE tags (\n    id INTEGER PRIMARY KEY,\n"
                                "    name VARCHAR(50) NOT NULL\n);\n");
        writeText(modelPath(), model);
    }

    QString configPath() const { return m_dir.filePath(QStringLiteral("retort.ini")); }
    QString modelPath() const { return m_dir.filePath(QStringLiteral("model.sql")); }
    QString url() const { return QStringLiteral("sqlite:///") + m_dir.filePath(QStringLiteral("app.db")); }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

// `retort revision --autogenerate` on `project` (a second copy) with `extra` options.
QString cliRevision(const ReviewProject& project, const QStringList& extra)
{
    const auto run = testsupport::runProgram(
        QStringLiteral(RETORT_CLI),
        QStringList{QStringLiteral("-c"), project.configPath(), QStringLiteral("--url"),
                    project.url(), QStringLiteral("revision"), QStringLiteral("--autogenerate"),
                    QStringLiteral("-m"), QStringLiteral("review"), QStringLiteral("--rev-id"),
                    kRevisionId} +
            extra);
    if (!run.ok())
        qWarning("%s\n%s", qPrintable(run.description), qPrintable(run.err));
    return readText(project.folder() + QStringLiteral("/versions/") + kRevisionId +
                    QStringLiteral("_review.sql"));
}

QModelIndex proxyIndexOf(CompareWindow* window, const QString& key)
{
    return window->filterProxy()->mapFromSource(window->objectModel()->indexOfKey(key));
}

void clickObject(CompareWindow* window, const QString& key)
{
    const QModelIndex index = proxyIndexOf(window, key);
    QVERIFY2(index.isValid(), qPrintable(key));
    window->objectTree()->scrollTo(index);
    QApplication::processEvents();
    const QRect rect = window->objectTree()->visualRect(index);
    QVERIFY2(rect.isValid(), qPrintable(key));
    QTest::mouseClick(window->objectTree()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window->objectTree()->currentIndex(), index);
}

// Waits for the migration pane to show the result for the newest selection.
void waitForMigration(CompareWindow* window)
{
    QTRY_VERIFY_WITH_TIMEOUT(window->migration()->isReady(), kTimeoutMs);
}

} // namespace

class TestStudioCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void reviewsTheModelAgainstTheScripts();
    void createsTheRevisionTheCliWrites();
    void partialSelectionMatchesCliOnly();
    void lintFindingsInTheMarginAndTheList();
    void driftCheckFromTheStatusBanner();
    void savedConnectionAsASide();
    void badModelShowsFileAndLine();
    void noDatabaseOrProjectGivesAMessage();
    void silentServerCanBeCancelledAndClosed();
    void lintFindingsOnScriptViews();
    void screenshot();

private:
    // The main window on `project`, with the compare window opened from the Tools menu and
    // its first comparison (the scripts at heads against the model) finished.
    CompareWindow* openReview(MainWindow& main, const ReviewProject& project);
};

void TestStudioCompare::init()
{
    QSettings().clear();
}

CompareWindow* TestStudioCompare::openReview(MainWindow& main, const ReviewProject& project)
{
    main.setDatabaseUrl(project.url());
    if (!main.openProject(project.configPath()))
        return nullptr;
    auto* action = main.findChild<QAction*>(QStringLiteral("compareSchemasAction"));
    if (!action)
        return nullptr;
    action->trigger();
    auto* window = main.findChild<CompareWindow*>();
    if (!window)
        return nullptr;
    QSignalSpy done(window, &CompareWindow::comparisonFinished);
    if (!done.wait(kTimeoutMs)) {
        qWarning("no comparison: %s", qPrintable(window->message()));
        return nullptr;
    }
    return window;
}

void TestStudioCompare::reviewsTheModelAgainstTheScripts()
{
    ReviewProject project;
    MainWindow main;
    main.setDatabaseUrl(project.url());
    QVERIFY(main.openProject(project.configPath()));
    main.findChild<QAction*>(QStringLiteral("compareSchemasAction"))->trigger();
    auto* window = main.findChild<CompareWindow*>();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    const auto testers = testsupport::modelTesters(window);
    QSignalSpy done(window, &CompareWindow::comparisonFinished);
    QVERIFY2(done.wait(kTimeoutMs), qPrintable(window->message()));

    // The sources chosen: the scripts at heads against the model; the counts in the header.
    QCOMPARE(window->fromPicker()->source().kind, CompareSource::Kind::Revision);
    QCOMPARE(window->toPicker()->source().kind, CompareSource::Kind::Model);
    QVERIFY2(window->countsText().contains(QLatin1String("1 only in to")), qPrintable(window->countsText()));
    QVERIFY2(window->countsText().contains(QLatin1String("2 different")), qPrintable(window->countsText()));
    QCOMPARE(window->objectModel()->checkedKeys().size(), 5);

    // users: the wider column changed word by word, the new column facing a filler.
    clickObject(window, QStringLiteral("table:users"));
    SideBySideView* view = window->sideBySide();
    QVERIFY(!view->fromEditor()->markedLines(ScriptEditor::LineMark::Changed).isEmpty());
    QVERIFY(!view->toEditor()->markedLines(ScriptEditor::LineMark::Added).isEmpty());
    const QList<int> fillers = view->fromEditor()->markedLines(ScriptEditor::LineMark::Filler);
    QCOMPARE(fillers, view->toEditor()->markedLines(ScriptEditor::LineMark::Added));
    QCOMPARE(view->fromEditor()->shownLineNumber(fillers.first()), 0);
    QCOMPARE(view->fromEditor()->lines(), view->toEditor()->lines());
    bool widened = false;
    for (const ScriptEditor::WordMark& mark : view->toEditor()->wordMarks())
        widened = widened || view->toEditor()->text(mark.line - 1).mid(mark.column, mark.length) == QLatin1String("300");
    QVERIFY(widened);

    // Keyboard: next / previous difference, the panes in step.
    const int count = view->differenceCount();
    QVERIFY2(count >= 2, qPrintable(view->fromEditor()->text() + QStringLiteral("\n----\n") + view->toEditor()->text()));
    QCOMPARE(view->currentDifference(), 0);
    window->objectTree()->setFocus();
    QTest::keyClick(window->objectTree(), Qt::Key_F7);
    QCOMPARE(view->currentDifference(), 1);
    QTest::keyClick(window->objectTree(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(view->currentDifference(), 0);
    QTest::keyClick(window->objectTree(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(view->currentDifference(), 1);
    window->resize(1000, 420); // shorter than the table: the panes scroll
    QApplication::processEvents();
    QScrollBar* toBar = view->toEditor()->verticalScrollBar();
    QVERIFY(toBar->maximum() > 0);
    toBar->setValue(toBar->maximum());
    QCOMPARE(view->fromEditor()->verticalScrollBar()->value(), toBar->maximum());
    window->resize(1280, 820);
    QApplication::processEvents();

    // A part of a table: only its own line.
    clickObject(window, QStringLiteral("column:users.full_name"));
    QCOMPARE(view->fromEditor()->text(), QStringLiteral("\"full_name\" VARCHAR(255)"));
    QCOMPARE(view->toEditor()->text(), QStringLiteral("\"full_name\" VARCHAR(300)"));

    // Filters: by status, then by text.
    window->statusFilter()->setCurrentIndex(window->statusFilter()->findData(int(ComparedObject::Status::OnlyInTo)));
    QVERIFY(proxyIndexOf(window, QStringLiteral("table:tags")).isValid());
    QVERIFY(!proxyIndexOf(window, QStringLiteral("table:documents")).isValid());
    // A table shows while a part of it matches, with only the matching parts.
    QVERIFY(proxyIndexOf(window, QStringLiteral("column:users.nickname")).isValid());
    QVERIFY(!proxyIndexOf(window, QStringLiteral("column:users.email")).isValid());
    window->statusFilter()->setCurrentIndex(0);
    QTest::keyClicks(window->textFilter(), QStringLiteral("sess"));
    QVERIFY(proxyIndexOf(window, QStringLiteral("table:user_sessions")).isValid());
    QVERIFY(proxyIndexOf(window, QStringLiteral("index:user_sessions.ix_user_sessions_expires_at")).isValid());
    QVERIFY(!proxyIndexOf(window, QStringLiteral("table:tags")).isValid());
    window->textFilter()->clear();

    // Space unchecks the new table; the migration no longer creates it; Space again brings it back.
    waitForMigration(window);
    QVERIFY(window->migration()->upgradeSql().contains(QLatin1String("CREATE TABLE \"tags\"")));
    clickObject(window, QStringLiteral("table:tags"));
    QTest::keyClick(window->objectTree(), Qt::Key_Space);
    QVERIFY(!window->objectModel()->checkedKeys().contains(QStringLiteral("table:tags")));
    QCOMPARE(proxyIndexOf(window, QStringLiteral("table:tags")).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    waitForMigration(window);
    QVERIFY(!window->migration()->upgradeSql().contains(QLatin1String("\"tags\"")));
    QVERIFY(window->migration()->upgradeSql().contains(QLatin1String("nickname")));
    QTest::keyClick(window->objectTree(), Qt::Key_Space);
    waitForMigration(window);
    QVERIFY(window->migration()->upgradeSql().contains(QLatin1String("CREATE TABLE \"tags\"")));

    // A table checks all its parts: users partly checked after one of them is unchecked.
    const QModelIndex fullName = proxyIndexOf(window, QStringLiteral("column:users.full_name"));
    QVERIFY(window->filterProxy()->setData(fullName, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(proxyIndexOf(window, QStringLiteral("table:users")).data(Qt::CheckStateRole).toInt(),
             int(Qt::PartiallyChecked));
    clickObject(window, QStringLiteral("table:users"));
    QTest::keyClick(window->objectTree(), Qt::Key_Space);
    QCOMPARE(proxyIndexOf(window, QStringLiteral("table:users")).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(window->objectModel()->allChecked());
}

void TestStudioCompare::createsTheRevisionTheCliWrites()
{
    ReviewProject project;
    MainWindow main;
    CompareWindow* window = openReview(main, project);
    QVERIFY(window);
    waitForMigration(window);
    QVERIFY(window->objectModel()->allChecked());
    QVERIFY(window->createRevisionAction()->isEnabled());

    // The dialog offers the head as parent; the request carries message and parent.
    CreateRevisionDialog dialog(main.project()->graph(), testsupport::example::kOwners, false, window);
    QTest::keyClicks(dialog.messageEdit(), QStringLiteral("review"));
    QCOMPARE(dialog.request().parents, QStringList{testsupport::example::kOwners});
    QVERIFY(!dialog.request().splice);

    NewRevision request = dialog.request();
    request.revisionId = kRevisionId;
    QSignalSpy created(window, &CompareWindow::revisionCreated);
    window->createRevision(request);
    QVERIFY2(created.wait(kTimeoutMs), qPrintable(window->message()));
    QCOMPARE(created.first().at(0).toString(), kRevisionId);
    const QString path = created.first().at(1).toString();

    // The project was read again and the new revision is selected in the graph.
    QTRY_COMPARE(main.historyView()->selectedRevision(), kRevisionId);
    QVERIFY(main.project()->graph().indexOf(kRevisionId) >= 0);

    // The same file as the CLI's, from a second copy of the same project.
    ReviewProject twin;
    const QString cli = cliRevision(twin, {});
    QVERIFY(!cli.isEmpty());
    QCOMPARE(withoutDate(readText(path)), withoutDate(cli));
    QVERIFY(cli.contains(QLatin1String("CREATE TABLE \"tags\"")));
}

void TestStudioCompare::partialSelectionMatchesCliOnly()
{
    ReviewProject project;
    MainWindow main;
    CompareWindow* window = openReview(main, project);
    QVERIFY(window);
    clickObject(window, QStringLiteral("table:tags"));
    QTest::keyClick(window->objectTree(), Qt::Key_Space);
    clickObject(window, QStringLiteral("index:user_sessions.ix_user_sessions_expires_at"));
    QTest::keyClick(window->objectTree(), Qt::Key_Space);
    waitForMigration(window);
    QStringList kept = window->objectModel()->checkedKeys().values();
    kept.sort();
    QCOMPARE(kept, (L({"column:users.full_name", "column:users.is_active", "column:users.nickname"})));

    NewRevision request;
    request.message = QStringLiteral("review");
    request.revisionId = kRevisionId;
    QSignalSpy created(window, &CompareWindow::revisionCreated);
    window->createRevision(request);
    QVERIFY2(created.wait(kTimeoutMs), qPrintable(window->message()));
    const QString studio = readText(created.first().at(1).toString());

    ReviewProject twin;
    QStringList only;
    for (const QString& key : kept)
        only << QStringLiteral("--only") << key;
    const QString cli = cliRevision(twin, only);
    QCOMPARE(withoutDate(studio), withoutDate(cli));
    QVERIFY(!cli.contains(QLatin1String("tags")));
    QVERIFY(cli.contains(QLatin1String("nickname")));
}

void TestStudioCompare::lintFindingsInTheMarginAndTheList()
{
    ReviewProject project;
    MainWindow main;
    CompareWindow* window = openReview(main, project);
    QVERIFY(window);
    waitForMigration(window);
    MigrationPane* pane = window->migration();
    QTreeWidget* list = pane->findingList();
    QVERIFY2(list->topLevelItemCount() > 0, qPrintable(pane->upgradeSql()));
    const QVector<ScriptEditor::Finding> findings =
        pane->upgradeEditor()->findings() + pane->downgradeEditor()->findings();
    QCOMPARE(list->topLevelItemCount(), findings.size());
    // Each finding: a code in the list, a margin symbol whose tooltip text names it.
    QTreeWidgetItem* item = list->topLevelItem(list->topLevelItemCount() - 1);
    const QString code = item->text(0);
    QVERIFY(code.startsWith(QLatin1String("RT")));
    const int line = item->text(3).toInt();
    ScriptEditor* editor = item->text(2) == QLatin1String("upgrade") ? pane->upgradeEditor()
                                                                      : pane->downgradeEditor();
    QVERIFY2(editor->findingsText(line).startsWith(code + u' '), qPrintable(editor->findingsText(line)));
    QVERIFY(editor->findingsText(line).contains(item->text(4)));
    // A click goes to the line.
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QCOMPARE(pane->tabs()->currentWidget(), editor);
    int cursorLine = 0;
    int index = 0;
    editor->getCursorPosition(&cursorLine, &index);
    QCOMPARE(cursorLine + 1, line);

    // Editing the SQL lints it again.
    const int before = pane->upgradeEditor()->findings().size();
    pane->tabs()->setCurrentIndex(0);
    pane->upgradeEditor()->append(QStringLiteral("\nDROP TABLE \"user_sessions\";\n"));
    QVERIFY(pane->isEdited());
    QTRY_VERIFY_WITH_TIMEOUT(pane->upgradeEditor()->findings().size() > before, kTimeoutMs);
}

void TestStudioCompare::driftCheckFromTheStatusBanner()
{
    ReviewProject project;
    testsupport::runSync(testsupport::runRequest(project.configPath(), project.url(),
                                                 Direction::Upgrade, QStringLiteral("heads")));
    const QString db = project.folder() + QStringLiteral("/app.db");
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("drift"));
        sql.setDatabaseName(db);
        QVERIFY(sql.open());
        QVERIFY(QSqlQuery(sql).exec(QStringLiteral("ALTER TABLE users ADD COLUMN hand_made TEXT")));
        sql.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("drift"));

    MainWindow main;
    main.setDatabaseUrl(project.url());
    QVERIFY(main.openProject(project.configPath()));
    QTRY_VERIFY_WITH_TIMEOUT(main.statusPanel()->offersDriftCheck(), kTimeoutMs);
    auto* link = main.statusPanel()->findChild<QLabel*>(QStringLiteral("driftLink"));
    QVERIFY(link && !link->isHidden());
    Q_EMIT link->linkActivated(QStringLiteral("drift"));
    auto* window = main.findChild<CompareWindow*>();
    QVERIFY(window);
    QCOMPARE(window->fromPicker()->source().kind, CompareSource::Kind::Revision);
    QCOMPARE(window->fromPicker()->source().revision, testsupport::example::kOwners);
    QCOMPARE(window->toPicker()->source().kind, CompareSource::Kind::Database);
    QTRY_VERIFY_WITH_TIMEOUT(window->comparison(), kTimeoutMs);
    QCOMPARE(window->comparison()->changeKeys(), L({"column:users.hand_made"}));
    const QModelIndex column = proxyIndexOf(window, QStringLiteral("column:users.hand_made"));
    QCOMPARE(column.siblingAtColumn(SchemaObjectModel::StatusColumn).data().toString(),
             SchemaObjectModel::statusText(ComparedObject::Status::OnlyInTo));
}

// Another saved connection as "to": its URL from the profiles, its password asked of the
// keychain (none here: no session bus), then read like the database in use.
void TestStudioCompare::savedConnectionAsASide()
{
    ReviewProject project;
    QTemporaryDir other;
    const QString otherUrl = QStringLiteral("sqlite:///") + other.filePath(QStringLiteral("staging.db"));
    testsupport::runSync(testsupport::runRequest(project.configPath(), otherUrl, Direction::Upgrade,
                                                 testsupport::example::kUsers));
    ConnectionProfiles profiles;
    profiles.save(QStringLiteral("staging"), otherUrl);
    CompareWindow window(&profiles);
    const Project opened = Project::open(project.configPath());
    window.setProject(&opened, project.url());
    window.show();
    CompareSource from;
    from.kind = CompareSource::Kind::Revision;
    from.revision = testsupport::example::kUsers;
    CompareSource to;
    to.kind = CompareSource::Kind::Connection;
    to.profile = QStringLiteral("staging");
    window.toPicker()->setSource(to);
    QCOMPARE(window.toPicker()->source().url, otherUrl);
    window.fromPicker()->setSource(from);
    QSignalSpy done(&window, &CompareWindow::comparisonFinished);
    window.startCompare();
    QVERIFY2(done.wait(kTimeoutMs), qPrintable(window.message()));
    // The staging database is exactly what the scripts at that revision make.
    QVERIFY2(window.comparison()->diff().isEmpty(), qPrintable(window.comparison()->diff().toText()));
    QVERIFY(window.countsText().contains(QLatin1String("connection 'staging'")));
}

void TestStudioCompare::badModelShowsFileAndLine()
{
    ReviewProject project;
    writeText(project.modelPath(), QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY);\n\n"
                                                  "CREATE TABLE b (id INTEGER REFERENCES);\n"));
    MainWindow main;
    main.setDatabaseUrl(project.url());
    QVERIFY(main.openProject(project.configPath()));
    main.findChild<QAction*>(QStringLiteral("compareSchemasAction"))->trigger();
    auto* window = main.findChild<CompareWindow*>();
    QSignalSpy failed(window, &CompareWindow::comparisonFailed);
    QVERIFY(failed.wait(kTimeoutMs));
    QVERIFY2(window->message().contains(QStringLiteral("model.sql:3:")), qPrintable(window->message()));
    QVERIFY(window->findChild<QLabel*>(QStringLiteral("compareMessage"))->isVisible());
    // Still usable: fix the model and compare again.
    writeText(project.modelPath(), QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY);\n"));
    QVERIFY(window->compareAction()->isEnabled());
    QSignalSpy done(window, &CompareWindow::comparisonFinished);
    window->compareAction()->trigger();
    QVERIFY2(done.wait(kTimeoutMs), qPrintable(window->message()));
    QVERIFY(window->message().isEmpty());
}

void TestStudioCompare::noDatabaseOrProjectGivesAMessage()
{
    ConnectionProfiles profiles;
    CompareWindow window(&profiles);
    window.setProject(nullptr, QString());
    window.show();
    QVERIFY(window.message().contains(QLatin1String("No project is open")));
    window.startCompare();
    QVERIFY(window.message().contains(QLatin1String("No project is open")));
    QVERIFY(!window.compareAction()->isEnabled());

    // A project with no revisions and no database URL.
    QTemporaryDir dir;
    writeText(dir.filePath(QStringLiteral("retort.ini")),
              QStringLiteral("[retort]\nscript_location = .\nversion_locations = versions\n"));
    QDir(dir.path()).mkpath(QStringLiteral("versions"));
    const Project empty = Project::open(dir.filePath(QStringLiteral("retort.ini")));
    window.setProject(&empty, QString());
    QVERIFY(window.compareAction()->isEnabled());
    CompareSource from;
    from.kind = CompareSource::Kind::Revision;
    from.revision = QStringLiteral("heads");
    CompareSource to;
    to.kind = CompareSource::Kind::Model;
    window.compare(from, to);
    QVERIFY2(window.message().contains(QLatin1String("names no model")), qPrintable(window.message()));
    to.kind = CompareSource::Kind::Database;
    QSignalSpy failed(&window, &CompareWindow::comparisonFailed);
    window.compare(from, to);
    QVERIFY(failed.wait(kTimeoutMs));
    QVERIFY2(window.message().contains(QLatin1String("No database")), qPrintable(window.message()));

    // With a database: empty against empty.
    window.setProject(&empty, QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("e.db")));
    QSignalSpy done(&window, &CompareWindow::comparisonFinished);
    window.compare(from, to);
    QVERIFY2(done.wait(kTimeoutMs), qPrintable(window.message()));
    QVERIFY(window.comparison()->objects().isEmpty());
    QVERIFY(!window.createRevisionAction()->isEnabled());
}

void TestStudioCompare::silentServerCanBeCancelledAndClosed()
{
    QTcpServer silent; // accepts, never answers: a database that went away mid-conversation
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ReviewProject project;
    const QString url = QStringLiteral("postgresql://ada:pw@127.0.0.1:%1/shop?connect_timeout=5")
                            .arg(silent.serverPort());
    auto* window = new CompareWindow(nullptr);
    const Project opened = Project::open(project.configPath());
    window->setProject(&opened, url);
    window->show();
    CompareSource from;
    from.kind = CompareSource::Kind::Revision;
    from.revision = QStringLiteral("heads");
    CompareSource to;
    to.kind = CompareSource::Kind::Database;
    window->compare(from, to);
    QVERIFY(window->isComparing());
    QVERIFY(window->message().contains(QLatin1String("Esc cancels")));
    // Esc cancels at once; the window is usable again.
    QApplication::setActiveWindow(window);
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(window, Qt::Key_Escape);
    QVERIFY(!window->isComparing());
    QVERIFY(clock.elapsed() < 1000);
    QVERIFY(window->message().contains(QLatin1String("cancelled")));
    QVERIFY(window->compareAction()->isEnabled());
    // Compare again and close while it waits: closing does not wait for the server.
    window->compare(from, to);
    QVERIFY(window->isComparing());
    clock.restart();
    window->close();
    delete window;
    QVERIFY(clock.elapsed() < 1000);
}

// Issue 16 item 4: the detail panel's Script tab and the run confirmation show lint findings
// as margin symbols with the rule's text, as `retort lint` reports them.
void TestStudioCompare::lintFindingsOnScriptViews()
{
    ReviewProject project;
    MainWindow main;
    main.setDatabaseUrl(project.url());
    QSignalSpy linted(main.detailPanel(), &RevisionDetailPanel::scriptLinted);
    QVERIFY(main.openProject(project.configPath()));
    QCOMPARE(main.historyView()->selectedRevision(), testsupport::example::kOwners);
    QTRY_VERIFY_WITH_TIMEOUT(!linted.isEmpty(), kTimeoutMs);
    ScriptEditor* script = main.detailPanel()->scriptEditor();
    QList<int> lines;
    for (const ScriptEditor::Finding& finding : script->findings())
        lines << finding.line;
    // The same lines as `retort lint --downgrade <revision>` (RT301 at 17 and 23, then the
    // downgrade's drops).
    const auto cli = testsupport::runProgram(
        QStringLiteral(RETORT_CLI), {QStringLiteral("-c"), project.configPath(), QStringLiteral("lint"),
                                     QStringLiteral("--downgrade"), testsupport::example::kOwners});
    QList<int> cliLines;
    const QRegularExpression located(QStringLiteral("\\.sql:(\\d+): RT"));
    for (auto match = located.globalMatch(cli.out); match.hasNext();)
        cliLines << match.next().captured(1).toInt();
    QVERIFY2(cliLines.size() > 2, qPrintable(cli.out + cli.err));
    QCOMPARE(lines, cliLines);
    QVERIFY2(script->findingsText(17).startsWith(QLatin1String("RT301 warning: CREATE INDEX on "
                                                               "existing table \"documents\"")),
             qPrintable(script->findingsText(17)));

    ConfirmRunDialog dialog(QStringLiteral("Roll back?"),
                            QStringLiteral("BEGIN;\nDROP TABLE outputs;\nCOMMIT;\n"),
                            Dialect::Sqlite, QStringLiteral("alembic_version"), 1, true);
    QCOMPARE(dialog.editor()->findings().size(), 1);
    QCOMPARE(dialog.editor()->findings().first().line, 2);
    QVERIFY(dialog.editor()->findingsText(2).startsWith(QLatin1String("RT101 ")));
}

void TestStudioCompare::screenshot()
{
    const QString folder = qEnvironmentVariable("RETORT_SCREENSHOT_DIR");
    if (folder.isEmpty())
        QSKIP("RETORT_SCREENSHOT_DIR not set (tools/screenshots.sh sets it)");
    ReviewProject project;
    MainWindow main;
    CompareWindow* window = openReview(main, project);
    QVERIFY(window);
    window->resize(1400, 860);
    clickObject(window, QStringLiteral("table:users"));
    waitForMigration(window);
    QTest::qWait(200);
    QVERIFY(window->grab().save(folder + QStringLiteral("/studio-compare.png")));
}

QTEST_MAIN(TestStudioCompare)
#include "tst_studio_compare.moc"
