// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include <QDir>

namespace retort::cli {

CliContext::~CliContext()
{
    // The process ends right after the command: its revision graph is left to the operating
    // system instead of being freed object by object (10% of `retort history`'s instructions
    // at 10,000 revisions). Nothing else is held: connections and files close in their own
    // scopes. (Kept reachable from a static, so leak checkers do not report it.)
    [[maybe_unused]] static Project* leftToTheSystem = nullptr;
    if (m_project)
        leftToTheSystem = new Project(std::move(*m_project));
}

QString CliContext::configPath() const
{
    return ProjectConfig::locate(parser.value(QStringLiteral("config")), QDir::currentPath());
}

const ProjectConfig& CliContext::config()
{
    if (!m_config)
        m_config = ProjectConfig::load(configPath());
    return *m_config;
}

const Project& CliContext::project(int coresInUse)
{
    if (!m_project)
        m_project = Project::load(config(), coresInUse);
    return *m_project;
}

QString CliContext::databaseUrl()
{
    const QString url = parser.value(QStringLiteral("url"));
    return url.isEmpty() ? config().databaseUrl() : url;
}

JsonWriter::Sink CliContext::jsonSink()
{
    out.flush(); // what was written through the text stream goes first
    return [this](const QByteArray& chunk) {
        if (QIODevice* device = out.device())
            device->write(chunk);
        else
            out << QString::fromUtf8(chunk);
    };
}

void CliContext::printJson(const QJsonValue& value)
{
    JsonWriter(jsonSink()).value(value);
}

} // namespace retort::cli
