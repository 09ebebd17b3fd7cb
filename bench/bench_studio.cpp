// SPDX-License-Identifier: Apache-2.0
// retort-bench-studio [REVISIONS [STEPS]]: Studio's responsiveness on generated projects
// (a line with a branch and merge every 50 revisions), through the real MainWindow.
//  (a) From creating the MainWindow to the history graph first painted on a REVISIONS-revision
//      project (default 10,000), then the resident memory.
//  (b) A STEPS-step upgrade (default 2,000; each step creates a small table) on a SQLite file,
//      started as a user would (Upgrade to Head, dry run, confirmation accepted), while a 1 ms
//      timer in the GUI thread records the longest gap between its ticks: the longest stall of
//      the event loop, per phase. Goal: under 50 ms.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "runlog/confirmrundialog.h"
#include "run/databasestatus.h"
#include "status/databasestatuspanel.h"
#include "generatedproject.h"
#include "history/historygraphview.h"
#include "window/mainwindow.h"
#include "runlog/runcontroller.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace retort;
using retort::ui::MainWindow;

namespace {

// "VmRSS" / "VmHWM" of this process, in MB.
double procStatusMb(const char* field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

double msSince(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// Turns true once `watched` has received a paint event and has handled it.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QWidget* watched) { watched->installEventFilter(this); }
    bool painted = false;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true; // the filter runs first; processEvents() returns after the paint
        return false;
    }
};

void processEventsUntil(const std::function<bool()>& done)
{
    while (!done())
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
}

bool statusRead(const MainWindow& window)
{
    return !window.statusPanel()->headline().startsWith(QStringLiteral("Reading"));
}

void benchmarkFirstPaint(int size)
{
    QTemporaryDir dir;
    const QString config = testsupport::writeNativeProject(dir.filePath(QStringLiteral("project")),
                                                           testsupport::generatedRevisions(size));
    const double rssBefore = procStatusMb("VmRSS");

    QElapsedTimer clock;
    clock.start();
    MainWindow window;
    const double createdMs = msSince(clock);
    window.setDatabaseUrl(QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("bench.db")));
    if (!window.openProject(config))
        qFatal("cannot open %s", qPrintable(config));
    const double openedMs = msSince(clock);
    PaintWatcher watcher(window.historyView()->viewport());
    window.show();
    processEventsUntil([&] { return watcher.painted; });
    const double paintedMs = msSince(clock);
    processEventsUntil([&] { return statusRead(window); });
    const double statusMs = msSince(clock);

    std::printf("(a) %d revisions: MainWindow created %.1f ms, project opened %.1f ms, graph "
                "first painted %.1f ms, database status shown %.1f ms (from creating the window)\n",
                size, createdMs, openedMs, paintedMs, statusMs);
    std::printf("    memory: RSS %.1f MB before the window, %.1f MB after (peak %.1f MB)\n",
                rssBefore, procStatusMb("VmRSS"), procStatusMb("VmHWM"));

    // Scrolling: the scroll bar moved a page at a time through the history and the viewport
    // repainted, as a user scrolls; then selecting revisions at 20 positions spread over it,
    // which also fills the detail panel (script, SQL plans started).
    ui::HistoryGraphView* view = window.historyView();
    const int rows = view->layout().rowCount();
    QScrollBar* bar = view->verticalScrollBar();
    QElapsedTimer scroll;
    scroll.start();
    int pages = 0;
    for (int value = 0; value <= bar->maximum() && pages < 200; value += bar->pageStep(), ++pages) {
        bar->setValue(value);
        view->viewport()->repaint();
    }
    std::printf("    scrolling: %.2f ms per page scrolled and repainted (%d pages)\n",
                msSince(scroll) / std::max(1, pages), pages);
    QElapsedTimer jumps;
    jumps.start();
    for (int i = 0; i < 20; ++i) {
        view->selectRevision(view->graph().id(view->layout().row(i * (rows - 1) / 19).revision));
        view->viewport()->repaint();
    }
    std::printf("    selecting: %.2f ms per revision selected far away, detail panel filled and "
                "graph repainted (20 positions)\n",
                msSince(jumps) / 20);
    std::fflush(stdout);
}

// CPU time the calling thread has used, in ns.
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// The longest gap between ticks of a 1 ms timer, split into the phases of a run. For each
// longest gap it also keeps how much of it the GUI thread spent on the CPU: a gap with little
// CPU time was the machine not running the thread (other processes), not work in the loop.
class StallMeter : public QObject
{
public:
    enum Phase { Planning, Confirming, Running, Refreshing, PhaseCount };
    static constexpr const char* kPhaseNames[PhaseCount] = {
        "dry run + building the confirmation dialog", "confirmation dialog shown", "the run",
        "status refresh after the run"};

    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            m_clock.restart();
            if (gap > m_longestNs[m_phase]) {
                m_longestNs[m_phase] = gap;
                m_longestCpuNs[m_phase] = cpu - m_lastCpuNs;
            }
            m_over50[m_phase] += gap > 50000000 ? 1 : 0;
            m_mostCpuNs[m_phase] = qMax(m_mostCpuNs[m_phase], cpu - m_lastCpuNs);
            m_lastCpuNs = cpu;
            ++m_ticks;
            if (m_onTick)
                m_onTick();
        });
        m_clock.start();
        m_lastCpuNs = threadCpuNs();
        m_timer.start();
    }
    // Time since the last tick: how long the loop has been busy with what runs now.
    double sinceTickMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    void setPhase(Phase phase) { m_phase = phase; }
    void stop() { m_timer.stop(); }
    Phase phase() const { return m_phase; }
    void setOnTick(std::function<void()> onTick) { m_onTick = std::move(onTick); }
    double longestMs(Phase phase) const { return double(m_longestNs[phase]) / 1e6; }
    double longestCpuMs(Phase phase) const { return double(m_longestCpuNs[phase]) / 1e6; }
    int over50Ms(Phase phase) const { return m_over50[phase]; }
    // The most CPU time the GUI thread spent between two ticks: the longest stall its own
    // work caused, whatever the load of the machine.
    double mostCpuMs(Phase phase) const { return double(m_mostCpuNs[phase]) / 1e6; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longestNs[PhaseCount] = {};
    qint64 m_longestCpuNs[PhaseCount] = {};
    qint64 m_mostCpuNs[PhaseCount] = {};
    int m_over50[PhaseCount] = {};
    qint64 m_lastCpuNs = 0;
    Phase m_phase = Planning;
    int m_ticks = 0;
    std::function<void()> m_onTick;
};

