// SPDX-License-Identifier: Apache-2.0
// Retort Studio's connection dialog and saved connections, driven through the real widgets:
// fields and URL kept in step, "Test connection" against a real SQLite file and the test
// suite's PostgreSQL server (and a port that never answers), saved profiles whose passwords
// never reach the settings file, the keychain (a private GNOME keyring when CTest runs the
// _keychain variant, none otherwise), and the main window's File menu, recent projects and
// dropped folders.
#include "connection/connectiondialog.h"
#include "connection/connectionprofiles.h"
#include "status/databasestatuspanel.h"
#include "guitesting.h"
#include "studiotesting.h"
#include "window/mainwindow.h"
#include "run/migrationrunner.h"
#include "postgres/testpostgres.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

using namespace retort;
using namespace retort::testsupport::example;
using retort::testsupport::copyTree;
using retort::testsupport::modelTesters;
using retort::testsupport::StallMeter;
using retort::ui::ConnectionDialog;
using retort::ui::ConnectionFields;
using retort::ui::ConnectionProfiles;
using retort::ui::MainWindow;

namespace {

constexpr int kTestTimeoutMs = 20000; // a connection test on a busy machine

// The password of the keychain tests; checked for in the settings file as typed and encoded.
const QString kSecret = QStringLiteral("Sekr3t p@ss:w/rd?%");

bool keychainExpected()
{
    return qEnvironmentVariableIsSet("RETORT_TEST_EXPECT_KEYCHAIN");
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget)
        qWarning("no %s", name);
    return widget;
}

// Replaces the text of `edit` the way a user does: select all, type.
void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void chooseDriver(QWidget* dialog, Dialect dialect)
{
    auto* combo = child<QComboBox>(dialog, "driverCombo");
    QTest::keyClick(combo, Qt::Key_Home);
    const int target = combo->findData(int(dialect));
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toInt(), int(dialect));
}

