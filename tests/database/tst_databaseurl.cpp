// SPDX-License-Identifier: Apache-2.0
#include "database/databaseurl.h"
#include "common/error.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using retort::DatabaseUrl;
using retort::Dialect;
using retort::Error;
using retort::ErrorKind;

namespace {

QStringList strings(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

// "name=value" per query item, for comparing in data tables.
QStringList queryList(const DatabaseUrl& url)
{
    QStringList items;
    for (const auto& [name, value] : url.queryItems())
        items.append(name + u'=' + value);
    return items;
}

void compareUrls(const DatabaseUrl& actual, const DatabaseUrl& expected)
{
    QCOMPARE(actual.dialect(), expected.dialect());
    QCOMPARE(actual.driverName(), expected.driverName());
    QCOMPARE(actual.userName(), expected.userName());
    QCOMPARE(actual.password(), expected.password());
    QCOMPARE(actual.host(), expected.host());
    QCOMPARE(actual.port(), expected.port());
    QCOMPARE(actual.databaseName(), expected.databaseName());
    QCOMPARE(actual.isSqliteMemory(), expected.isSqliteMemory());
    QCOMPARE(queryList(actual), queryList(expected));
    QCOMPARE(actual.connectOptions(), expected.connectOptions());
    QCOMPARE(actual.masked(), expected.masked());
}

// Every byte of the text as %XX.
QString encodeAll(const QString& text)
{
    QString out;
    const QByteArray bytes = text.toUtf8();
    for (const char ch : bytes)
        out += QStringLiteral("%%1").arg(uint(uchar(ch)), 2, 16, QLatin1Char('0')).toUpper();
    return out;
}

// Every printable ASCII character, a space and some non-ASCII text.
QString nastyPassword()
{
    QString text;
    for (char16_t c = 0x20; c < 0x7f; ++c)
        text += QChar(c);
    return text + QStringLiteral(u"é€😀");
}

// A connection with a name of its own, removed when the test ends.
class ScopedConnection
{
public:
    explicit ScopedConnection(const QString& driver)
        : m_name(QStringLiteral("tst_databaseurl_%1").arg(++s_counter))
    {
        m_db = QSqlDatabase::addDatabase(driver, m_name);
    }
    ~ScopedConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase& db() { return m_db; }

private:
    static int s_counter;
    QString m_name;
    QSqlDatabase m_db;
};

int ScopedConnection::s_counter = 0;

} // namespace

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void masked_data();
    void masked();
    void roundTrip_data();
    void roundTrip();
    void configure_data();
    void configure();
    void openSqliteFile();
    void openSqliteReadOnly();
    void openSqliteRelative();
    void openSqliteMemory();
};

