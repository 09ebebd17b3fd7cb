// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;

namespace retort {
class Project;
}

namespace retort::ui {

class ScriptEditor;

// The right-hand side of the main window: one revision's metadata and its script.
class RevisionDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionDetailPanel(QWidget* parent = nullptr);

    // Shows revision `id` of `project`; an empty id shows a hint instead.
    void showRevision(const Project& project, const QString& id);
    ScriptEditor* scriptEditor() const { return m_script; }

private:
    QLabel* m_title;
    QLabel* m_details;
    QTabWidget* m_tabs;
    ScriptEditor* m_script;
};

} // namespace retort::ui
