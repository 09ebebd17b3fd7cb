// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compare/comparesource.h"
#include "compare/schemaobjectmodel.h"
#include "ddl/schemacomparison.h"
#include "project/project.h"
#include "project/revisionauthor.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace retort::ui {

class CompareJob;
class ConnectionProfiles;
class MigrationPane;
class ObjectFilterProxy;
class SideBySideView;
class SourcePicker;

// The schema review window (Tools > Compare Schemas): pick "from" and "to", compare on a
// worker (CompareJob), then review object by object (the tree, the two DDL panes aligned by
// SideBySideView) and check the changes the generated migration (MigrationPane) should make;
// "Create revision..." writes it into the project through the same core function as
// `retort revision --autogenerate` (RevisionAutogenerator::write). Nothing here waits on a
// database: every read is a worker's, and closing the window abandons it.
class CompareWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit CompareWindow(ConnectionProfiles* profiles, QWidget* parent = nullptr);
    ~CompareWindow() override;

    // The open project (copied; nullptr: none) and the database in use.
    void setProject(const Project* project, const QString& databaseUrl);
    // The review before `revision --autogenerate`: the scripts at the heads against the model
    // (against the database when the project has no model). Keeps a comparison already shown.
    void compareDefault();
    // Chooses both sides and compares them.
    void compare(const CompareSource& from, const CompareSource& to);
    // The drift check: what the scripts at `current` (the version table's revisions) make,
    // against the database.
    void checkDrift(const QStringList& current);
    // Compares the sides chosen now (after reading a saved connection's password).
    void startCompare();
    void cancelCompare();

    bool isComparing() const;
    // The newest finished comparison, or nullptr.
    const SchemaComparison* comparison() const { return m_comparison.get(); }
    QString message() const;
    QString countsText() const;

    SourcePicker* fromPicker() const { return m_fromPicker; }
    SourcePicker* toPicker() const { return m_toPicker; }
    QTreeView* objectTree() const { return m_tree; }
    SchemaObjectModel* objectModel() const { return m_model; }
    ObjectFilterProxy* filterProxy() const { return m_proxy; }
    QComboBox* statusFilter() const { return m_statusFilter; }
    QLineEdit* textFilter() const { return m_textFilter; }
    SideBySideView* sideBySide() const { return m_view; }
    MigrationPane* migration() const { return m_migration; }
    QAction* compareAction() const { return m_compareAction; }
    QAction* createRevisionAction() const { return m_createAction; }
    // Selects the object with this key in the tree (its DDL shows on both sides).
    bool selectObject(const QString& key);

    // Asks for the message and parent, then writes the revision (on a worker).
    void createRevision();
    // The same without the dialog, for tests and scripts.
    void createRevision(const NewRevision& request);

Q_SIGNALS:
    void comparisonFinished();
    void comparisonFailed(const QString& message);
    // A revision was written: the project should be read again and `id` selected.
    void revisionCreated(const QString& id, const QString& path);
    void revisionFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    QWidget* createObjectPane();
    void showMessage(const QString& text, bool error);
    void showComparison(std::shared_ptr<const SchemaObjectModel::Tree> tree);
    void showCurrentObject();
    void regenerate();
    void applyStatusFilter();
    void updateActions();
    void withPasswords(std::function<void()> then);

    std::optional<Project> m_project;
    QString m_databaseUrl;
    ConnectionProfiles* m_profiles;
    CompareJob* m_job;
    std::shared_ptr<const SchemaComparison> m_comparison;
    CompareSource m_comparedFrom;
    CompareSource m_comparedTo;
    SourcePicker* m_fromPicker;
    SourcePicker* m_toPicker;
    QLabel* m_message;
    QLabel* m_counts;
    QComboBox* m_statusFilter;
    QLineEdit* m_textFilter;
    QTreeView* m_tree;
    SchemaObjectModel* m_model;
    ObjectFilterProxy* m_proxy;
    SideBySideView* m_view;
    MigrationPane* m_migration;
    QAction* m_compareAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_createAction = nullptr;
    QAction* m_swapAction = nullptr;
    bool m_writing = false;
    quint64 m_passwordRound = 0;
};

} // namespace retort::ui