QString settingsFileText()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The ways a password could land in a file: as typed, percent-encoded, or as QSettings
// escapes it.
void verifyNoPasswordIn(const QString& text, const QString& password)
{
    QVERIFY2(!text.contains(password), qPrintable(text));
    QVERIFY2(!text.contains(QString::fromLatin1(QUrl::toPercentEncoding(password))),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Sekr3t")), qPrintable(text));
}


using retort::testsupport::ModalWatcher;


void createSqliteFile(const QString& path)
{
    const QString name = QStringLiteral("tst_studio_connection_make");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestStudioConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fieldsWriteTheUrl_data();
    void fieldsWriteTheUrl();
    void urlFillsTheFields_data();
    void urlFillsTheFields();
    void editingTheMaskedUrlKeepsThePassword();
    void aBrokenUrlIsExplained();
    void testsASqliteFile_data();
    void testsASqliteFile();
    void testsPostgres_data();
    void testsPostgres();
    void aSilentServerTimesOutWhileTheWindowResponds();
    void savesAndLoadsProfiles();
    void keychainRoundTrip();
    void withoutAKeychainNothingIsStored();
    void connectsFromTheMainWindow();
    void restoresAProfileWithItsKeychainPassword();
    void openRecentAndDroppedFolders();
    void rendersTheDialog();

private:
    std::unique_ptr<ConnectionDialog> openDialog();
    // Clicks "Test connection" and waits for its answer.
    QPair<bool, QString> runTest(ConnectionDialog* dialog);
    // Until the profiles object knows whether a keychain answers.
    void waitForKeychainVerdict();
    QString postgresUrl();

    std::unique_ptr<ConnectionProfiles> m_profiles;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStudioConnection::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_studio_connection"));
    qInfo("settings file %s; keychain %s", qPrintable(QSettings().fileName()),
          keychainExpected() ? "expected (private GNOME keyring)" : "not expected");
}

void TestStudioConnection::init()
{
    QSettings().clear();
    m_profiles = std::make_unique<ConnectionProfiles>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStudioConnection::cleanup()
{
    m_profiles.reset();
    m_dir.reset();
}

std::unique_ptr<ConnectionDialog> TestStudioConnection::openDialog()
{
    auto dialog = std::make_unique<ConnectionDialog>(m_profiles.get());
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("dialog not exposed");
    return dialog;
}

QPair<bool, QString> TestStudioConnection::runTest(ConnectionDialog* dialog)
{
    QSignalSpy finished(dialog, &ConnectionDialog::testFinished);
    auto* button = child<QPushButton>(dialog, "testButton");
    if (!button || !button->isEnabled())
        return {false, QStringLiteral("the Test button is disabled")};
    QTest::mouseClick(button, Qt::LeftButton);
    if (!finished.wait(kTestTimeoutMs) && finished.isEmpty())
        return {false, QStringLiteral("no answer")};
    const QString shown = child<QLabel>(dialog, "testResult")->text();
    if (shown != finished.first().at(1).toString())
        return {false, QStringLiteral("the label shows something else: ") + shown};
    return {finished.first().at(0).toBool(), shown};
}

void TestStudioConnection::waitForKeychainVerdict()
{
    if (m_profiles->keychain() == ConnectionProfiles::Keychain::Unknown)
        m_profiles->probeKeychain();
    QTRY_VERIFY_WITH_TIMEOUT(m_profiles->keychain() != ConnectionProfiles::Keychain::Unknown,
                             kTestTimeoutMs);
    qInfo("keychain: %s",
          m_profiles->keychain() == ConnectionProfiles::Keychain::Available
              ? "available"
              : qPrintable(QStringLiteral("unavailable: ") + m_profiles->keychainProblem()));
}

QString TestStudioConnection::postgresUrl()
{
    const QString url = retortTestPostgresUrl();
    if (url.isEmpty())
        qWarning("no PostgreSQL fixture");
    return url;
}

// ---------------------------------------------------------------------------------------------
// Fields <-> URL

void TestStudioConnection::fieldsWriteTheUrl_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QStringList>("typed"); // objectName=text pairs, in order
    QTest::addColumn<QString>("shownUrl");
    QTest::addColumn<QString>("fullUrl");

    QTest::newRow("SQLite file") << int(Dialect::Sqlite)
                                 << QStringList{QStringLiteral("pathEdit=/tmp/my data/app.db")}
                                 << QStringLiteral("sqlite:////tmp/my%20data/app.db")
                                 << QStringLiteral("sqlite:////tmp/my%20data/app.db");
    QTest::newRow("SQLite options")
        << int(Dialect::Sqlite)
        << QStringList{QStringLiteral("pathEdit=rel.db"), QStringLiteral("optionsEdit=timeout=2.5")}
        << QStringLiteral("sqlite:///rel.db?timeout=2.5")
        << QStringLiteral("sqlite:///rel.db?timeout=2.5");
    QTest::newRow("PostgreSQL, encoded password")
        << int(Dialect::PostgreSql)
        << QStringList{QStringLiteral("hostEdit=db.example.org"),
                       QStringLiteral("portSpin=6543"),
                       QStringLiteral("databaseEdit=shop"),
                       QStringLiteral("userEdit=ada"),
                       QStringLiteral("passwordEdit=") + kSecret,
                       QStringLiteral("optionsEdit=sslmode=require&connect_timeout=4")}
        << QStringLiteral(
               "postgresql://ada:***@db.example.org:6543/shop?sslmode=require&connect_timeout=4")
        << QStringLiteral("postgresql://ada:Sekr3t%20p%40ss%3Aw%2Frd%3F%25@db.example.org:6543/shop"
                          "?sslmode=require&connect_timeout=4");
    QTest::newRow("PostgreSQL, IPv6, default port")
        << int(Dialect::PostgreSql)
        << QStringList{QStringLiteral("hostEdit=::1"), QStringLiteral("databaseEdit=app")}
        << QStringLiteral("postgresql://[::1]/app") << QStringLiteral("postgresql://[::1]/app");
    QTest::newRow("MySQL") << int(Dialect::MySql)
                           << QStringList{QStringLiteral("hostEdit=localhost"),
                                          QStringLiteral("userEdit=root"),
                                          QStringLiteral("passwordEdit=pw"),
                                          QStringLiteral("databaseEdit=app")}
                           << QStringLiteral("mysql://root:***@localhost/app")
                           << QStringLiteral("mysql://root:pw@localhost/app");
}

void TestStudioConnection::fieldsWriteTheUrl()
{
    QFETCH(int, dialect);
    QFETCH(QStringList, typed);
    QFETCH(QString, shownUrl);
    QFETCH(QString, fullUrl);
    auto dialog = openDialog();
    chooseDriver(dialog.get(), Dialect(dialect));
    for (const QString& entry : typed) {
        const QString name = entry.section(u'=', 0, 0);
        const QString text = entry.section(u'=', 1);
        if (auto* spin = dialog->findChild<QSpinBox*>(name)) {
            spin->setFocus();
            spin->selectAll();
            QTest::keyClicks(spin, text);
        } else {
            auto* edit = child<QLineEdit>(dialog.get(), qPrintable(name));
            QVERIFY(edit);
            retype(edit, text);
        }
    }
    QCOMPARE(child<QLineEdit>(dialog.get(), "urlEdit")->text(), shownUrl);
    QCOMPARE(dialog->url(), fullUrl);
    QCOMPARE(dialog->maskedUrl(), shownUrl);
    QVERIFY(!child<QLabel>(dialog.get(), "urlProblem")->isVisible());
    // What the fields say is what DatabaseUrl reads back from the URL.
    const DatabaseUrl parsed = DatabaseUrl::parse(dialog->url());
    QCOMPARE(int(parsed.dialect()), dialect);
    if (Dialect(dialect) != Dialect::Sqlite) {
        QCOMPARE(parsed.password(), child<QLineEdit>(dialog.get(), "passwordEdit")->text());
        QCOMPARE(parsed.host(), child<QLineEdit>(dialog.get(), "hostEdit")->text());
    }
    QVERIFY(child<QLineEdit>(dialog.get(), "passwordEdit")->echoMode() == QLineEdit::Password);
}

void TestStudioConnection::urlFillsTheFields_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QStringList>("expected"); // objectName=text
    QTest::addColumn<QString>("shownAfterwards");

    QTest::newRow("SQLite") << QStringLiteral("sqlite:////var/tmp/a%20b.db?timeout=3")
                            << int(Dialect::Sqlite)
                            << QStringList{QStringLiteral("pathEdit=/var/tmp/a b.db"),
                                           QStringLiteral("optionsEdit=timeout=3")}
                            << QStringLiteral("sqlite:////var/tmp/a%20b.db?timeout=3");
    QTest::newRow("SQLite in memory")
        << QStringLiteral("sqlite://") << int(Dialect::Sqlite)
        << QStringList{QStringLiteral("pathEdit=")} << QStringLiteral("sqlite://");
    QTest::newRow("PostgreSQL, percent-encoded password")
        << QStringLiteral(
               "postgresql+psycopg2://ada:s%40cr%3At%2Fx%25@[::1]:5433/shop?sslmode=require")
        << int(Dialect::PostgreSql)
        << QStringList{QStringLiteral("hostEdit=::1"), QStringLiteral("databaseEdit=shop"),
                       QStringLiteral("userEdit=ada"), QStringLiteral("passwordEdit=s@cr:t/x%"),
                       QStringLiteral("optionsEdit=sslmode=require")}
        << QStringLiteral("postgresql+psycopg2://ada:***@[::1]:5433/shop?sslmode=require");
    QTest::newRow("MariaDB") << QStringLiteral("mariadb://root@localhost/app?connect_timeout=3")
                             << int(Dialect::MySql)
                             << QStringList{QStringLiteral("hostEdit=localhost"),
                                            QStringLiteral("userEdit=root"),
                                            QStringLiteral("passwordEdit=")}
                             << QStringLiteral("mariadb://root@localhost/app?connect_timeout=3");
}

