// SPDX-License-Identifier: Apache-2.0
#include "connection/connectiondialog.h"

#include "database/databaseconnection.h"
#include "common/error.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace retort::ui {

namespace {

enum ItemRole { KindRole = Qt::UserRole, NameRole, UrlRole };
enum class ItemKind { Header, Profile, Recent };

const QString kMaskedPassword = QStringLiteral("***");

// What a connection test brings back from its pool thread.
struct TestAnswer
{
    bool connected = false;
    bool noFileYet = false; // SQLite: nothing to open, the first upgrade creates the file
    QString version;
    QString error;
};

QString versionQuery(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Sqlite: // counting the tables makes SQLite read the file's header
        return QStringLiteral("SELECT sqlite_version(), count(*) FROM sqlite_master");
    case Dialect::PostgreSql:
        return QStringLiteral("SHOW server_version");
    case Dialect::MySql:
        return QStringLiteral("SELECT version()");
    }
    return {};
}

// Runs on a pool thread: the connection is made, used and removed there (DatabaseConnection).
TestAnswer testOnThisThread(const QString& url)
{
    TestAnswer answer;
    try {
        const DatabaseUrl parsed = DatabaseUrl::parse(url);
        if (parsed.dialect() == Dialect::Sqlite && !parsed.databaseName().isEmpty() &&
            !parsed.isSqliteMemory() && !QFileInfo::exists(parsed.databaseName())) {
            answer.connected = answer.noFileYet = true;
            return answer;
        }
        DatabaseConnection connection(parsed, QStringLiteral("connection-test"));
        QSqlQuery query(connection.db());
        if (!query.exec(versionQuery(parsed.dialect())) || !query.next()) {
            answer.error = query.lastError().text();
            return answer;
        }
        answer.version = query.value(0).toString();
        answer.connected = true;
    } catch (const Error& error) {
        answer.error = error.message();
    }
    return answer;
}

QString productName(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Sqlite:
        return QStringLiteral("SQLite");
    case Dialect::PostgreSql:
        return QStringLiteral("PostgreSQL");
    case Dialect::MySql:
        return QStringLiteral("MySQL / MariaDB");
    }
    return {};
}

QString maskedOrEmpty(const QString& url)
{
    try {
        return DatabaseUrl::parse(url).masked();
    } catch (const Error&) {
        return {};
    }
}

