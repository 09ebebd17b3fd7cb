// SPDX-License-Identifier: Apache-2.0
#include "runlog/runworkflow.h"

#include "common/error.h"
#include "database/databaseurl.h"
#include "lint/scriptlinter.h"
#include "runlog/confirmrundialog.h"
#include "runlog/runcontroller.h"
#include "runlog/runlogpanel.h"

#include <QMessageBox>
#include <QRegularExpression>

namespace retort::ui {

RunWorkflow::RunWorkflow(RunController* runs, RunLogPanel* log, QWidget* window)
    : QObject(window), m_runs(runs), m_log(log), m_window(window)
{
    connect(m_runs, &RunController::finished, this, &RunWorkflow::onFinished);
}

bool RunWorkflow::isBusy() const
{
    return m_runs->isRunning();
}

void RunWorkflow::requestRun(const Project& project, const QString& url, Direction direction,
                             const QString& target)
{
    if (target.isEmpty() || isBusy())
        return;
    RunRequest request;
    request.project = project;
    request.databaseUrl = url;
    request.direction = direction;
    request.target = target;
    const QString shown = target == QLatin1String("heads") ? tr("head") : target;
    startDryRun(request, direction == Direction::Upgrade ? tr("Upgrade the database to %1?").arg(shown)
                                                         : tr("Roll the database back to %1?").arg(shown));
}

void RunWorkflow::requestStamp(const Project& project, const QString& url, const QString& target)
{
    if (isBusy())
        return;
    RunRequest request;
    request.project = project;
    request.databaseUrl = url;
    request.mode = RunRequest::Mode::Stamp;
    request.stampTargets = {target};
    startDryRun(request, tr("Stamp the database as %1 without running any script?").arg(target));
}

void RunWorkflow::startDryRun(RunRequest request, const QString& question)
{
    request.dryRun = true;
    m_pending = PendingRun{request, question};
    m_log->runStarted(tr("Planning: %1").arg(question));
    m_runs->start(request);
    Q_EMIT busyChanged();
}

void RunWorkflow::onFinished(const RunResult& result, ErrorKind kind, const QString& error)
{
    const bool wasDryRun = m_pending.has_value() && !m_realRunGoing;
    QString summary;
    if (error.isEmpty())
        summary = wasDryRun ? tr("Plan ready.") : tr("Run finished.");
    else if (kind == ErrorKind::Cancelled)
        summary = tr("Cancelled.");
    else if (wasDryRun) // the runner reports no error event for a plan it could not make
        summary = tr("Planning failed: %1").arg(error);
    else
        summary = tr("Failed.");
    m_log->runFinished(summary, !error.isEmpty());
    m_realRunGoing = false;
    Q_EMIT busyChanged();
    if (!error.isEmpty()) {
        m_pending.reset();
        if (!wasDryRun)
            Q_EMIT databaseChanged();
        if (kind != ErrorKind::Cancelled)
            showFailure(error);
        return;
    }
    if (wasDryRun) {
        confirmAndRun(result);
        return;
    }
    m_pending.reset();
    Q_EMIT databaseChanged();
}

void RunWorkflow::confirmAndRun(const RunResult& dryRun)
{
    PendingRun pending = *m_pending;
    if (dryRun.plan.isEmpty() && pending.request.mode == RunRequest::Mode::Migrate) {
        m_pending.reset();
        Q_EMIT notice(tr("Nothing to do: the database is already there."));
        return;
    }
    const bool rollback = pending.request.mode == RunRequest::Mode::Migrate &&
                          pending.request.direction == Direction::Downgrade;
    Dialect dialect = Dialect::Sqlite;
    try {
        dialect = DatabaseUrl::parse(pending.request.databaseUrl).dialect();
    } catch (const Error&) {
    }
    // What the database holds, as the scripts tell: a SQLite table rebuild then names the
    // columns it loses.
    const RevisionGraph& graph = pending.request.project->graph();
    QVector<int> current;
    for (const QString& id : dryRun.headsBefore) {
        if (const int index = graph.indexOf(id); index >= 0)
            current.append(index);
    }
    LintSchema before;
    try {
        before = ScriptLinter(graph).schemaAt(current, dialect);
    } catch (const Error&) {
        // A script that cannot be read: the marks then count every named table as existing.
    }
    ConfirmRunDialog dialog(pending.question, dryRun.sql, dialect,
                            pending.request.project->config().versionTable, int(dryRun.plan.size()),
                            rollback, m_window, before);
    if (dialog.exec() != QDialog::Accepted) {
        m_pending.reset();
        m_log->runFinished(tr("Not run."), false);
        return;
    }
    pending.request.dryRun = false;
    m_realRunGoing = true;
    m_log->runStarted(pending.question.chopped(1));
    m_runs->start(pending.request);
    Q_EMIT busyChanged();
}

void RunWorkflow::showFailure(const QString& error)
{
    // "path:line: ..." in the message: the window shows that script with the line marked.
    static const QRegularExpression location(QStringLiteral("(/[^:\\n]+\\.(?:sql|py)):(\\d+)"));
    const QRegularExpressionMatch match = location.match(error);
    if (match.hasMatch())
        Q_EMIT failedAt(match.captured(1), match.captured(2).toInt());
    QMessageBox::critical(m_window, tr("The run failed"), error);
}

} // namespace retort::ui
