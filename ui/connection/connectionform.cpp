// SPDX-License-Identifier: Apache-2.0
#include "connection/connectionform.h"

#include "common/error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

const QString kMaskedPassword = QStringLiteral("***");

} // namespace

void setTip(QWidget* widget, const QString& tip)
{
    widget->setToolTip(tip);
    widget->setWhatsThis(tip);
}

ConnectionForm::ConnectionForm(QWidget* parent) : QWidget(parent)
{
    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(tr("postgresql://user@host:5432/database"));
    setTip(m_urlEdit, tr("The database URL in SQLAlchemy's form, as in retort.ini. A password "
                         "typed here moves to the password field; the URL shows it as ***."));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("urlProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->hide();

    m_driver = new QComboBox(this);
    m_driver->setObjectName(QStringLiteral("driverCombo"));
    m_driver->addItem(QStringLiteral("SQLite"), int(Dialect::Sqlite));
    m_driver->addItem(QStringLiteral("PostgreSQL"), int(Dialect::PostgreSql));
    m_driver->addItem(QStringLiteral("MySQL / MariaDB"), int(Dialect::MySql));
    setTip(m_driver, tr("The kind of database"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createSqlitePage());
    m_pages->addWidget(createServerPage());
    m_optionsEdit = new QLineEdit(this);
    m_optionsEdit->setObjectName(QStringLiteral("optionsEdit"));

    auto* fields = new QGroupBox(tr("Connection"), this);
    auto* form = new QFormLayout(fields);
    form->addRow(tr("&Driver:"), m_driver);
    form->addRow(m_pages);
    form->addRow(tr("O&ptions:"), m_optionsEdit);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_urlEdit);
    auto* urlRow = new QHBoxLayout;
    urlRow->addWidget(urlLabel);
    urlRow->addWidget(m_urlEdit, 1);
    layout->addLayout(urlRow);
    layout->addWidget(m_problem);
    layout->addWidget(fields);

    connect(m_urlEdit, &QLineEdit::textEdited, this, &ConnectionForm::onUrlEdited);
    connect(m_urlEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_validUrl.isEmpty())
            m_urlEdit->setText(ConnectionFields::maskedOrEmpty(m_validUrl)); // a typed password disappears
    });
    connect(m_driver, &QComboBox::activated, this, &ConnectionForm::onDriverChanged);
    connect(m_optionsEdit, &QLineEdit::textEdited, this, &ConnectionForm::onFieldsEdited);
    updateDriverWidgets(Dialect::Sqlite);
    onFieldsEdited();
}

QWidget* ConnectionForm::createSqlitePage()
{
    auto* page = new QWidget(this);
    m_pathEdit = new QLineEdit(page);
    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    m_pathEdit->setPlaceholderText(tr("/path/to/database.db"));
    setTip(m_pathEdit, tr("The SQLite database file; a relative path is relative to the folder "
                          "Studio was started in. The first upgrade creates a missing file."));
    m_browseButton = new QPushButton(tr("&Browse..."), page);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    setTip(m_browseButton, tr("Choose an existing database file or name a new one"));
    m_memoryCheck = new QCheckBox(tr("In &memory (gone when the connection closes)"), page);
    m_memoryCheck->setObjectName(QStringLiteral("memoryCheck"));
    setTip(m_memoryCheck, tr("A private database in memory, for trying migrations out"));

    auto* file = new QHBoxLayout;
    file->addWidget(m_pathEdit, 1);
    file->addWidget(m_browseButton);
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    // A label of its own: a row label only gets a buddy (for its Alt+F) from a widget.
    auto* fileLabel = new QLabel(tr("&File:"), page);
    fileLabel->setBuddy(m_pathEdit);
    form->addRow(fileLabel, file);
    form->addRow(QString(), m_memoryCheck);

    connect(m_pathEdit, &QLineEdit::textEdited, this, &ConnectionForm::onFieldsEdited);
    connect(m_browseButton, &QPushButton::clicked, this, &ConnectionForm::browseForFile);
    connect(m_memoryCheck, &QCheckBox::toggled, this, [this](bool memory) {
        m_pathEdit->setEnabled(!memory);
        m_browseButton->setEnabled(!memory);
        onFieldsEdited();
    });
    return page;
}