void TestDatabaseUrl::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QStringList>("query");
    QTest::addColumn<QString>("options");

    const int sqlite = int(Dialect::Sqlite);
    const int pg = int(Dialect::PostgreSql);
    const int my = int(Dialect::MySql);
    const QString none;
    const QString memory = QStringLiteral(":memory:");

    // clang-format off
    QTest::newRow("sqlite memory") << "sqlite://" << sqlite << none << none << none << -1
        << memory << QStringList() << none;
    QTest::newRow("sqlite :memory:") << "sqlite:///:memory:" << sqlite << none << none << none
        << -1 << memory << QStringList() << none;
    QTest::newRow("sqlite empty path") << "sqlite:///" << sqlite << none << none << none << -1
        << memory << QStringList() << none;
    QTest::newRow("sqlite relative") << "sqlite:///relative/path.db" << sqlite << none << none
        << none << -1 << "relative/path.db" << QStringList() << none;
    QTest::newRow("sqlite absolute") << "sqlite:////abs/path.db" << sqlite << none << none
        << none << -1 << "/abs/path.db" << QStringList() << none;
    QTest::newRow("sqlite driver ignored") << "sqlite+pysqlite:///x.db" << sqlite << none << none
        << none << -1 << "x.db" << QStringList() << none;
    QTest::newRow("sqlite percent-decoded") << "sqlite:////tmp/my%20db%3F%25.db" << sqlite << none
        << none << none << -1 << "/tmp/my db?%.db" << QStringList() << none;
    QTest::newRow("sqlite @ in path") << "sqlite:////tmp/a@b.db" << sqlite << none << none
        << none << -1 << "/tmp/a@b.db" << QStringList() << none;
    QTest::newRow("sqlite timeout") << "sqlite:///x.db?timeout=2.5" << sqlite << none << none
        << none << -1 << "x.db" << strings({"timeout=2.5"}) << "QSQLITE_BUSY_TIMEOUT=2500";
    QTest::newRow("sqlite read-only") << "sqlite:////x.db?mode=ro&timeout=1" << sqlite << none
        << none << none << -1 << "/x.db" << strings({"mode=ro", "timeout=1"})
        << "QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000";
    QTest::newRow("sqlite memory with query") << "sqlite://?timeout=0" << sqlite << none << none
        << none << -1 << memory << strings({"timeout=0"}) << "QSQLITE_BUSY_TIMEOUT=0";

    QTest::newRow("pg full") << "postgresql://scott:tiger@db.example.com:5433/app" << pg
        << "scott" << "tiger" << "db.example.com" << 5433 << "app" << QStringList() << none;
    QTest::newRow("postgres alias") << "postgres://u@h/db" << pg << "u" << none << "h" << -1
        << "db" << QStringList() << none;
    QTest::newRow("psycopg2") << "postgresql+psycopg2://u:p@h/db" << pg << "u" << "p" << "h"
        << -1 << "db" << QStringList() << none;
    QTest::newRow("asyncpg, host only") << "postgresql+asyncpg://h" << pg << none << none << "h"
        << -1 << none << QStringList() << none;
    QTest::newRow("uppercase scheme") << "PostgreSQL://h" << pg << none << none << "h" << -1
        << none << QStringList() << none;
    QTest::newRow("no host: local socket") << "postgresql:///app" << pg << none << none << none
        << -1 << "app" << QStringList() << none;
    QTest::newRow("scheme only") << "postgresql://" << pg << none << none << none << -1 << none
        << QStringList() << none;
    QTest::newRow("port without host") << "postgresql://:5433/app" << pg << none << none << none
        << 5433 << "app" << QStringList() << none;
    QTest::newRow("port with leading zero") << "postgresql://h:05432" << pg << none << none
        << "h" << 5432 << none << QStringList() << none;
    QTest::newRow("highest port") << "postgresql://h:65535" << pg << none << none << "h"
        << 65535 << none << QStringList() << none;
    QTest::newRow("percent-decoded") << "postgresql://us%65r:p%40ss%2Fw%3Ard@h%2Dx/my%20db" << pg
        << "user" << "p@ss/w:rd" << "h-x" << -1 << "my db" << QStringList() << none;
    QTest::newRow("plus stays plus outside the query") << "postgresql://u:a+b@h/c+d" << pg << "u"
        << "a+b" << "h" << -1 << "c+d" << QStringList() << none;
    QTest::newRow("unencoded @ in password") << "postgresql://user:p@ss@w@host/db" << pg << "user"
        << "p@ss@w" << "host" << -1 << "db" << QStringList() << none;
    QTest::newRow("unencoded / and : in password") << "postgresql://user:a/b:c@host:1/db" << pg
        << "user" << "a/b:c" << "host" << 1 << "db" << QStringList() << none;
    QTest::newRow("empty user, password") << "postgresql://:pw@h" << pg << none << "pw" << "h"
        << -1 << none << QStringList() << none;
    QTest::newRow("@ in the query") << "postgresql://u:p@h/db?application_name=me@work" << pg
        << "u" << "p" << "h" << -1 << "db" << strings({"application_name=me@work"})
        << "application_name=me@work";
    QTest::newRow("ipv6") << "postgresql://u@[::1]:5432/db" << pg << "u" << none << "::1"
        << 5432 << "db" << QStringList() << none;
    QTest::newRow("ipv6 with zone") << "postgresql://[fe80::1%25eth0]/db" << pg << none << none
        << "fe80::1%eth0" << -1 << "db" << QStringList() << none;
    QTest::newRow("socket directory") << "postgresql://u@/db?host=/var/run/postgresql" << pg
        << "u" << none << "/var/run/postgresql" << -1 << "db" << QStringList() << none;
    QTest::newRow("socket directory in the host") << "postgresql://%2Ftmp%2Fpg/db" << pg << none
        << none << "/tmp/pg" << -1 << "db" << QStringList() << none;
    QTest::newRow("pg every parameter")
        << "postgresql://h/db?sslmode=require&sslrootcert=/etc/ca.pem&sslcert=/c.pem"
           "&sslkey=/k.pem&connect_timeout=5&application_name=retort"
           "&options=-c%20search_path%3Dapp&target_session_attrs=read-write&keepalives=1"
           "&keepalives_idle=30"
        << pg << none << none << "h" << -1 << "db"
        << strings({"sslmode=require", "sslrootcert=/etc/ca.pem", "sslcert=/c.pem",
                       "sslkey=/k.pem", "connect_timeout=5", "application_name=retort",
                       "options=-c search_path=app", "target_session_attrs=read-write",
                       "keepalives=1", "keepalives_idle=30"})
        << "sslmode=require;sslrootcert=/etc/ca.pem;sslcert=/c.pem;sslkey=/k.pem;"
           "connect_timeout=5;application_name=retort;options='-c search_path=app';"
           "target_session_attrs=read-write;keepalives=1;keepalives_idle=30";
    QTest::newRow("pg order kept") << "postgresql://h?connect_timeout=3&sslmode=disable" << pg
        << none << none << "h" << -1 << none
        << strings({"connect_timeout=3", "sslmode=disable"})
        << "connect_timeout=3;sslmode=disable";
    QTest::newRow("pg value quoted for libpq") << "postgresql://h?application_name=it's%5Cme"
        << pg << none << none << "h" << -1 << none << strings({"application_name=it's\\me"})
        << "application_name='it\\'s\\\\me'";
    QTest::newRow("plus is a space in the query")
        << "postgresql://h?options=-c+statement_timeout%3D5s" << pg << none << none << "h" << -1
        << none << strings({"options=-c statement_timeout=5s"})
        << "options='-c statement_timeout=5s'";

    QTest::newRow("mysql") << "mysql://root:secret@localhost:3306/shop?charset=utf8mb4" << my
        << "root" << "secret" << "localhost" << 3306 << "shop" << strings({"charset=utf8mb4"})
        << none;
    QTest::newRow("mysql charset utf8") << "mysql://h/db?charset=utf8" << my << none << none
        << "h" << -1 << "db" << strings({"charset=utf8"}) << none;
    QTest::newRow("mysql every parameter")
        << "mysql+pymysql://u:p@h/db?connect_timeout=10&read_timeout=30&write_timeout=31"
           "&ssl_ca=/ca.pem&ssl_cert=/c.pem&ssl_key=/k.pem&unix_socket=/tmp/mysql.sock"
        << my << "u" << "p" << "h" << -1 << "db"
        << strings({"connect_timeout=10", "read_timeout=30", "write_timeout=31",
                       "ssl_ca=/ca.pem", "ssl_cert=/c.pem", "ssl_key=/k.pem",
                       "unix_socket=/tmp/mysql.sock"})
        << "MYSQL_OPT_CONNECT_TIMEOUT=10;MYSQL_OPT_READ_TIMEOUT=30;MYSQL_OPT_WRITE_TIMEOUT=31;"
           "SSL_CA=/ca.pem;SSL_CERT=/c.pem;SSL_KEY=/k.pem;UNIX_SOCKET=/tmp/mysql.sock";
    QTest::newRow("mysql inner space kept") << "mysql://h?ssl_ca=/my%20certs/ca.pem" << my
        << none << none << "h" << -1 << none << strings({"ssl_ca=/my certs/ca.pem"})
        << "SSL_CA=/my certs/ca.pem";
    QTest::newRow("mariadb") << "mariadb+mariadbconnector://h/db" << my << none << none << "h"
        << -1 << "db" << QStringList() << none;
    QTest::newRow("surrounding whitespace") << "  sqlite://\n" << sqlite << none << none << none
        << -1 << memory << QStringList() << none;
    // clang-format on
}

