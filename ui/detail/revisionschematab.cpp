// SPDX-License-Identifier: Apache-2.0
#include "detail/revisionschematab.h"

#include "common/error.h"
#include "compare/comparejob.h"
#include "compare/sidebysideview.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace retort::ui {

namespace {

struct SchemaAnswer
{
    SideBySide alignment;
    QStringList changed; // top-level objects the revision adds, drops or alters: "users (new)"
    QString error;
};

} // namespace

RevisionSchemaTab::RevisionSchemaTab(QWidget* parent)
    : QWidget(parent), m_message(new QLabel(this)), m_view(new SideBySideView(this))
{
    m_message->setObjectName(QStringLiteral("schemaTabMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
}

QString RevisionSchemaTab::message() const
{
    return m_message->text();
}

void RevisionSchemaTab::showRevision(const Project& project, const QString& id,
                                     const QString& databaseUrl)
{
    m_project = project;
    m_revision = project.graph().indexOf(id) >= 0 ? id : QString();
    m_url = databaseUrl;
    ++m_generation; // an answer for the previous revision is dropped
    m_stale = true;
    if (isVisible())
        refresh();
}

void RevisionSchemaTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void RevisionSchemaTab::refresh()
{
    m_stale = false;
    const quint64 generation = ++m_generation;
    if (!m_project || m_revision.isEmpty()) {
        m_message->setText(tr("Select a revision in the history to see the schema before and "
                              "after it."));
        m_view->clear();
        Q_EMIT schemaShown();
        return;
    }
    const RevisionGraph& graph = m_project->graph();
    const int index = graph.indexOf(m_revision);
    QStringList parents;
    for (int parent : graph.parents(index))
        parents << graph.id(parent);
    CompareSource before;
    before.kind = CompareSource::Kind::Revision;
    before.revision = parents.isEmpty() ? QStringLiteral("base") : parents.join(u',');
    CompareSource after;
    after.kind = CompareSource::Kind::Revision;
    after.revision = m_revision;
    m_view->setTitles(parents.isEmpty() ? tr("Before (empty: a base revision)")
                                        : tr("Before (at %1)").arg(parents.join(QStringLiteral(", "))),
                      tr("After %1").arg(m_revision));
    m_view->clear();
    m_message->setText(tr("Applying the scripts to a scratch database..."));

    auto* watcher = new QFutureWatcher<SchemaAnswer>(this);
    connect(watcher, &QFutureWatcher<SchemaAnswer>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const SchemaAnswer answer = watcher->result();
        if (!answer.error.isEmpty()) {
            m_message->setText(tr("Cannot show the schema: %1").arg(answer.error));
            m_view->clear();
        } else {
            m_message->setText(
                answer.changed.isEmpty()
                    ? tr("This revision does not change the schema.")
                    : tr("This revision changes %n object(s): %1", nullptr,
                         int(answer.changed.size()))
                          .arg(answer.changed.join(QStringLiteral(", "))));
            m_view->showAlignment(answer.alignment);
        }
        Q_EMIT schemaShown();
    });
    watcher->setFuture(QtConcurrent::run([project = *m_project, url = m_url, before, after] {
        SchemaAnswer answer;
        try {
            const SchemaComparison comparison = CompareJob::run(project, url, before, after);
            answer.alignment = comparison.wholeAlignment();
            for (const ComparedObject& object : comparison.objects()) {
                if (object.status != ComparedObject::Status::Identical)
                    answer.changed << RevisionSchemaTab::tr("%1 (%2)").arg(
                        object.name, object.status == ComparedObject::Status::OnlyInTo
                                         ? RevisionSchemaTab::tr("new")
                                         : object.status == ComparedObject::Status::OnlyInFrom
                                               ? RevisionSchemaTab::tr("dropped")
                                               : RevisionSchemaTab::tr("changed"));
            }
        } catch (const Error& error) {
            answer.error = error.message();
        }
        return answer;
    }));
}

} // namespace retort::ui