void pressRunButton(ui::ConfirmRunDialog* dialog)
{
    auto* box = dialog->findChild<QDialogButtonBox*>();
    for (QAbstractButton* button : box->buttons()) {
        if (box->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->click();
    }
}

void benchmarkUpgrade(int steps)
{
    QTemporaryDir dir;
    const QString config = testsupport::writeNativeProject(dir.filePath(QStringLiteral("project")),
                                                           testsupport::generatedRevisions(steps));
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("bench.db"));
    MainWindow window;
    window.setDatabaseUrl(url);
    if (!window.openProject(config))
        qFatal("cannot open %s", qPrintable(config));
    window.show();
    processEventsUntil([&] { return statusRead(window); });

    int finished = 0;
    QString error;
    QObject::connect(window.runController(), &ui::RunController::finished, &window,
                     [&](const RunResult&, ErrorKind, const QString& message) {
                         ++finished;
                         error += message;
                     });
    StallMeter meter;
    // Connected after the run log's own slot: the time since the last tick when this runs is
    // what handing one batch of events to the log cost.
    double longestBatchMs = 0;
    int batches = 0;
    QObject::connect(window.runController(), &ui::RunController::eventsArrived, &window, [&] {
        longestBatchMs = qMax(longestBatchMs, meter.sinceTickMs());
        ++batches;
    });
    QElapsedTimer phaseClock;
    double phaseMs[StallMeter::PhaseCount] = {};
    auto nextPhase = [&](StallMeter::Phase phase) {
        phaseMs[meter.phase()] = msSince(phaseClock);
        phaseClock.restart();
        meter.setPhase(phase);
    };
    // The dialog is modal (exec()): answer it from the ticks, after it has been on screen
    // for 200 ms, as a user reading it would.
    QElapsedTimer dialogShown;
    meter.setOnTick([&] {
        auto* dialog = qobject_cast<ui::ConfirmRunDialog*>(QApplication::activeModalWidget());
        if (dialog && meter.phase() == StallMeter::Planning) {
            nextPhase(StallMeter::Confirming);
            dialogShown.start();
        } else if (dialog && dialogShown.isValid() && dialogShown.elapsed() > 200) {
            dialogShown.invalidate();
            nextPhase(StallMeter::Running);
            pressRunButton(dialog);
        }
    });
    phaseClock.start();
    window.requestRun(Direction::Upgrade, QStringLiteral("heads"));
    processEventsUntil([&] { return finished >= 2 || !error.isEmpty(); });
    if (!error.isEmpty())
        qFatal("the run failed: %s", qPrintable(error));
    nextPhase(StallMeter::Refreshing);
    processEventsUntil(
        [&] { return window.statusPanel()->headline().startsWith(QStringLiteral("Up to date")); });
    phaseMs[StallMeter::Refreshing] = msSince(phaseClock);
    meter.stop();

    const DatabaseStatus status = DatabaseStatus::read(*window.project(), url);
    std::printf("(b) %d-step upgrade through MainWindow/RunController on SQLite: database at head: "
                "%s; %d timer ticks\n",
                steps, status.isAtHeads() && !status.current.isEmpty() ? "yes" : "NO",
                meter.ticks());
    for (int phase = 0; phase < StallMeter::PhaseCount; ++phase) {
        const auto which = StallMeter::Phase(phase);
        std::printf("    %-44s %8.1f ms | longest stall %6.1f ms (GUI thread on CPU %5.1f ms "
                    "of it), stalls over 50 ms: %d | most GUI-thread CPU in one gap %5.1f ms\n",
                    StallMeter::kPhaseNames[phase], phaseMs[phase], meter.longestMs(which),
                    meter.longestCpuMs(which), meter.over50Ms(which), meter.mostCpuMs(which));
    }
    std::printf("    run log: %d batches of events (dry run and run), the longest took %.1f ms to "
                "append\n",
                batches, longestBatchMs);
    std::printf("    steps per second during the run: %.0f\n",
                steps / (phaseMs[StallMeter::Running] / 1000.0));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer launch;
    launch.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationName(QStringLiteral("retort-bench-studio"));
    // Studio remembers recent projects: keep the generated ones out of the user's settings.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    const double appMs = msSince(launch);
    const QStringList arguments = app.arguments();
    const int revisions = arguments.size() > 1 ? arguments[1].toInt() : 10000;
    const int steps = arguments.size() > 2 ? arguments[2].toInt() : 2000;
    std::printf("retort-bench-studio on the %s platform (QApplication created in %.1f ms)\n",
                qPrintable(QApplication::platformName()), appMs);
    benchmarkFirstPaint(revisions);
    benchmarkUpgrade(steps);
    return 0;
}