void TestDatabaseUrl::parse()
{
    QFETCH(QString, url);
    QFETCH(int, dialect);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QStringList, query);
    QFETCH(QString, options);

    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    QCOMPARE(int(parsed.dialect()), dialect);
    const char* drivers[] = {"QSQLITE", "QPSQL", "QMYSQL"};
    QCOMPARE(parsed.driverName(), QLatin1String(drivers[dialect]));
    QCOMPARE(parsed.userName(), user);
    QCOMPARE(parsed.password(), password);
    QCOMPARE(parsed.host(), host);
    QCOMPARE(parsed.port(), port);
    QCOMPARE(parsed.databaseName(), database);
    QCOMPARE(parsed.isSqliteMemory(), database == QLatin1String(":memory:"));
    QCOMPARE(queryList(parsed), query);
    QCOMPARE(parsed.connectOptions(), options);
}

void TestDatabaseUrl::errors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // part of the message
    QTest::addColumn<QString>("secret");   // must not appear in the message

    const QString none;
    const QString secret = QStringLiteral("hunter2");
    // clang-format off
    QTest::newRow("empty") << "" << "the URL is empty" << none;
    QTest::newRow("no ://") << "postgresql:/h/db" << "expected scheme://...; supported schemes: "
        "sqlite, postgresql (or postgres), mysql, mariadb" << none;
    QTest::newRow("a bare path") << "/tmp/x.db" << "supported schemes" << none;
    QTest::newRow("no scheme, password") << "user:hunter2@host/db" << "expected scheme://"
        << secret;
    QTest::newRow("garbage before ://") << "u:hunter2@h://x" << "expected scheme://" << secret;
    QTest::newRow("unknown scheme") << "oracle://u:hunter2@h/db"
        << "unknown scheme 'oracle'; supported schemes" << secret;
    QTest::newRow("empty driver") << "postgresql+://h" << "invalid driver in scheme 'postgresql+'"
        << none;
    QTest::newRow("two drivers") << "mysql+a+b://h" << "invalid driver" << none;
    QTest::newRow("sqlite with host") << "sqlite://user:hunter2@host/x.db"
        << "a SQLite URL takes no user or host" << secret;
    QTest::newRow("sqlite with relative host") << "sqlite://x.db" << "takes no user or host"
        << none;
    QTest::newRow("sqlite unknown parameter") << "sqlite:///x.db?cache=shared"
        << "unknown parameter 'cache' for sqlite; supported: timeout, mode" << none;
    QTest::newRow("sqlite timeout text") << "sqlite:///x.db?timeout=soon"
        << "parameter 'timeout': expected a number of seconds" << none;
    QTest::newRow("sqlite timeout negative") << "sqlite:///x.db?timeout=-1"
        << "parameter 'timeout': expected a number of seconds" << none;
    QTest::newRow("sqlite timeout infinite") << "sqlite:///x.db?timeout=inf"
        << "parameter 'timeout'" << none;
    QTest::newRow("sqlite timeout too long") << "sqlite:///x.db?timeout=1e10"
        << "parameter 'timeout'" << none;
    QTest::newRow("sqlite mode rw") << "sqlite:///x.db?mode=rw"
        << "parameter 'mode': only mode=ro" << none;
    QTest::newRow("parameter without value") << "sqlite:///x.db?timeout"
        << "parameter 'timeout' has no value" << none;
    QTest::newRow("port 0") << "postgresql://u:hunter2@h:0/db"
        << "port '0' is not a number from 1 to 65535" << secret;
    QTest::newRow("port too big") << "postgresql://u:hunter2@h:65536/db" << "port '65536'"
        << secret;
    QTest::newRow("port huge") << "mysql://h:99999999999999999999/db"
        << "port '99999999999999999999'" << none;
    QTest::newRow("port not a number") << "postgresql://h:abc/db" << "port 'abc'" << none;
    QTest::newRow("port signed") << "postgresql://h:+5432/db" << "port '+5432'" << none;
    QTest::newRow("port empty") << "postgresql://h:/db" << "port '' is not a number" << none;
    QTest::newRow("ipv6 without brackets") << "postgresql://u:hunter2@::1/db"
        << "an IPv6 address must be written in brackets" << secret;
    QTest::newRow("ipv6 not closed") << "postgresql://[::1/db" << "not closed by ']'" << none;
    QTest::newRow("text after ipv6") << "postgresql://[::1]x/db"
        << "unexpected text after the IPv6 address 'x'" << none;
    QTest::newRow("pg unknown parameter") << "postgresql://u:hunter2@h/db?sslmode=require&bogus=1"
        << "unknown parameter 'bogus' for postgresql; supported: sslmode, sslrootcert" << secret;
    QTest::newRow("pg port parameter") << "postgresql://h/db?port=5432"
        << "unknown parameter 'port'" << none;
    QTest::newRow("parameter twice") << "postgresql://h/db?sslmode=require&sslmode=disable"
        << "parameter 'sslmode' is given more than once" << none;
    QTest::newRow("semicolon in value") << "postgresql://h/db?application_name=a%3Bb"
        << "parameter 'application_name': a ';' cannot be passed" << none;
    QTest::newRow("control character") << "postgresql://u:hunter2@h/db?options=x%0Ay"
        << "parameter 'options': control characters" << secret;
    QTest::newRow("pg timeout not whole") << "postgresql://h/db?connect_timeout=5s"
        << "parameter 'connect_timeout': expected a whole number" << none;
    QTest::newRow("keepalives yes") << "postgresql://h/db?keepalives=yes"
        << "parameter 'keepalives': expected 0 or 1" << none;
    QTest::newRow("empty value") << "postgresql://h/db?sslmode=" << "the value is empty" << none;
    QTest::newRow("no parameter name") << "postgresql://h/db?=x" << "has no name" << none;
    QTest::newRow("host twice") << "postgresql://h/db?host=/tmp" << "the host is given twice"
        << none;
    QTest::newRow("mysql charset") << "mysql://h/db?charset=latin1"
        << "parameter 'charset': Qt's MySQL driver always uses utf8mb4" << none;
    QTest::newRow("mysql leading space") << "mysql://h/db?ssl_ca=%20/ca.pem"
        << "leading or trailing spaces" << none;
    QTest::newRow("mysql semicolon") << "mysql://h/db?ssl_key=a;b" << "a ';' cannot be passed"
        << none;
    QTest::newRow("mysql sslmode") << "mysql://h/db?sslmode=require"
        << "unknown parameter 'sslmode' for mysql; supported: connect_timeout" << none;
    QTest::newRow("password not UTF-8") << "postgresql://u:hunter2%FF@h"
        << "the password is not valid UTF-8" << secret;
    QTest::newRow("password with NUL") << "postgresql://u:hunter2%00@h"
        << "the password contains a NUL character" << secret;
    QTest::newRow("database with NUL") << "postgresql://h/a%00b"
        << "the database name contains a NUL character" << none;
    QTest::newRow("sqlite path with NUL") << "sqlite:///a%00.db"
        << "the file path contains a NUL character" << none;
    QTest::newRow("overlong UTF-8") << "postgresql://h/%C0%AF" << "not valid UTF-8" << none;
    QTest::newRow("@ in database name") << "postgresql://h/d@x"
        << "the user name contains '/'; an '@' in a database name must be written %40" << none;
    // A '?' starts the query, so the password below is cut short and the URL is invalid;
    // neither the password nor any piece of it may show.
    QTest::newRow("? in password") << "postgresql://user:hunter?2@host/db"
        << "port is not a number from 1 to 65535 (a '?' in a password must be written %3F)"
        << "hunter?2";
    QTest::newRow("? in password, piece") << "postgresql://user:hunter?2@host/db"
        << "Invalid database URL 'postgresql://user:***@host/db'" << "hunter";
    QTest::newRow("@ after the query") << "postgresql://u:hunter2@h:99999/db?x=a@b"
        << "Invalid database URL 'postgresql://u:***@b'" << secret;
    // libpq's ?password= is refused, and its value hidden like a password in the user part.
    QTest::newRow("password parameter") << "postgresql://u@h/db?password=hunter2"
        << "Invalid database URL 'postgresql://u@h/db?password=***': parameter 'password' "
           "cannot carry a password" << secret;
    QTest::newRow("sslpassword parameter") << "postgresql://u@h/db?sslmode=require&sslpassword=hunter2"
        << "?sslmode=require&sslpassword=***'" << secret;
    QTest::newRow("encoded password parameter") << "postgresql://u@h/db?pass%77ord=hunter2&x"
        << "?pass%77ord=***&x'" << secret;
    QTest::newRow("password parameter after an error") << "postgresql://u@h:0/db?password=hunter2"
        << "port '0' is not a number" << secret;
    // clang-format on
}

