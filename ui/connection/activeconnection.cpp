// SPDX-License-Identifier: Apache-2.0
#include "connection/activeconnection.h"

#include "common/error.h"
#include "connection/connectiondialog.h"
#include "connection/connectionprofiles.h"
#include "connection/projecturlapproval.h"
#include "project/project.h"

namespace retort::ui {

ActiveConnection::ActiveConnection(ConnectionProfiles* profiles, QObject* parent)
    : QObject(parent), m_profiles(profiles)
{
    // A remembered profile's password comes from the keychain after the project opened.
    connect(m_profiles, &ConnectionProfiles::passwordRead, this,
            [this](const QString& name, const QString& password) {
                if (name != m_awaitedProfile)
                    return;
                m_awaitedProfile.clear();
                if (!password.isEmpty())
                    setUrl(ConnectionFields::withPassword(m_chosenUrl, password));
            });
}

QString ActiveConnection::url(const Project* project) const
{
    if (!m_chosenUrl.isEmpty() || !project)
        return m_chosenUrl;
    const ProjectConfig& config = project->config();
    if (ProjectUrlApproval::needsAsking(config) && ProjectUrlApproval::answer(config) != true)
        return {}; // not (yet) allowed: see confirmProjectUrl()
    try {
        return config.databaseUrl();
    } catch (const Error&) {
        return {};
    }
}

void ActiveConnection::confirmProjectUrl(QWidget* parent, const Project& project)
{
    if (m_chosenUrl.isEmpty() && ProjectUrlApproval::ask(parent, project.config()))
        Q_EMIT changed();
}

void ActiveConnection::setUrl(const QString& url)
{
    m_chosenUrl = url;
    Q_EMIT changed();
}

void ActiveConnection::restoreFor(const QString& configPath)
{
    // One given on the command line (or by setUrl() before opening) stays.
    if (!m_chosenFor.isEmpty() && m_chosenFor != configPath) {
        m_chosenUrl.clear();
        m_chosenFor.clear();
        m_awaitedProfile.clear();
    }
    const QString remembered = ConnectionProfiles::lastUrl(configPath);
    if (!m_chosenUrl.isEmpty() || remembered.isEmpty())
        return;
    m_chosenUrl = remembered; // without its password: that comes from the keychain
    m_chosenFor = configPath;
    const QString profile = ConnectionProfiles::lastProfile(configPath);
    if (!profile.isEmpty() && m_profiles->find(profile)) {
        m_awaitedProfile = profile;
        m_profiles->readPassword(profile);
    }
}

void ActiveConnection::choose(QWidget* parent, const Project* project)
{
    const QString configPath = project ? project->config().configPath : QString();
    ConnectionDialog dialog(m_profiles, parent);
    dialog.setRecentUrls(ConnectionProfiles::recentUrls(configPath));
    dialog.setUrl(url(project), ConnectionProfiles::lastProfile(configPath));
    if (dialog.exec() != QDialog::Accepted || dialog.url().isEmpty())
        return;
    ConnectionProfiles::rememberForProject(configPath, dialog.profileName(), dialog.url());
    m_chosenFor = configPath;
    m_awaitedProfile.clear();
    setUrl(dialog.url());
}

} // namespace retort::ui
