// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connection/connectionfields.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace retort::ui {

// The connection dialog's form: a URL typed as it is, or the same URL in per-driver fields
// (a file for SQLite; host, port, database, user and password for servers; options), the two
// kept in step through DatabaseUrl. The URL on show is always masked; the password lives in
// the password field only.
class ConnectionForm : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionForm(QWidget* parent = nullptr);

    // Fills the fields from `url`, password included (none: the password field is emptied).
    // Returns false, showing why, when `url` does not parse: the fields stay as they were.
    bool setUrl(const QString& url);
    // The form's URL with its password (for connecting only); "" while it is not valid.
    QString url() const { return m_validUrl; }
    QString maskedUrl() const;
    // The form's URL without the password, also when it is not valid (to match saved ones).
    QString urlWithoutPassword() const;
    Dialect dialect() const;
    // Shows a problem found outside the form (saving a profile), until the next edit.
    void showProblem(const QString& problem);

    // The password of a saved connection arrives from the keychain after the rest: it fills
    // the password field unless the user has typed one meanwhile.
    void awaitPassword();
    void fillAwaitedPassword(const QString& password);

Q_SIGNALS:
    // The URL changed; `url` is "" while the form is not valid.
    void urlChanged(const QString& url);

private:
    QWidget* createSqlitePage();
    QWidget* createServerPage();
    ConnectionFields fieldsFromForm() const;
    void showFields(const ConnectionFields& fields);
    void onFieldsEdited();
    void onUrlEdited(const QString& text);
    void onDriverChanged();
    void showUrl(const QString& fullUrl);
    void setValidUrl(const QString& url, const QString& problem);
    void browseForFile();
    void updateDriverWidgets(Dialect dialect);

    QString m_scheme;   // the scheme as typed, kept until the driver changes
    QString m_validUrl; // the form's URL with password, "" when it does not parse
    bool m_updating = false;

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
};

// Sets a widget's tool tip and What's This text at once.
void setTip(QWidget* widget, const QString& tip);

} // namespace retort::ui
