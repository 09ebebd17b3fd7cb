// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/databasestatus.h"

#include <QObject>

namespace retort {
class Project;
}

namespace retort::ui {

// Reads where a database stands (DatabaseStatus, with the support details) on a pool thread
// with a connection of its own, so the window never waits. Only the newest read's answer is
// reported: a read started later makes older ones moot.
class DatabaseStatusReader : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts reading; `url` "" or unreadable is answered at once (unknown / failed).
    void read(const Project& project, const QString& url);

Q_SIGNALS:
    // Reading `maskedUrl` has begun ("" : there is no database to read).
    void started(const QString& maskedUrl);
    void finished(const retort::DatabaseStatus& status);
    void failed(const QString& maskedUrl, const QString& error);

private:
    int m_generation = 0;
};

} // namespace retort::ui
