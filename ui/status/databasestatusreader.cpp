// SPDX-License-Identifier: Apache-2.0
#include "status/databasestatusreader.h"

#include "common/error.h"
#include "database/databaseurl.h"
#include "project/project.h"

#include <QFutureWatcher>
#include <QtConcurrent>

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
    Q_EMIT started(masked);
    auto* watcher = new QFutureWatcher<StatusAnswer>(this);
    connect(watcher, &QFutureWatcher<StatusAnswer>::finished, this, [this, watcher, generation, masked] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const StatusAnswer answer = watcher->result();
        if (answer.error.isEmpty())
            Q_EMIT finished(answer.status);
        else
            Q_EMIT failed(masked, answer.error);
    });
    watcher->setFuture(QtConcurrent::run([project, url] {
        try {
            return StatusAnswer{DatabaseStatus::read(project, url, DatabaseStatus::Detail::Support),
                                QString()};
        } catch (const Error& error) {
            return StatusAnswer{DatabaseStatus(), error.message()};
        }
    }));
}

} // namespace retort::ui
