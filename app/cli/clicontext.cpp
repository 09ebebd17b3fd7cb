// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include "common/error.h"
#include "database/databaseurl.h"

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
    QString url = parser.value(QStringLiteral("url"));
    if (url.isEmpty())
        url = config().databaseUrl();
    const QString timeout = parser.value(QStringLiteral("connect-timeout"));
    if (timeout.isEmpty())
        return url;
    bool ok = false;
    const int seconds = timeout.toInt(&ok);
    if (!ok || seconds < 1)
        throw Error(ErrorKind::Usage, QStringLiteral("--connect-timeout takes a number of seconds (1 or more)"));
    return DatabaseUrl::parse(url).withConnectTimeout(seconds).toString();
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
