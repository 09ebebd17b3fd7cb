// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/direction.h"
#include "common/error.h"
#include "run/migrationrunner.h"
#include "project/project.h"

#include <QMainWindow>
#include <optional>

class QLabel;
class QLineEdit;
class QMenu;

namespace retort::ui {

class ConnectionProfiles;
class DatabaseStatusPanel;
class HistoryGraphView;
class RevisionDetailPanel;
class RunController;
class RunLogPanel;

// Retort Studio's window: the history graph on the left with the database's status above
// it, the selected revision's details on the right. Each part is its own widget; this class
// only wires them to the project and the database.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens the project whose retort.ini / alembic.ini is `configPath` (or a folder holding
    // one). Shows a message and returns false when it cannot be read.
    bool openProject(const QString& path);
    // The database to show; empty: the project's own URL.
    void setDatabaseUrl(const QString& url);
    void refreshDatabaseStatus();
    // File > Connect to Database: the connection dialog; the choice becomes the database URL
    // and is remembered for the project.
    void chooseConnection();
    ConnectionProfiles* connectionProfiles() const { return m_profiles; }

    const Project* project() const { return m_project ? &*m_project : nullptr; }
    HistoryGraphView* historyView() const { return m_history; }
    RevisionDetailPanel* detailPanel() const { return m_detail; }
    DatabaseStatusPanel* statusPanel() const { return m_status; }
    RunLogPanel* runLog() const { return m_log; }
    RunController* runController() const { return m_runs; }

    // "Upgrade to here" / "Roll back to here": a dry run first, whose exact SQL the user
    // confirms, then the run. `target` is any revision name.
    void requestRun(Direction direction, const QString& target);
    // Writes `target` into the version table without running scripts (after confirmation).
    void requestStamp(const QString& target);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void chooseProject();
    void showAbout();
    void rememberRecent(const QString& configPath);
    void forgetRecent(const QString& configPath);
    void fillRecentMenu(QMenu* menu);
    // The connection last chosen for the project being opened, unless one was given.
    void restoreConnection(const QString& configPath);
    QString effectiveUrl() const;
    void showRevisionMenu(const QString& id, const QPoint& globalPos);
    void startDryRun(RunRequest request, const QString& question);
    void onRunFinished(const RunResult& result, ErrorKind kind, const QString& error);
    void confirmAndRun(const RunResult& dryRun);
    void showFailure(const QString& error);
    void updateRunActions();

    // A dry run whose SQL the user has to confirm before the real run starts.
    struct PendingRun
    {
        RunRequest request;
        QString question;
    };
    std::optional<PendingRun> m_pending;
    bool m_realRunGoing = false;
    QString m_lastFailureLocation;

    std::optional<Project> m_project;
    QString m_urlOverride;
    ConnectionProfiles* m_profiles;
    QString m_connectionProject; // the project whose remembered connection m_urlOverride is
    QString m_awaitedProfile;    // its password is on its way from the keychain
    HistoryGraphView* m_history;
    RevisionDetailPanel* m_detail;
    DatabaseStatusPanel* m_status;
    QLineEdit* m_filter;
    RunLogPanel* m_log;
    RunController* m_runs;
    QAction* m_upgradeHead = nullptr;
    QAction* m_upgradeHere = nullptr;
    QAction* m_rollbackHere = nullptr;
    QAction* m_cancelRun = nullptr;
    QLabel* m_projectLabel;
    int m_statusGeneration = 0; // answers of older status reads are dropped
};

} // namespace retort::ui
