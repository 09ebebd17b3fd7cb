// SPDX-License-Identifier: Apache-2.0
// retort-bench-lint [N]: lints an N-revision project (default 10,000; the generated project of
// tests/support/generatedproject, a line with a branch and merge every 50 revisions) and prints
// the time side by side with its floor, the same scripts read and split into statements without
// the rules. Each figure is wall time and CPU time (user + system, all threads): on a machine
// shared with other work the wall time includes waiting for a core, the CPU time does not.
//   - in process: reading + splitting alone (floor), the full lint of both default dialects
//     (SQLite and PostgreSQL, every rule on), and the lint alone on scripts already read;
//   - the real `retort lint` as a process (project load, lint, output), the figure a user sees.
// It does the same for a "busy" variant whose every script also alters the table of the
// revision before (an added column with a default, an index, a rename, a delete), so rules fire
// and findings are printed (warnings only, so `retort lint` exits 0). Medians of 5 runs with a warm file cache. No other migration linter
// is packaged for Debian, so there is nothing else to time side by side.
#include "benchtiming.h"
#include "generatedproject.h"
#include "lint/scriptlinter.h"
#include "project/project.h"
#include "scripts/nativescript.h"
#include "scripts/scriptdirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace retort;

namespace {

constexpr int kRuns = 5;

// Every script of the generated project also changes the table of the revision before it.
void makeBusy(const QString& configPath, const QVector<Revision>& revisions)
{
    const QDir dir = QFileInfo(configPath).dir();
    for (int i = 1; i < revisions.size(); ++i) {
        const QString previous = QStringLiteral("t_") + revisions[i - 1].id;
        const QString upgrade =
            QStringLiteral("CREATE TABLE t_%1 (id INTEGER);\n"
                           "ALTER TABLE %2 ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT 'x';\n"
                           "CREATE INDEX ix_%1 ON %2 (note);\n"
                           "ALTER TABLE %2 RENAME COLUMN note TO remark;\n"
                           "DELETE FROM %2 WHERE id < 0;\n")
                .arg(revisions[i].id, previous);
        QFile file(dir.filePath(QStringLiteral("versions/%1_step.sql").arg(revisions[i].id)));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(NativeScript::render(revisions[i], upgrade,
                                            QStringLiteral("DROP TABLE t_%1;").arg(revisions[i].id))
                           .toUtf8()) < 0)
            qFatal("cannot write %s", qPrintable(file.fileName()));
    }
}

struct Figures
{
    double wallMs;
    double cpuMs;
};

Figures measure(const std::function<void()>& work)
{
    return {testsupport::medianMs(kRuns, work), testsupport::medianCpuMs(kRuns, work)};
}

void benchmark(const char* name, const QString& configPath)
{
    const Project project = Project::open(configPath);
    const RevisionGraph& graph = project.graph();
    const LintOptions options;
    // The floor: every script read and split for both dialects, no rules.
    const Figures floor = measure([&] {
        qsizetype statements = 0;
        for (int i = 0; i < graph.count(); ++i) {
            const Revision& revision = graph.revision(i);
            const NativeScript script =
                NativeScript::parse(ScriptDirectory::readText(revision.path), revision.path);
            for (Dialect dialect : options.dialects)
                statements += script.statements(Direction::Upgrade, dialect).size();
        }
        if (statements == 0)
            qFatal("no statements");
    });
    qsizetype findings = 0;
    const Figures lint = measure([&] {
        ScriptLinter linter(graph);
        findings = linter.lint({}, options).size();
    });
    // The rules alone: scripts read once, linted again.
    ScriptLinter warm(graph);
    warm.lint({}, options);
    const Figures rules = measure([&] { warm.lint({}, options); });
    const testsupport::ProcessFigures cli = testsupport::timeProcess(
        QStringLiteral(RETORT_CLI), {QStringLiteral("-c"), configPath, QStringLiteral("lint")}, kRuns);
    std::printf("%-5s %6d scripts %6lld findings | floor: read + split %6.0f ms (cpu %6.0f) | "
                "lint %6.0f ms (cpu %6.0f), rules alone %6.0f ms (cpu %6.0f) | "
                "CLI retort lint %6.0f ms (cpu %6.0f) %5.1f MB\n",
                name, int(graph.count()), static_cast<long long>(findings), floor.wallMs,
                floor.cpuMs, lint.wallMs, lint.cpuMs, rules.wallMs, rules.cpuMs, cli.wallMs,
                cli.cpuMs, cli.peakMb);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int size = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    if (size < 2)
        qFatal("usage: retort-bench-lint [N >= 2]");
    std::printf("retort-bench-lint: medians of %d runs, warm file cache, dialects sqlite and "
                "postgresql (the default)\n",
                kRuns);
    const QVector<Revision> revisions = testsupport::generatedRevisions(size);
    QTemporaryDir plain;
    QTemporaryDir busy;
    const QString plainConfig = testsupport::writeNativeProject(plain.path(), revisions);
    const QString busyConfig = testsupport::writeNativeProject(busy.path(), revisions);
    makeBusy(busyConfig, revisions);
    // The script metadata cache ignores files younger than 3 s (scriptcache.h); real
    // projects' scripts are older.
    QThread::msleep(3500);
    benchmark("plain", plainConfig);
    benchmark("busy", busyConfig);
    return 0;
}
