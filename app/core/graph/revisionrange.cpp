// SPDX-License-Identifier: Apache-2.0
#include "graph/revisionrange.h"

#include "common/error.h"
#include "graph/revisionresolver.h"
#include <QCoreApplication>

namespace retort {

QVector<int> revisionRange(const RevisionGraph& graph, const QString& range,
                           const std::optional<QVector<int>>& current)
{
    QString startName = QStringLiteral("base");
    QString endName = QStringLiteral("heads");
    if (!range.isEmpty()) {
        const QStringList sides = range.split(u':');
        if (sides.size() != 2) {
            throw Error(ErrorKind::Usage,
                        QCoreApplication::translate("RevisionRange", "history range '%1' is not of the form START:END").arg(range));
        }
        if (!sides[0].trimmed().isEmpty())
            startName = sides[0];
        if (!sides[1].trimmed().isEmpty())
            endName = sides[1];
    }
    const RevisionResolver resolver(graph);
    const QVector<int> start = resolver.resolve(startName, current);
    const QVector<int> end = resolver.resolve(endName, current);

    RevisionSet members = graph.ancestors(end);
    for (int s : start) {
        if (!members.contains(s)) {
            throw Error(ErrorKind::Graph, QCoreApplication::translate("RevisionRange", "%1 is not below %2 in the history")
                                              .arg(graph.id(s), endName));
        }
    }
    RevisionSet below = graph.ancestors(start);
    for (int s : start)
        below.remove(s); // the range includes START itself
    members.subtract(below);
    if (!start.isEmpty()) // only what grew from START, not other lines merged in later
        members.intersect(graph.descendants(start, false));
    return graph.historyOrder(members, end);
}

} // namespace retort
