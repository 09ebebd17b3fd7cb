// SPDX-License-Identifier: Apache-2.0
#include "status/databasestatusreader.h"

#include "common/error.h"
#include "database/databaseurl.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace retort::ui {

namespace {

// What a background status read brings back: the status, or the error's text.
struct StatusAnswer
{
    DatabaseStatus status;
    QString error;
};

} // namespace

void DatabaseStatusReader::read(const Project& project, const QString& url)
{
    const int generation = ++m_generation;
    m_reading = false;
    if (url.isEmpty()) {
        Q_EMIT started(QString());
        return;
    }
    QString masked;
    try {
        masked = DatabaseUrl::parse(url).masked();
    } catch (const Error& error) {
        Q_EMIT failed(QString(), error.message());
        return;
    }
    m_reading = true;
    m_maskedUrl = masked;
    Q_EMIT started(masked);
    QPointer<DatabaseStatusReader> reader(this);
    QThread* thread = QThread::create([reader, generation, masked, project, url] {
        StatusAnswer answer;
        try {
            answer.status = DatabaseStatus::read(project, url, DatabaseStatus::Detail::Support);
        } catch (const Error& error) {
            answer.error = error.message();
        }
        // Back in the GUI thread, to a reader that may be gone by then.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [reader, generation, masked, answer] {
                if (!reader || generation != reader->m_generation)
                    return;
                reader->m_reading = false;
                if (answer.error.isEmpty())
                    Q_EMIT reader->finished(answer.status);
                else
                    Q_EMIT reader->failed(masked, answer.error);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void DatabaseStatusReader::cancel()
{
    if (!m_reading)
        return;
    ++m_generation;
    m_reading = false;
    Q_EMIT cancelled(m_maskedUrl);
}

} // namespace retort::ui
