// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "run/migrationrunner.h"

#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QVector>

#include <memory>

class QThread;

namespace retort::ui {

// Runs one MigrationRunner at a time on a worker thread of its own (the runner opens its
// own connection there) and hands its events to the GUI thread in batches, every 50 ms, so
// a 2,000-step run never floods the event loop. The GUI thread never waits on the database:
// a dry run (planning) that is cancelled, or still going when the controller is destroyed
// (Quit), is abandoned at once (it changes nothing; its thread ends by itself, within the
// connect timeout), and only a real run's rollback is waited for.
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    bool isRunning() const { return m_thread != nullptr; }
    // Starts `request`; ignored while a run is going.
    void start(const RunRequest& request);
    // Asks the running runner to stop (thread-safe, returns at once).
    void cancel();

Q_SIGNALS:
    void started();
    void eventsArrived(const QVector<retort::RunEvent>& events);
    // The run ended: `error` is empty on success. `kind` says what kind of error it was.
    void finished(const retort::RunResult& result, retort::ErrorKind kind, const QString& error);

private:
    // What the worker thread shares with the controller; it outlives an abandoned controller.
    struct Shared
    {
        QMutex mutex; // guards the fields below
        QVector<RunEvent> pending;
        MigrationRunner* runner = nullptr;
        RunResult result;
        ErrorKind errorKind = ErrorKind::Database;
        QString error;
    };

    void flushEvents();
    void onThreadFinished();
    // Lets the running dry run go on alone, its result unheard, and reports it cancelled.
    void abandon();

    QThread* m_thread = nullptr;
    bool m_dryRun = false;
    QTimer m_flushTimer;
    std::shared_ptr<Shared> m_shared;
};

} // namespace retort::ui

Q_DECLARE_METATYPE(retort::RunResult)
