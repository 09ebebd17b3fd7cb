// SPDX-License-Identifier: Apache-2.0
#include "database/databaseconnection.h"

#include "common/error.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSysInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <dlfcn.h>
#include <libpq-fe.h>

namespace retort {

namespace {

QAtomicInteger<quint64> g_connectionSerial;

bool hasQueryItem(const DatabaseUrl& url, const QString& name)
{
    for (const auto& item : url.queryItems()) {
        if (item.first == name)
            return true;
    }
    return false;
}

// A libpq keyword value in single quotes, with quotes and backslashes escaped.
QString libpqQuoted(QString value)
{
    value.replace(u'\\', QLatin1String("\\\\"));
    value.replace(u'\'', QLatin1String("\\'"));
    return u'\'' + value + u'\'';
}

// The libpq functions Retort calls itself, from the copy the QPSQL plugin has loaded. Linking
// libpq would load it, and TLS, Kerberos and LDAP behind it, at every start of the CLI, even
// for commands that never touch a database.
struct LoadedLibPq
{
    decltype(&PQsetNoticeReceiver) setNoticeReceiver = nullptr;
    decltype(&PQresultErrorField) resultErrorField = nullptr;
    decltype(&PQbackendPID) backendPid = nullptr;

    // Empty until a PostgreSQL connection has been opened.
    static LoadedLibPq find()
    {
        LoadedLibPq libpq;
        if (void* library = dlopen("libpq.so.5", RTLD_LAZY | RTLD_NOLOAD)) {
            libpq.setNoticeReceiver = reinterpret_cast<decltype(&PQsetNoticeReceiver)>(
                dlsym(library, "PQsetNoticeReceiver"));
            libpq.resultErrorField = reinterpret_cast<decltype(&PQresultErrorField)>(
                dlsym(library, "PQresultErrorField"));
            libpq.backendPid =
                reinterpret_cast<decltype(&PQbackendPID)>(dlsym(library, "PQbackendPID"));
            dlclose(library); // only drops the reference NOLOAD took; the plugin keeps it
        }
        return libpq;
    }
    bool isValid() const { return setNoticeReceiver && resultErrorField && backendPid; }
};

const LoadedLibPq& libpq()
{
    static const LoadedLibPq loaded = LoadedLibPq::find();
    return loaded;
}

QString sessionOptions(const DatabaseUrl& url)
{
    QStringList options;
    const QString fromUrl = url.connectOptionsWithBounds();
    if (!fromUrl.isEmpty())
        options.append(fromUrl);
    if (url.dialect() == Dialect::PostgreSql && !hasQueryItem(url, QStringLiteral("application_name"))) {
        const QString name = QStringLiteral("retort %1 pid %2")
                                 .arg(currentUserAtHost())
                                 .arg(QCoreApplication::applicationPid());
        options.append(QStringLiteral("application_name=") + libpqQuoted(name));
    }
    if (url.dialect() == Dialect::Sqlite && !hasQueryItem(url, QStringLiteral("timeout")))
        options.append(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
    return options.join(u';');
}

} // namespace

Dialect dialectOf(const QSqlDatabase& db)
{
    const QString driver = db.driverName();
    if (driver == QLatin1String("QPSQL"))
        return Dialect::PostgreSql;
    if (driver == QLatin1String("QMYSQL") || driver == QLatin1String("QMARIADB"))
        return Dialect::MySql;
    return Dialect::Sqlite;
}

QString currentUserAtHost()
{
    // Asked once per step of a run: the environment and uname() once per process.
    static const QString userAtHost = []() -> QString {
        QString user = qEnvironmentVariable("USER");
        if (user.isEmpty())
            user = qEnvironmentVariable("LOGNAME", QStringLiteral("unknown"));
        return user + u'@' + QSysInfo::machineHostName();
    }();
    return userAtHost;
}

QString sqliteSidecarPath(const QString& database, const QString& suffix)
{
    if (database.isEmpty() || database == QLatin1String(":memory:"))
        return {};
    return database + suffix;
}

bool isMissingSqliteFile(const DatabaseUrl& url)
{
    return url.dialect() == Dialect::Sqlite && !url.isSqliteMemory() &&
           !QFileInfo::exists(url.databaseName());
}

DatabaseConnection::DatabaseConnection(const DatabaseUrl& url, const QString& purpose)
    : m_url(url)
{
    m_name = QStringLiteral("retort-%1-%2").arg(purpose.isEmpty() ? QStringLiteral("db") : purpose)
                 .arg(++g_connectionSerial);
    m_db = QSqlDatabase::addDatabase(url.driverName(), m_name);
    if (!m_db.isValid()) {
        m_db = {};
        QSqlDatabase::removeDatabase(m_name);
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("DatabaseConnection",
                                                "the Qt SQL driver %1 is not available (for %2)")
                        .arg(url.driverName(), url.masked()));
    }
    url.configure(m_db);
    m_db.setConnectOptions(sessionOptions(url));
    QElapsedTimer connecting;
    connecting.start();
    if (!m_db.open()) {
        QString text = m_db.lastError().text().trimmed();
        m_db = {};
        QSqlDatabase::removeDatabase(m_name);
        // libpq waits at least 2 s whatever connect_timeout says; its own text is only
        // "timeout expired".
        const int timeout = url.connectTimeoutSeconds();
        if (timeout > 0 && connecting.elapsed() >= qint64(timeout) * 1000 - 250) {
            text = QCoreApplication::translate(
                       "DatabaseConnection",
                       "the server did not answer within %1 s (connect_timeout=%2)")
                       .arg(double(connecting.elapsed()) / 1000.0, 0, 'f', 1)
                       .arg(timeout);
        }
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("DatabaseConnection", "cannot connect to %1: %2")
                        .arg(url.masked(), text));
    }
    if (url.dialect() == Dialect::PostgreSql) {
        const QVariant handle = m_db.driver()->handle();
        // QPSQL registers the handle under libpq's struct name.
        const bool isPgConn = qstrcmp(handle.typeName(), "pg_conn*") == 0 ||
                              qstrcmp(handle.typeName(), "PGconn*") == 0;
        if (isPgConn && libpq().isValid()) {
            auto* pg = *static_cast<PGconn* const*>(handle.constData());
            libpq().setNoticeReceiver(
                pg,
                [](void* self, const PGresult* result) { receiveNotice(self, result); }, this);
            m_backendPid = libpq().backendPid(pg); // known from the connection start, no query
        } else {
            QSqlQuery query(m_db);
            if (query.exec(QStringLiteral("SELECT pg_backend_pid()")) && query.next())
                m_backendPid = query.value(0).toLongLong();
        }
    } else if (url.dialect() == Dialect::Sqlite) {
        const QVariant handle = m_db.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_sqliteHandle = *static_cast<void* const*>(handle.constData());
    }
}

void DatabaseConnection::receiveNotice(void* connection, const void* pgResult)
{
    const auto* self = static_cast<const DatabaseConnection*>(connection);
    if (!self->m_noticeHandler)
        return;
    const auto* result = static_cast<const PGresult*>(pgResult);
    const auto field = libpq().resultErrorField;
    const char* severity = field(result, PG_DIAG_SEVERITY);
    QString text = QString::fromUtf8(severity ? severity : "NOTICE") + QLatin1String(": ") +
                   QString::fromUtf8(field(result, PG_DIAG_MESSAGE_PRIMARY));
    for (const auto& [code, label] : {std::pair{PG_DIAG_MESSAGE_DETAIL, "DETAIL"},
                                      std::pair{PG_DIAG_MESSAGE_HINT, "HINT"}}) {
        if (const char* value = field(result, code))
            text += u'\n' + QLatin1String(label) + QLatin1String(": ") + QString::fromUtf8(value);
    }
    self->m_noticeHandler(text);
}

DatabaseConnection::~DatabaseConnection()
{
    m_db.close();
    m_db = {};
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace retort