void TestStudioConnection::urlFillsTheFields()
{
    QFETCH(QString, url);
    QFETCH(int, dialect);
    QFETCH(QStringList, expected);
    QFETCH(QString, shownAfterwards);
    auto dialog = openDialog();
    auto* urlEdit = child<QLineEdit>(dialog.get(), "urlEdit");
    retype(urlEdit, url);
    QCOMPARE(child<QComboBox>(dialog.get(), "driverCombo")->currentData().toInt(), dialect);
    for (const QString& entry : expected) {
        const QString name = entry.section(u'=', 0, 0);
        QCOMPARE(child<QLineEdit>(dialog.get(), qPrintable(name))->text(), entry.section(u'=', 1));
    }
    if (url.contains(QLatin1String("5433")))
        QCOMPARE(child<QSpinBox>(dialog.get(), "portSpin")->value(), 5433);
    if (url == QLatin1String("sqlite://"))
        QVERIFY(child<QCheckBox>(dialog.get(), "memoryCheck")->isChecked());
    // Leaving the URL field masks what was typed there.
    QTest::keyClick(urlEdit, Qt::Key_Return);
    QCOMPARE(urlEdit->text(), shownAfterwards);
    QVERIFY(!urlEdit->text().contains(QStringLiteral("cr%3At")));
    QCOMPARE(DatabaseUrl::parse(dialog->url()).masked(), shownAfterwards);
    QCOMPARE(DatabaseUrl::parse(dialog->url()).password(), DatabaseUrl::parse(url).password());
}

void TestStudioConnection::editingTheMaskedUrlKeepsThePassword()
{
    auto dialog = openDialog();
    auto* urlEdit = child<QLineEdit>(dialog.get(), "urlEdit");
    retype(urlEdit, QStringLiteral("postgresql://ada:first%40pw@db/shop"));
    QTest::keyClick(urlEdit, Qt::Key_Return);
    QCOMPARE(urlEdit->text(), QStringLiteral("postgresql://ada:***@db/shop"));
    // Change the database in the masked URL: the *** stands for the password kept aside.
    urlEdit->setFocus();
    QTest::keyClick(urlEdit, Qt::Key_End);
    QTest::keyClicks(urlEdit, QStringLiteral("_test"));
    QCOMPARE(child<QLineEdit>(dialog.get(), "databaseEdit")->text(), QStringLiteral("shop_test"));
    QCOMPARE(child<QLineEdit>(dialog.get(), "passwordEdit")->text(), QStringLiteral("first@pw"));
    QCOMPARE(DatabaseUrl::parse(dialog->url()).password(), QStringLiteral("first@pw"));
    // A new password typed into the password field shows up only as ***.
    retype(child<QLineEdit>(dialog.get(), "passwordEdit"), QStringLiteral("second"));
    QCOMPARE(urlEdit->text(), QStringLiteral("postgresql://ada:***@db/shop_test"));
    QCOMPARE(DatabaseUrl::parse(dialog->url()).password(), QStringLiteral("second"));
}

