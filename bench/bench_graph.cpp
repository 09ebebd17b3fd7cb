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
#include "generatedproject.h"
#include "migrationplanner.h"
#include "project.h"
#include "scriptdirectory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace retort;

namespace {

constexpr int kRuns = 5;

double medianMs(const std::function<void()>& work)
{
    std::vector<double> times;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct ProcessFigures
{
    double wallMs = 0;
    double peakMb = 0;
};

// Runs the CLI as its own process: wall time and peak resident memory (wait4's ru_maxrss).
ProcessFigures runCli(const QStringList& arguments)
{
    std::vector<double> walls, peaks;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        std::fflush(stdout); // the child must not inherit (and print) unwritten output
        timer.start();
        const pid_t pid = fork();
        if (pid == 0) {
            std::vector<QByteArray> storage;
            storage.push_back(QByteArrayLiteral(RETORT_CLI));
            for (const QString& argument : arguments)
                storage.push_back(argument.toLocal8Bit());
            std::vector<char*> argv;
            for (QByteArray& a : storage)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            if (!freopen("/dev/null", "w", stdout))
                _exit(126);
            execv(argv[0], argv.data());
            _exit(127);
        }
        int status = 0;
        rusage usage{};
        wait4(pid, &status, 0, &usage);
        walls.push_back(double(timer.nsecsElapsed()) / 1e6);
        peaks.push_back(double(usage.ru_maxrss) / 1024.0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "retort %s failed\n", qPrintable(arguments.join(u' ')));
            std::exit(1);
        }
    }
    std::sort(walls.begin(), walls.end());
    std::sort(peaks.begin(), peaks.end());
    return {walls[walls.size() / 2], peaks.back()};
}

void benchmark(const QString& format, int size, const QString& configPath)
{
    const ProjectConfig config = ProjectConfig::load(configPath);
    QVector<Revision> revisions;
    const double readMs = medianMs([&] { revisions = ScriptDirectory::readRevisions(config); });
    std::unique_ptr<RevisionGraph> graph;
    const double buildMs = medianMs([&] { graph = std::make_unique<RevisionGraph>(revisions); });
    const double historyMs = medianMs([&] { graph->history(); });
    const double planMs = medianMs([&] {
        MigrationPlanner(*graph).plan({}, QStringLiteral("heads"), Direction::Upgrade);
    });
    const ProcessFigures heads = runCli({QStringLiteral("-c"), configPath, QStringLiteral("heads")});
    const ProcessFigures history =
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
