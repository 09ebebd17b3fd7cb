// SPDX-License-Identifier: Apache-2.0
#include "databasestatus.h"

#include "databaseconnection.h"
#include "databaseurl.h"
#include "migrationplanner.h"
#include "versiontable.h"

#include <QFileInfo>
#include <QJsonArray>

namespace retort {

bool DatabaseStatus::isAtHeads() const
{
    QStringList sortedHeads = heads;
    sortedHeads.sort();
    return unknown.isEmpty() && current == sortedHeads;
}

QVector<int> DatabaseStatus::currentRevisions(const RevisionGraph& graph) const
{
    QVector<int> revisions;
    for (const QString& id : current) {
        const int index = graph.indexOf(id);
        if (index >= 0)
            revisions.append(index);
    }
    return revisions;
}

DatabaseStatus DatabaseStatus::read(const Project& project, const QString& databaseUrl)
{
    const DatabaseUrl url = DatabaseUrl::parse(databaseUrl);
    const RevisionGraph& graph = project.graph();
    DatabaseStatus status;
    status.maskedUrl = url.masked();
    for (int head : graph.realHeads())
        status.heads << graph.id(head);

    if (url.dialect() == Dialect::Sqlite && !url.isSqliteMemory() &&
        !QFileInfo::exists(url.databaseName())) {
        status.databaseExists = false; // connecting would create the file
    } else {
        DatabaseConnection connection(url, QStringLiteral("status"));
        const ProjectConfig& config = project.config();
        status.current = VersionTable(connection.dialect(), config.versionTable, config.versionTableSchema)
                             .readHeads(connection.db());
    }
    for (const QString& id : std::as_const(status.current)) {
        if (graph.indexOf(id) < 0)
            status.unknown << id;
    }
    if (status.unknown.isEmpty()) {
        status.pendingSteps = int(MigrationPlanner(graph)
                                      .upgrade(status.currentRevisions(graph), graph.realHeads())
                                      .size());
    }
    return status;
}

QJsonObject DatabaseStatus::toJson() const
{
    return QJsonObject{
        {QStringLiteral("url"), maskedUrl},
        {QStringLiteral("database_exists"), databaseExists},
        {QStringLiteral("current"), QJsonArray::fromStringList(current)},
        {QStringLiteral("unknown"), QJsonArray::fromStringList(unknown)},
        {QStringLiteral("heads"), QJsonArray::fromStringList(heads)},
        {QStringLiteral("pending_steps"), pendingSteps},
        {QStringLiteral("at_heads"), isAtHeads()},
    };
}

} // namespace retort
