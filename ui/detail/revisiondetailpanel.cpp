// SPDX-License-Identifier: Apache-2.0
#include "detail/revisiondetailpanel.h"

#include "database/databaseurl.h"
#include "common/error.h"
#include "run/migrationrunner.h"
#include "scripts/scriptdirectory.h"
#include "detail/revisionschematab.h"
#include "detail/scriptchangetab.h"
#include "editor/scripteditor.h"
#include "lint/scriptlinter.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace retort::ui {

// One SQL tab: a line saying what runs (or why nothing does) over a read-only SQL view.
class SqlPlanTab : public QWidget
{
public:
    explicit SqlPlanTab(QWidget* parent)
        : QWidget(parent), m_message(new QLabel(this)), m_editor(new ScriptEditor(this))
    {
        m_message->setWordWrap(true);
        m_message->setTextFormat(Qt::RichText);
        m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_message);
        layout->addWidget(m_editor, 1);
        layout->addStretch(0);
    }

    ScriptEditor* editor() const { return m_editor; }
    QString message() const { return m_message->text(); }
    int destructiveCount() const { return m_destructive; }

    void showMessage(const QString& text)
    {
        m_message->setText(text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
        m_editor->setScript(QString(), ScriptEditor::Language::Sql);
        m_editor->hide();
        m_destructive = 0;
    }

    // Shows `sql` with the statements that destroy data marked, as the confirmation does.
    void showSql(const QString& summary, const QString& sql, Dialect dialect,
                 const QString& versionTable)
    {
        m_editor->setScript(sql, ScriptEditor::Language::Sql);
        m_editor->show();
        const QStringList reasons = m_editor->markDestructiveStatements(dialect, versionTable);
        m_destructive = int(reasons.size());
        QString text = summary.toHtmlEscaped();
        if (m_destructive > 0)
            text += QStringLiteral("<br>") + ScriptEditor::destructiveSummaryHtml(reasons);
        m_message->setText(text);
    }

private:
    QLabel* m_message;
    ScriptEditor* m_editor;
    int m_destructive = 0;
};