void TestStudioConnection::aBrokenUrlIsExplained()
{
    auto dialog = openDialog();
    retype(child<QLineEdit>(dialog.get(), "urlEdit"),
           QStringLiteral("postgresql://ada:topsecret@db:notaport/shop"));
    auto* problem = child<QLabel>(dialog.get(), "urlProblem");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("port")), qPrintable(problem->text()));
    QVERIFY2(!problem->text().contains(QStringLiteral("topsecret")), qPrintable(problem->text()));
    QCOMPARE(dialog->url(), QString());
    auto* box = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(!box->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), "testButton")->isEnabled());
    // Unknown options are errors too, named in the problem line.
    retype(child<QLineEdit>(dialog.get(), "urlEdit"), QStringLiteral("sqlite:///a.db?colour=red"));
    QVERIFY2(problem->text().contains(QStringLiteral("colour")), qPrintable(problem->text()));
    retype(child<QLineEdit>(dialog.get(), "optionsEdit"), QStringLiteral("timeout=1"));
    QVERIFY(!problem->isVisible());
    QVERIFY(box->button(QDialogButtonBox::Ok)->isEnabled());
}

// ---------------------------------------------------------------------------------------------
// Test connection

void TestStudioConnection::testsASqliteFile_data()
{
    QTest::addColumn<QString>("file"); // "db": a real database, "text": not one, "": none
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("message");
    QTest::newRow("database") << QStringLiteral("db") << true
                              << QStringLiteral("Connected to SQLite 3.");
    QTest::newRow("not a database")
        << QStringLiteral("text") << false << QStringLiteral("not a database");
    QTest::newRow("no file yet") << QString() << true << QStringLiteral("no file there yet");
}

void TestStudioConnection::testsASqliteFile()
{
    QFETCH(QString, file);
    QFETCH(bool, succeeds);
    QFETCH(QString, message);
    const QString path = m_dir->filePath(QStringLiteral("studio.db"));
    if (file == QLatin1String("db")) {
        createSqliteFile(path);
    } else if (file == QLatin1String("text")) {
        QFile text(path);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(4096, 'x'));
    }
    const QByteArray before = [&path] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    auto dialog = openDialog();
    chooseDriver(dialog.get(), Dialect::Sqlite);
    retype(child<QLineEdit>(dialog.get(), "pathEdit"), path);
    const auto [ok, shown] = runTest(dialog.get());
    QVERIFY2(ok == succeeds, qPrintable(shown));
    QVERIFY2(shown.contains(message, Qt::CaseInsensitive), qPrintable(shown));
    // A test opens read-only: it neither creates nor changes the file.
    QCOMPARE(QFileInfo::exists(path), !file.isEmpty());
    QFile after(path);
    if (after.open(QIODevice::ReadOnly))
        QCOMPARE(after.readAll(), before);
}

void TestStudioConnection::testsPostgres_data()
{
    QTest::addColumn<QString>("change"); // what to break in the fixture's URL
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("message");
    QTest::newRow("right password")
        << QString() << true << QStringLiteral("Connected to PostgreSQL 15");
    QTest::newRow("wrong password")
        << QStringLiteral("password") << false << QStringLiteral("password authentication failed");
    QTest::newRow("closed port") << QStringLiteral("port") << false << QStringLiteral("refused");
    QTest::newRow("no such database")
        << QStringLiteral("database") << false << QStringLiteral("does not exist");
}

