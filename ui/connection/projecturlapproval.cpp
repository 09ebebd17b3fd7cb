// SPDX-License-Identifier: Apache-2.0
#include "connection/projecturlapproval.h"

#include "common/error.h"
#include "connection/projecturlquestion.h"
#include "database/databaseurl.h"
#include "project/projectconfig.h"

#include <QCryptographicHash>
#include <QSettings>

namespace retort::ui {

namespace {

QString settingsKey(const ProjectConfig& config)
{
    const QByteArray key = (config.configPath + u'\n' + config.rawUrl).toUtf8();
    return QStringLiteral("projectUrlApproval/") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
}

} // namespace

bool ProjectUrlApproval::needsAsking(const ProjectConfig& config)
{
    // What leaves the machine is what matters: a URL that expands to a local SQLite file
    // (sqlite:///${HOME}/x.db, ${DATABASE_URL:-sqlite:///app.db} with the variable unset) sends
    // nothing anywhere; one that names a server sends it the user name, the password and the
    // values of the variables that went into them.
    try {
        return DatabaseUrl::parse(config.databaseUrl()).dialect() != Dialect::Sqlite;
    } catch (const Error&) {
        return false; // unusable anyway: Studio shows the error and connects nowhere
    }
}

std::optional<bool> ProjectUrlApproval::answer(const ProjectConfig& config)
{
    const QVariant value = QSettings().value(settingsKey(config));
    if (!value.isValid())
        return std::nullopt;
    return value.toBool();
}

void ProjectUrlApproval::remember(const ProjectConfig& config, bool allowed)
{
    QSettings().setValue(settingsKey(config), allowed);
}

bool ProjectUrlApproval::ask(QWidget* parent, const ProjectConfig& config)
{
    if (!needsAsking(config))
        return true;
    if (const std::optional<bool> known = answer(config))
        return *known;
    QString masked;
    try {
        masked = DatabaseUrl::parse(config.databaseUrl()).masked();
    } catch (const Error&) {
        return false; // an unset variable or a malformed URL: nothing to connect to
    }
    ProjectUrlQuestion question(config.configPath, masked, environmentVariablesIn(config.rawUrl),
                                parent);
    const bool allowed = question.exec() == ProjectUrlQuestion::Connect;
    remember(config, allowed);
    return allowed;
}

} // namespace retort::ui