// Paints a saved connection as its name in bold over its masked URL, elided in the middle so
// host and database stay visible. Other rows are painted as usual.
class ProfileDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        if (ItemKind(index.data(KindRole).toInt()) != ItemKind::Profile) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        item.text.clear();
        const QWidget* widget = item.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget); // background only

        const QRect area = item.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
        const QFont bold = boldFont(item.font);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics metrics(item.font);
        const bool selected = item.state.testFlag(QStyle::State_Selected);
        const QString url = index.data(UrlRole).toString();
        painter->save();
        painter->setFont(bold);
        painter->setPen(item.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(
            QRect(area.topLeft(), QSize(area.width(), boldMetrics.height())),
            Qt::AlignLeft | Qt::AlignVCenter,
            boldMetrics.elidedText(index.data(NameRole).toString(), Qt::ElideRight, area.width()));
        painter->setFont(item.font);
        painter->setPen(
            item.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(
            QRect(area.left(), area.top() + boldMetrics.height(), area.width(), metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(maskedOrEmpty(url), Qt::ElideMiddle, area.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (ItemKind(index.data(KindRole).toInt()) != ItemKind::Profile)
            return QStyledItemDelegate::sizeHint(option, index);
        const int height = QFontMetrics(boldFont(option.font)).height() +
                           QFontMetrics(option.font).height() + 2 * kMargin;
        return {option.rect.width(), height};
    }

private:
    static constexpr int kMargin = 4;
    static QFont boldFont(QFont font)
    {
        font.setBold(true);
        return font;
    }
};

} // namespace

ConnectionDialog::ConnectionDialog(ConnectionProfiles* profiles, QWidget* parent)
    : QDialog(parent), m_profiles(profiles)
{
    setWindowTitle(tr("Connect to Database"));
    auto* panes = new QHBoxLayout;
    panes->addWidget(createProfilePane());
    panes->addWidget(createFormPane(), 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Use this database in the window"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(panes, 1);
    layout->addWidget(m_buttons);

    connect(m_profiles, &ConnectionProfiles::profilesChanged, this,
            &ConnectionDialog::reloadProfiles);
    connect(m_profiles, &ConnectionProfiles::keychainChanged, this,
            &ConnectionDialog::updateKeychainNote);
    connect(m_profiles, &ConnectionProfiles::passwordRead, this, &ConnectionDialog::onPasswordRead);
    connect(m_profiles, &ConnectionProfiles::passwordSaved, this,
            [this](const QString& name, bool stored) {
                if (name != m_savedProfile)
                    return; // saved elsewhere
                m_savedProfile.clear();
                updateKeychainNote();
                if (!stored && !m_passwordEdit->text().isEmpty())
                    m_keychainNote->setText(m_keychainNote->text() + u' ' +
                                            tr("\"%1\" was saved without its password.").arg(name));
            });
    if (m_profiles->keychain() == ConnectionProfiles::Keychain::Unknown)
        m_profiles->probeKeychain();
    updateKeychainNote();
    reloadProfiles();
    updateDriverWidgets(Dialect::Sqlite);
    onFieldsEdited();
    resize(860, 500);
}

ConnectionDialog::~ConnectionDialog()
{
    // QDialog's destructor hides the dialog and QWidget's deletes the children, and both still
    // make children emit (editingFinished on focus out...): this object's members are gone by
    // then, so nothing may reach it any more.
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        disconnect(child, nullptr, this, nullptr);
}

void ConnectionDialog::addTip(QWidget* widget, const QString& tip)
{
    widget->setToolTip(tip);
    widget->setWhatsThis(tip);
}

QWidget* ConnectionDialog::createProfilePane()
{
    auto* pane = new QWidget(this);
    m_list = new QListWidget(pane);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setItemDelegate(new ProfileDelegate(m_list));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideMiddle);
    addTip(m_list, tr("Saved connections, then the ones this project used lately. Choose one to "
                      "fill in the form."));
    m_nameEdit = new QLineEdit(pane);
    m_nameEdit->setObjectName(QStringLiteral("profileNameEdit"));
    m_nameEdit->setPlaceholderText(tr("Name for this connection"));
    addTip(m_nameEdit, tr("The name the connection is saved under"));
    m_saveButton = new QPushButton(tr("&Save"), pane);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    addTip(m_saveButton, tr("Save the form under this name; the password goes to the keychain"));
    m_deleteButton = new QPushButton(tr("&Delete"), pane);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    addTip(m_deleteButton, tr("Delete the chosen saved connection and its stored password"));
    m_keychainNote = new QLabel(pane);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    QFont small = m_keychainNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_keychainNote->setFont(small);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_deleteButton);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Saved connections"), pane));
    layout->addWidget(m_list, 1);
    layout->addWidget(m_nameEdit);
    layout->addLayout(buttons);
    layout->addWidget(m_keychainNote);
    pane->setFixedWidth(280);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!m_updating)
            chooseItem(item);
    });
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this] {
        m_saveButton->setEnabled(!m_validUrl.isEmpty() && !m_nameEdit->text().trimmed().isEmpty());
        m_deleteButton->setEnabled(profileItem(m_nameEdit->text().trimmed()) != nullptr);
    });
    return pane;
}

