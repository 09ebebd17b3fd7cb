// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revision.h"

#include <QStringList>
#include <QVector>

namespace retort {

// Where a project keeps its scripts: what ScriptDirectory needs of the project's config
// (ProjectConfig::scriptLocations()).
struct ScriptLocations
{
    ScriptFormat format = ScriptFormat::Native;
    QString configPath;           // names the project in errors, keys the metadata cache
    QStringList versionLocations; // absolute folders, in the order scripts are read
    bool recursive = false;       // recursive_version_locations
};

// The migration scripts of a project on disk, read in Alembic's order: each version
// location in turn, files sorted by name, then (with recursive_version_locations) each
// subfolder in name order. Native projects read *.sql, Alembic projects *.py (skipping
// __init__* and editor files such as .#*).
class ScriptDirectory
{
public:
    static QStringList scriptFiles(const ScriptLocations& locations);
    // Every script's metadata in file order. Throws Error(Script) listing every file that
    // cannot be read, each with its path and line. Large projects are read on every core but
    // `coresInUse` (at least one).
    static QVector<Revision> readRevisions(const ScriptLocations& locations, int coresInUse = 0);
    // The whole text of one script. Throws Error(Script) when it cannot be read.
    static QString readText(const QString& path);
    // The same as bytes (for checksums).
    static QByteArray readBytes(const QString& path);
    // A script's bytes as text. Bytes that are not UTF-8 are an Error(Script)
    // "<path>:<line>: ... not valid UTF-8", never replaced.
    static QString decode(const QByteArray& bytes, const QString& pathForMessages);
};

} // namespace retort
