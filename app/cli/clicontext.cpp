// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include "common/error.h"
#include "common/singleline.h"
#include "database/databaseurl.h"
#include "passwordprompt.h"

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
    if (m_databaseUrl)
        return *m_databaseUrl;
    QString url = parser.value(QStringLiteral("url"));
    if (parser.isSet(QStringLiteral("url-env"))) {
        const QString name = parser.value(QStringLiteral("url-env"));
        if (!url.isEmpty())
            throw Error(ErrorKind::Usage, QStringLiteral("give --url or --url-env, not both"));
        url = qEnvironmentVariable(name.toLocal8Bit().constData()).trimmed();
        if (url.isEmpty())
            throw Error(ErrorKind::Usage,
                        QStringLiteral("--url-env: the environment variable %1 is not set or "
                                       "empty")
                            .arg(singleLine(name)));
    }
    if (url.isEmpty())
        url = config().databaseUrl();
    if (parser.isSet(QStringLiteral("password-prompt"))) {
        const DatabaseUrl parsed = DatabaseUrl::parse(url);
        const QString who = parsed.userName().isEmpty()
                                ? parsed.withPassword({}).masked()
                                : parsed.userName() + u'@' + parsed.host();
        url = parsed.withPassword(promptPassword(QStringLiteral("Password for %1: ").arg(who)))
                  .toString();
    }
    m_databaseUrl = url;
    return url;
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
