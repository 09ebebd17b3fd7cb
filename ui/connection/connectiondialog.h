// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connection/connectionprofiles.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace retort::ui {

// Chooses the database to work on: a URL typed as it is, or the same URL in per-driver fields,
// the two kept in step (both through DatabaseUrl). The URL on show is always masked; the
// password lives in a password field only. "Test connection" connects on a pool thread with
// a short timeout and shows the server's version or the driver's error. Saved connections
// (ConnectionProfiles) are listed on the left, with this project's recent ones below them.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(ConnectionProfiles* profiles, QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    // Fills the fields from `url` (password included); selects the saved connection that has
    // this URL, `preferredProfile` first. An empty or unreadable URL leaves a blank form.
    void setUrl(const QString& url, const QString& preferredProfile = QString());
    // The chosen URL with its password (for connecting only); "" while the form is not valid.
    QString url() const;
    QString maskedUrl() const;
    // The saved connection the form still shows unchanged, else "".
    QString profileName() const;
    void setRecentUrls(const QStringList& urls);
    // Seconds "Test connection" waits for a server whose URL sets no connect_timeout.
    void setConnectTimeout(int seconds) { m_connectTimeout = seconds; }
    bool isTesting() const { return m_testGeneration != m_testAnswered; }

Q_SIGNALS:
    // A test's outcome as shown to the user (never holding the password).
    void testFinished(bool succeeded, const QString& message);

private:
    QWidget* createProfilePane();
    QWidget* createSqlitePage();
    QWidget* createServerPage();
    QWidget* createFormPane();
    void addTip(QWidget* widget, const QString& tip);

    ConnectionFields fieldsFromForm() const;
    void showFields(const ConnectionFields& fields);
    void onFieldsEdited();
    void onUrlEdited(const QString& text);
    void onDriverChanged();
    void showUrl(const QString& fullUrl);
    void setProblem(const QString& problem);
    void browseForFile();
    void updateDriverWidgets(Dialect dialect);

    void testConnection();
    void showTestResult(bool succeeded, const QString& message);

    void reloadProfiles();
    void chooseItem(QListWidgetItem* item);
    void saveProfile();
    void deleteProfile();
    void onPasswordRead(const QString& name, const QString& password);
    void updateKeychainNote();
    QListWidgetItem* profileItem(const QString& name) const;

    ConnectionProfiles* m_profiles;
    QStringList m_recentUrls;
    QString m_scheme;         // the scheme as typed, kept until the driver changes
    QString m_validUrl;       // the form's URL with password, "" when it does not parse
    QString m_awaitedProfile; // a password read from the keychain is on its way for it
    QString m_savedProfile;   // saved from here; the keychain's answer is still to come
    bool m_updating = false;
    int m_connectTimeout = 5;
    int m_testGeneration = 0;
    int m_testAnswered = 0;

    QListWidget* m_list = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QLabel* m_keychainNote = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QLabel* m_problem = nullptr;
    QComboBox* m_driver = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_pathEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QCheckBox* m_memoryCheck = nullptr;
    QLineEdit* m_hostEdit = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QLineEdit* m_databaseEdit = nullptr;
    QLineEdit* m_userEdit = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QLineEdit* m_optionsEdit = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResult = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort::ui
