// SPDX-License-Identifier: Apache-2.0
#include "schema/driftcheck.h"

#include "common/error.h"
#include "database/databaseconnection.h"
#include "run/migrationhistory.h"
#include "run/versiontable.h"
#include "schema/schemareader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <future>
#include <optional>

namespace retort {

namespace {

// The project as its scripts were applied: each edited script whose text the history keeps is
// replaced by that text, in a temporary file; the others stay where they are.
class AppliedScripts
{
public:
    AppliedScripts(const Project& project, const QHash<QString, HistoryRecord>& applied,
                   const QVector<ScriptCheck>& edited)
    {
        QVector<Revision> revisions;
        const RevisionGraph& graph = project.graph();
        revisions.reserve(graph.count());
        for (int i = 0; i < graph.count(); ++i)
            revisions.append(graph.revision(i));
        for (const ScriptCheck& check : edited) {
            const int index = graph.indexOf(check.revision);
            const auto record = applied.constFind(check.revision);
            if (index < 0 || record == applied.constEnd() || record->script.isEmpty())
                continue;
            if (!m_folder) {
                m_folder = std::make_unique<QTemporaryDir>();
                if (!m_folder->isValid())
                    throw Error(ErrorKind::Database,
                                QStringLiteral("cannot make a temporary folder: %1")
                                    .arg(m_folder->errorString()));
            }
            const QString path = m_folder->filePath(
                QStringLiteral("%1_%2").arg(index).arg(QFileInfo(check.path).fileName()));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(record->script.toUtf8()) < 0)
                throw Error(ErrorKind::Database, QStringLiteral("cannot write %1: %2")
                                                     .arg(path, file.errorString()));
            m_originals.insert(path, revisions[index].path);
            revisions[index].path = path;
        }
        if (m_folder)
            m_project = Project::fromRevisions(project.config(), revisions);
    }

    bool any() const { return m_project.has_value(); }
    const Project& project() const { return *m_project; }
    // A message about the temporary files, in terms of the project's.
    QString explain(QString message) const
    {
        for (auto it = m_originals.cbegin(); it != m_originals.cend(); ++it)
            message.replace(it.key(), it.value() + QCoreApplication::translate(
                                                       "retort", " (as it ran, from the history)"));
        return message;
    }

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    QHash<QString, QString> m_originals; // temporary path -> the script's path
    std::optional<Project> m_project;
};

QString scriptsAt(const QStringList& revisions)
{
    return revisions.isEmpty() ? QStringLiteral("base") : revisions.join(QStringLiteral(", "));
}

} // namespace

QString DriftChange::causeName(Cause cause)
{
    return cause == Cause::Database ? QStringLiteral("database") : QStringLiteral("script");
}

QJsonObject DriftChange::toJson() const
{
    QJsonObject json = change.toJson();
    json.insert(QStringLiteral("cause"), causeName(cause));
    return json;
}

QVector<DriftChange> DriftReport::changes() const
{
    QVector<DriftChange> result;
    for (const SchemaChange& change : databaseChanges.changes())
        result.append({change, DriftChange::Cause::Database});
    for (const SchemaChange& change : scriptChanges.changes())
        result.append({change, DriftChange::Cause::Script});
    return result;
}

QJsonObject DriftReport::toJson() const
{
    QJsonArray changeList;
    for (const DriftChange& change : changes())
        changeList.append(change.toJson());
    QJsonArray edited;
    for (const ScriptCheck& check : editedScripts)
        edited.append(QJsonObject{{QStringLiteral("revision"), check.revision},
                                  {QStringLiteral("path"), check.path}});
    return {{QStringLiteral("revisions"), QJsonArray::fromStringList(revisions)},
            {QStringLiteral("equal"), isEmpty()},
            {QStringLiteral("database_changed"), databaseMoved()},
            {QStringLiteral("scripts_changed"), scriptsMoved()},
            {QStringLiteral("changes"), changeList},
            {QStringLiteral("edited_scripts"), edited},
            {QStringLiteral("not_recorded"), QJsonArray::fromStringList(unrecorded)}};
}

QString DriftReport::toText() const
{
    QString text;
    if (databaseMoved()) {
        text += QCoreApplication::translate("retort", "From the scripts at %1 to the database "
                                                      "(%2 change(s)):\n")
                    .arg(scriptsAt(revisions))
                    .arg(databaseChanges.changes().size()) +
                databaseChanges.toText();
    }
    if (scriptsMoved()) {
        QStringList paths;
        for (const ScriptCheck& check : editedScripts)
            paths.append(check.path);
        text += QCoreApplication::translate("retort", "Scripts edited since they ran (%1 "
                                                      "change(s) from the scripts at %2 as they "
                                                      "ran to the files now; edited: %3):\n")
                    .arg(scriptChanges.changes().size())
                    .arg(scriptsAt(revisions), paths.join(QStringLiteral(", "))) +
                scriptChanges.toText();
    }
    return text;
}

DriftReport DriftCheck::run() const
{
    DriftReport report;
    report.revisions = m_reader.databaseRevisions();
    const Project& project = m_reader.project();
    QHash<QString, HistoryRecord> applied;
    QStringList current;
    const DatabaseUrl& url = m_reader.url();
    if (!(url.dialect() == Dialect::Sqlite && !url.isSqliteMemory() &&
          !QFileInfo::exists(url.databaseName()))) {
        DatabaseConnection connection(url, QStringLiteral("drift"));
        const ProjectConfig& config = project.config();
        const VersionTable table(connection.dialect(), config.versionTable,
                                 config.versionTableSchema);
        current = table.readHeads(connection.db());
        applied = MigrationHistory(table).appliedRecords(connection.db());
    }
    const VerifyReport verify = ScriptVerifier(project).compare(current, applied);
    for (const ScriptCheck& check : verify.checks) {
        if (check.status == ScriptCheck::Status::Changed)
            report.editedScripts.append(check);
        if (check.status == ScriptCheck::Status::NotRecorded ||
            (check.status == ScriptCheck::Status::Changed && !check.textRecorded))
            report.unrecorded.append(check.revision);
    }
    const AppliedScripts scripts(project, applied, report.editedScripts);

    // The live database is read meanwhile on a thread of its own.
    std::future<Schema> live = std::async(std::launch::async, [this] { return m_reader.database(); });
    if (!report.revisions.isEmpty()) {
        report.onDisk = m_reader.scripts(report.revisions);
        if (scripts.any()) {
            try {
                report.applied = m_reader.scriptsOf(scripts.project(), report.revisions);
            } catch (const Error& error) {
                throw Error(error.kind(), scripts.explain(error.message()));
            }
        } else {
            report.applied = report.onDisk;
        }
    }
    report.database = live.get();
    report.databaseChanges = SchemaDiff::compare(report.applied, report.database);
    report.scriptChanges = SchemaDiff::compare(report.applied, report.onDisk);
    return report;
}

} // namespace retort
