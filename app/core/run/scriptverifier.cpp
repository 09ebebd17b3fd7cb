// SPDX-License-Identifier: Apache-2.0
#include "run/scriptverifier.h"

#include "database/databaseconnection.h"
#include "database/databaseurl.h"
#include "common/error.h"
#include "common/textdiff.h"
#include "run/versiontable.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace retort {

namespace {

using Status = ScriptCheck::Status;

struct FileContent
{
    QString checksum; // SHA-256 hex of the bytes, as the runner records it
    QString text;
};

FileContent readScript(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(ErrorKind::Script,
                    QCoreApplication::translate("ScriptVerifier", "%1: cannot read: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.readAll();
    return {
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
        QString::fromUtf8(bytes)};
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QString ScriptCheck::statusName(Status status)
{
    switch (status) {
    case Status::Unchanged:
        return QStringLiteral("unchanged");
    case Status::Changed:
        return QStringLiteral("changed");
    case Status::Missing:
        return QStringLiteral("missing");
    case Status::NotRecorded:
        return QStringLiteral("not recorded");
    }
    return {};
}

QJsonObject ScriptCheck::toJson() const
{
    return QJsonObject{
        {QStringLiteral("revision"), revision},
        {QStringLiteral("path"), textOrNull(path)},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("recorded_checksum"), textOrNull(recordedChecksum)},
        {QStringLiteral("checksum"), textOrNull(checksum)},
        {QStringLiteral("text_recorded"), textRecorded},
        {QStringLiteral("diff"), textOrNull(diff)},
    };
}

int VerifyReport::count(Status status) const
{
    return int(std::count_if(checks.begin(), checks.end(),
                             [status](const ScriptCheck& c) { return c.status == status; }));
}

bool VerifyReport::hasProblems() const
{
    return count(Status::Changed) > 0 || count(Status::Missing) > 0;
}

QJsonObject VerifyReport::toJson() const
{
    QJsonArray revisions;
    for (const ScriptCheck& c : checks)
        revisions.append(c.toJson());
    QJsonObject counts;
    for (Status status : {Status::Unchanged, Status::Changed, Status::Missing, Status::NotRecorded})
        counts.insert(ScriptCheck::statusName(status).replace(u' ', u'_'), count(status));
    return QJsonObject{
        {QStringLiteral("ok"), !hasProblems()},
        {QStringLiteral("current"), QJsonArray::fromStringList(current)},
        {QStringLiteral("counts"), counts},
        {QStringLiteral("revisions"), revisions},
    };
}

VerifyReport ScriptVerifier::verify(const QString& databaseUrl) const
{
    const DatabaseUrl url = DatabaseUrl::parse(databaseUrl);
    if (url.dialect() == Dialect::Sqlite && !url.isSqliteMemory() &&
        !QFileInfo::exists(url.databaseName()))
        return compare({}, {}); // connecting would create the file
    DatabaseConnection connection(url, QStringLiteral("verify"));
    const ProjectConfig& config = m_project.config();
    const VersionTable table(connection.dialect(), config.versionTable, config.versionTableSchema);
    const QStringList current = table.readHeads(connection.db());
    return compare(current, MigrationHistory(table).appliedRecords(connection.db()));
}

VerifyReport ScriptVerifier::compare(const QStringList& current,
                                     const QHash<QString, HistoryRecord>& applied) const
{
    const RevisionGraph& graph = m_project.graph();
    VerifyReport report;
    report.current = current;
    std::sort(report.current.begin(), report.current.end());

    QStringList missing;
    QVector<int> rows;
    for (const QString& id : std::as_const(report.current)) {
        const int index = graph.indexOf(id);
        if (index >= 0)
            rows.append(index);
        else
            missing.append(id);
    }
    RevisionSet checked = graph.ancestors(rows);
    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        const int index = graph.indexOf(it.key());
        if (index >= 0)
            checked.insert(index);
        else if (!missing.contains(it.key()))
            missing.append(it.key());
    }
    QVector<int> order = graph.history();
    std::reverse(order.begin(), order.end()); // oldest first, as they ran
    for (int index : std::as_const(order)) {
        if (!checked.contains(index))
            continue;
        const auto found = applied.constFind(graph.id(index));
        report.checks.append(check(index, found == applied.constEnd() ? nullptr : &*found));
    }
    std::sort(missing.begin(), missing.end());
    for (const QString& id : std::as_const(missing)) {
        ScriptCheck c;
        c.revision = id;
        c.status = Status::Missing;
        const auto found = applied.constFind(id);
        if (found != applied.constEnd()) {
            c.recordedChecksum = found->checksum;
            c.textRecorded = !found->script.isEmpty();
        }
        report.checks.append(c);
    }
    return report;
}

ScriptCheck ScriptVerifier::check(int revision, const HistoryRecord* recorded) const
{
    const Revision& meta = m_project.graph().revision(revision);
    ScriptCheck c;
    c.revision = meta.id;
    c.path = meta.path;
    if (!recorded || recorded->checksum.isEmpty()) {
        c.status = Status::NotRecorded;
        return c;
    }
    const FileContent now = readScript(meta.path);
    c.checksum = now.checksum;
    c.recordedChecksum = recorded->checksum;
    c.textRecorded = !recorded->script.isEmpty();
    if (c.checksum == c.recordedChecksum)
        return c;
    c.status = Status::Changed;
    if (c.textRecorded) {
        c.diff =
            TextDiff::unified(recorded->script, now.text, meta.path + QStringLiteral(" (applied)"),
                              meta.path + QStringLiteral(" (on disk)"));
    }
    return c;
}

} // namespace retort
