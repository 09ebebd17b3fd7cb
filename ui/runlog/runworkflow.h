// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "run/migrationrunner.h"

#include <QObject>
#include <optional>

class QWidget;

namespace retort::ui {

class RunController;
class RunLogPanel;

// How Studio runs a migration: a dry run first, against the real database, whose exact SQL
// the user confirms (ConfirmRunDialog); then the run itself on the RunController's worker
// thread, its events in the run log. A failed run shows its error; the failing script line is
// announced for the window to show.
class RunWorkflow : public QObject
{
    Q_OBJECT

public:
    // `window` parents the dialogs.
    RunWorkflow(RunController* runs, RunLogPanel* log, QWidget* window);

    // Upgrade or roll back the database at `url` to `target` (any revision name).
    void requestRun(const Project& project, const QString& url, Direction direction,
                    const QString& target);
    // Write `target` into the version table without running scripts.
    void requestStamp(const Project& project, const QString& url, const QString& target);
    bool isBusy() const;

Q_SIGNALS:
    // A run or a dry run started or ended: actions may change.
    void busyChanged();
    // A real run ended, whatever its outcome: the database may have changed.
    void databaseChanged();
    // The run failed at line `line` of the script `path`.
    void failedAt(const QString& path, int line);
    // A short note for the status bar ("Nothing to do...").
    void notice(const QString& text);

private:
    void startDryRun(RunRequest request, const QString& question);
    void onFinished(const RunResult& result, ErrorKind kind, const QString& error);
    void confirmAndRun(const RunResult& dryRun);
    void showFailure(const QString& error);

    // A dry run whose SQL the user has to confirm before the real run starts.
    struct PendingRun
    {
        RunRequest request;
        QString question;
    };

    RunController* m_runs;
    RunLogPanel* m_log;
    QWidget* m_window;
    std::optional<PendingRun> m_pending;
    bool m_realRunGoing = false;
};

} // namespace retort::ui
