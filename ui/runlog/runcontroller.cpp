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
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

void RunController::start(const RunRequest& request)
{
    if (m_thread)
        return;
    m_result = RunResult();
    m_error.clear();
    m_thread = QThread::create([this, request] {
        MigrationRunner runner;
        runner.setSink([this](const RunEvent& event) {
            QMutexLocker lock(&m_mutex);
            m_pending.append(event);
        });
        {
            QMutexLocker lock(&m_mutex);
            m_runner = &runner;
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
        QMutexLocker lock(&m_mutex);
        m_runner = nullptr;
        m_result = result;
        m_errorKind = kind;
        m_error = error;
    });
    connect(m_thread, &QThread::finished, this, &RunController::onThreadFinished);
    m_flushTimer.start();
    m_thread->start();
    Q_EMIT started();
}

void RunController::cancel()
{
    QMutexLocker lock(&m_mutex);
    if (m_runner)
        m_runner->cancel();
}

void RunController::flushEvents()
{
    QVector<RunEvent> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
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
        QMutexLocker lock(&m_mutex);
        result = m_result;
        kind = m_errorKind;
        error = m_error;
    }
    Q_EMIT finished(result, kind, error);
}

} // namespace retort::ui
