// SPDX-License-Identifier: Apache-2.0
#include "graph/revisionformat.h"

#include <QJsonArray>

namespace retort {

namespace {

QStringList idsOf(const RevisionGraph& graph, const QVector<int>& revisions)
{
    QStringList ids;
    for (int i : revisions)
        ids << graph.id(i);
    return ids;
}

} // namespace

QString RevisionFormat::idWithMarkers(const RevisionGraph& graph, int index)
{
    QString text = graph.id(index);
    const QStringList& labels = graph.branchLabels(index);
    if (!labels.isEmpty())
        text += QStringLiteral(" (%1)").arg(labels.join(QStringLiteral(", ")));
    if (graph.isHead(index))
        text += QStringLiteral(" (head)");
    if (graph.isBranchPoint(index))
        text += QStringLiteral(" (branchpoint)");
    if (graph.isMergePoint(index))
        text += QStringLiteral(" (mergepoint)");
    return text;
}

QString RevisionFormat::oneLine(const RevisionGraph& graph, int index)
{
    const QVector<int>& parents = graph.parents(index);
    const QString from = parents.isEmpty() ? QStringLiteral("<base>")
                                           : idsOf(graph, parents).join(QStringLiteral(", "));
    return QStringLiteral("%1 -> %2, %3")
        .arg(from, idWithMarkers(graph, index), graph.revision(index).message);
}

QString RevisionFormat::verbose(const RevisionGraph& graph, int index)
{
    const Revision& revision = graph.revision(index);
    QString text = QStringLiteral("Rev: %1\n").arg(idWithMarkers(graph, index));
    const QVector<int>& parents = graph.parents(index);
    if (parents.size() > 1)
        text += QStringLiteral("Merges: %1\n").arg(idsOf(graph, parents).join(QStringLiteral(", ")));
    else
        text += QStringLiteral("Parent: %1\n")
                    .arg(parents.isEmpty() ? QStringLiteral("<base>") : graph.id(parents.first()));
    if (graph.isBranchPoint(index))
        text += QStringLiteral("Branches into: %1\n")
                    .arg(idsOf(graph, graph.children(index)).join(QStringLiteral(", ")));
    if (!revision.branchLabels.isEmpty())
        text += QStringLiteral("Branch names: %1\n").arg(revision.branchLabels.join(QStringLiteral(", ")));
    if (!graph.dependencies(index).isEmpty())
        text += QStringLiteral("Also depends on: %1\n")
                    .arg(idsOf(graph, graph.dependencies(index)).join(QStringLiteral(", ")));
    if (!revision.createDate.isEmpty())
        text += QStringLiteral("Create Date: %1\n").arg(revision.createDate);
    text += QStringLiteral("Path: %1\n\n").arg(revision.path);
    for (const QString& line : revision.message.split(u'\n'))
        text += QStringLiteral("    %1\n").arg(line);
    return text;
}

QJsonObject RevisionFormat::toJson(const RevisionGraph& graph, int index)
{
    const Revision& revision = graph.revision(index);
    return QJsonObject{
        {QStringLiteral("revision"), revision.id},
        {QStringLiteral("down_revisions"), QJsonArray::fromStringList(revision.downRevisions)},
        {QStringLiteral("branch_labels"), QJsonArray::fromStringList(revision.branchLabels)},
        {QStringLiteral("depends_on"), QJsonArray::fromStringList(idsOf(graph, graph.dependencies(index)))},
        {QStringLiteral("message"), revision.message},
        {QStringLiteral("path"), revision.path},
        {QStringLiteral("create_date"), revision.createDate},
        {QStringLiteral("children"), QJsonArray::fromStringList(idsOf(graph, graph.children(index)))},
        {QStringLiteral("is_head"), graph.isHead(index)},
        {QStringLiteral("is_base"), graph.isBase(index)},
        {QStringLiteral("is_branch_point"), graph.isBranchPoint(index)},
        {QStringLiteral("is_merge_point"), graph.isMergePoint(index)},
    };
}

} // namespace retort
