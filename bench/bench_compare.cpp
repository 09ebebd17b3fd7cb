// SPDX-License-Identifier: Apache-2.0
// retort-bench-compare [TABLES]: Studio's schema review on a project of TABLES tables
// (default 1,000; 8 columns, a unique constraint, an index and a foreign key each) whose model
// differs from its scripts by one added column, on SQLite. Prints:
//   floor: the same comparison done alone in this thread (CompareJob::run: both sides read,
//          compared, every object's DDL written and aligned), with no window;
//   Studio: the real CompareWindow comparing the scripts at heads with the model, as a user
//          starts it, while a 10 ms timer in the GUI thread records the longest gap between its
//          ticks (StallMeter): the longest stall of the event loop, per phase (compare until
//          the tree is shown, selecting objects, unchecking and checking a change until the
//          migration is generated again). Goal: under 50 ms.
// Alembic has no review screen: its compare_metadata figures are in retort-bench-schema.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "compare/comparejob.h"
#include "compare/comparewindow.h"
#include "compare/migrationpane.h"
#include "compare/objectfilterproxy.h"
#include "compare/schemaobjectmodel.h"
#include "guitesting.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>

#include <cstdio>
#include <ctime>

using namespace retort;
using retort::testsupport::StallMeter;

namespace {

QString tablesDdl(int tables, int extraColumnIn)
{
    QString ddl;
    for (int i = 0; i < tables; ++i) {
        ddl += QStringLiteral("CREATE TABLE t%1 (\n"
                              "    id INTEGER PRIMARY KEY,\n"
                              "    parent_id INTEGER REFERENCES t%2 (id) ON DELETE CASCADE,\n"
                              "    code VARCHAR(40) NOT NULL,\n"
                              "    name TEXT NOT NULL,\n"
                              "    amount NUMERIC(12, 2) NOT NULL DEFAULT 0,\n"
                              "    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                              "    active BOOLEAN NOT NULL DEFAULT 1,\n"
                              "    note TEXT%3,\n"
                              "    CONSTRAINT t%1_code_key UNIQUE (code)\n"
                              ");\n"
                              "CREATE INDEX t%1_name_idx ON t%1 (name);\n")
                   .arg(i)
                   .arg(std::max(0, i - 1))
                   .arg(i == extraColumnIn ? QStringLiteral(",\n    extra INTEGER") : QString());
    }
    return ddl;
}

void write(const QString& path, const QString& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text.toUtf8());
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2)
                                          : QString();
}

double msSince(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// CPU time the calling thread has used, in ms: with the wall-clock stalls it tells a busy GUI
// thread from one that waited for a core (the machine is shared).
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The longest stall of the event loop, and the most CPU time the GUI thread itself used
// between two ticks: a long stall with little own work is the machine's load.
struct Stall
{
    qint64 gapMs = 0;
    double busyMs = 0;
    void add(const Stall& other)
    {
        gapMs = std::max(gapMs, other.gapMs);
        busyMs = std::max(busyMs, other.busyMs);
    }
};

// Runs the event loop until `done`; returns the longest stall meanwhile.
Stall stallUntil(const std::function<bool()>& done)
{
    StallMeter meter;
    while (!done())
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    QApplication::processEvents();
    return Stall{meter.longestGapMs(), meter.longestBusyMs()};
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int tables = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 1000;

    QTemporaryDir dir;
    const QString folder = dir.path();
    write(folder + QStringLiteral("/retort.ini"),
          QStringLiteral("[retort]\nscript_location = .\nversion_locations = versions\nmodel = model.sql\n"));
    write(folder + QStringLiteral("/versions/a1_tables.sql"),
          QStringLiteral("-- revision: a1\n-- down_revision:\n-- message: tables\n\n-- +upgrade\n") +
              tablesDdl(tables, -1) + QStringLiteral("\n-- +downgrade\n"));
    write(folder + QStringLiteral("/model.sql"), tablesDdl(tables, tables / 2));
    const QString url = QStringLiteral("sqlite:///") + folder + QStringLiteral("/app.db");
    const Project project = Project::open(folder + QStringLiteral("/retort.ini"));
    ui::CompareSource from;
    from.kind = ui::CompareSource::Kind::Revision;
    from.revision = QStringLiteral("heads");
    ui::CompareSource to;
    to.kind = ui::CompareSource::Kind::Model;

    QElapsedTimer clock;
    clock.start();
    const SchemaComparison floor = ui::CompareJob::run(project, url, from, to);
    const double floorMs = msSince(clock);
    std::printf("%d tables, model differs by one column (SQLite)\n", tables);
    std::printf("  floor (CompareJob::run alone, no window): %.0f ms, %d change(s)\n", floorMs,
                int(floor.diff().changes().size()));

    ui::CompareWindow window(nullptr);
    window.setProject(&project, url);
    window.show();
    QApplication::processEvents();
    QSignalSpy finished(&window, &ui::CompareWindow::comparisonFinished);
    clock.restart();
    double cpu = threadCpuMs();
    window.compare(from, to);
    const Stall compareStall = stallUntil([&] { return !finished.isEmpty() && window.migration()->isReady(); });
    const double studioMs = msSince(clock);
    std::printf("  Studio: compare to tree and generated migration shown %.0f ms; longest GUI "
                "stall %lld ms (its own work between two ticks at most %.0f ms); GUI thread "
                "busy %.0f ms in all\n",
                studioMs, static_cast<long long>(compareStall.gapMs), compareStall.busyMs,
                threadCpuMs() - cpu);

    // Selecting objects one after another, as a reviewer walks the tree.
    QTreeView* tree = window.objectTree();
    StallMeter selectMeter;
    clock.restart();
    cpu = threadCpuMs();
    for (int i = 0; i < 20; ++i) {
        const QString key = QStringLiteral("table:t%1").arg(i * tables / 20);
        window.selectObject(key);
        QApplication::processEvents();
    }
    std::printf("  selecting 20 tables: %.1f ms each (GUI thread busy %.1f ms each); longest GUI "
                "stall %lld ms (own work at most %.0f ms)\n",
                msSince(clock) / 20, (threadCpuMs() - cpu) / 20,
                static_cast<long long>(selectMeter.longestGapMs()), selectMeter.longestBusyMs());

    // Unchecking the change and checking it again: the migration generated twice more.
    const QModelIndex change = window.filterProxy()->mapFromSource(
        window.objectModel()->indexOfKey(QStringLiteral("column:t%1.extra").arg(tables / 2)));
    tree->setCurrentIndex(change);
    clock.restart();
    cpu = threadCpuMs();
    window.objectModel()->toggle(window.filterProxy()->mapToSource(change));
    Stall toggleStall = stallUntil([&] { return window.migration()->isReady(); });
    window.objectModel()->toggle(window.filterProxy()->mapToSource(change));
    toggleStall.add(stallUntil([&] { return window.migration()->isReady(); }));
    std::printf("  uncheck + check one change, migration regenerated: %.0f ms; longest GUI "
                "stall %lld ms (own work at most %.0f ms); GUI thread busy %.0f ms in all\n",
                msSince(clock), static_cast<long long>(toggleStall.gapMs), toggleStall.busyMs,
                threadCpuMs() - cpu);
    std::printf("  (load average at the end: %s)\n", qPrintable(loadAverage()));
    std::printf("  goal: every stall under 50 ms\n");
    return 0;
}