void TestDatabaseUrl::errors()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QFETCH(QString, secret);
    try {
        const DatabaseUrl parsed = DatabaseUrl::parse(url);
        QFAIL(qPrintable(QStringLiteral("parsed, masked: ") + parsed.masked()));
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Config);
        QVERIFY2(error.message().startsWith(QLatin1String("Invalid database URL '")),
                 qPrintable(error.message()));
        QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
        if (!secret.isEmpty())
            QVERIFY2(!error.message().contains(secret), qPrintable(error.message()));
    }
}

void TestDatabaseUrl::masked_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("masked");
    QTest::addColumn<QString>("secret");

    // clang-format off
    QTest::newRow("password") << "postgresql://scott:tiger@h/db" << "postgresql://scott:***@h/db"
        << "tiger";
    QTest::newRow("no password") << "postgresql://scott@h:5432/db?sslmode=require"
        << "postgresql://scott@h:5432/db?sslmode=require" << "";
    QTest::newRow("re-encoded") << "postgresql+psycopg2://us%20er:p%40ss@[::1]:5432/my%2Fdb%3F"
        "?application_name=a%26b" << "postgresql+psycopg2://us%20er:***@[::1]:5432/my/db%3F"
        "?application_name=a%26b" << "p@ss";
    QTest::newRow("unencoded @") << "mysql://u:s3cr@t@h/db" << "mysql://u:***@h/db" << "s3cr@t";
    QTest::newRow("socket directory") << "postgresql://u:pw-x@/db?host=/var/run/postgresql"
        << "postgresql://u:***@/db?host=/var/run/postgresql" << "pw-x";
    QTest::newRow("encoded socket directory") << "postgresql://%2Ftmp/db"
        << "postgresql:///db?host=/tmp" << "";
    QTest::newRow("empty user") << "postgresql://:s3cret@h" << "postgresql://:***@h" << "s3cret";
    QTest::newRow("sqlite") << "sqlite:////tmp/a%20b.db?timeout=1"
        << "sqlite:////tmp/a%20b.db?timeout=1" << "";
    QTest::newRow("sqlite relative") << "sqlite+pysqlite:///a.db" << "sqlite+pysqlite:///a.db"
        << "";
    QTest::newRow("sqlite memory") << "sqlite:///:memory:" << "sqlite://" << "";
    QTest::newRow("query plus") << "postgresql://h?options=-c+x%3Dy"
        << "postgresql://h?options=-c%20x%3Dy" << "";
    // clang-format on
    const QString password = nastyPassword();
    QTest::newRow("every character")
        << QStringLiteral("postgresql://u:%1@h/db").arg(encodeAll(password))
        << "postgresql://u:***@h/db" << password;
}