QWidget* ConnectionDialog::createSqlitePage()
{
    auto* page = new QWidget(this);
    m_pathEdit = new QLineEdit(page);
    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    m_pathEdit->setPlaceholderText(tr("/path/to/database.db"));
    addTip(m_pathEdit, tr("The SQLite database file; a relative path is relative to the folder "
                          "Studio was started in. The first upgrade creates a missing file."));
    m_browseButton = new QPushButton(tr("&Browse..."), page);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    addTip(m_browseButton, tr("Choose an existing database file or name a new one"));
    m_memoryCheck = new QCheckBox(tr("In &memory (gone when the connection closes)"), page);
    m_memoryCheck->setObjectName(QStringLiteral("memoryCheck"));
    addTip(m_memoryCheck, tr("A private database in memory, for trying migrations out"));

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

    connect(m_pathEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldsEdited);
    connect(m_browseButton, &QPushButton::clicked, this, &ConnectionDialog::browseForFile);
    connect(m_memoryCheck, &QCheckBox::toggled, this, [this](bool memory) {
        m_pathEdit->setEnabled(!memory);
        m_browseButton->setEnabled(!memory);
        onFieldsEdited();
    });
    return page;
}

QWidget* ConnectionDialog::createServerPage()
{
    auto* page = new QWidget(this);
    m_hostEdit = new QLineEdit(page);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setPlaceholderText(tr("localhost"));
    addTip(m_hostEdit, tr("Server name or address (an IPv6 address as it is, without brackets); "
                          "for PostgreSQL also a socket folder such as /run/postgresql"));
    m_portSpin = new QSpinBox(page);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(0, 65535);
    addTip(m_portSpin, tr("TCP port; the lowest value means the driver's default port"));
    m_databaseEdit = new QLineEdit(page);
    m_databaseEdit->setObjectName(QStringLiteral("databaseEdit"));
    addTip(m_databaseEdit, tr("Name of the database on the server"));
    m_userEdit = new QLineEdit(page);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    addTip(m_userEdit, tr("User name to log in with"));
    m_passwordEdit = new QLineEdit(page);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    addTip(m_passwordEdit, tr("Password; never shown in the URL and never written to the "
                              "settings file (saved connections keep it in the keychain)"));

    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Host:"), m_hostEdit);
    form->addRow(tr("P&ort:"), m_portSpin);
    form->addRow(tr("Data&base:"), m_databaseEdit);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    for (QLineEdit* edit : {m_hostEdit, m_databaseEdit, m_userEdit, m_passwordEdit})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldsEdited);
    connect(m_portSpin, &QSpinBox::valueChanged, this, &ConnectionDialog::onFieldsEdited);
    return page;
}

QWidget* ConnectionDialog::createFormPane()
{
    auto* pane = new QWidget(this);
    m_urlEdit = new QLineEdit(pane);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(tr("postgresql://user@host:5432/database"));
    addTip(m_urlEdit, tr("The database URL in SQLAlchemy's form, as in retort.ini. A password "
                         "typed here moves to the password field; the URL shows it as ***."));
    m_problem = new QLabel(pane);
    m_problem->setObjectName(QStringLiteral("urlProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->hide();

    m_driver = new QComboBox(pane);
    m_driver->setObjectName(QStringLiteral("driverCombo"));
    m_driver->addItem(QStringLiteral("SQLite"), int(Dialect::Sqlite));
    m_driver->addItem(QStringLiteral("PostgreSQL"), int(Dialect::PostgreSql));
    m_driver->addItem(QStringLiteral("MySQL / MariaDB"), int(Dialect::MySql));
    addTip(m_driver, tr("The kind of database"));
    m_pages = new QStackedWidget(pane);
    m_pages->addWidget(createSqlitePage());
    m_pages->addWidget(createServerPage());
    m_optionsEdit = new QLineEdit(pane);
    m_optionsEdit->setObjectName(QStringLiteral("optionsEdit"));

    m_testButton = new QPushButton(tr("&Test Connection"), pane);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    addTip(m_testButton, tr("Connect once, in the background, and show the server's version or "
                            "why it failed"));
    m_testResult = new QLabel(pane);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* test = new QHBoxLayout;
    test->addWidget(m_testButton, 0, Qt::AlignTop);
    test->addWidget(m_testResult, 1);

    auto* fields = new QGroupBox(tr("Connection"), pane);
    auto* form = new QFormLayout(fields);
    form->addRow(tr("&Driver:"), m_driver);
    form->addRow(m_pages);
    form->addRow(tr("O&ptions:"), m_optionsEdit);

    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* urlLabel = new QLabel(tr("&URL:"), pane);
    urlLabel->setBuddy(m_urlEdit);
    auto* urlRow = new QHBoxLayout;
    urlRow->addWidget(urlLabel);
    urlRow->addWidget(m_urlEdit, 1);
    layout->addLayout(urlRow);
    layout->addWidget(m_problem);
    layout->addWidget(fields);
    layout->addLayout(test);
    layout->addStretch(1);

    connect(m_urlEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onUrlEdited);
    connect(m_urlEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_validUrl.isEmpty())
            m_urlEdit->setText(maskedOrEmpty(m_validUrl)); // a typed password disappears
    });
    connect(m_driver, &QComboBox::activated, this, &ConnectionDialog::onDriverChanged);
    connect(m_optionsEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldsEdited);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    return pane;
}

