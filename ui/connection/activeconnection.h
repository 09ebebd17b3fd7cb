// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace retort {
class Project;
}

namespace retort::ui {

class ConnectionProfiles;

// The database the window works on: one chosen in the connection dialog or given on the
// command line, else the one remembered for the project (its password read from the
// keychain), else the project's own URL once the user allowed it. A connection chosen for
// one project does not carry over to another.
class ActiveConnection : public QObject
{
    Q_OBJECT

public:
    explicit ActiveConnection(ConnectionProfiles* profiles, QObject* parent = nullptr);

    // The URL to use with `project` (may be null); "" when there is none, when the
    // project's URL names an unset variable, or when it names a server the user has not
    // allowed (ProjectUrlApproval).
    QString url(const Project* project) const;
    // For a project just opened without a chosen connection: asks, the first time, whether
    // Studio may connect to the server its URL names (ProjectUrlApproval).
    void confirmProjectUrl(QWidget* parent, const Project& project);
    // A URL chosen outside the dialog (the command line); "" goes back to the project's.
    void setUrl(const QString& url);
    // For the project `configPath` being opened: forgets a connection chosen for another
    // project and restores the one remembered for this one.
    void restoreFor(const QString& configPath);
    // File > Connect to Database: the dialog, started from the URL in use; the choice is
    // remembered for the project.
    void choose(QWidget* parent, const Project* project);
    ConnectionProfiles* profiles() const { return m_profiles; }

Q_SIGNALS:
    // The URL in use changed (chosen, restored, or its password arrived).
    void changed();

private:
    ConnectionProfiles* m_profiles;
    QString m_chosenUrl;
    QString m_chosenFor;       // the project whose remembered connection m_chosenUrl is
    QString m_awaitedProfile;  // its password is on its way from the keychain
};

} // namespace retort::ui