void TestDatabaseUrl::masked()
{
    QFETCH(QString, url);
    QFETCH(QString, masked);
    QFETCH(QString, secret);
    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    QCOMPARE(parsed.masked(), masked);
    if (!secret.isEmpty()) {
        QCOMPARE(parsed.password(), secret);
        QVERIFY(!parsed.masked().contains(secret));
    }
}

void TestDatabaseUrl::roundTrip_data()
{
    QTest::addColumn<QString>("url");
    const QString password = nastyPassword();
    const char* urls[] = {
        "sqlite://",
        "sqlite:///:memory:?timeout=3",
        "sqlite+pysqlite:///rel/a%20b%23c%3F.db?mode=ro",
        "sqlite:////abs/%25x@y.db",
        "postgresql://scott:tiger@db.example.com:5433/app",
        "postgres://u:p@ss@w@h/db?sslmode=verify-full&options=-c+search_path%3Dx",
        "postgresql+asyncpg://u:a/b:c@[::1]:1/my%2Fdb",
        "postgresql://[fe80::1%25eth0]/db",
        "postgresql://h%3Ax/db",
        "postgresql://u@/db?host=/var/run/postgresql",
        "postgresql://%2Ftmp%2Fpg:5433/db",
        "postgresql://:pw@:5433",
        "postgresql://h/db?application_name=a%26b%3Dc%2Bd%20e",
        "mysql+pymysql://root:s3cr3t@localhost/shop?charset=utf8mb4&unix_socket=/tmp/m.sock",
        "mariadb://u:%F0%9F%98%80@h/%C3%A9t%C3%A9",
    };
    for (const char* url : urls)
        QTest::newRow(url) << QString::fromUtf8(url);
    QTest::newRow("every character in every part")
        << QStringLiteral("postgresql://%1:%1@%1/%1?application_name=%2")
               .arg(encodeAll(password), encodeAll(QStringLiteral("x' \\y")));
}