QWidget* ConnectionForm::createServerPage()
{
    auto* page = new QWidget(this);
    m_hostEdit = new QLineEdit(page);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setPlaceholderText(tr("localhost"));
    setTip(m_hostEdit, tr("Server name or address (an IPv6 address as it is, without brackets); "
                          "for PostgreSQL also a socket folder such as /run/postgresql"));
    m_portSpin = new QSpinBox(page);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(0, 65535);
    setTip(m_portSpin, tr("TCP port; the lowest value means the driver's default port"));
    m_databaseEdit = new QLineEdit(page);
    m_databaseEdit->setObjectName(QStringLiteral("databaseEdit"));
    setTip(m_databaseEdit, tr("Name of the database on the server"));
    m_userEdit = new QLineEdit(page);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    setTip(m_userEdit, tr("User name to log in with"));
    m_passwordEdit = new QLineEdit(page);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    setTip(m_passwordEdit, tr("Password; never shown in the URL and never written to the "
                              "settings file (saved connections keep it in the keychain)"));

    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Host:"), m_hostEdit);
    form->addRow(tr("P&ort:"), m_portSpin);
    form->addRow(tr("Data&base:"), m_databaseEdit);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    for (QLineEdit* edit : {m_hostEdit, m_databaseEdit, m_userEdit, m_passwordEdit})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionForm::onFieldsEdited);
    connect(m_portSpin, &QSpinBox::valueChanged, this, &ConnectionForm::onFieldsEdited);
    return page;
}

Dialect ConnectionForm::dialect() const
{
    return Dialect(m_driver->currentData().toInt());
}

QString ConnectionForm::maskedUrl() const
{
    return ConnectionFields::maskedOrEmpty(m_validUrl);
}

QString ConnectionForm::urlWithoutPassword() const
{
    return fieldsFromForm().toUrlWithoutPassword();
}

ConnectionFields ConnectionForm::fieldsFromForm() const
{
    ConnectionFields fields;
    fields.dialect = dialect();
    fields.scheme = m_scheme;
    if (fields.dialect == Dialect::Sqlite) {
        fields.inMemory = m_memoryCheck->isChecked();
        fields.path = fields.inMemory ? QString() : m_pathEdit->text().trimmed();
    } else {
        fields.host = m_hostEdit->text().trimmed();
        fields.port = m_portSpin->value() == m_portSpin->minimum() ? -1 : m_portSpin->value();
        fields.database = m_databaseEdit->text().trimmed();
        fields.userName = m_userEdit->text().trimmed();
        fields.password = m_passwordEdit->text();
    }
    fields.setOptionsText(m_optionsEdit->text());
    return fields;
}

void ConnectionForm::showFields(const ConnectionFields& fields)
{
    m_updating = true;
    m_driver->setCurrentIndex(m_driver->findData(int(fields.dialect)));
    updateDriverWidgets(fields.dialect);
    if (fields.dialect == Dialect::Sqlite) {
        m_memoryCheck->setChecked(fields.inMemory);
        m_pathEdit->setText(fields.path);
    } else {
        m_hostEdit->setText(fields.host);
        m_portSpin->setValue(fields.port < 0 ? m_portSpin->minimum() : fields.port);
        m_databaseEdit->setText(fields.database);
        m_userEdit->setText(fields.userName);
        if (m_passwordEdit->text() != fields.password)
            m_passwordEdit->setText(fields.password);
    }
    m_optionsEdit->setText(fields.optionsText());
    m_updating = false;
}

bool ConnectionForm::setUrl(const QString& url)
{
    const QString text = url.trimmed();
    try {
        const ConnectionFields fields = ConnectionFields::fromUrl(DatabaseUrl::parse(text), text);
        m_scheme = fields.scheme;
        showFields(fields);
    } catch (const Error& error) {
        showProblem(error.message());
        return false;
    }
    m_passwordEdit->setPlaceholderText(QString());
    onFieldsEdited();
    return true;
}

