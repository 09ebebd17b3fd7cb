// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "project.h"

#include <QMainWindow>
#include <optional>

class QLabel;
class QLineEdit;

namespace retort::ui {

class DatabaseStatusPanel;
class HistoryGraphView;
class RevisionDetailPanel;

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

    const Project* project() const { return m_project ? &*m_project : nullptr; }
    HistoryGraphView* historyView() const { return m_history; }
    RevisionDetailPanel* detailPanel() const { return m_detail; }
    DatabaseStatusPanel* statusPanel() const { return m_status; }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void chooseProject();
    void showAbout();
    void rememberRecent(const QString& configPath);
    QString effectiveUrl() const;

    std::optional<Project> m_project;
    QString m_urlOverride;
    HistoryGraphView* m_history;
    RevisionDetailPanel* m_detail;
    DatabaseStatusPanel* m_status;
    QLineEdit* m_filter;
    QLabel* m_projectLabel;
    int m_statusGeneration = 0; // answers of older status reads are dropped
};

} // namespace retort::ui
