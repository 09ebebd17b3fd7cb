// SPDX-License-Identifier: Apache-2.0
// The history graph widget on the example project (migrations/) and on a generated
// 10,000-revision history: selection by mouse and keys, signals, filter, and rendering.
// Screenshots are written next to the test binary (historygraphview-*.png) to be looked at.
#include "generatedproject.h"
#include "history/historygraphview.h"
#include "project/project.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

using namespace retort;
using retort::ui::HistoryGraphView;

namespace {

// The example project's history, newest first.
const QStringList kExampleRows{QStringLiteral("5f7d2a6c8e13"), QStringLiteral("c2e84b19f7a0"),
                               QStringLiteral("1b6fc84e07d9"), QStringLiteral("9a03d7e5b4f6"),
                               QStringLiteral("e58a2f3d90c1"), QStringLiteral("7d41b0e9c6a2"),
                               QStringLiteral("3c9e1a7f52b8")};

QString screenshotPath(const QString& name)
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/historygraphview-") + name +
           QStringLiteral(".png");
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    palette.setColor(QPalette::Highlight, QColor(0x2d, 0x5a, 0x8c));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    return palette;
}

} // namespace

class TestHistoryGraphView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_project = std::make_unique<Project>(
            Project::open(QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini")));
    }

    void init()
    {
        m_view = std::make_unique<HistoryGraphView>();
        m_view->resize(760, 9 * 26);
        m_view->setGraph(m_project->graph());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup() { m_view.reset(); }

    void showsTheHistoryNewestFirst()
    {
        QCOMPARE(m_view->layout().rowCount(), kExampleRows.size());
        for (int row = 0; row < kExampleRows.size(); ++row) {
            const QRect rect = m_view->revisionRect(kExampleRows[row]);
            QCOMPARE(m_view->rowAt(rect.center().y()), row);
        }
        QVERIFY(m_view->revisionRect(QStringLiteral("nosuchrev")).isEmpty());
        QCOMPARE(m_view->selectedRevision(), QString());
    }

    void clickSelects()
    {
        QSignalSpy spy(m_view.get(), &HistoryGraphView::currentRevisionChanged);
        const QString id = QStringLiteral("9a03d7e5b4f6");
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          m_view->revisionRect(id).center());
        QCOMPARE(m_view->selectedRevision(), id);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), id);
        // Clicking the same row again is no change; below the last row selects nothing new.
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          m_view->revisionRect(id).center());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          QPoint(10, m_view->viewport()->height() - 2));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(m_view->selectedRevision(), id);
        // A new graph (after a reload) starts without a selection, and says so.
        m_view->setGraph(m_project->graph());
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QString());
        QCOMPARE(m_view->selectedRevision(), QString());
    }

    void keysMoveTheSelection_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("down from nothing") << QString() << int(Qt::Key_Down) << kExampleRows[0];
        QTest::newRow("down") << kExampleRows[0] << int(Qt::Key_Down) << kExampleRows[1];
        QTest::newRow("up") << kExampleRows[3] << int(Qt::Key_Up) << kExampleRows[2];
        QTest::newRow("up at top") << kExampleRows[0] << int(Qt::Key_Up) << kExampleRows[0];
        QTest::newRow("down at end") << kExampleRows[6] << int(Qt::Key_Down) << kExampleRows[6];
        QTest::newRow("home") << kExampleRows[4] << int(Qt::Key_Home) << kExampleRows[0];
        QTest::newRow("end") << kExampleRows[1] << int(Qt::Key_End) << kExampleRows[6];
        // The view shows 9 rows at most: a page is further than the 7 revisions.
        QTest::newRow("page down") << kExampleRows[1] << int(Qt::Key_PageDown) << kExampleRows[6];
        QTest::newRow("page up") << kExampleRows[5] << int(Qt::Key_PageUp) << kExampleRows[0];
    }

    void keysMoveTheSelection()
    {
        QFETCH(QString, start);
        QFETCH(int, key);
        QFETCH(QString, expected);
        if (!start.isEmpty())
            m_view->selectRevision(start);
        QCOMPARE(m_view->selectedRevision(), start);
        QSignalSpy spy(m_view.get(), &HistoryGraphView::currentRevisionChanged);
        QTest::keyClick(m_view.get(), Qt::Key(key));
        QCOMPARE(m_view->selectedRevision(), expected);
        QCOMPARE(spy.size(), start == expected ? 0 : 1);
    }

    void pageKeysMoveByAPage()
    {
        m_view->setGraph(RevisionGraph(testsupport::generatedRevisions(200)));
        const int pageRows = m_view->viewport()->height() / m_view->rowHeight() - 1;
        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QTest::keyClick(m_view.get(), Qt::Key_PageDown);
        const int row = m_view->layout().rowOf(m_view->graph().indexOf(m_view->selectedRevision()));
        QCOMPARE(row, pageRows);
        // The selected row is scrolled into view.
        const QRect rect = m_view->revisionRect(m_view->selectedRevision());
        QVERIFY(m_view->viewport()->rect().contains(rect));
        QTest::keyClick(m_view.get(), Qt::Key_End);
        QVERIFY(
            m_view->viewport()->rect().contains(m_view->revisionRect(m_view->selectedRevision())));
        QVERIFY(m_view->verticalScrollBar()->value() > 0);
    }

    void contextMenuNamesTheRevision()
    {
        QSignalSpy spy(m_view.get(), &HistoryGraphView::revisionContextMenuRequested);
        const QString id = QStringLiteral("c2e84b19f7a0");
        const QPoint pos = m_view->revisionRect(id).center();
        QContextMenuEvent byMouse(QContextMenuEvent::Mouse, pos,
                                  m_view->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(m_view->viewport(), &byMouse);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), id);
        QCOMPARE(m_view->selectedRevision(), id); // the menu acts on what it shows selected

        m_view->selectRevision(kExampleRows[6]);
        QContextMenuEvent byKeyboard(QContextMenuEvent::Keyboard, QPoint(), QPoint());
        QApplication::sendEvent(m_view->viewport(), &byKeyboard);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), kExampleRows[6]);

        // Below the last row there is no revision: no request.
        const QPoint empty(10, m_view->viewport()->height() - 2);
        QContextMenuEvent onNothing(QContextMenuEvent::Mouse, empty,
                                    m_view->viewport()->mapToGlobal(empty));
        QApplication::sendEvent(m_view->viewport(), &onNothing);
        QCOMPARE(spy.size(), 2);
    }

    void filterMatchesIdLabelAndMessage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("matching");
        QTest::newRow("id prefix") << QStringLiteral("9A03") << QStringList{kExampleRows[3]};
        QTest::newRow("id middle is not a prefix") << QStringLiteral("d7e5b4") << QStringList{};
        QTest::newRow("message") << QStringLiteral("SESSIONS") << QStringList{kExampleRows[4]};
        // A branch label applies to the branch (and what follows it), as Alembic resolves it.
        QStringList styles;
        const RevisionGraph& graph = m_project->graph();
        for (const QString& id : kExampleRows) {
            const int index = graph.indexOf(id);
            if (graph.branchLabels(index).contains(QStringLiteral("styles")) ||
                graph.revision(index).message.contains(QStringLiteral("styles")))
                styles << id;
        }
        QVERIFY(styles.size() >= 2);
        QTest::newRow("label") << QStringLiteral("styles") << styles;
        QTest::newRow("cleared") << QString() << kExampleRows;
    }

    void filterMatchesIdLabelAndMessage()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, matching);
        m_view->setFilterText(text);
        QStringList found;
        for (int row = 0; row < kExampleRows.size(); ++row) {
            if (m_view->rowMatchesFilter(row))
                found << kExampleRows[row];
        }
        QCOMPARE(found, matching);
        QCOMPARE(m_view->matchingRowCount(), matching.size());
    }

    // Keys move between matches only; dimmed rows are skipped.
    void keysSkipRowsOutsideTheFilter()
    {
        m_view->setFilterText(QStringLiteral("add"));
        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QCOMPARE(m_view->selectedRevision(), kExampleRows[0]);
        QTest::keyClick(m_view.get(), Qt::Key_Down); // skips the merge
        QCOMPARE(m_view->selectedRevision(), kExampleRows[2]);
        QTest::keyClick(m_view.get(), Qt::Key_End); // the baseline does not match
        QCOMPARE(m_view->selectedRevision(), kExampleRows[5]);
        m_view->setFilterText(QStringLiteral("no such text"));
        QCOMPARE(m_view->matchingRowCount(), 0);
        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QCOMPARE(m_view->selectedRevision(), kExampleRows[5]);
    }

    void dimmedRowsArePaintedFainter()
    {
        const QRect mergeRow = m_view->revisionRect(kExampleRows[1]);
        const QImage before = m_view->viewport()->grab().toImage();
        m_view->setFilterText(QStringLiteral("add"));
        const QImage after = m_view->viewport()->grab().toImage();
        QCOMPARE(after.copy(m_view->revisionRect(kExampleRows[0])),
                 before.copy(m_view->revisionRect(kExampleRows[0])));
        QVERIFY(after.copy(mergeRow) != before.copy(mergeRow));
        after.save(screenshotPath(QStringLiteral("filtered")));
    }

    void nodesShowAppliedAndPending()
    {
        m_view->setAppliedRevisions({kExampleRows[6], kExampleRows[5], kExampleRows[4]});
        m_view->setCurrentRevisions({kExampleRows[4]});
        const QImage image = m_view->viewport()->grab().toImage();
        const QColor base = m_view->palette().color(QPalette::Base);
        const QColor applied = image.pixelColor(m_view->nodeCentre(kExampleRows[5]));
        const QColor pending = image.pixelColor(m_view->nodeCentre(kExampleRows[3]));
        QCOMPARE(pending, base);
        QVERIFY2(applied != base, qPrintable(applied.name()));
    }

    void screenshots()
    {
        m_view->setAppliedRevisions({kExampleRows[6], kExampleRows[5], kExampleRows[4]});
        m_view->setCurrentRevisions({kExampleRows[4]});
        m_view->selectRevision(kExampleRows[2]);
        QVERIFY(m_view->grab().save(screenshotPath(QStringLiteral("light"))));
        m_view->setPalette(darkPalette());
        QVERIFY(m_view->grab().save(screenshotPath(QStringLiteral("dark"))));
        qInfo("screenshots in %s", qPrintable(QCoreApplication::applicationDirPath()));
    }

    // Several lanes: a long-lived branch crossed by merges on main, and a three-way merge.
    void manyLanesScreenshot()
    {
        const auto revision = [](const char* id, const char* parents, const char* message) {
            Revision made;
            made.id = QLatin1String(id);
            made.downRevisions = QString::fromLatin1(parents).split(u',', Qt::SkipEmptyParts);
            made.message = QLatin1String(message);
            return made;
        };
        QVector<Revision> revisions{
            revision("base0001", "", "baseline"),
            revision("main0002", "base0001", "main work"),
            revision("feat0003", "base0001", "start the long-lived feature"),
            revision("topa0004", "main0002", "topic a"),
            revision("topb0005", "main0002", "topic b"),
            revision("topc0006", "main0002", "topic c"),
            revision("mrga0007", "topa0004,topb0005,topc0006", "merge three topics"),
            revision("feat0008", "feat0003", "feature, continued"),
            revision("main0009", "mrga0007,feat0008", "merge the feature")};
        revisions[2].branchLabels = QStringList{QStringLiteral("feature")};
        m_view->setGraph(RevisionGraph(revisions));
        m_view->setAppliedRevisions(
            {QStringLiteral("base0001"), QStringLiteral("main0002"), QStringLiteral("feat0003")});
        m_view->setCurrentRevisions({QStringLiteral("main0002"), QStringLiteral("feat0003")});
        QCOMPARE(m_view->layout().laneCount(), 4);
        QVERIFY(m_view->grab().save(screenshotPath(QStringLiteral("lanes"))));
    }

    void largeHistory()
    {
        const RevisionGraph graph(testsupport::generatedRevisions(10000));
        HistoryGraphView view;
        view.resize(760, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QElapsedTimer timer;
        timer.start();
        view.setGraph(graph);
        const qint64 layoutMs = timer.restart();
        const QPixmap first = view.grab();
        const qint64 paintMs = timer.restart();
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
        const QPixmap middle = view.grab();
        const qint64 scrolledMs = timer.elapsed();
        QCOMPARE(view.layout().rowCount(), 10000);
        QVERIFY(view.rowAt(0) > 4000);
        middle.save(screenshotPath(QStringLiteral("10000")));
        qInfo("10000 revisions: copy + layout %lld ms, first paint %lld ms, paint after a "
              "jump to the middle %lld ms",
              layoutMs, paintMs, scrolledMs);
    }

private:
    std::unique_ptr<Project> m_project;
    std::unique_ptr<HistoryGraphView> m_view;
};

QTEST_MAIN(TestHistoryGraphView)
#include "tst_historygraphview.moc"
