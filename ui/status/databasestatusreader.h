// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/databasestatus.h"

#include <QObject>

namespace retort {
class Project;
}

namespace retort::ui {

// Reads where a database stands (DatabaseStatus, with the support details) on a thread of its
// own with a connection of its own, so the window never waits. Only the newest read's answer
// is reported: a read started later, or cancel(), makes older ones moot. A read waiting for a
// server that never answers is never waited for, not even at Quit: its thread is not in a
// pool that the application waits for, and ends by itself within the connect timeout.
class DatabaseStatusReader : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts reading; `url` "" or unreadable is answered at once (unknown / failed).
    void read(const Project& project, const QString& url);
    // Stops waiting for the read under way (its answer is dropped) and says cancelled().
    void cancel();
    bool isReading() const { return m_reading; }

Q_SIGNALS:
    // Reading `maskedUrl` has begun ("" : there is no database to read).
    void started(const QString& maskedUrl);
    void finished(const retort::DatabaseStatus& status);
    void failed(const QString& maskedUrl, const QString& error);
    void cancelled(const QString& maskedUrl);

private:
    int m_generation = 0;
    bool m_reading = false;
    QString m_maskedUrl;
};

} // namespace retort::ui
