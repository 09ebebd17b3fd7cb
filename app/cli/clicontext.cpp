// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include "common/error.h"
#include "common/singleline.h"
#include "database/databaseurl.h"
#include "passwordprompt.h"

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
    const QString timeout = parser.value(QStringLiteral("connect-timeout"));
    if (!timeout.isEmpty()) {
        bool ok = false;
        const int seconds = timeout.toInt(&ok);
        if (!ok || seconds < 1)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("--connect-timeout takes a number of seconds (1 or more)"));
        url = DatabaseUrl::parse(url).withConnectTimeout(seconds).toString();
    }
    m_databaseUrl = url;
    return url;
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
