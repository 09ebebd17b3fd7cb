// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include <QDir>

namespace retort::cli {

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
