// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/direction.h"
#include "project/project.h"

#include <QMainWindow>
#include <optional>

class QLabel;
class QLineEdit;

namespace retort::ui {

class ActiveConnection;
class ConnectionProfiles;
class DatabaseStatusPanel;
class DatabaseStatusReader;
class HistoryGraphView;
class RevisionDetailPanel;
class RunController;
class RunLogPanel;
class RunWorkflow;

// Retort Studio's window: the history graph on the left with the database's status above
// it, the selected revision's details on the right, the run log below. Each part is its own
// class; this one only creates them, lays them out, and wires them to the open project and
// the database in use.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens the project whose retort.ini / alembic.ini is `path` (or a folder holding one).
    // Shows a message and returns false when it cannot be read.
    bool openProject(const QString& path);
    // The database to show; empty: the project's own URL.
    void setDatabaseUrl(const QString& url);
    void refreshDatabaseStatus();
    // File > Connect to Database: the connection dialog; the choice becomes the database URL
    // and is remembered for the project.
    void chooseConnection();
    ConnectionProfiles* connectionProfiles() const;

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
    QWidget* createLeftPane();
    void createActions();
    void chooseProject();
    void showAbout();
    QString databaseUrl() const;
    void showRevisionMenu(const QString& id, const QPoint& globalPos);
    void showFailedLine(const QString& path, int line);
    void updateRunActions();

    std::optional<Project> m_project;
    ActiveConnection* m_connection;
    HistoryGraphView* m_history;
    RevisionDetailPanel* m_detail;
    DatabaseStatusPanel* m_status;
    DatabaseStatusReader* m_statusReader;
    QLineEdit* m_filter;
    RunLogPanel* m_log;
    RunController* m_runs;
    RunWorkflow* m_workflow;
    QAction* m_upgradeHead = nullptr;
    QAction* m_upgradeHere = nullptr;
    QAction* m_rollbackHere = nullptr;
    QAction* m_cancelRun = nullptr;
    QLabel* m_projectLabel;
};

} // namespace retort::ui