// ---------------------------------------------------------------------------------------------
// Fields and URL

ConnectionFields ConnectionDialog::fieldsFromForm() const
{
    ConnectionFields fields;
    fields.dialect = Dialect(m_driver->currentData().toInt());
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

void ConnectionDialog::showFields(const ConnectionFields& fields)
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

void ConnectionDialog::onFieldsEdited()
{
    if (!m_updating)
        showUrl(fieldsFromForm().toUrl());
}

void ConnectionDialog::showUrl(const QString& fullUrl)
{
    try {
        const DatabaseUrl parsed = DatabaseUrl::parse(fullUrl);
        m_validUrl = fullUrl;
        m_urlEdit->setText(parsed.masked());
        setProblem(QString());
    } catch (const Error& error) {
        m_validUrl.clear();
        // Still the form's URL, written without the password.
        m_urlEdit->setText(fieldsFromForm().toUrlWithoutPassword());
        setProblem(error.message());
    }
}

void ConnectionDialog::onUrlEdited(const QString& text)
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
        m_validUrl = fields.toUrl();
        setProblem(QString());
    } catch (const Error& error) {
        m_validUrl.clear();
        setProblem(error.message());
    }
}

void ConnectionDialog::onDriverChanged()
{
    const auto dialect = Dialect(m_driver->currentData().toInt());
    m_scheme.clear(); // a "+driver" suffix belongs to the old driver
    updateDriverWidgets(dialect);
    // Options of one driver mean nothing to another.
    m_optionsEdit->clear();
    onFieldsEdited();
}

void ConnectionDialog::updateDriverWidgets(Dialect dialect)
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
    addTip(m_optionsEdit, sqlite ? tr("name=value pairs joined by &: timeout (seconds to wait "
                                      "for a lock), mode=ro (read only)")
                                 : tr("name=value pairs joined by &, as in the URL's query, e.g. "
                                      "%1")
                                       .arg(options));
}

void ConnectionDialog::setProblem(const QString& problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    const bool valid = !m_validUrl.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_testButton->setEnabled(valid && !isTesting());
    m_saveButton->setEnabled(valid && !m_nameEdit->text().trimmed().isEmpty());
}

void ConnectionDialog::browseForFile()
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

void ConnectionDialog::setUrl(const QString& url, const QString& preferredProfile)
{
    const QString text = url.trimmed();
    try {
        const ConnectionFields fields = ConnectionFields::fromUrl(DatabaseUrl::parse(text), text);
        m_scheme = fields.scheme;
        showFields(fields);
    } catch (const Error&) {
        // The project's URL may name an unset variable: start from a blank form.
    }
    onFieldsEdited();
    const QString bare = fieldsFromForm().toUrlWithoutPassword();
    QListWidgetItem* match = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (ItemKind(item->data(KindRole).toInt()) != ItemKind::Profile ||
            item->data(UrlRole).toString() != bare)
            continue;
        if (!match || item->data(NameRole).toString() == preferredProfile)
            match = item;
    }
    if (match) {
        m_updating = true;
        m_list->setCurrentItem(match);
        m_nameEdit->setText(match->data(NameRole).toString());
        m_updating = false;
    }
}