void TestDatabaseUrl::roundTrip()
{
    QFETCH(QString, url);
    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    const QString full = parsed.toString();
    const DatabaseUrl again = DatabaseUrl::parse(full);
    compareUrls(again, parsed);
    QCOMPARE(again.toString(), full);
}

void TestDatabaseUrl::configure_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("options");
    // clang-format off
    QTest::newRow("sqlite") << "sqlite:////tmp/x.db?timeout=1.5" << "QSQLITE"
        << "QSQLITE_BUSY_TIMEOUT=1500";
    QTest::newRow("postgresql") << "postgresql://scott:ti%3Bger@db.example.com:5433/app"
        "?sslmode=require&application_name=my%20app" << "QPSQL"
        << "sslmode=require;application_name='my app'";
    QTest::newRow("postgresql socket") << "postgresql://u@/app?host=/var/run/postgresql"
        << "QPSQL" << "";
    QTest::newRow("mysql") << "mysql://root:pw@[::1]:3307/shop?connect_timeout=4" << "QMYSQL"
        << "MYSQL_OPT_CONNECT_TIMEOUT=4";
    // clang-format on
}

void TestDatabaseUrl::configure()
{
    QFETCH(QString, url);
    QFETCH(QString, driver);
    QFETCH(QString, options);
    if (!QSqlDatabase::isDriverAvailable(driver))
        QSKIP(qPrintable(driver + QLatin1String(" is not installed here")));

    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    QCOMPARE(parsed.driverName(), driver);
    ScopedConnection connection(parsed.driverName());
    QSqlDatabase& db = connection.db();
    QVERIFY(db.isValid());
    // Values set before, to see that configure() replaces them.
    db.setHostName(QStringLiteral("stale"));
    db.setConnectOptions(QStringLiteral("stale"));
    parsed.configure(db);
    QCOMPARE(db.hostName(), parsed.host());
    QCOMPARE(db.port(), parsed.port());
    QCOMPARE(db.userName(), parsed.userName());
    QCOMPARE(db.password(), parsed.password());
    QCOMPARE(db.databaseName(), parsed.databaseName());
    QCOMPARE(db.connectOptions(), options);
}

