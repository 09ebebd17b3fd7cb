// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "run/migrationrunner.h"

#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QVector>

class QThread;

namespace retort::ui {

// Runs one MigrationRunner at a time on a worker thread of its own (the runner opens its
// own connection there) and hands its events to the GUI thread in batches, every 50 ms, so
// a 2,000-step run never floods the event loop. The GUI thread never waits on the database.
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
    void flushEvents();
    void onThreadFinished();

    QThread* m_thread = nullptr;
    QTimer m_flushTimer;
    QMutex m_mutex; // guards the fields below, shared with the worker thread
    QVector<RunEvent> m_pending;
    MigrationRunner* m_runner = nullptr;
    RunResult m_result;
    ErrorKind m_errorKind = ErrorKind::Database;
    QString m_error;
};

} // namespace retort::ui

Q_DECLARE_METATYPE(retort::RunResult)