QString ConnectionDialog::url() const
{
    return m_validUrl;
}

QString ConnectionDialog::maskedUrl() const
{
    return maskedOrEmpty(m_validUrl);
}

QString ConnectionDialog::profileName() const
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || ItemKind(item->data(KindRole).toInt()) != ItemKind::Profile)
        return {};
    return item->data(UrlRole).toString() == fieldsFromForm().toUrlWithoutPassword()
               ? item->data(NameRole).toString()
               : QString();
}

// ---------------------------------------------------------------------------------------------
// Test connection

void ConnectionDialog::testConnection()
{
    if (m_validUrl.isEmpty() || isTesting())
        return;
    ConnectionFields fields = ConnectionFields::fromUrl(DatabaseUrl::parse(m_validUrl), m_validUrl);
    if (fields.dialect == Dialect::Sqlite) {
        if (!fields.inMemory && fields.option(QStringLiteral("mode")).isEmpty())
            fields.setOption(QStringLiteral("mode"), QStringLiteral("ro")); // a test writes nothing
    } else if (fields.option(QStringLiteral("connect_timeout")).isEmpty()) {
        fields.setOption(QStringLiteral("connect_timeout"), QString::number(m_connectTimeout));
    }
    const int generation = ++m_testGeneration;
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Connecting to %1...").arg(maskedUrl()));

    const QString password = fields.password;
    const Dialect dialect = fields.dialect;
    auto* watcher = new QFutureWatcher<TestAnswer>(this);
    connect(watcher, &QFutureWatcher<TestAnswer>::finished, this,
            [this, watcher, generation, password, dialect] {
                watcher->deleteLater();
                m_testAnswered = generation;
                const TestAnswer answer = watcher->result();
                if (answer.noFileYet) {
                    showTestResult(true, tr("There is no file there yet: the first upgrade "
                                            "creates it."));
                } else if (answer.connected) {
                    showTestResult(
                        true, tr("Connected to %1 %2.").arg(productName(dialect), answer.version));
                } else {
                    QString error = answer.error;
                    // Drivers do not echo passwords, but make sure of it.
                    if (!password.isEmpty())
                        error.replace(password, kMaskedPassword);
                    showTestResult(false, error);
                }
            });
    const QString url = fields.toUrl();
    watcher->setFuture(QtConcurrent::run([url] { return testOnThisThread(url); }));
}

void ConnectionDialog::showTestResult(bool succeeded, const QString& message)
{
    m_testResult->setStyleSheet(succeeded ? QStringLiteral("color: #2e7d32")
                                          : QStringLiteral("color: #c62828"));
    m_testResult->setText(message);
    m_testButton->setEnabled(!m_validUrl.isEmpty());
    Q_EMIT testFinished(succeeded, message);
}

// ---------------------------------------------------------------------------------------------
// Saved and recent connections

void ConnectionDialog::setRecentUrls(const QStringList& urls)
{
    m_recentUrls = urls;
    reloadProfiles();
}

void ConnectionDialog::reloadProfiles()
{
    m_updating = true;
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(NameRole).toString() : QString();
    m_list->clear();
    const auto addHeader = [this](const QString& text) {
        auto* header = new QListWidgetItem(text, m_list);
        header->setFlags(Qt::NoItemFlags);
        header->setData(KindRole, int(ItemKind::Header));
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
    };
    const QList<ConnectionProfile> profiles = m_profiles->profiles();
    if (profiles.isEmpty())
        addHeader(tr("None saved yet"));
    for (const ConnectionProfile& profile : profiles) {
        auto* item = new QListWidgetItem(profile.name + u'\n' + maskedOrEmpty(profile.url), m_list);
        item->setData(KindRole, int(ItemKind::Profile));
        item->setData(NameRole, profile.name);
        item->setData(UrlRole, profile.url);
        item->setToolTip(maskedOrEmpty(profile.url));
        if (profile.name == current)
            m_list->setCurrentItem(item);
    }
    if (!m_recentUrls.isEmpty())
        addHeader(tr("Recent for this project"));
    for (const QString& url : std::as_const(m_recentUrls)) {
        auto* item = new QListWidgetItem(maskedOrEmpty(url), m_list);
        item->setData(KindRole, int(ItemKind::Recent));
        item->setData(UrlRole, url);
        item->setToolTip(tr("Used lately with this project; type the password if it needs one"));
    }
    m_updating = false;
    m_deleteButton->setEnabled(profileItem(m_nameEdit->text().trimmed()) != nullptr);
}

