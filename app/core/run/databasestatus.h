// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/migrationlock.h"
#include "project/project.h"
#include "run/scriptverifier.h"

#include <QJsonObject>
#include <QStringList>

namespace retort {

// Where a database stands against a project's scripts: what `retort current` prints and
// Studio's status panel shows. Reading it never creates anything, not even a SQLite file.
struct DatabaseStatus
{
    QString maskedUrl;
    bool databaseExists = true; // false: a SQLite file that is not there yet
    QStringList current;        // the version table's rows, sorted; empty = base
    // What `alembic current` shows for those rows (RevisionGraph::currentTops): a row below
    // another is left out, a dependency on another line shown; then the unknown rows. Sorted.
    QStringList shown;
    QStringList unknown;        // current revisions no script defines
    QStringList heads;          // the project's heads ("heads" target)
    int pendingSteps = 0;       // upgrades needed to reach the heads (0 when unknown ones exist)

    // What support staff ask next; read only with Detail::Support.
    bool supportDetailsRead = false;
    QVector<ScriptCheck> changedScripts; // applied scripts whose file changed since they ran
    QString scriptCheckError;            // why the scripts could not be compared, if so
    LockHolder lock;                     // who holds the migration lock right now

    // Versions: the version table only. Support: also compares the applied scripts with the
    // checksums in the history (as `retort verify` does) and asks who holds the lock.
    enum class Detail { Versions, Support };

    bool isAtHeads() const;
    QStringList changedRevisions() const;

    // Connects to `databaseUrl` (the full URL) and reads the version table of `project`.
    // Takes no lock and creates nothing. Throws Error(Config) for a bad URL and
    // Error(Database) when the database cannot be read.
    static DatabaseStatus read(const Project& project, const QString& databaseUrl,
                               Detail detail = Detail::Versions);

    // read() with Detail::Versions in two halves, so that the version table can be read while
    // the project's scripts load (`retort current`): the first needs only the config.
    struct VersionRows
    {
        bool databaseExists = true;
        QStringList rows;
    };
    static VersionRows readVersionRows(const ProjectConfig& config, const QString& databaseUrl);
    static DatabaseStatus fromVersionRows(const Project& project, const QString& databaseUrl,
                                          const VersionRows& versions);
    // The revisions of `project` that `current` names (unknown ones left out).
    QVector<int> currentRevisions(const RevisionGraph& graph) const;
    // "current" is `shown`, as Alembic's current; "version_rows" the table's rows.
    QJsonObject toJson() const;
};

} // namespace retort