void TestStudioConnection::testsPostgres()
{
    QFETCH(QString, change);
    QFETCH(bool, succeeds);
    QFETCH(QString, message);
    const QString url = postgresUrl();
    QVERIFY(!url.isEmpty());
    const DatabaseUrl server = DatabaseUrl::parse(url);
    auto dialog = openDialog();
    chooseDriver(dialog.get(), Dialect::PostgreSql);
    retype(child<QLineEdit>(dialog.get(), "hostEdit"), server.host());
    auto* port = child<QSpinBox>(dialog.get(), "portSpin");
    int portNumber = server.port();
    if (change == QLatin1String("port")) {
        QTcpServer probe; // a port nobody listens on once this closes
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        portNumber = probe.serverPort();
    }
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QString::number(portNumber));
    retype(child<QLineEdit>(dialog.get(), "databaseEdit"), change == QLatin1String("database")
                                                               ? QStringLiteral("no_such_db")
                                                               : server.databaseName());
    retype(child<QLineEdit>(dialog.get(), "userEdit"), server.userName());
    const QString password =
        change == QLatin1String("password") ? QStringLiteral("WrongHorse-42") : server.password();
    retype(child<QLineEdit>(dialog.get(), "passwordEdit"), password);
    QCOMPARE(DatabaseUrl::parse(dialog->url()).port(), portNumber);

    QElapsedTimer clock;
    clock.start();
    const auto [ok, shown] = runTest(dialog.get());
    qInfo("%s after %lld ms: %s", ok ? "connected" : "failed", clock.elapsed(), qPrintable(shown));
    QVERIFY2(ok == succeeds, qPrintable(shown));
    QVERIFY2(shown.contains(message, Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY2(!shown.contains(password), qPrintable(shown));
    if (!succeeds)
        QVERIFY2(shown.contains(QStringLiteral("***")) || !shown.contains(server.userName() + u':'),
                 qPrintable(shown));
    QVERIFY(child<QPushButton>(dialog.get(), "testButton")->isEnabled());
    QVERIFY(!dialog->isTesting());
}

void TestStudioConnection::aSilentServerTimesOutWhileTheWindowResponds()
{
    // Accepts TCP connections (the kernel does) but never says a word: libpq waits for the
    // server's greeting until connect_timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto dialog = openDialog();
    dialog->setConnectTimeout(2);
    retype(child<QLineEdit>(dialog.get(), "urlEdit"),
           QStringLiteral("postgresql://ada:pw@127.0.0.1:%1/shop").arg(silent.serverPort()));
    QSignalSpy finished(dialog.get(), &ConnectionDialog::testFinished);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    QVERIFY(dialog->isTesting());
    QVERIFY(!child<QPushButton>(dialog.get(), "testButton")->isEnabled());
    // The form stays usable while the test waits.
    auto* name = child<QLineEdit>(dialog.get(), "profileNameEdit");
    QTest::keyClicks(name, QStringLiteral("still typing"));
    QCOMPARE(name->text(), QStringLiteral("still typing"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTestTimeoutMs);
    const qint64 elapsed = clock.elapsed();
    const QString shown = finished.first().at(1).toString();
    qInfo("silent server: failed after %lld ms (%s); longest GUI pause %lld ms over %d ticks",
          elapsed, qPrintable(shown), meter.longestGapMs(), meter.ticks());
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY2(shown.contains(QStringLiteral("timeout"), Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY2(elapsed >= 1500 && elapsed < 12000, qPrintable(QString::number(elapsed)));
    QVERIFY2(meter.longestGapMs() < 500, qPrintable(QString::number(meter.longestGapMs())));
    QVERIFY(meter.ticks() > 50);
}

// ---------------------------------------------------------------------------------------------
// Profiles and the keychain

void TestStudioConnection::savesAndLoadsProfiles()
{
    waitForKeychainVerdict();
    const bool keychain = m_profiles->keychain() == ConnectionProfiles::Keychain::Available;
    {
        auto dialog = openDialog();
        // The profile list and the driver box, checked while profiles are added.
        const auto testers = modelTesters(dialog.get());
        QVERIFY(testers.size() >= 2);
        retype(child<QLineEdit>(dialog.get(), "urlEdit"),
               QStringLiteral("postgresql://ada@db.example.org:6543/shop?sslmode=require"));
        retype(child<QLineEdit>(dialog.get(), "passwordEdit"), kSecret);
        retype(child<QLineEdit>(dialog.get(), "profileNameEdit"), QStringLiteral("staging/eu"));
        QSignalSpy saved(m_profiles.get(), &ConnectionProfiles::passwordSaved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTestTimeoutMs);
        QCOMPARE(saved.first().at(1).toBool(), keychain);
        // A SQLite one, without any password.
        chooseDriver(dialog.get(), Dialect::Sqlite);
        retype(child<QLineEdit>(dialog.get(), "pathEdit"), QStringLiteral("/srv/app.db"));
        retype(child<QLineEdit>(dialog.get(), "profileNameEdit"), QStringLiteral("local"));
        QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);
        QCOMPARE(dialog->profileName(), QStringLiteral("local"));

        auto* list = child<QListWidget>(dialog.get(), "profileList");
        QStringList shown;
        for (int i = 0; i < list->count(); ++i)
            shown << list->item(i)->text();
        QCOMPARE(shown, (QStringList{QStringLiteral("local\nsqlite:////srv/app.db"),
                                     QStringLiteral("staging/eu\npostgresql://ada@db.example.org:"
                                                    "6543/shop?sslmode=require")}));
        const QString note = child<QLabel>(dialog.get(), "keychainNote")->text();
        QVERIFY2(note.contains(keychain ? QStringLiteral("kept in the system keychain")
                                        : QStringLiteral("No keychain is available")),
                 qPrintable(note));
    }
    verifyNoPasswordIn(settingsFileText(), kSecret);
    QVERIFY(settingsFileText().contains(QStringLiteral("db.example.org")));
    QCOMPARE(m_profiles->find(QStringLiteral("staging/eu"))->url,
             QStringLiteral("postgresql://ada@db.example.org:6543/shop?sslmode=require"));

    // A new dialog (and a new profiles object, as after a restart) loads them back.
    m_profiles = std::make_unique<ConnectionProfiles>();
    auto dialog = openDialog();
    const auto testers = modelTesters(dialog.get());
    auto* list = child<QListWidget>(dialog.get(), "profileList");
    QCOMPARE(list->count(), 2);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QCOMPARE(child<QLineEdit>(dialog.get(), "hostEdit")->text(), QStringLiteral("db.example.org"));
    QCOMPARE(child<QSpinBox>(dialog.get(), "portSpin")->value(), 6543);
    QCOMPARE(child<QLineEdit>(dialog.get(), "optionsEdit")->text(),
             QStringLiteral("sslmode=require"));
    QCOMPARE(child<QLineEdit>(dialog.get(), "profileNameEdit")->text(),
             QStringLiteral("staging/eu"));
    auto* password = child<QLineEdit>(dialog.get(), "passwordEdit");
    if (keychain) {
        QTRY_COMPARE_WITH_TIMEOUT(password->text(), kSecret, kTestTimeoutMs);
        QCOMPARE(DatabaseUrl::parse(dialog->url()).password(), kSecret);
    } else {
        QTRY_VERIFY(password->placeholderText().isEmpty()); // the keychain answered: nothing
        QCOMPARE(password->text(), QString());
    }
    QCOMPARE(dialog->profileName(), QStringLiteral("staging/eu"));
    QCOMPARE(child<QLineEdit>(dialog.get(), "urlEdit")->text(),
             keychain
                 ? QStringLiteral("postgresql://ada:***@db.example.org:6543/shop?sslmode=require")
                 : QStringLiteral("postgresql://ada@db.example.org:6543/shop?sslmode=require"));
    // Changing a field means the form is no longer that profile.
    retype(child<QLineEdit>(dialog.get(), "databaseEdit"), QStringLiteral("other"));
    QCOMPARE(dialog->profileName(), QString());

    // Delete.
    retype(child<QLineEdit>(dialog.get(), "profileNameEdit"), QStringLiteral("staging/eu"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "deleteButton"), Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    QVERIFY(!m_profiles->find(QStringLiteral("staging/eu")));
    QVERIFY(!settingsFileText().contains(QStringLiteral("db.example.org")));
}

void TestStudioConnection::keychainRoundTrip()
{
    waitForKeychainVerdict();
    if (m_profiles->keychain() != ConnectionProfiles::Keychain::Available) {
        if (keychainExpected())
            QFAIL(qPrintable(QStringLiteral("the private keyring does not answer: ") +
                             m_profiles->keychainProblem()));
        QSKIP("no keychain in this run (CTest's tst_studio_connection_keychain has one)");
    }
    const QString name = QStringLiteral("round trip");
    QSignalSpy saved(m_profiles.get(), &ConnectionProfiles::passwordSaved);
    QSignalSpy read(m_profiles.get(), &ConnectionProfiles::passwordRead);
    m_profiles->save(
        name, ConnectionFields::withPassword(QStringLiteral("postgresql://ada@db/shop"), kSecret));
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTestTimeoutMs);
    QCOMPARE(saved.first().at(1).toBool(), true);
    verifyNoPasswordIn(settingsFileText(), kSecret);

    // Another object, as in the next session, reads it back.
    ConnectionProfiles later;
    QSignalSpy laterRead(&later, &ConnectionProfiles::passwordRead);
    later.readPassword(name);
    QTRY_COMPARE_WITH_TIMEOUT(laterRead.size(), 1, kTestTimeoutMs);
    QCOMPARE(laterRead.first().at(0).toString(), name);
    QCOMPARE(laterRead.first().at(1).toString(), kSecret);

    // Saving it without a password removes the stored one.
    saved.clear();
    m_profiles->save(name, QStringLiteral("postgresql://ada@db/shop"));
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTestTimeoutMs);
    m_profiles->readPassword(name);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, kTestTimeoutMs);
    QCOMPARE(read.first().at(1).toString(), QString());

    // So does deleting the profile.
    saved.clear();
    read.clear();
    m_profiles->save(
        name, ConnectionFields::withPassword(QStringLiteral("postgresql://ada@db/shop"), kSecret));
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTestTimeoutMs);
    m_profiles->remove(name);
    m_profiles->readPassword(name);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, kTestTimeoutMs);
    QCOMPARE(read.first().at(1).toString(), QString());
    QCOMPARE(m_profiles->keychain(), ConnectionProfiles::Keychain::Available);
}

