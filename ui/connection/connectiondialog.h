// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace retort::ui {

class ConnectionForm;
class ConnectionProfiles;
class ConnectionTester;
class ProfileListPane;

// Chooses the database to work on. Composes the saved connections (ProfileListPane, stored by
// ConnectionProfiles), the form (ConnectionForm: a URL or its per-driver fields) and "Test
// connection" (ConnectionTester, on a pool thread). Choosing a saved connection fills the form
// and asks the keychain for its password.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(ConnectionProfiles* profiles, QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    // Fills the form from `url` (password included); selects the saved connection that has
    // this URL, `preferredProfile` first. An empty or unreadable URL leaves a blank form.
    void setUrl(const QString& url, const QString& preferredProfile = QString());
    // The chosen URL with its password (for connecting only); "" while the form is not valid.
    QString url() const;
    QString maskedUrl() const;
    // The saved connection the form still shows unchanged, else "".
    QString profileName() const;
    void setRecentUrls(const QStringList& urls);
    // Seconds "Test connection" waits for a server whose URL sets no connect_timeout.
    void setConnectTimeout(int seconds);
    bool isTesting() const;

Q_SIGNALS:
    // A test's outcome as shown to the user (never holding the password).
    void testFinished(bool succeeded, const QString& message);

private:
    void onUrlChanged(const QString& url);
    void onProfileChosen(const QString& url, const QString& profile);
    void onPasswordRead(const QString& name, const QString& password);
    void testConnection();
    void showTestResult(bool succeeded, const QString& message);

    ConnectionProfiles* m_profiles;
    ProfileListPane* m_pane;
    ConnectionForm* m_form;
    ConnectionTester* m_tester;
    QString m_awaitedProfile; // a password read from the keychain is on its way for it
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResult = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort::ui
