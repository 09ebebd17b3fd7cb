// SPDX-License-Identifier: Apache-2.0
#include "compare/migrationpane.h"

#include "common/error.h"
#include "ddl/migrationlint.h"
#include "editor/scripteditor.h"
#include "schema/changeselection.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace retort::ui {

struct MigrationPane::Result
{
    bool generated = false; // false: a lint of edited text only
    QString upgradeSql;
    QString downgradeSql;
    QVector<LintFinding> upgradeFindings;
    QVector<LintFinding> downgradeFindings;
    QString error;
};

namespace {

enum FindingColumn { CodeColumn, SeverityColumn, SectionColumn, LineColumn, MessageColumn };
constexpr int kEditorRole = Qt::UserRole + 1; // 0 upgrade, 1 downgrade

// Lints both sections: the upgrade on `from`, the downgrade on what the upgrade makes.
void lintSections(const SchemaComparison& comparison, const Schema& target,
                  const QString& upgrade, const QString& downgrade, QVector<LintFinding>& up,
                  QVector<LintFinding>& down)
{
    up = MigrationLint::lint(upgrade, comparison.dialect(), comparison.from());
    down = MigrationLint::lint(downgrade, comparison.dialect(), target);
}

} // namespace

MigrationPane::MigrationPane(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_upgrade(new ScriptEditor(this)),
      m_downgrade(new ScriptEditor(this)), m_findings(new QTreeWidget(this)),
      m_summary(new QLabel(this)), m_lintTimer(new QTimer(this))
{
    m_upgrade->setObjectName(QStringLiteral("upgradeEditor"));
    m_downgrade->setObjectName(QStringLiteral("downgradeEditor"));
    m_findings->setObjectName(QStringLiteral("lintFindings"));
    m_summary->setObjectName(QStringLiteral("migrationSummary"));
    for (ScriptEditor* editor : {m_upgrade, m_downgrade}) {
        editor->setReadOnly(false);
        connect(editor, &ScriptEditor::textChanged, this, [this] {
            if (m_filling)
                return;
            m_edited = true;
            m_lintTimer->start();
        });
    }
    m_tabs->addTab(m_upgrade, tr("Upgrade"));
    m_tabs->addTab(m_downgrade, tr("Downgrade"));
    m_findings->setHeaderLabels({tr("Code"), tr("Severity"), tr("Section"), tr("Line"), tr("Finding")});
    m_findings->setRootIsDecorated(false);
    m_findings->setUniformRowHeights(true);
    m_findings->header()->setStretchLastSection(true);
    connect(m_findings, &QTreeWidget::itemActivated, this, &MigrationPane::goToFinding);
    connect(m_findings, &QTreeWidget::itemClicked, this, &MigrationPane::goToFinding);
    m_lintTimer->setSingleShot(true);
    m_lintTimer->setInterval(300);
    connect(m_lintTimer, &QTimer::timeout, this, &MigrationPane::lintEdited);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tabs);
    split->addWidget(m_findings);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    clear();
}

MigrationPane::~MigrationPane()
{
    ++m_generation;
}

QString MigrationPane::upgradeSql() const
{
    return m_upgrade->text();
}

QString MigrationPane::downgradeSql() const
{
    return m_downgrade->text();
}

void MigrationPane::clear(const QString& message)
{
    m_shown = ++m_generation;
    m_comparison.reset();
    m_filling = true;
    for (ScriptEditor* editor : {m_upgrade, m_downgrade}) {
        editor->clearReviewMarks();
        editor->setScript(QString(), ScriptEditor::Language::Sql);
    }
    m_filling = false;
    m_edited = false;
    m_findings->clear();
    m_summary->setText(message);
}