void TestStudioConnection::withoutAKeychainNothingIsStored()
{
    waitForKeychainVerdict();
    if (m_profiles->keychain() == ConnectionProfiles::Keychain::Available)
        QSKIP("a keychain answers in this run");
    QVERIFY(!m_profiles->keychainProblem().isEmpty());
    auto dialog = openDialog();
    const QString note = child<QLabel>(dialog.get(), "keychainNote")->text();
    QVERIFY2(note.contains(QStringLiteral("No keychain is available")) &&
                 note.contains(QStringLiteral("type the password each time")),
             qPrintable(note));
    retype(child<QLineEdit>(dialog.get(), "urlEdit"), QStringLiteral("mysql://root@localhost/app"));
    retype(child<QLineEdit>(dialog.get(), "passwordEdit"), kSecret);
    retype(child<QLineEdit>(dialog.get(), "profileNameEdit"), QStringLiteral("no keychain"));
    QSignalSpy saved(m_profiles.get(), &ConnectionProfiles::passwordSaved);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().at(1).toBool(), false);
    QTRY_VERIFY(child<QLabel>(dialog.get(), "keychainNote")
                    ->text()
                    .contains(QStringLiteral("saved without its password")));
    verifyNoPasswordIn(settingsFileText(), kSecret);
    QSignalSpy read(m_profiles.get(), &ConnectionProfiles::passwordRead);
    m_profiles->readPassword(QStringLiteral("no keychain"));
    QTRY_COMPARE(read.size(), 1);
    QCOMPARE(read.first().at(1).toString(), QString());
    // The password typed for this session is still there to connect with.
    QCOMPARE(DatabaseUrl::parse(dialog->url()).password(), kSecret);
}

