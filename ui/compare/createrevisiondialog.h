// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "project/revisionauthor.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace retort::ui {

// "Create revision...": the message and the parent (a head, or another revision with a branch
// label to start a branch) of the revision that will hold the generated migration.
class CreateRevisionDialog : public QDialog
{
    Q_OBJECT

public:
    // `suggestedParent`: preselected (e.g. the revision the comparison starts from).
    CreateRevisionDialog(const RevisionGraph& graph, const QString& suggestedParent,
                         bool edited, QWidget* parent = nullptr);

    // The request without its SQL (the caller adds that): message, parent, and when the parent
    // is not a head, splice and the new branch label.
    NewRevision request() const;

    QLineEdit* messageEdit() const { return m_message; }
    QComboBox* parentBox() const { return m_parent; }
    QLineEdit* branchEdit() const { return m_branch; }

private:
    void updateState();

    const RevisionGraph& m_graph;
    QLineEdit* m_message;
    QComboBox* m_parent;
    QLineEdit* m_branch;
    QLabel* m_note;
};

} // namespace retort::ui
