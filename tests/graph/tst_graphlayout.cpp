// SPDX-License-Identifier: Apache-2.0
// The history graph's lane layout against golden ASCII drawings in tests/data/graph-layout/.
// Each case holds graph.txt (as in tests/data/graph/) or project.txt (a project's config,
// relative to the source tree), and expected.txt, the drawing of its history. Run with
// RETORT_UPDATE_GOLDEN=1 to rewrite the drawings, then read every one before keeping it.
#include "graphfixture.h"
#include "generatedproject.h"
#include "graph/graphlayout.h"
#include "project/project.h"
#include "graph/revisiongraph.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace retort;

namespace {

const QString kLayoutData = QStringLiteral(RETORT_TEST_DATA "/graph-layout");

QString readText(const QString& path)
{
    return testsupport::readTextFile(path);
}

QVector<Revision> readGraphFile(const QString& path)
{
    return testsupport::readGraphFixture(path);
}

RevisionGraph graphOfCase(const QString& folder)
{
    const QString projectFile = folder + QStringLiteral("/project.txt");
    if (QFile::exists(projectFile)) {
        const QString config = readText(projectFile).trimmed();
        return Project::open(QStringLiteral(RETORT_SOURCE_DIR "/") + config).graph();
    }
    return RevisionGraph(readGraphFile(folder + QStringLiteral("/graph.txt")));
}

// Follows the lines leaving `row` down to the nodes they end at. Fails (returns -1 among the
// results) when a line dangles: it reaches a row where no line continues it.
QVector<int> revisionsReachedFrom(const GraphLayout& layout, int row)
{
    QVector<int> reached;
    for (const GraphSegment& start : layout.segments(row)) {
        if (start.from != layout.row(row).lane)
            continue;
        int lane = start.to;
        int at = row + 1;
        while (at < layout.rowCount() && lane != layout.row(at).lane) {
            int next = -1;
            for (const GraphSegment& segment : layout.segments(at)) {
                if (segment.from == lane)
                    next = segment.to;
            }
            lane = next;
            ++at;
        }
        reached.append(at < layout.rowCount() ? layout.row(at).revision : -1);
    }
    std::sort(reached.begin(), reached.end());
    return reached;
}

// Every drawn line starts at a node or continues a line from the row above, and the lines
// leaving each node end exactly at its parents (those shown below it).
void verifyLinesMatchParents(const RevisionGraph& graph, const GraphLayout& layout)
{
    for (int row = 0; row < layout.rowCount(); ++row) {
        QSet<int> arriving{layout.row(row).lane};
        if (row > 0) {
            for (const GraphSegment& segment : layout.segments(row - 1))
                arriving.insert(segment.to);
        }
        for (const GraphSegment& segment : layout.segments(row)) {
            QVERIFY2(arriving.contains(segment.from),
                     qPrintable(QStringLiteral("row %1: a line starts from nothing").arg(row)));
            QVERIFY(segment.to >= 0 && segment.to < layout.laneCount());
        }
        const int revision = layout.row(row).revision;
        QVector<int> parents;
        for (int parent : graph.parents(revision)) {
            if (layout.rowOf(parent) > row)
                parents.append(parent);
        }
        std::sort(parents.begin(), parents.end());
        QCOMPARE(revisionsReachedFrom(layout, row), parents);
    }
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data()
    {
        QTest::addColumn<QString>("folder");
        const QStringList cases = QDir(kLayoutData).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(cases.size() >= 7);
        for (const QString& name : cases)
            QTest::newRow(qPrintable(name)) << kLayoutData + u'/' + name;
    }

    void goldenCases()
    {
        QFETCH(QString, folder);
        const RevisionGraph graph = graphOfCase(folder);
        QVERIFY(graph.count() > 0);
        const GraphLayout layout(graph, graph.history());
        verifyLinesMatchParents(graph, layout);
        const QString drawing = layout.toAscii(graph);
        const QString expectedPath = folder + QStringLiteral("/expected.txt");
        if (qEnvironmentVariableIsSet("RETORT_UPDATE_GOLDEN")) {
            QFile file(expectedPath);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text));
            file.write(drawing.toUtf8());
        }
        QCOMPARE(drawing, readText(expectedPath));
    }

    void emptyHistoryHasNoRows()
    {
        const RevisionGraph graph;
        const GraphLayout layout(graph, {});
        QCOMPARE(layout.rowCount(), 0);
        QCOMPARE(layout.laneCount(), 0);
        QCOMPARE(layout.toAscii(graph), QString());
    }

    // Showing part of the history (a filter): lines to hidden parents are not drawn, and a
    // revision whose children are hidden starts its own lane.
    void hiddenRevisionsDropTheirLines()
    {
        const RevisionGraph graph(
            readGraphFile(kLayoutData + QStringLiteral("/diamond/graph.txt")));
        const int merge = graph.indexOf(QStringLiteral("dia4merg"));
        const int left = graph.indexOf(QStringLiteral("dia2left"));
        const int base = graph.indexOf(QStringLiteral("dia1aaaa"));
        const GraphLayout layout(graph, {merge, left, base});
        verifyLinesMatchParents(graph, layout);
        QCOMPARE(layout.toAscii(graph), QStringLiteral("* dia4merg\n* dia2left\n* dia1aaaa\n"));
        QCOMPARE(layout.rowOf(graph.indexOf(QStringLiteral("dia3rght"))), -1);

        const GraphLayout withoutMerge(graph, {left, base});
        QCOMPARE(withoutMerge.row(0).lane, 0);
        QCOMPARE(withoutMerge.segments(1).size(), 0);
    }

    void rowsMapBackToRevisions()
    {
        const RevisionGraph graph(
            readGraphFile(kLayoutData + QStringLiteral("/three_way_merge/graph.txt")));
        const QVector<int> history = graph.history();
        const GraphLayout layout(graph, history);
        QCOMPARE(layout.rowCount(), history.size());
        for (int row = 0; row < history.size(); ++row) {
            QCOMPARE(layout.row(row).revision, history[row]);
            QCOMPARE(layout.rowOf(history[row]), row);
        }
        QCOMPARE(layout.laneCount(), 3);
    }

    // depends_on edges are shown elsewhere: they never take a lane.
    void dependenciesAreNotDrawn()
    {
        const RevisionGraph graph(
            readGraphFile(kLayoutData + QStringLiteral("/depends_on/graph.txt")));
        const GraphLayout layout(graph, graph.history());
        const int dependent = layout.rowOf(graph.indexOf(QStringLiteral("dep2othr")));
        QCOMPARE(revisionsReachedFrom(layout, dependent),
                 QVector<int>{graph.indexOf(QStringLiteral("dep1othr"))});
    }

    void largeGeneratedHistory()
    {
        const int size = 10000;
        const RevisionGraph graph(testsupport::generatedRevisions(size));
        const QVector<int> history = graph.history();
        QElapsedTimer timer;
        timer.start();
        const GraphLayout layout(graph, history);
        const qint64 micros = timer.nsecsElapsed() / 1000;
        QCOMPARE(layout.rowCount(), size);
        QVERIFY2(layout.laneCount() <= 2, qPrintable(QString::number(layout.laneCount())));
        verifyLinesMatchParents(graph, layout);
        qInfo("layout of %d revisions: %lld us, %d lanes", size, micros, layout.laneCount());
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