// ---------------------------------------------------------------------------------------------
// The main window

void TestStudioConnection::connectsFromTheMainWindow()
{
    copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"),
             m_dir->filePath(QStringLiteral("project")));
    const QString config = m_dir->filePath(QStringLiteral("project/retort.ini"));
    const QString dbPath = m_dir->filePath(QStringLiteral("chosen.db"));
    const QString url = QStringLiteral("sqlite:///") + dbPath;
    const QString baseline = QStringLiteral("3c9e1a7f52b8");
    {
        RunRequest request;
        request.configPath = config;
        request.databaseUrl = url;
        request.target = baseline;
        MigrationRunner().run(request);
    }

    auto window = std::make_unique<MainWindow>();
    QVERIFY(window->openProject(config));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTRY_VERIFY(!window->statusPanel()->headline().startsWith(QStringLiteral("Reading")));
    QVERIFY(!window->statusPanel()->headline().contains(baseline));

    QString seen;
    ModalWatcher watcher([&seen, &url](QWidget* widget) {
        auto* dialog = qobject_cast<ConnectionDialog*>(widget);
        if (!dialog)
            return;
        seen = dialog->windowTitle();
        retype(dialog->findChild<QLineEdit*>(QStringLiteral("urlEdit")), url);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    auto* action = window->findChild<QAction*>(QStringLiteral("connectAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier); // returns once it closed
    QCOMPARE(seen, QStringLiteral("Connect to Database"));
    QTRY_VERIFY2(window->statusPanel()->headline().contains(QStringLiteral("At ") + baseline),
                 qPrintable(window->statusPanel()->headline()));
    QCOMPARE(ConnectionProfiles::lastUrl(config), url);
    QCOMPARE(ConnectionProfiles::recentUrls(config), QStringList{url});

    // Opened again later, the project gets the same database back.
    window = std::make_unique<MainWindow>();
    QVERIFY(window->openProject(config));
    QTRY_VERIFY2(window->statusPanel()->headline().contains(QStringLiteral("At ") + baseline),
                 qPrintable(window->statusPanel()->headline()));
    // A URL given on the command line wins over the remembered one.
    window = std::make_unique<MainWindow>();
    window->setDatabaseUrl(QStringLiteral("sqlite:///") +
                           m_dir->filePath(QStringLiteral("other.db")));
    QVERIFY(window->openProject(config));
    QTRY_VERIFY(window->statusPanel()->headline().contains(QStringLiteral("No such database file")));
}

void TestStudioConnection::restoresAProfileWithItsKeychainPassword()
{
    waitForKeychainVerdict();
    if (m_profiles->keychain() != ConnectionProfiles::Keychain::Available) {
        if (keychainExpected())
            QFAIL("the private keyring does not answer");
        QSKIP("no keychain in this run");
    }
    const QString serverUrl = postgresUrl();
    QVERIFY(!serverUrl.isEmpty());
    copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"),
             m_dir->filePath(QStringLiteral("project")));
    const QString config = m_dir->filePath(QStringLiteral("project/retort.ini"));
    // The profile is saved (password to the keychain) and chosen for the project.
    QSignalSpy saved(m_profiles.get(), &ConnectionProfiles::passwordSaved);
    m_profiles->save(QStringLiteral("fixture"), serverUrl);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kTestTimeoutMs);
    QVERIFY(saved.first().at(1).toBool());
    ConnectionProfiles::rememberForProject(config, QStringLiteral("fixture"), serverUrl);
    verifyNoPasswordIn(settingsFileText(), DatabaseUrl::parse(serverUrl).password());

    auto window = std::make_unique<MainWindow>();
    QVERIFY(window->openProject(config));
    // The remembered URL has no password: only the keychain's makes the server answer.
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusPanel()->headline().contains(QStringLiteral("Empty database")),
        kTestTimeoutMs);
}