void ConnectionForm::onFieldsEdited()
{
    if (!m_updating)
        showUrl(fieldsFromForm().toUrl());
}

void ConnectionForm::showUrl(const QString& fullUrl)
{
    try {
        const DatabaseUrl parsed = DatabaseUrl::parse(fullUrl);
        m_urlEdit->setText(parsed.masked());
        setValidUrl(fullUrl, QString());
    } catch (const Error& error) {
        // Still the form's URL, written without the password.
        m_urlEdit->setText(fieldsFromForm().toUrlWithoutPassword());
        setValidUrl(QString(), error.message());
    }
}

void ConnectionForm::onUrlEdited(const QString& text)
{
    const QString typed = text.trimmed();
    try {
        ConnectionFields fields = ConnectionFields::fromUrl(DatabaseUrl::parse(typed), typed);
        // The URL on show has *** for the password: the password field stays the truth
        // unless a new password is typed into the URL.
        if (fields.password.isEmpty() || fields.password == kMaskedPassword)
            fields.password = m_passwordEdit->text();
        m_scheme = fields.scheme;
        showFields(fields);
        setValidUrl(fields.toUrl(), QString());
    } catch (const Error& error) {
        setValidUrl(QString(), error.message());
    }
}

void ConnectionForm::onDriverChanged()
{
    m_scheme.clear(); // a "+driver" suffix belongs to the old driver
    updateDriverWidgets(dialect());
    // Options of one driver mean nothing to another.
    m_optionsEdit->clear();
    onFieldsEdited();
}

void ConnectionForm::updateDriverWidgets(Dialect dialect)
{
    const bool sqlite = dialect == Dialect::Sqlite;
    m_pages->setCurrentIndex(sqlite ? 0 : 1);
    m_pathEdit->setEnabled(!m_memoryCheck->isChecked());
    m_browseButton->setEnabled(!m_memoryCheck->isChecked());
    if (!sqlite) {
        m_portSpin->setSpecialValueText(
            tr("Default (%1)").arg(ConnectionFields::defaultPort(dialect)));
    }
    QString options;
    switch (dialect) {
    case Dialect::Sqlite:
        options = QStringLiteral("timeout=5&mode=ro");
        break;
    case Dialect::PostgreSql:
        options = QStringLiteral("sslmode=require&connect_timeout=5");
        break;
    case Dialect::MySql:
        options = QStringLiteral("connect_timeout=5&ssl_ca=/path/ca.pem");
        break;
    }
    m_optionsEdit->setPlaceholderText(options);
    setTip(m_optionsEdit, sqlite ? tr("name=value pairs joined by &: timeout (seconds to wait "
                                      "for a lock), mode=ro (read only)")
                                 : tr("name=value pairs joined by &, as in the URL's query, e.g. "
                                      "%1")
                                       .arg(options));
}

void ConnectionForm::setValidUrl(const QString& url, const QString& problem)
{
    m_validUrl = url;
    showProblem(problem);
    Q_EMIT urlChanged(m_validUrl);
}

void ConnectionForm::showProblem(const QString& problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void ConnectionForm::browseForFile()
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("SQLite Database"), m_pathEdit->text(),
        tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty())
        return;
    m_pathEdit->setText(file);
    onFieldsEdited();
}

void ConnectionForm::awaitPassword()
{
    m_passwordEdit->setPlaceholderText(tr("Reading the keychain..."));
}

void ConnectionForm::fillAwaitedPassword(const QString& password)
{
    m_passwordEdit->setPlaceholderText(QString());
    // The user may have typed one meanwhile: theirs wins.
    if (password.isEmpty() || !m_passwordEdit->text().isEmpty())
        return;
    m_passwordEdit->setText(password);
    onFieldsEdited();
}

} // namespace retort::ui