QListWidgetItem* ConnectionDialog::profileItem(const QString& name) const
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (ItemKind(item->data(KindRole).toInt()) == ItemKind::Profile &&
            item->data(NameRole).toString() == name)
            return item;
    }
    return nullptr;
}

void ConnectionDialog::chooseItem(QListWidgetItem* item)
{
    if (!item || ItemKind(item->data(KindRole).toInt()) == ItemKind::Header)
        return;
    const QString url = item->data(UrlRole).toString();
    try {
        const ConnectionFields fields = ConnectionFields::fromUrl(DatabaseUrl::parse(url), url);
        m_scheme = fields.scheme;
        m_passwordEdit->clear();
        showFields(fields);
        onFieldsEdited();
    } catch (const Error& error) {
        setProblem(error.message());
        return;
    }
    m_awaitedProfile.clear();
    m_passwordEdit->setPlaceholderText(QString());
    if (ItemKind(item->data(KindRole).toInt()) != ItemKind::Profile)
        return;
    const QString name = item->data(NameRole).toString();
    m_nameEdit->setText(name);
    if (Dialect(m_driver->currentData().toInt()) == Dialect::Sqlite)
        return;
    m_awaitedProfile = name;
    m_passwordEdit->setPlaceholderText(tr("Reading the keychain..."));
    m_profiles->readPassword(name);
}

void ConnectionDialog::onPasswordRead(const QString& name, const QString& password)
{
    if (name != m_awaitedProfile)
        return;
    m_awaitedProfile.clear();
    m_passwordEdit->setPlaceholderText(QString());
    // The user may have typed one meanwhile: theirs wins.
    if (password.isEmpty() || !m_passwordEdit->text().isEmpty())
        return;
    m_passwordEdit->setText(password);
    onFieldsEdited();
}

void ConnectionDialog::saveProfile()
{
    const QString name = m_nameEdit->text().trimmed();
    if (name.isEmpty() || m_validUrl.isEmpty())
        return;
    try {
        m_savedProfile = name;
        m_profiles->save(name, m_validUrl);
    } catch (const Error& error) {
        setProblem(error.message());
        return;
    }
    m_updating = true;
    m_list->setCurrentItem(profileItem(name));
    m_updating = false;
    m_deleteButton->setEnabled(true);
}

void ConnectionDialog::deleteProfile()
{
    const QString name = m_nameEdit->text().trimmed();
    if (!profileItem(name))
        return;
    m_profiles->remove(name);
    m_nameEdit->clear();
}

void ConnectionDialog::updateKeychainNote()
{
    switch (m_profiles->keychain()) {
    case ConnectionProfiles::Keychain::Unknown:
        m_keychainNote->setText(tr("Looking for the system keychain..."));
        break;
    case ConnectionProfiles::Keychain::Available:
        m_keychainNote->setText(tr("Passwords of saved connections are kept in the system "
                                   "keychain, never in the settings file."));
        break;
    case ConnectionProfiles::Keychain::Unavailable:
        m_keychainNote->setText(tr("No keychain is available (%1), so passwords are not saved: "
                                   "type the password each time you connect.")
                                    .arg(m_profiles->keychainProblem()));
        break;
    }
}

} // namespace retort::ui