void TestDatabaseUrl::openSqliteFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("my db #1.sqlite"));
    QString encoded = path;
    encoded.replace(u' ', QLatin1String("%20")).replace(u'#', QLatin1String("%23"));
    QVERIFY(path.startsWith(u'/'));
    const DatabaseUrl url =
        DatabaseUrl::parse(QLatin1String("sqlite:///") + encoded + QLatin1String("?timeout=2"));
    QCOMPARE(url.databaseName(), path);
    QVERIFY(url.masked().startsWith(QLatin1String("sqlite:////")));

    ScopedConnection connection(url.driverName());
    url.configure(connection.db());
    QVERIFY2(connection.db().open(), qPrintable(connection.db().lastError().text()));
    QSqlQuery query(connection.db());
    QVERIFY2(query.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (7)")));
    QVERIFY(query.exec(QStringLiteral("PRAGMA busy_timeout")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 2000);
    connection.db().close();
    QVERIFY(QFile::exists(path));
}

void TestDatabaseUrl::openSqliteReadOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ro.db"));
    {
        ScopedConnection writer(QStringLiteral("QSQLITE"));
        DatabaseUrl::parse(QLatin1String("sqlite:///") + path).configure(writer.db());
        QVERIFY(writer.db().open());
        QVERIFY(QSqlQuery(writer.db()).exec(QStringLiteral("CREATE TABLE t (x)")));
    }
    const DatabaseUrl url =
        DatabaseUrl::parse(QLatin1String("sqlite:///") + path + QLatin1String("?mode=ro"));
    ScopedConnection reader(url.driverName());
    url.configure(reader.db());
    QVERIFY(reader.db().open());
    QSqlQuery query(reader.db());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM t")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
}

void TestDatabaseUrl::openSqliteRelative()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const DatabaseUrl url = DatabaseUrl::parse(QStringLiteral("sqlite:///sub%20dir.db"));
    QCOMPARE(url.databaseName(), QStringLiteral("sub dir.db"));
    {
        ScopedConnection connection(url.driverName());
        url.configure(connection.db());
        const bool opened = connection.db().open();
        QDir::setCurrent(previous);
        QVERIFY(opened);
        QVERIFY(QSqlQuery(connection.db()).exec(QStringLiteral("CREATE TABLE t (x)")));
    }
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("sub dir.db"))));
}

void TestDatabaseUrl::openSqliteMemory()
{
    const DatabaseUrl url = DatabaseUrl::parse(QStringLiteral("sqlite://"));
    QVERIFY(url.isSqliteMemory());
    ScopedConnection connection(url.driverName());
    url.configure(connection.db());
    QVERIFY(connection.db().open());
    QSqlQuery query(connection.db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (x)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (42)")));
    QVERIFY(query.exec(QStringLiteral("SELECT x FROM t")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 42);
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
