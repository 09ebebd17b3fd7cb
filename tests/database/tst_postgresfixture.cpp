// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL server the other tests rely on (tests/support/postgres/pgserver.sh, CTest fixture `postgres`):
// it is really there, private to loopback, and password-protected.
#include "postgres/testpostgres.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>
#include <QtTest>

namespace {

// What QPSQL needs from a postgresql:// URL.
struct Endpoint
{
    QString host;
    int port = -1;
    QString user;
    QString password;
    QString database;
};

Endpoint endpointFromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return {url.host(), url.port(), url.userName(QUrl::FullyDecoded),
            url.password(QUrl::FullyDecoded), url.path().mid(1)};
}

// A uniquely named QPSQL connection, opened at once and removed at the end of the scope.
class Connection
{
public:
    explicit Connection(const Endpoint &endpoint)
        : m_name(QStringLiteral("tst_postgresfixture_%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(endpoint.host);
        db.setPort(endpoint.port);
        db.setUserName(endpoint.user);
        db.setPassword(endpoint.password);
        db.setDatabaseName(endpoint.database);
        db.setConnectOptions(QStringLiteral("connect_timeout=2"));
        m_open = db.open();
    }
    ~Connection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(Connection)

    bool isOpen() const { return m_open; }
    QString errorText() const { return QSqlDatabase::database(m_name, false).lastError().text(); }

    // First column of the first row, or an invalid QVariant (with a warning) on error.
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next()) {
            qWarning("%s: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
            return {};
        }
        return query.value(0);
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_open = false;
};

} // namespace

class TestPostgresFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void urlDescribesLoopbackServer();
    void credentialFilesArePrivate_data();
    void credentialFilesArePrivate();
    void connectsAsTestUser();
    void testUserIsNotSuperuserButOwnsDatabase();
    void adminUrlIsSuperuser();
    void serverIsPostgres15();
    void listensOnLoopbackOnly();
    void wrongCredentialsAreRefused_data();
    void wrongCredentialsAreRefused();
    void unreachableServerFailsFast_data();
    void unreachableServerFailsFast();

private:
    Endpoint m_user;
    Endpoint m_admin;
};

void TestPostgresFixture::initTestCase()
{
    // Fail rather than skip: the suite must run against a real server.
    const QString url = retortTestPostgresUrl();
    if (url.isEmpty())
        QFAIL("no PostgreSQL test server: run through ctest (fixture postgres)");
    const QString adminUrl = retortTestPostgresAdminUrl();
    if (adminUrl.isEmpty())
        QFAIL("the PostgreSQL test server has no admin_url");
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "the Qt PostgreSQL driver is missing (Debian package libqt6sql6-psql)");
    QVERIFY(url.startsWith(QLatin1String("postgresql://")));
    m_user = endpointFromUrl(url);
    m_admin = endpointFromUrl(adminUrl);
}

void TestPostgresFixture::urlDescribesLoopbackServer()
{
    QCOMPARE(m_user.host, QStringLiteral("127.0.0.1"));
    QVERIFY(m_user.port > 0 && m_user.port < 65536);
    QCOMPARE(m_user.user, QStringLiteral("retort_user"));
    QCOMPARE(m_user.database, QStringLiteral("retort_test"));
    QVERIFY(m_user.password.size() >= 16);

    QCOMPARE(m_admin.user, QStringLiteral("retort_admin"));
    QCOMPARE(m_admin.port, m_user.port);
    QVERIFY(m_admin.password != m_user.password);

    QFile portFile(qEnvironmentVariable("RETORT_TEST_PG_DIR") + QStringLiteral("/port"));
    QVERIFY2(portFile.open(QIODevice::ReadOnly), qPrintable(portFile.errorString()));
    QCOMPARE(portFile.readAll().trimmed().toInt(), m_user.port);
}

void TestPostgresFixture::credentialFilesArePrivate_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("url") << QStringLiteral("url");
    QTest::newRow("admin_url") << QStringLiteral("admin_url");
}

