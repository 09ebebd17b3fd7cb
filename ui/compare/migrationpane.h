// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ddl/revisionautogenerator.h"
#include "ddl/schemacomparison.h"
#include "lint/scriptlinter.h"

#include <QWidget>
#include <functional>
#include <memory>

class QLabel;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace retort::ui {

class ScriptEditor;

// The generated migration for the checked changes: its upgrade and downgrade SQL in editable
// editors, with lint findings as margin symbols (the rule's text on hover) and as a list (a
// click goes to the line). Generation (RevisionAutogenerator::generate, the function that
// writes `revision --autogenerate` scripts) and lint run on a pool thread whenever the
// selection changes; editing the SQL lints it again. Only the newest result is shown.
class MigrationPane : public QWidget
{
    Q_OBJECT

public:
    explicit MigrationPane(QWidget* parent = nullptr);
    ~MigrationPane() override;

    // Generates for `keys` of `comparison` (`toName`: "the model" in the scripts' reminder).
    void generate(std::shared_ptr<const SchemaComparison> comparison, const QSet<QString>& keys,
                  const QString& toName);
    void clear(const QString& message = {});

    QString upgradeSql() const;
    QString downgradeSql() const;
    // Whether the user changed the SQL since it was generated.
    bool isEdited() const { return m_edited; }
    // False while a generation or lint is under way.
    bool isReady() const { return m_shown == m_generation; }

    ScriptEditor* upgradeEditor() const { return m_upgrade; }
    ScriptEditor* downgradeEditor() const { return m_downgrade; }
    QTreeWidget* findingList() const { return m_findings; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    // A generation or lint finished and its result is shown.
    void ready();

private:
    struct Result;
    // Runs `work` on the pool; its result is shown unless a newer one started meanwhile.
    void start(std::function<Result()> work);
    void show(const Result& result);
    void lintEdited();
    void showFindings(const QVector<LintFinding>& upgrade, const QVector<LintFinding>& downgrade);
    void goToFinding();

    QTabWidget* m_tabs;
    ScriptEditor* m_upgrade;
    ScriptEditor* m_downgrade;
    QTreeWidget* m_findings;
    QLabel* m_summary;
    QTimer* m_lintTimer;
    std::shared_ptr<const SchemaComparison> m_comparison;
    quint64 m_generation = 0; // the newest generation or lint started
    quint64 m_shown = 0;      // the one whose result is shown
    bool m_edited = false;
    bool m_filling = false; // setting the text ourselves: not an edit
};

} // namespace retort::ui
