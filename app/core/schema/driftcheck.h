// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/scriptverifier.h"
#include "schema/schema.h"
#include "schema/schemadiff.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

class SchemaReader;

// One difference a drift check found, with the side that moved.
struct DriftChange
{
    enum class Cause {
        Database, // the database differs from what its scripts did when they ran: changed by
                  // hand, outside its migrations
        Script    // an applied script was edited since it ran: the database is as the script
                  // left it, the file on disk now says otherwise
    };

    SchemaChange change;
    Cause cause = Cause::Database;

    static QString causeName(Cause cause); // "database", "script"
    QJsonObject toJson() const;            // the change's JSON and "cause"
};

// What `retort check --drift` reports: three schemas at the database's recorded revisions,
//   database: the live database;
//   applied:  the scripts as they ran, replayed from the texts retort_history keeps (a script
//             without a recorded text, run by Alembic or before Retort kept texts, counts as
//             its file on disk);
//   onDisk:   the scripts as the files are now;
// and the differences: applied -> database (the database moved) and applied -> onDisk (the
// scripts moved). A compare view can show any pair of the three.
struct DriftReport
{
    QStringList revisions;          // the version table's rows; empty: base
    Schema database;
    Schema applied;
    Schema onDisk;
    SchemaDiff databaseChanges;     // applied -> database: "added" is only in the database
    SchemaDiff scriptChanges;       // applied -> onDisk: "added" is only in the edited files
    QVector<ScriptCheck> editedScripts; // applied scripts whose file changed since, with diffs
    QStringList unrecorded;         // applied revisions whose text the history lacks

    bool databaseMoved() const { return !databaseChanges.isEmpty(); }
    bool scriptsMoved() const { return !scriptChanges.isEmpty(); }
    bool isEmpty() const { return !databaseMoved() && !scriptsMoved(); }
    // The database's changes, then the scripts'.
    QVector<DriftChange> changes() const;
    // {"revisions", "equal", "database_changed", "scripts_changed", "changes": [... "cause"],
    //  "edited_scripts": [{"revision", "path"}], "not_recorded": [...]}
    QJsonObject toJson() const;
    // For people: "From the scripts at X to the database (N change(s)):" and the database's
    // changes, then "Scripts edited since they ran (...):" and the scripts' changes, each on
    // a line; empty when nothing differs.
    QString toText() const;
};

// The drift check: the core of `retort check --drift` and of a compare view's drift mode.
// Replays run in the reader's dev database (never the database checked); the second replay
// (scripts as applied) only when an applied script was edited since it ran.
//
// Threads: the reader's (see SchemaReader); the report is a plain value.
class DriftCheck
{
public:
    explicit DriftCheck(const SchemaReader& reader) : m_reader(reader) {}

    // Throws Error(Graph) when the database is at a revision no script defines, and what
    // SchemaReader throws.
    DriftReport run() const;

private:
    const SchemaReader& m_reader;
};

} // namespace retort
