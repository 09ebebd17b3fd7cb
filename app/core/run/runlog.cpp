// SPDX-License-Identifier: Apache-2.0
#include "run/runlog.h"

#include "database/databaseconnection.h"
#include "graph/revisionrange.h"
#include "run/versiontable.h"

#include <QSet>

namespace retort {

namespace {

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

QVector<HistoryRecord> RunLog::read(const Project& project, const QString& databaseUrl,
                                    const RunLogFilter& filter)
{
    const DatabaseUrl url = DatabaseUrl::parse(databaseUrl);
    QVector<HistoryRecord> records;
    if (!isMissingSqliteFile(url)) {
        DatabaseConnection connection(url, QStringLiteral("log"));
        const VersionTable table(connection.dialect(), project.config().versionTable,
                                 project.config().versionTableSchema);
        records = MigrationHistory(table).read(connection.db());
    }
    return filtered(project.graph(), records, filter);
}

QVector<HistoryRecord> RunLog::filtered(const RevisionGraph& graph,
                                        const QVector<HistoryRecord>& records,
                                        const RunLogFilter& filter)
{
    std::optional<QSet<QString>> inRange;
    if (!filter.range.isEmpty()) {
        inRange.emplace();
        const QVector<int> revisions = revisionRange(graph, filter.range);
        for (int index : revisions)
            inRange->insert(graph.id(index));
    }
    QVector<HistoryRecord> kept;
    for (const HistoryRecord& record : records) {
        if (filter.outcome && record.outcome != *filter.outcome)
            continue;
        if (inRange) {
            const QStringList ids = record.revision.split(u',', Qt::SkipEmptyParts);
            if (std::none_of(ids.begin(), ids.end(),
                             [&](const QString& id) { return inRange->contains(id); }))
                continue;
        }
        kept.append(record);
    }
    return kept;
}

QJsonObject RunLog::toJson(const HistoryRecord& record)
{
    return QJsonObject{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("revision"), record.revision},
        {QStringLiteral("direction"), record.direction},
        {QStringLiteral("outcome"), HistoryRecord::outcomeName(record.outcome)},
        {QStringLiteral("run_by"), textOrNull(record.runBy)},
        {QStringLiteral("started_at"), timeOrNull(record.startedAt)},
        {QStringLiteral("finished_at"), timeOrNull(record.finishedAt)},
        {QStringLiteral("duration_ms"), record.durationMs},
        {QStringLiteral("checksum"), textOrNull(record.checksum)},
        {QStringLiteral("error"), textOrNull(record.error)},
        {QStringLiteral("failing_statement"), textOrNull(record.failingStatement)},
        {QStringLiteral("failing_location"), textOrNull(record.failingLocation)},
    };
}

} // namespace retort
