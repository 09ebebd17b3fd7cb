// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace retort::ui {

class ConnectionProfiles;

// The connection dialog's left pane: saved connections (name over masked URL), then the URLs
// this project used lately; a name field with Save and Delete; a note on where passwords go
// (the system keychain, or nowhere).
class ProfileListPane : public QWidget
{
    Q_OBJECT

public:
    ProfileListPane(ConnectionProfiles* profiles, QWidget* parent = nullptr);

    void setRecentUrls(const QStringList& urls);
    // The URL (with password) that Save stores; "" while the form is not valid.
    void setUrlToSave(const QString& url);
    // Selects the saved connection whose URL is `bareUrl` (without password), `preferred`
    // first when several are.
    void selectProfileWithUrl(const QString& bareUrl, const QString& preferred);
    // The selected saved connection when its URL is still `bareUrl`, else "".
    QString selectedProfile(const QString& bareUrl) const;

Q_SIGNALS:
    // The user chose a saved connection (`profile` its name) or a recent URL (`profile` "").
    // `url` never holds a password.
    void chosen(const QString& url, const QString& profile);
    void saveFailed(const QString& problem);

private:
    void reload();
    void choose(QListWidgetItem* item);
    void save();
    void remove();
    void updateButtons();
    void updateKeychainNote();
    QListWidgetItem* profileItem(const QString& name) const;

    ConnectionProfiles* m_profiles;
    QStringList m_recentUrls;
    QString m_urlToSave;
    QString m_savedProfile; // saved from here; the keychain's answer is still to come
    bool m_updating = false;

    QListWidget* m_list = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QLabel* m_keychainNote = nullptr;
};

} // namespace retort::ui
