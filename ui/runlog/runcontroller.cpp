// SPDX-License-Identifier: Apache-2.0
#include "runlog/runcontroller.h"

#include <QMutexLocker>
#include <QThread>

namespace retort::ui {

RunController::RunController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<retort::RunEvent>();
    qRegisterMetaType<retort::RunResult>();
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, &RunController::flushEvents);
}

RunController::~RunController()
{
    if (!m_thread)
        return;
    if (m_dryRun) {
        abandon(); // Quit never waits for planning
        return;
    }
    cancel();
    m_thread->wait(); // a real run rolls back and releases its lock first
}

void RunController::start(const RunRequest& request)
{
    if (m_thread)
        return;
    m_shared = std::make_shared<Shared>();
    m_dryRun = request.dryRun;
    m_thread = QThread::create([shared = m_shared, request] {
        MigrationRunner runner;
        runner.setSink([shared](const RunEvent& event) {
            QMutexLocker lock(&shared->mutex);
            shared->pending.append(event);
        });
        {
            QMutexLocker lock(&shared->mutex);
            shared->runner = &runner;
        }
        RunResult result;
        ErrorKind kind = ErrorKind::Database;
        QString error;
        try {
            result = runner.run(request);
        } catch (const Error& e) {
            kind = e.kind();
            error = e.message();
        } catch (const std::exception& e) {
            error = QString::fromLocal8Bit(e.what());
        }
        QMutexLocker lock(&shared->mutex);
        shared->runner = nullptr;
        shared->result = result;
        shared->errorKind = kind;
        shared->error = error;
    });
    connect(m_thread, &QThread::finished, this, &RunController::onThreadFinished);
    m_flushTimer.start();
    m_thread->start();
    Q_EMIT started();
}

void RunController::cancel()
{
    if (!m_thread)
        return;
    {
        QMutexLocker lock(&m_shared->mutex);
        if (m_shared->runner)
            m_shared->runner->cancel();
    }
    // Planning may be waiting for a server that never answers: nothing to roll back, so
    // nothing to wait for.
    if (m_dryRun) {
        abandon();
        Q_EMIT finished(RunResult(), ErrorKind::Cancelled, tr("cancelled"));
    }
}

void RunController::abandon()
{
    m_flushTimer.stop();
    disconnect(m_thread, nullptr, this, nullptr);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread = nullptr;
    m_shared.reset();
}

void RunController::flushEvents()
{
    if (!m_shared)
        return;
    QVector<RunEvent> batch;
    {
        QMutexLocker lock(&m_shared->mutex);
        batch.swap(m_shared->pending);
    }
    if (!batch.isEmpty())
        Q_EMIT eventsArrived(batch);
}

void RunController::onThreadFinished()
{
    m_flushTimer.stop();
    flushEvents();
    m_thread->deleteLater();
    m_thread = nullptr;
    RunResult result;
    ErrorKind kind;
    QString error;
    {
        QMutexLocker lock(&m_shared->mutex);
        result = m_shared->result;
        kind = m_shared->errorKind;
        error = m_shared->error;
    }
    m_shared.reset();
    Q_EMIT finished(result, kind, error);
}

} // namespace retort::ui