void TestPostgresFixture::credentialFilesArePrivate()
{
    QFETCH(QString, name);
    const QFileInfo info(qEnvironmentVariable("RETORT_TEST_PG_DIR") + u'/' + name);
    QVERIFY2(info.exists(), qPrintable(info.filePath()));
    const auto shared = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                        | QFileDevice::WriteOther;
    QVERIFY2(!(info.permissions() & shared), "readable or writable by others");
}

void TestPostgresFixture::connectsAsTestUser()
{
    const Connection connection(m_user);
    QVERIFY2(connection.isOpen(), qPrintable(connection.errorText()));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT current_user")).toString(),
             QStringLiteral("retort_user"));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT current_database()")).toString(),
             QStringLiteral("retort_test"));
}

void TestPostgresFixture::testUserIsNotSuperuserButOwnsDatabase()
{
    const Connection connection(m_user);
    QVERIFY2(connection.isOpen(), qPrintable(connection.errorText()));
    const QString role = QStringLiteral("FROM pg_roles WHERE rolname = current_user");
    QCOMPARE(connection.scalar(QStringLiteral("SELECT rolsuper ") + role), QVariant(false));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT rolcreatedb ") + role), QVariant(true));
    QCOMPARE(connection
                 .scalar(QStringLiteral("SELECT pg_get_userbyid(datdba) FROM pg_database "
                                        "WHERE datname = current_database()"))
                 .toString(),
             QStringLiteral("retort_user"));
}

void TestPostgresFixture::adminUrlIsSuperuser()
{
    const Connection connection(m_admin);
    QVERIFY2(connection.isOpen(), qPrintable(connection.errorText()));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT current_user")).toString(),
             QStringLiteral("retort_admin"));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT rolsuper FROM pg_roles "
                                              "WHERE rolname = current_user")),
             QVariant(true));
}

void TestPostgresFixture::serverIsPostgres15()
{
    const Connection connection(m_user);
    QVERIFY2(connection.isOpen(), qPrintable(connection.errorText()));
    const int version = connection.scalar(QStringLiteral("SHOW server_version_num")).toInt();
    QCOMPARE(version / 10000, 15);
}

void TestPostgresFixture::listensOnLoopbackOnly()
{
    const Connection connection(m_user);
    QVERIFY2(connection.isOpen(), qPrintable(connection.errorText()));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT host(inet_server_addr())")).toString(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT inet_server_port()")).toInt(), m_user.port);
    QCOMPARE(connection.scalar(QStringLiteral("SHOW listen_addresses")).toString(),
             QStringLiteral("127.0.0.1"));
}

void TestPostgresFixture::wrongCredentialsAreRefused_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("rightPassword");
    QTest::newRow("wrong password") << QStringLiteral("retort_user") << false;
    QTest::newRow("unknown user") << QStringLiteral("retort_nobody") << true;
}

void TestPostgresFixture::wrongCredentialsAreRefused()
{
    QFETCH(QString, user);
    QFETCH(bool, rightPassword);
    Endpoint endpoint = m_user;
    endpoint.user = user;
    if (!rightPassword)
        endpoint.password = QStringLiteral("not-") + endpoint.password;

    const Connection connection(endpoint);
    QVERIFY(!connection.isOpen());
    QVERIFY2(connection.errorText().contains(QLatin1String("authentication"), Qt::CaseInsensitive),
             qPrintable(connection.errorText()));
}

void TestPostgresFixture::unreachableServerFailsFast_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    // Port 1 (tcpmux) has no listener on any test machine.
    QTest::newRow("closed loopback port") << QStringLiteral("127.0.0.1") << 1;
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): never routed, so only
    // connect_timeout ends the attempt where packets are silently dropped.
    QTest::newRow("unroutable address") << QStringLiteral("192.0.2.1") << 5432;
}

void TestPostgresFixture::unreachableServerFailsFast()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    Endpoint endpoint = m_user;
    endpoint.host = host;
    endpoint.port = port;

    QElapsedTimer timer;
    timer.start();
    const Connection connection(endpoint);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!connection.isOpen());
    QVERIFY(!connection.errorText().isEmpty());
    // connect_timeout=2, plus slack for a loaded machine.
    QVERIFY2(elapsed < 6000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
}

QTEST_GUILESS_MAIN(TestPostgresFixture)
#include "tst_postgresfixture.moc"