void TestStudioConnection::openRecentAndDroppedFolders()
{
    const QString first = m_dir->filePath(QStringLiteral("first"));
    const QString second = m_dir->filePath(QStringLiteral("second & more"));
    copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"), first);
    copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations"), second);
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("not a project"))));
    MainWindow window;
    window.setDatabaseUrl(QStringLiteral("sqlite://"));
    QVERIFY(window.openProject(first));
    QVERIFY(window.openProject(second));
    QSettings().setValue(QStringLiteral("recentProjects"),
                         QSettings().value(QStringLiteral("recentProjects")).toStringList()
                             << m_dir->filePath(QStringLiteral("gone/retort.ini")));

    auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->title(), QStringLiteral("Open &Recent"));
    Q_EMIT menu->aboutToShow();
    QStringList entries;
    const auto actions = menu->actions();
    for (QAction* action : actions)
        entries << action->text();
    const QString secondConfig = second + QStringLiteral("/retort.ini");
    const QString firstConfig = first + QStringLiteral("/retort.ini");
    QCOMPARE(
        entries.mid(0, 2),
        (QStringList{QStringLiteral("&1 ") +
                         QDir::toNativeSeparators(secondConfig).replace(u'&', QLatin1String("&&")),
                     QStringLiteral("&2 ") + QDir::toNativeSeparators(firstConfig)}));
    QVERIFY2(!entries.join(u'|').contains(QStringLiteral("gone")), qPrintable(entries.join(u'|')));
    QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList(),
             (QStringList{secondConfig, firstConfig}));
    actions.at(1)->trigger();
    QCOMPARE(window.project()->config().configPath, firstConfig);

    // Dragging a folder: only a project is accepted, and dropping it opens it.
    const auto dragInto = [&window](const QString& folder, bool drop) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        if (drop && enter.isAccepted()) {
            QDropEvent dropped(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                               Qt::NoModifier);
            QApplication::sendEvent(&window, &dropped);
        }
        return enter.isAccepted();
    };
    QVERIFY(!dragInto(m_dir->filePath(QStringLiteral("not a project")), true));
    QCOMPARE(window.project()->config().configPath, firstConfig);
    QVERIFY(dragInto(second, true));
    QCOMPARE(window.project()->config().configPath, secondConfig);

    // Clear List.
    Q_EMIT menu->aboutToShow();
    menu->actions().constLast()->trigger();
    QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList(), QStringList());
    Q_EMIT menu->aboutToShow();
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(!menu->actions().first()->isEnabled());
}

void TestStudioConnection::rendersTheDialog()
{
    // The picture in docs/: a few saved connections and a successful test on the fixture's
    // server. tools/screenshots.sh-style: set RETORT_SCREENSHOT_DIR to keep it.
    const QString serverUrl = postgresUrl();
    QVERIFY(!serverUrl.isEmpty());
    m_profiles->save(QStringLiteral("local"), QStringLiteral("sqlite:////srv/retort/app.db"));
    m_profiles->save(
        QStringLiteral("production (read only)"),
        QStringLiteral("postgresql://viewer@db.internal:5432/archivist?sslmode=verify-full"));
    m_profiles->save(QStringLiteral("staging"), ConnectionFields::stripPassword(serverUrl));
    auto dialog = openDialog();
    dialog->setRecentUrls({QStringLiteral("sqlite:///org_archivist.db")});
    dialog->setUrl(serverUrl, QStringLiteral("staging"));
    const auto [ok, shown] = runTest(dialog.get());
    QVERIFY2(ok, qPrintable(shown));
    waitForKeychainVerdict();
    QTest::qWait(50);
    const QImage image = dialog->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 700);
    const QString dir = qEnvironmentVariable("RETORT_SCREENSHOT_DIR", m_dir->path());
    const QString path = dir + QStringLiteral("/studio-connection.png");
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("wrote %s", qPrintable(path));
}

QTEST_MAIN(TestStudioConnection)
#include "tst_studio_connection.moc"
