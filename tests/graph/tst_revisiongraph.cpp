// SPDX-License-Identifier: Apache-2.0
// The revision graph, resolution and planning against golden cases in tests/data/graph/.
// Each case's expected.txt was produced by Alembic's own RevisionMap
// (tests/tools/alembic_graph_oracle.py; the graph_cases_match_alembic test re-checks it).
#include "common/error.h"
#include "generatedproject.h"
#include "graphfixture.h"
#include "graph/migrationplanner.h"
#include "graph/revisiongraph.h"
#include "graph/revisionrange.h"
#include "graph/revisionresolver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <memory>

using namespace retort;

namespace {

const QString kGraphData = QStringLiteral(RETORT_TEST_DATA "/graph");

QStringList readLines(const QString& path)
{
    return testsupport::fixtureLines(path);
}

QVector<Revision> readGraph(const QString& folder)
{
    return testsupport::readGraphFixture(folder + QStringLiteral("/graph.txt"));
}

QString idsOf(const RevisionGraph& graph, const QVector<int>& revisions)
{
    QStringList ids;
    for (int i : revisions)
        ids << graph.id(i);
    return ids.isEmpty() ? QStringLiteral("(none)") : ids.join(u' ');
}

QVector<int> currentOf(const RevisionGraph& graph, const QString& text)
{
    QVector<int> current;
    if (text != QLatin1String("base")) {
        for (const QString& id : text.split(u','))
            current.append(graph.indexOf(id));
    }
    return current;
}

QString answer(const RevisionGraph& graph, const QString& query)
{
    const QStringList words = query.split(u' ');
    const QString& kind = words[0];
    if (kind == QLatin1String("load"))
        return QStringLiteral("ok");
    if (kind == QLatin1String("heads"))
        return idsOf(graph, graph.heads());
    if (kind == QLatin1String("realheads"))
        return idsOf(graph, graph.realHeads());
    if (kind == QLatin1String("bases"))
        return idsOf(graph, graph.bases());
    if (kind == QLatin1String("history"))
        return idsOf(graph, graph.history());
    if (kind == QLatin1String("resolve")) {
        QVector<int> found = RevisionResolver(graph).resolve(words[1]);
        std::sort(found.begin(), found.end());
        return found.isEmpty() ? QStringLiteral("base") : idsOf(graph, found);
    }
    if (kind == QLatin1String("upgrade") || kind == QLatin1String("downgrade")) {
        const Direction direction =
            kind == QLatin1String("upgrade") ? Direction::Upgrade : Direction::Downgrade;
        QVector<int> revisions;
        for (const MigrationStep& step :
             MigrationPlanner(graph).plan(currentOf(graph, words[1]), words[2], direction))
            revisions.append(step.revision);
        return idsOf(graph, revisions);
    }
    if (kind == QLatin1String("current"))
        return idsOf(graph, graph.currentTops(currentOf(graph, words[1])));
    if (kind == QLatin1String("range"))
        return idsOf(graph, revisionRange(graph, words[1]));
    if (kind == QLatin1String("labels")) {
        QStringList labels = graph.branchLabels(graph.indexOf(words[1]));
        labels.sort();
        return labels.isEmpty() ? QStringLiteral("(none)") : labels.join(u' ');
    }
    return QStringLiteral("unknown query");
}

} // namespace

class TestRevisionGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("message");
        const QStringList cases = QDir(kGraphData).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(cases.size() >= 15);
        for (const QString& name : cases) {
            const QString folder = kGraphData + u'/' + name;
            QHash<QString, QString> messages;
            for (const QString& line : readLines(folder + QStringLiteral("/messages.txt")))
                messages.insert(line.section(QStringLiteral(" => "), 0, 0),
                                line.section(QStringLiteral(" => "), 1));
            const QStringList expected = readLines(folder + QStringLiteral("/expected.txt"));
            QVERIFY2(!expected.isEmpty(), qPrintable(name));
            for (const QString& line : expected) {
                const QString query = line.section(QStringLiteral(" => "), 0, 0);
                QTest::addRow("%s: %s", qPrintable(name), qPrintable(query))
                    << folder << query << line.section(QStringLiteral(" => "), 1)
                    << messages.value(query);
            }
        }
    }

    void goldenCases()
    {
        QFETCH(QString, folder);
        QFETCH(QString, query);
        QFETCH(QString, expected);
        QFETCH(QString, message);
        QString result;
        QString errorText;
        try {
            const RevisionGraph graph(readGraph(folder));
            result = answer(graph, query);
        } catch (const Error& error) {
            result = QStringLiteral("error");
            errorText = error.message();
        }
        QCOMPARE(result, expected);
        if (!message.isEmpty())
            QVERIFY2(errorText.contains(message), qPrintable(errorText));
    }

    void errorsNameTheFiles()
    {
        QVector<Revision> revisions = readGraph(kGraphData + QStringLiteral("/missing_parent"));
        try {
            RevisionGraph graph(revisions);
            QFAIL("a missing parent was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Graph);
            QVERIFY2(error.message().contains(QLatin1String("versions/mis2aaaa.sql")),
                     qPrintable(error.message()));
        }
    }

    void everyProblemIsReportedAtOnce()
    {
        QVector<Revision> revisions = readGraph(kGraphData + QStringLiteral("/missing_parent"));
        revisions += readGraph(kGraphData + QStringLiteral("/missing_dependency"));
        try {
            RevisionGraph graph(revisions);
            QFAIL("broken graph accepted");
        } catch (const Error& error) {
            QVERIFY(error.message().contains(QLatin1String("zzzzzzzz")));
            QVERIFY(error.message().contains(QLatin1String("nothere")));
        }
    }

    void relativeNeedsTheCurrentRevision()
    {
        const RevisionGraph graph(readGraph(kGraphData + QStringLiteral("/linear")));
        const RevisionResolver resolver(graph);
        QVERIFY_THROWS_EXCEPTION(Error, resolver.resolve(QStringLiteral("+1")));
        QCOMPARE(idsOf(graph, resolver.resolve(QStringLiteral("+1"), QVector<int>{0})),
                 QStringLiteral("lin2aaaa"));
        QCOMPARE(idsOf(graph, resolver.resolve(QStringLiteral("-1"), QVector<int>{0})),
                 QStringLiteral("(none)"));
    }

    void largeGeneratedProject()
    {
        const int size = 10000;
        QElapsedTimer timer;
        timer.start();
        const RevisionGraph graph(testsupport::generatedRevisions(size));
        QCOMPARE(graph.count(), size);
        QCOMPARE(graph.heads().size(), 1);
        QCOMPARE(graph.bases().size(), 1);
        const QVector<int> history = graph.history();
        QCOMPARE(history.size(), size);
        // History order is a valid topological order: every revision before its parents.
        QVector<int> position(size);
        for (int k = 0; k < size; ++k)
            position[history[k]] = k;
        for (int i = 0; i < size; ++i) {
            for (int parent : graph.parents(i))
                QVERIFY(position[parent] > position[i]);
        }
        const QVector<MigrationStep> steps =
            MigrationPlanner(graph).plan({}, QStringLiteral("head"), Direction::Upgrade);
        QCOMPARE(steps.size(), size);
        qInfo("build + history + plan of %d revisions: %lld ms", size, timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestRevisionGraph)
#include "tst_revisiongraph.moc"