void MigrationPane::generate(std::shared_ptr<const SchemaComparison> comparison,
                             const QSet<QString>& keys, const QString& toName)
{
    m_comparison = comparison;
    m_summary->setText(tr("Generating the migration..."));
    start([comparison, keys, toName]() {
        Result result;
        result.generated = true;
        const DdlGenerator ddl(comparison->dialect(), comparison->ddlOptions());
        const GeneratedMigration migration = RevisionAutogenerator::generate(
            ddl, comparison->from(), comparison->to(), keys, toName);
        result.upgradeSql = migration.upgradeSql;
        result.downgradeSql = migration.downgradeSql;
        const Schema target =
            ChangeSelection::apply(comparison->from(), comparison->to(), comparison->diff(), keys);
        lintSections(*comparison, target, result.upgradeSql, result.downgradeSql,
                     result.upgradeFindings, result.downgradeFindings);
        return result;
    });
}

void MigrationPane::lintEdited()
{
    if (!m_comparison)
        return;
    const std::shared_ptr<const SchemaComparison> comparison = m_comparison;
    const QString upgrade = upgradeSql();
    const QString downgrade = downgradeSql();
    start([comparison, upgrade, downgrade]() {
        Result result;
        // The downgrade is judged on the full target: the edited upgrade's effect is unknown.
        lintSections(*comparison, comparison->to(), upgrade, downgrade, result.upgradeFindings,
                     result.downgradeFindings);
        return result;
    });
}

void MigrationPane::start(std::function<Result()> work)
{
    const quint64 generation = ++m_generation;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer one is under way
        m_shown = generation;
        show(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() {
        try {
            return work();
        } catch (const Error& error) {
            Result result;
            result.error = error.message();
            return result;
        }
    }));
}

void MigrationPane::show(const Result& result)
{
    if (result.generated) {
        m_filling = true;
        m_upgrade->setScript(result.upgradeSql, ScriptEditor::Language::Sql);
        m_downgrade->setScript(result.downgradeSql, ScriptEditor::Language::Sql);
        m_filling = false;
        m_edited = false;
    }
    if (!result.error.isEmpty()) {
        m_summary->setText(result.error);
    } else {
        m_summary->setText(
            upgradeSql().trimmed().isEmpty()
                ? tr("Nothing to change: check the objects whose changes the migration should make.")
                : tr("%n lint finding(s)", nullptr,
                     int(result.upgradeFindings.size() + result.downgradeFindings.size())) +
                      (m_edited ? tr(" (edited)") : QString()));
    }
    showFindings(result.upgradeFindings, result.downgradeFindings);
    Q_EMIT ready();
}

void MigrationPane::showFindings(const QVector<LintFinding>& upgrade,
                                 const QVector<LintFinding>& downgrade)
{
    m_upgrade->setLintFindings(upgrade);
    m_downgrade->setLintFindings(downgrade);
    m_findings->clear();
    const auto add = [this](const QVector<LintFinding>& findings, int editor, const QString& section) {
        for (const LintFinding& finding : findings) {
            auto* item = new QTreeWidgetItem(m_findings);
            item->setText(CodeColumn, finding.code);
            item->setText(SeverityColumn, lintSeverityName(finding.severity));
            item->setText(SectionColumn, section);
            item->setText(LineColumn, QString::number(finding.line));
            item->setText(MessageColumn, finding.message);
            item->setToolTip(MessageColumn, finding.message);
            item->setData(CodeColumn, kEditorRole, editor);
        }
    };
    add(upgrade, 0, tr("upgrade"));
    add(downgrade, 1, tr("downgrade"));
    m_findings->resizeColumnToContents(CodeColumn);
}

void MigrationPane::goToFinding()
{
    const QTreeWidgetItem* item = m_findings->currentItem();
    if (!item)
        return;
    const int editor = item->data(CodeColumn, kEditorRole).toInt();
    m_tabs->setCurrentIndex(editor);
    ScriptEditor* target = editor == 0 ? m_upgrade : m_downgrade;
    target->goToLine(item->text(LineColumn).toInt());
    target->setFocus();
}

} // namespace retort::ui
