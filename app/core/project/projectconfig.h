// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revision.h"
#include "scripts/scriptdirectory.h"

#include <QString>
#include <QStringList>

namespace retort {

// Where a project's scripts live and which database it talks to, read from a Retort
// retort.ini (QSettings INI, section [retort]) or an Alembic alembic.ini (configparser
// syntax, section [alembic], %(here)s interpolation).
struct ProjectConfig
{
    ScriptFormat format = ScriptFormat::Native; // Native for retort.ini, Alembic for alembic.ini
    QString configPath;              // absolute path of the .ini file
    QString projectDir;              // the folder holding it
    QString scriptLocation;          // absolute
    QStringList versionLocations;    // absolute folders, in the order scripts are read
    bool recursiveVersionLocations = false;
    QString rawUrl;                  // as written, before ${VAR} expansion
    QString versionTable = QStringLiteral("alembic_version");
    QString versionTableSchema;      // empty: the connection's default schema
    QString modelPath;               // absolute; empty when the config names none
    // sync_each_step = true: every step of a run waits for the disk (SyncPolicy::EveryStep).
    bool syncEachStep = false;
    // transaction_per_migration = false: a run's steps all commit in one transaction, or none
    // do (TransactionMode::WholeRun); true (the default): each migration commits on its own.
    bool transactionPerMigration = true;

    // Reads a retort.ini or alembic.ini (decided by content: a [retort] or [alembic]
    // section). Throws Error(Config) naming the file and what is wrong.
    static ProjectConfig load(const QString& path);
    // The config file to use: `explicitPath` when given, else retort.ini, then alembic.ini,
    // in `directory`. Throws Error(Config) when there is none.
    static QString locate(const QString& explicitPath, const QString& directory);

    // The database URL with ${VAR} and ${VAR:-default} expanded from the environment.
    // Throws Error(Config) when it is empty or names an unset variable without default.
    QString databaseUrl() const;
    // Where the scripts are, for ScriptDirectory.
    ScriptLocations scriptLocations() const;
};

// Expands ${VAR} and ${VAR:-default} in `text` from the process environment. `what` names
// the setting in error messages. Throws Error(Config) for an unset variable without default
// or an unterminated ${. In URL-shaped text, no fragment of the password is quoted in an
// error (a password may itself contain "${").
QString expandEnvironment(const QString& text, const QString& what);
// The environment variables `text` reads when expanded (defaults' own included), each once,
// in order: what a project's URL sends to the server it names (Studio asks before).
QStringList environmentVariablesIn(const QString& text);

} // namespace retort
