// SPDX-License-Identifier: Apache-2.0
// retort-bench-graph [N...]: generates N-revision projects (native and Alembic format) and
// times loading, heads, history and planning base->head, in process and as the real
// `retort heads` / `retort history` commands (wall time and peak memory of the process).
// Default N: 2000 10000. Figures are medians of 5 runs with a warm file cache. The projects
// are left to age 3.5 s before timing: Retort's script metadata cache ignores files written in
// the last 3 s (see scriptcache.h), and real projects' scripts are older than that, so the
// first CLI run fills the cache and the median shows the runs after it.
// retort-bench-graph --write DIR N: only writes the two N-revision projects into DIR/native
// and DIR/alembic, to time other tools (alembic, hyperfine) on the same input.
#include "benchtiming.h"
#include "generatedproject.h"
#include "graph/migrationplanner.h"
#include "project/project.h"
#include "scripts/scriptdirectory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace retort;

namespace {

constexpr int kRuns = 5;

double medianMs(const std::function<void()>& work)
{
    return testsupport::medianMs(kRuns, work);
}

testsupport::ProcessFigures runCli(const QStringList& arguments)
{
    return testsupport::timeProcess(QStringLiteral(RETORT_CLI), arguments, kRuns);
}

void benchmark(const QString& format, int size, const QString& configPath)
{
    const ProjectConfig config = ProjectConfig::load(configPath);
    QVector<Revision> revisions;
    const double readMs = medianMs([&] { revisions = ScriptDirectory::readRevisions(config.scriptLocations()); });
    std::unique_ptr<RevisionGraph> graph;
    const double buildMs = medianMs([&] { graph = std::make_unique<RevisionGraph>(revisions); });
    const double historyMs = medianMs([&] { graph->history(); });
    const double planMs = medianMs([&] {
        MigrationPlanner(*graph).plan({}, QStringLiteral("heads"), Direction::Upgrade);
    });
    const testsupport::ProcessFigures heads = runCli({QStringLiteral("-c"), configPath, QStringLiteral("heads")});
    const testsupport::ProcessFigures history =
        runCli({QStringLiteral("-c"), configPath, QStringLiteral("history")});
    std::printf("%-8s %6d | read %7.1f  graph %6.1f  history %6.1f  plan %6.1f ms | "
                "CLI heads %7.1f ms %5.1f MB  history %7.1f ms %5.1f MB\n",
                qPrintable(format), size, readMs, buildMs, historyMs, planMs, heads.wallMs,
                heads.peakMb, history.wallMs, history.peakMb);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() == 4 && arguments[1] == QLatin1String("--write")) {
        const QVector<Revision> revisions = testsupport::generatedRevisions(arguments[3].toInt());
        std::printf("%s\n%s\n",
                    qPrintable(testsupport::writeNativeProject(arguments[2] + QStringLiteral("/native"), revisions)),
                    qPrintable(testsupport::writeAlembicProject(arguments[2] + QStringLiteral("/alembic"), revisions)));
        return 0;
    }
    QList<int> sizes;
    for (const QString& argument : arguments.mid(1))
        sizes << argument.toInt();
    if (sizes.isEmpty())
        sizes = {2000, 10000};
    std::printf("retort-bench-graph: medians of %d runs, warm file cache; graph = a line with a "
                "branch and merge every 50 revisions\n",
                kRuns);
    for (int size : sizes) {
        const QVector<Revision> revisions = testsupport::generatedRevisions(size);
        QTemporaryDir native, alembic;
        const QString nativeConfig = testsupport::writeNativeProject(native.path(), revisions);
        const QString alembicConfig = testsupport::writeAlembicProject(alembic.path(), revisions);
        QThread::msleep(3500);
        benchmark(QStringLiteral("native"), size, nativeConfig);
        benchmark(QStringLiteral("alembic"), size, alembicConfig);
    }
    return 0;
}
