// SPDX-License-Identifier: Apache-2.0
#include "revisiondetailpanel.h"

#include "error.h"
#include "project.h"
#include "scriptdirectory.h"
#include "scripteditor.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace retort::ui {

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

} // namespace

RevisionDetailPanel::RevisionDetailPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_details(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_script(new ScriptEditor(this))
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

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_tabs, 1);
    showRevision(Project(), QString());
}

void RevisionDetailPanel::showRevision(const Project& project, const QString& id)
{
    const int index = id.isEmpty() ? -1 : project.graph().indexOf(id);
    if (index < 0) {
        m_title->setText(tr("No revision selected"));
        m_details->setText(tr("Select a revision in the history to see its script."));
        m_script->setScript(QString(), ScriptEditor::Language::Sql);
        return;
    }
    const RevisionGraph& graph = project.graph();
    const Revision& revision = graph.revision(index);
    m_title->setText(revision.message.isEmpty() ? revision.id
                                                : QStringLiteral("%1  %2").arg(revision.id, revision.message));
    QString rows;
    rows += row(tr("Parents"), graph.isBase(index) ? tr("none (a base)") : idList(graph, graph.parents(index)));
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
}

} // namespace retort::ui
