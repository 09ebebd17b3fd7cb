// SPDX-License-Identifier: Apache-2.0
#include "graph/revisionformat.h"

#include "common/jsonwriter.h"

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

void RevisionFormat::writeJson(JsonWriter& json, const RevisionGraph& graph, int index,
                               std::optional<bool> isCurrent)
{
    const Revision& revision = graph.revision(index);
    const auto ids = [&](const QVector<int>& revisions) {
        json.beginArray();
        for (int i : revisions)
            json.value(graph.id(i));
        json.endArray();
    };
    // Sorted keys: the order QJsonObject gave them when this was built as one.
    json.beginObject();
    json.key(QLatin1String("branch_labels"));
    json.value(revision.branchLabels);
    json.key(QLatin1String("children"));
    ids(graph.children(index));
    json.key(QLatin1String("create_date"));
    json.value(revision.createDate);
    json.key(QLatin1String("depends_on"));
    ids(graph.dependencies(index));
    json.key(QLatin1String("down_revisions"));
    json.value(revision.downRevisions);
    json.key(QLatin1String("is_base"));
    json.value(graph.isBase(index));
    json.key(QLatin1String("is_branch_point"));
    json.value(graph.isBranchPoint(index));
    if (isCurrent) {
        json.key(QLatin1String("is_current"));
        json.value(*isCurrent);
    }
    json.key(QLatin1String("is_head"));
    json.value(graph.isHead(index));
    json.key(QLatin1String("is_merge_point"));
    json.value(graph.isMergePoint(index));
    json.key(QLatin1String("message"));
    json.value(revision.message);
    json.key(QLatin1String("path"));
    json.value(revision.path);
    json.key(QLatin1String("revision"));
    json.value(revision.id);
    json.endObject();
}

} // namespace retort
