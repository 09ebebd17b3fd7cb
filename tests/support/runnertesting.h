// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "migrationrunner.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace retort::testsupport {

// A migrate request for the runner tests (lock timeout 20 s).
RunRequest runRequest(const QString& configPath, const QString& url, Direction direction,
                      const QString& target);
// Runs `request` on a new runner in this thread, collecting its events when asked.
RunResult runSync(const RunRequest& request, QVector<RunEvent>* events = nullptr);
// The first column of every row `sql` returns, read through a connection of the test's own.
QStringList queryStrings(const QString& url, const QString& sql);
// The same through an open connection (a warning names the SQL when it fails).
QStringList queryStrings(const QSqlDatabase& db, const QString& sql);

} // namespace retort::testsupport
