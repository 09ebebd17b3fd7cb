// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/databasestatus.h"
#include "common/direction.h"
#include "project/project.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTabWidget;

namespace retort::ui {

class RevisionSchemaTab;
class ScriptChangeTab;
class ScriptEditor;
class SqlPlanTab;

// The right-hand side of the main window: one revision's metadata, its script, and the exact
// SQL that upgrading to it or rolling back to it would run from the database's current state.
// That SQL comes from the runner's offline generation (no connection) starting at the
// version rows the status read; a database at several heads is planned by a dry run. Either
// way it is made on a pool thread.
class RevisionDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionDetailPanel(QWidget* parent = nullptr);

    // Shows revision `id` of `project`; an empty id shows a hint instead. `databaseUrl`: the
    // database in use, whose server replays the scripts for the Schema tab.
    void showRevision(const Project& project, const QString& id,
                      const QString& databaseUrl = QString());
    // The database the SQL tabs plan from: `url` in full, `status` as read from it.
    void setDatabaseStatus(const QString& url, const DatabaseStatus& status);
    // Its state is not known (no database, still reading, unreadable): `reason` says why.
    void setDatabaseUnknown(const QString& reason);

    ScriptEditor* scriptEditor() const { return m_script; }
    // The "Upgrade to here" (Upgrade) and "Roll back to here" (Downgrade) tabs: the editor
    // with the SQL (empty when there is none), the text above it, and how many statements
    // were marked as destroying data.
    ScriptEditor* planEditor(Direction direction) const;
    QString planMessage(Direction direction) const;
    int destructiveCount(Direction direction) const;
    QTabWidget* tabs() const { return m_tabs; }
    // The Schema tab: the schema before and after the revision.
    RevisionSchemaTab* schemaTab() const { return m_schema; }
    // "Changed since applied": shown only for an applied revision whose script changed.
    ScriptChangeTab* changeTab() const { return m_change; }
    // Brings the "Changed since applied" tab to the front, when the revision has one.
    void showChangeTab();

Q_SIGNALS:
    // Both SQL tabs show their answer for the shown revision and database state.
    void plansShown();
    // The Script tab shows the revision's lint findings (margin symbols, text on hover).
    void scriptLinted();

private:
    struct DatabaseState
    {
        bool known = false;
        QString url;
        QStringList current;
        QStringList unknown;
        QString reason; // when not known
        QVector<ScriptCheck> changedScripts;
    };

    SqlPlanTab* tab(Direction direction) const;
    void showPlanMessage(const QString& text);
    void refreshPlans();
    void lintScript(const Project& project, int index);
    void showScriptChange();

    QLabel* m_title;
    QLabel* m_details;
    QTabWidget* m_tabs;
    ScriptEditor* m_script;
    SqlPlanTab* m_upgrade;
    SqlPlanTab* m_rollback;
    RevisionSchemaTab* m_schema;
    ScriptChangeTab* m_change;
    std::optional<Project> m_project;
    QString m_revision;
    quint64 m_lintGeneration = 0;
    DatabaseState m_database;
    int m_planGeneration = 0; // answers of older plans are dropped
};

} // namespace retort::ui