namespace {

QString idList(const RevisionGraph& graph, const QVector<int>& revisions)
{
    QStringList ids;
    for (int i : revisions)
        ids << graph.id(i);
    return ids.join(QStringLiteral(", "));
}

QString row(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

// What the runner would do in one direction: its SQL and step count, or why it cannot plan.
struct Plan
{
    QString sql;
    int steps = 0;
    QString error;
};

struct Plans
{
    Plan upgrade;
    Plan rollback;
};

// Runs in a pool thread. Offline generation needs no connection, but takes one starting
// revision: a database at several heads is planned by a dry run against the database.
Plan planRun(const Project& project, const QString& url, const QStringList& current,
             Direction direction, const QString& target)
{
    RunRequest request;
    request.project = project;
    request.databaseUrl = url;
    request.direction = direction;
    request.target = target;
    if (current.size() > 1) {
        request.dryRun = true;
    } else {
        request.offline = true;
        request.offlineFrom = current.isEmpty() ? QStringLiteral("base") : current.first();
    }
    try {
        MigrationRunner runner;
        const RunResult result = runner.run(request);
        return Plan{result.sql, int(result.plan.size()), QString()};
    } catch (const Error& error) {
        return Plan{QString(), 0, error.message()};
    }
}

// Shows in `tab` the plan of one direction from the revisions `from` (for the summary).
void showPlan(SqlPlanTab* tab, const Plan& plan, Direction direction, const QString& from,
              Dialect dialect, const QString& versionTable)
{
    if (!plan.error.isEmpty()) {
        tab->showMessage(RevisionDetailPanel::tr("Cannot plan this: %1").arg(plan.error));
    } else if (plan.steps == 0) {
        tab->showMessage(
            direction == Direction::Upgrade
                ? RevisionDetailPanel::tr("The database is already at or above this revision.")
                : RevisionDetailPanel::tr("Nothing to roll back: the database has "
                                          "no applied revision above this one."));
    } else {
        tab->showSql(RevisionDetailPanel::tr("%n migration(s) would run from the database's "
                                             "current state (%1). This is the exact SQL:",
                                             nullptr, plan.steps)
                         .arg(from),
                     plan.sql, dialect, versionTable);
    }
}

} // namespace

RevisionDetailPanel::RevisionDetailPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_details(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_script(new ScriptEditor(this)),
      m_upgrade(new SqlPlanTab(this)), m_rollback(new SqlPlanTab(this)),
      m_schema(new RevisionSchemaTab(this)), m_change(new ScriptChangeTab(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_tabs->addTab(m_script, tr("Script"));
    m_tabs->addTab(m_upgrade, tr("Upgrade to here"));
    m_tabs->addTab(m_rollback, tr("Roll back to here"));
    m_tabs->addTab(m_schema, tr("Schema"));
    m_schema->setObjectName(QStringLiteral("schemaTab"));
    m_tabs->addTab(m_change, style()->standardIcon(QStyle::SP_MessageBoxWarning),
                   tr("Changed since applied"));
    m_change->setObjectName(QStringLiteral("scriptChangeTab"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_change), false);
    m_upgrade->setObjectName(QStringLiteral("upgradePlanTab"));
    m_rollback->setObjectName(QStringLiteral("rollbackPlanTab"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_tabs, 1);
    setDatabaseUnknown(tr("No database is set for this project."));
    showRevision(Project(), QString());
}

SqlPlanTab* RevisionDetailPanel::tab(Direction direction) const
{
    return direction == Direction::Upgrade ? m_upgrade : m_rollback;
}

ScriptEditor* RevisionDetailPanel::planEditor(Direction direction) const
{
    return tab(direction)->editor();
}

QString RevisionDetailPanel::planMessage(Direction direction) const
{
    return tab(direction)->message();
}

int RevisionDetailPanel::destructiveCount(Direction direction) const
{
    return tab(direction)->destructiveCount();
}

void RevisionDetailPanel::showRevision(const Project& project, const QString& id,
                                       const QString& databaseUrl)
{
    if (m_project && m_project->config().configPath != project.config().configPath)
        setDatabaseUnknown(tr("Reading the database..."));
    m_project = project;
    const int index = id.isEmpty() ? -1 : project.graph().indexOf(id);
    m_revision = index < 0 ? QString() : id;
    refreshPlans();
    m_schema->showRevision(project, m_revision, databaseUrl);
    showScriptChange();
    if (index < 0) {
        m_title->setText(tr("No revision selected"));
        m_details->setText(tr("Select a revision in the history to see its script."));
        m_script->setScript(QString(), ScriptEditor::Language::Sql);
        ++m_lintGeneration;
        m_script->setFindings({});
        return;
    }
    const RevisionGraph& graph = project.graph();
    const Revision& revision = graph.revision(index);
    m_title->setText(revision.message.isEmpty()
                         ? revision.id
                         : QStringLiteral("%1  %2").arg(revision.id, revision.message));
    QString rows;
    rows += row(tr("Parents"),
                graph.isBase(index) ? tr("none (a base)") : idList(graph, graph.parents(index)));
    if (!graph.children(index).isEmpty())
        rows += row(tr("Children"), idList(graph, graph.children(index)));
    if (!revision.branchLabels.isEmpty())
        rows += row(tr("Branch labels"), revision.branchLabels.join(QStringLiteral(", ")));
    else if (!graph.branchLabels(index).isEmpty())
        rows += row(tr("On branch"), graph.branchLabels(index).join(QStringLiteral(", ")));
    if (!graph.dependencies(index).isEmpty())
        rows += row(tr("Depends on"), idList(graph, graph.dependencies(index)));
    if (!revision.createDate.isEmpty())
        rows += row(tr("Created"), revision.createDate);
    rows += row(tr("File"), revision.path);
    if (!revision.transactional)
        rows += row(tr("Transaction"), tr("runs outside a transaction"));
    m_details->setText(QStringLiteral("<table>%1</table>").arg(rows));

    QString text;
    try {
        text = ScriptDirectory::readText(revision.path);
    } catch (const Error& error) {
        text = error.message();
    }
    m_script->setScript(text, ScriptEditor::languageOf(revision.format));
    lintScript(project, index);
}

// The revision's findings, both sections, in the context of its history (as `retort lint`
// gives them), on a pool thread: the lint replays the scripts below it.
void RevisionDetailPanel::lintScript(const Project& project, int index)
{
    const quint64 generation = ++m_lintGeneration;
    m_script->setFindings({});
    if (project.graph().revision(index).format != ScriptFormat::Native)
        return;
    auto* watcher = new QFutureWatcher<QVector<LintFinding>>(this);
    connect(watcher, &QFutureWatcher<QVector<LintFinding>>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                if (generation != m_lintGeneration)
                    return;
                m_script->setLintFindings(watcher->result());
                Q_EMIT scriptLinted();
            });
    watcher->setFuture(QtConcurrent::run([project, index] {
        try {
            LintOptions options;
            options.downgrade = true;
            return ScriptLinter(project.graph()).lint({index}, options);
        } catch (const Error&) {
            return QVector<LintFinding>(); // the script tab shows the read error already
        }
    }));
}

void RevisionDetailPanel::setDatabaseStatus(const QString& url, const DatabaseStatus& status)
{
    m_database = DatabaseState{true, url, status.current, status.unknown, QString(),
                               status.changedScripts};
    refreshPlans();
    showScriptChange();
}

void RevisionDetailPanel::setDatabaseUnknown(const QString& reason)
{
    m_database = DatabaseState{false, QString(), {}, {}, reason, {}};
    refreshPlans();
    showScriptChange();
}

void RevisionDetailPanel::showScriptChange()
{
    const int tab = m_tabs->indexOf(m_change);
    for (const ScriptCheck& check : std::as_const(m_database.changedScripts)) {
        if (!m_revision.isEmpty() && check.revision == m_revision) {
            m_change->showCheck(check);
            m_tabs->setTabVisible(tab, true);
            return;
        }
    }
    if (m_tabs->currentIndex() == tab)
        m_tabs->setCurrentIndex(0);
    m_tabs->setTabVisible(tab, false);
}

void RevisionDetailPanel::showChangeTab()
{
    if (m_tabs->isTabVisible(m_tabs->indexOf(m_change)))
        m_tabs->setCurrentWidget(m_change);
}

void RevisionDetailPanel::showPlanMessage(const QString& text)
{
    for (SqlPlanTab* plan : {m_upgrade, m_rollback}) {
        plan->showMessage(text);
        m_tabs->setTabIcon(m_tabs->indexOf(plan), QIcon());
    }
}

void RevisionDetailPanel::refreshPlans()
{
    const int generation = ++m_planGeneration;
    if (m_revision.isEmpty() || !m_project) {
        showPlanMessage(tr("Select a revision in the history to see the SQL that would run."));
        Q_EMIT plansShown();
        return;
    }
    if (!m_database.known) {
        showPlanMessage(tr("The database's state is unknown, so what would run cannot be "
                           "planned.\n%1")
                            .arg(m_database.reason));
        Q_EMIT plansShown();
        return;
    }
    if (!m_database.unknown.isEmpty()) {
        showPlanMessage(tr("The database is at a revision no script of this project defines "
                           "(%1): there is no plan from there.")
                            .arg(m_database.unknown.join(QStringLiteral(", "))));
        Q_EMIT plansShown();
        return;
    }
    showPlanMessage(tr("Planning..."));
    const QString from =
        m_database.current.isEmpty() ? tr("base") : m_database.current.join(QStringLiteral(", "));
    // The runner refuses to roll back to a revision that is not applied: say so plainly.
    const RevisionGraph& graph = m_project->graph();
    QVector<int> below;
    for (const QString& id : std::as_const(m_database.current))
        below << graph.indexOf(id);
    const bool applied = graph.ancestors(below).contains(graph.indexOf(m_revision));
    auto* watcher = new QFutureWatcher<Plans>(this);
    connect(watcher, &QFutureWatcher<Plans>::finished, this,
            [this, watcher, generation, from, applied] {
                watcher->deleteLater();
                if (generation != m_planGeneration)
                    return;
                const Plans plans = watcher->result();
                Dialect dialect = Dialect::Sqlite;
                try {
                    dialect = DatabaseUrl::parse(m_database.url).dialect();
                } catch (const Error&) {
                    // The plans failed with the same error and show it.
                }
                const QString& versionTable = m_project->config().versionTable;
                showPlan(m_upgrade, plans.upgrade, Direction::Upgrade, from, dialect,
                         versionTable);
                if (applied)
                    showPlan(m_rollback, plans.rollback, Direction::Downgrade, from, dialect,
                             versionTable);
                else
                    m_rollback->showMessage(
                        tr("Nothing to roll back: this revision is not applied to "
                           "the database."));
                for (SqlPlanTab* plan : {m_upgrade, m_rollback}) {
                    m_tabs->setTabIcon(m_tabs->indexOf(plan),
                                       plan->destructiveCount() > 0
                                           ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                           : QIcon());
                }
                Q_EMIT plansShown();
            });
    watcher->setFuture(
        QtConcurrent::run([project = *m_project, url = m_database.url, current = m_database.current,
                           target = m_revision, applied] {
            return Plans{planRun(project, url, current, Direction::Upgrade, target),
                         applied ? planRun(project, url, current, Direction::Downgrade, target)
                                 : Plan()};
        }));
}

} // namespace retort::ui
