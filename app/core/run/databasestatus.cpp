// SPDX-License-Identifier: Apache-2.0
#include "run/databasestatus.h"

#include "database/databaseconnection.h"
#include "database/databaseurl.h"
#include "common/error.h"
#include "run/migrationhistory.h"
#include "graph/migrationplanner.h"
#include "run/versiontable.h"

#include <QFileInfo>
#include <QJsonArray>

namespace retort {

bool DatabaseStatus::isAtHeads() const
{
    QStringList sortedHeads = heads;
    sortedHeads.sort();
    return unknown.isEmpty() && current == sortedHeads;
}

QStringList DatabaseStatus::changedRevisions() const
{
    QStringList ids;
    for (const ScriptCheck& check : changedScripts)
        ids << check.revision;
    return ids;
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

namespace {

void readSupportDetails(DatabaseStatus& status, const Project& project,
                        DatabaseConnection& connection, const VersionTable& table)
{
    status.supportDetailsRead = true;
    status.lock = MigrationLock::currentHolder(connection, table);
    try {
        const VerifyReport report = ScriptVerifier(project).compare(
            status.current, MigrationHistory(table).appliedRecords(connection.db()));
        for (const ScriptCheck& check : report.checks) {
            if (check.status == ScriptCheck::Status::Changed)
                status.changedScripts.append(check);
        }
    } catch (const Error& error) {
        if (error.kind() != ErrorKind::Script)
            throw;
        status.scriptCheckError = error.message(); // a script went missing since loading
    }
}

QJsonValue lockJson(const LockHolder& lock)
{
    if (!lock.held)
        return QJsonObject{{QStringLiteral("held"), false}};
    return QJsonObject{
        {QStringLiteral("held"), true},
        {QStringLiteral("holder"), lock.who},
        {QStringLiteral("pid"), lock.pid > 0 ? QJsonValue(lock.pid) : QJsonValue()},
        {QStringLiteral("server_pid"),
         lock.serverPid > 0 ? QJsonValue(lock.serverPid) : QJsonValue()},
        {QStringLiteral("since"), lock.since.isValid()
                                      ? QJsonValue(lock.since.toUTC().toString(Qt::ISODate))
                                      : QJsonValue()},
        {QStringLiteral("description"), lock.describe()},
    };
}

} // namespace

namespace {

VersionTable versionTableOf(const ProjectConfig& config, Dialect dialect)
{
    return VersionTable(dialect, config.versionTable, config.versionTableSchema);
}

// Fills in what follows from the version rows and the graph.
void completeStatus(DatabaseStatus& status, const RevisionGraph& graph)
{
    for (int head : graph.realHeads())
        status.heads << graph.id(head);
    for (const QString& id : std::as_const(status.current)) {
        if (graph.indexOf(id) < 0)
            status.unknown << id;
    }
    for (int index : graph.currentTops(status.currentRevisions(graph)))
        status.shown << graph.id(index);
    status.shown << status.unknown;
    status.shown.sort();
    if (status.unknown.isEmpty()) {
        status.pendingSteps = int(MigrationPlanner(graph)
                                      .upgrade(status.currentRevisions(graph), graph.realHeads())
                                      .size());
    }
}

} // namespace

DatabaseStatus::VersionRows DatabaseStatus::readVersionRows(const ProjectConfig& config,
                                                            const QString& databaseUrl)
{
    const DatabaseUrl url = DatabaseUrl::parse(databaseUrl);
    if (isMissingSqliteFile(url))
        return {false, {}}; // connecting would create the file
    DatabaseConnection connection(url, QStringLiteral("status"));
    return {true, versionTableOf(config, connection.dialect()).readHeads(connection.db())};
}

DatabaseStatus DatabaseStatus::fromVersionRows(const Project& project, const QString& databaseUrl,
                                               const VersionRows& versions)
{
    DatabaseStatus status;
    status.maskedUrl = DatabaseUrl::parse(databaseUrl).masked();
    status.databaseExists = versions.databaseExists;
    status.current = versions.rows;
    completeStatus(status, project.graph());
    return status;
}

DatabaseStatus DatabaseStatus::read(const Project& project, const QString& databaseUrl,
                                    Detail detail)
{
    if (detail == Detail::Versions)
        return fromVersionRows(project, databaseUrl, readVersionRows(project.config(), databaseUrl));
    const DatabaseUrl url = DatabaseUrl::parse(databaseUrl);
    DatabaseStatus status;
    status.maskedUrl = url.masked();
    status.supportDetailsRead = true;
    if (isMissingSqliteFile(url)) {
        status.databaseExists = false; // nothing ran there, nobody holds its lock
    } else {
        DatabaseConnection connection(url, QStringLiteral("status"));
        const VersionTable table = versionTableOf(project.config(), connection.dialect());
        status.current = table.readHeads(connection.db());
        readSupportDetails(status, project, connection, table);
    }
    completeStatus(status, project.graph());
    return status;
}

QJsonObject DatabaseStatus::toJson() const
{
    QJsonObject json{
        {QStringLiteral("url"), maskedUrl},
        {QStringLiteral("database_exists"), databaseExists},
        {QStringLiteral("current"), QJsonArray::fromStringList(shown)},
        {QStringLiteral("version_rows"), QJsonArray::fromStringList(current)},
        {QStringLiteral("unknown"), QJsonArray::fromStringList(unknown)},
        {QStringLiteral("heads"), QJsonArray::fromStringList(heads)},
        {QStringLiteral("pending_steps"), pendingSteps},
        {QStringLiteral("at_heads"), isAtHeads()},
    };
    if (supportDetailsRead) {
        QJsonArray changed;
        for (const ScriptCheck& check : changedScripts)
            changed.append(check.toJson());
        json.insert(QStringLiteral("changed_scripts"), changed);
        if (!scriptCheckError.isEmpty())
            json.insert(QStringLiteral("script_check_error"), scriptCheckError);
        json.insert(QStringLiteral("lock"), lockJson(lock));
    }
    return json;
}

} // namespace retort
