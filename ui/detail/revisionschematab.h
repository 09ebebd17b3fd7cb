// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "project/project.h"

#include <QWidget>
#include <optional>

class QLabel;

namespace retort::ui {

class SideBySideView;

// The detail panel's Schema tab: the schema before a revision (the scripts of its parents
// applied to a scratch database) and after it (its own script applied too), whole, in the
// side-by-side view the compare window uses. Read and compared on a pool thread, and only
// while the tab is shown: replaying the scripts is the slowest thing the detail panel does.
class RevisionSchemaTab : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionSchemaTab(QWidget* parent = nullptr);

    // Revision `id` of `project` (empty: none); `databaseUrl` is the database in use, whose
    // server replays the scripts (a SQLite database replays them in memory).
    void showRevision(const Project& project, const QString& id, const QString& databaseUrl);

    SideBySideView* view() const { return m_view; }
    // What the tab says above the panes: reading, an error, or what the revision changes.
    QString message() const;

Q_SIGNALS:
    // The schemas (or why they cannot be shown) for the revision last asked for.
    void schemaShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();

    QLabel* m_message;
    SideBySideView* m_view;
    std::optional<Project> m_project;
    QString m_revision;
    QString m_url;
    bool m_stale = false; // asked for while hidden: read when shown
    quint64 m_generation = 0;
};

} // namespace retort::ui
