// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

QString CliContext::devUrl() const
{
    const QString option = QStringLiteral("dev-url");
    return parser.optionNames().contains(option) ? parser.value(option) : QString();
}

void addDevUrlOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("dev-url"),
                      QStringLiteral("Where the model loads and the scripts replay: 'local' (a "
                                     "throwaway local server) or a database URL whose user may "
                                     "create databases (default: dev_url in retort.ini, else a "
                                     "temporary database on the same server for the model and "
                                     "a throwaway local server for the scripts)."),
                      QStringLiteral("URL")});
}

void CliContext::printJson(const QJsonValue& value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    out << document.toJson(QJsonDocument::Indented);
    out.flush();
}

} // namespace retort::cli
