// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/jsonwriter.h"
#include "project/project.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>
#include <optional>

namespace retort::cli {

// What a command gets to work with: its parsed command line, the output streams, and the
// project named by the global options (loaded on first use).
class CliContext
{
public:
    CliContext(QCommandLineParser& parser, QTextStream& out, QTextStream& err)
        : parser(parser), out(out), err(err)
    {
    }
    ~CliContext();
    CliContext(const CliContext&) = delete;
    CliContext& operator=(const CliContext&) = delete;

    QCommandLineParser& parser;
    QTextStream& out;
    QTextStream& err;

    // The project from -c/--config, or retort.ini / alembic.ini in the working directory.
    // Read at the first call; `coresInUse` as in Project::load().
    const Project& project(int coresInUse = 0);
    // The path of that project's config file, without reading scripts.
    QString configPath() const;
    // That config file, read (on first use) without reading scripts.
    const ProjectConfig& config();
    // The database URL: --url, --url-env's variable, else the project's (with ${VAR}
    // expanded); with the password asked for on the terminal for --password-prompt (once).
    // Full, with the password: hand it to the engine, never print it.
    QString databaseUrl();
    bool json() const { return parser.isSet(QStringLiteral("json")); }
    // Writes `value` to `out` (indented), without a QJsonDocument.
    void printJson(const QJsonValue& value);
    // Where a JsonWriter writes `out`'s bytes: large listings stream through it.
    JsonWriter::Sink jsonSink();
    // The positional arguments of the command.
    QStringList arguments() const { return parser.positionalArguments(); }

private:
    std::optional<ProjectConfig> m_config;
    std::optional<Project> m_project;
    std::optional<QString> m_databaseUrl;
};

} // namespace retort::cli
