// SPDX-License-Identifier: Apache-2.0
#include "databasestatus.h"

#include "databaseconnection.h"
#include "databaseurl.h"
#include "error.h"
#include "migrationhistory.h"
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

DatabaseStatus DatabaseStatus::read(const Project& project, const QString& databaseUrl,
                                    Detail detail)
{
    const DatabaseUrl url = DatabaseUrl::parse(databaseUrl);
    const RevisionGraph& graph = project.graph();
    DatabaseStatus status;
    status.maskedUrl = url.masked();
    for (int head : graph.realHeads())
        status.heads << graph.id(head);

    if (url.dialect() == Dialect::Sqlite && !url.isSqliteMemory() &&
        !QFileInfo::exists(url.databaseName())) {
        status.databaseExists = false;                         // connecting would create the file
        status.supportDetailsRead = detail == Detail::Support; // nothing ran, nobody holds it
    } else {
        DatabaseConnection connection(url, QStringLiteral("status"));
        const ProjectConfig& config = project.config();
        const VersionTable table(connection.dialect(), config.versionTable,
                                 config.versionTableSchema);
        status.current = table.readHeads(connection.db());
        if (detail == Detail::Support)
            readSupportDetails(status, project, connection, table);
    }
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
