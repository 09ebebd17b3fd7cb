// SPDX-License-Identifier: Apache-2.0
#include "schema/localpostgresserver.h"

#include "common/error.h"
#include "database/databaseconnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <csignal>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort {

namespace {

const QString kAdminRole = QStringLiteral("retort_admin");
const QString kFolderPrefix = QStringLiteral("retort-pg-");
// Bump when the cached cluster's initdb options change.
constexpr int kTemplateFormat = 2;

// Who runs the server: the current user, or `postgres` when we are root.
struct ServerAccount
{
    bool switchUser = false;
    uid_t uid = 0;
    gid_t gid = 0;

    static ServerAccount get()
    {
        ServerAccount account;
        account.uid = ::getuid();
        account.gid = ::getgid();
        if (account.uid != 0)
            return account;
        const passwd* entry = ::getpwnam("postgres");
        if (!entry)
            throw Error(ErrorKind::Database,
                        QCoreApplication::translate(
                            "retort", "a local PostgreSQL server cannot run as root, and there "
                                      "is no 'postgres' system account to run it as (it comes "
                                      "with the postgresql package)"));
        account.switchUser = true;
        account.uid = entry->pw_uid;
        account.gid = entry->pw_gid;
        return account;
    }

    void own(const QString& path) const
    {
        if (switchUser)
            (void)::lchown(QFile::encodeName(path).constData(), uid, gid);
    }
};

// Runs in the child between fork and exec: only async-signal-safe calls. A session of its
// own (terminal signals stay with us), the server account, and a signal when we die.
std::function<void()> childSetup(const ServerAccount& account, int deathSignal)
{
    const pid_t parent = ::getpid();
    return [account, deathSignal, parent] {
        ::setsid();
        if (account.switchUser &&
            (::setgroups(0, nullptr) != 0 || ::setgid(account.gid) != 0 ||
             ::setuid(account.uid) != 0))
            ::_exit(126);
        // After setuid: a change of credentials clears the parent-death signal.
        ::prctl(PR_SET_PDEATHSIG, deathSignal);
        if (::getppid() != parent)
            ::_exit(1);
    };
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C")); // log texts we read
    for (const char* name : {"PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

QString randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(data.begin(), data.end());
    return QString::fromLatin1(data.toHex());
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

// The first line of a file as a number; 0 when absent.
qint64 pidIn(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

// Folders of servers whose Retort process is gone (killed before it could clean up): their
// servers stopped on the parent-death signal, only the files remain.
void removeAbandonedFolders(const ServerAccount& account)
{
    const QDir temp(QDir::tempPath());
    const QStringList names =
        temp.entryList({kFolderPrefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString& name : names) {
        const QString path = temp.filePath(name);
        struct stat info;
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISDIR(info.st_mode) ||
            (info.st_uid != account.uid && info.st_uid != ::getuid()))
            continue;
        const qint64 owner = pidIn(path + QStringLiteral("/owner.pid"));
        if (owner == 0 || processAlive(owner) ||
            processAlive(pidIn(path + QStringLiteral("/data/postmaster.pid"))))
            continue;
        QDir(path).removeRecursively();
    }
}

// Copies one file's bytes, in the kernel where it can (QFile::copy goes through a
// temporary file per copy: seven times slower for a cluster's thousand files).
bool copyFile(const QString& from, const QString& to, const ServerAccount& account)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return false;
    const int out = ::open(QFile::encodeName(to).constData(),
                           O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    bool ok = out >= 0;
    if (ok) {
        for (;;) {
            const ssize_t copied = ::copy_file_range(in, nullptr, out, nullptr, 1 << 30, 0);
            if (copied == 0)
                break;
            if (copied < 0) {
                ok = false;
                break;
            }
        }
        if (account.switchUser && ::fchown(out, account.uid, account.gid) != 0)
            ok = false;
        ok = ::close(out) == 0 && ok;
    }
    ::close(in);
    return ok;
}

// Copies a cluster folder (regular files and folders only), private to the server account.
bool copyTree(const QString& from, const QString& to, const ServerAccount& account)
{
    if (!QDir().mkpath(to) || !QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner |
                                                              QFile::ExeOwner))
        return false;
    account.own(to);
    QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QFileInfo info = it.fileInfo();
        const QString target = to + source.mid(from.size());
        if (info.isSymLink())
            return false;
        if (info.isDir()) {
            if (::mkdir(QFile::encodeName(target).constData(), 0700) != 0)
                return false;
            account.own(target);
        } else if (!copyFile(source, target, account)) {
            return false;
        }
    }
    return true;
}

// Where the cluster made once per server version is kept; empty without a cache.
QString templateFolder(const QString& binDirectory, const QString& version)
{
    if (qEnvironmentVariableIntValue("RETORT_NO_CACHE") != 0)
        return {};
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (cache.isEmpty())
        return {};
    const QFileInfo binary(binDirectory + QStringLiteral("/postgres"));
    const QString key = QStringLiteral("%1\n%2\n%3\n%4\n%5")
                            .arg(binDirectory, version)
                            .arg(binary.lastModified().toMSecsSinceEpoch())
                            .arg(kTemplateFormat)
                            .arg(::getuid());
    return cache + QStringLiteral("/retort/postgres-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

// A port nobody listens on at the moment, below the ephemeral range (32768+) so outgoing
// connections do not take it meanwhile.
int freePort()
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int port = 20000 + int(QRandomGenerator::global()->bounded(12000));
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            break;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        ::close(fd);
        if (free)
            return port;
    }
    throw Error(ErrorKind::Database, QStringLiteral("no free TCP port on 127.0.0.1 for a local "
                                                    "PostgreSQL server"));
}

} // namespace

QString LocalPostgresServer::findBinaries(int preferredMajor)
{
    const QString fromEnvironment = qEnvironmentVariable("RETORT_PG_BIN");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QList<int> majors;
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int major = name.toInt(&ok);
        const QString bin = root.filePath(name + QStringLiteral("/bin/"));
        if (ok && QFileInfo(bin + QStringLiteral("initdb")).isExecutable() &&
            QFileInfo(bin + QStringLiteral("postgres")).isExecutable())
            majors.append(major);
    }
    if (majors.isEmpty())
        return {};
    std::sort(majors.begin(), majors.end());
    const int major = majors.contains(preferredMajor) ? preferredMajor : majors.last();
    return root.filePath(QString::number(major) + QStringLiteral("/bin"));
}

QString LocalPostgresServer::versionOf(const QString& binDirectory)
{
    QProcess process;
    process.setProcessEnvironment(childEnvironment());
    process.start(binDirectory + QStringLiteral("/postgres"), {QStringLiteral("-V")});
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

LocalPostgresServer::LocalPostgresServer(const Options& options) : m_options(options)
{
    m_deadline = QDateTime::currentMSecsSinceEpoch() + m_options.timeoutMs;
    m_version = versionOf(m_options.binDirectory);
    if (m_version.isEmpty())
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("retort", "cannot run %1/postgres: no local "
                                                          "PostgreSQL server binaries there")
                        .arg(m_options.binDirectory));
    try {
        prepareFolder();
        makeCluster();
        startServer();
        createReplayRole();
    } catch (...) {
        stop();
        throw;
    }
}

LocalPostgresServer::~LocalPostgresServer()
{
    stop();
}

void LocalPostgresServer::checkDeadline(const QString& what) const
{
    if (m_options.cancelled && m_options.cancelled())
        throw Error(ErrorKind::Cancelled,
                    QCoreApplication::translate("retort", "cancelled while starting a local "
                                                          "PostgreSQL server"));
    if (QDateTime::currentMSecsSinceEpoch() > m_deadline)
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("retort", "the local PostgreSQL server did not "
                                                          "start within %1 s (%2)")
                        .arg(m_options.timeoutMs / 1000)
                        .arg(what));
}

void LocalPostgresServer::prepareFolder()
{
    const ServerAccount account = ServerAccount::get();
    removeAbandonedFolders(account);
    m_folder = std::make_unique<QTemporaryDir>(QDir::tempPath() + u'/' + kFolderPrefix +
                                               QStringLiteral("XXXXXX"));
    if (!m_folder->isValid())
        throw Error(ErrorKind::Database,
                    QStringLiteral("cannot make a folder for a local PostgreSQL server: %1")
                        .arg(m_folder->errorString()));
    QFile owner(m_folder->filePath(QStringLiteral("owner.pid")));
    if (owner.open(QIODevice::WriteOnly))
        owner.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    owner.close();
    m_data = m_folder->filePath(QStringLiteral("data"));
    m_socket = m_folder->filePath(QStringLiteral("socket"));
    QDir().mkdir(m_socket);
    QFile::setPermissions(m_socket, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    account.own(m_folder->path());
    account.own(m_socket);
}

void LocalPostgresServer::runTool(const QString& program, const QStringList& arguments,
                                  const QString& what)
{
    QProcess process;
    process.setProcessEnvironment(childEnvironment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_folder->path());
    process.setChildProcessModifier(childSetup(ServerAccount::get(), SIGKILL));
    process.start(m_options.binDirectory + u'/' + program, arguments);
    if (!process.waitForStarted(10000))
        throw Error(ErrorKind::Database, QStringLiteral("cannot run %1: %2")
                                             .arg(program, process.errorString()));
    try {
        while (!process.waitForFinished(50))
            checkDeadline(what);
    } catch (...) {
        process.kill();
        process.waitForFinished(5000);
        throw;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        throw Error(ErrorKind::Database,
                    QStringLiteral("%1 failed (%2): %3")
                        .arg(program, what,
                             QString::fromLocal8Bit(process.readAll()).trimmed().right(2000)));
}

void LocalPostgresServer::makeCluster()
{
    const ServerAccount account = ServerAccount::get();
    const QString cached = templateFolder(m_options.binDirectory, m_version);
    if (!cached.isEmpty() && QFileInfo::exists(cached + QStringLiteral("/data/PG_VERSION")) &&
        copyTree(cached + QStringLiteral("/data"), m_data, account))
        return;
    QDir(m_data).removeRecursively(); // a copy that failed half-way
    runTool(QStringLiteral("initdb"),
            {QStringLiteral("-D"), m_data, QStringLiteral("-U"), kAdminRole,
             QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
             QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
             // 1 MB WAL segments instead of 16: less to copy for every server.
             QStringLiteral("--wal-segsize=1"),
             QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")},
            QStringLiteral("initdb"));
    if (cached.isEmpty())
        return;
    // Keep a copy for the next server; another process may be doing the same: the first
    // rename wins.
    const QString staging = cached + QStringLiteral(".tmp-") + randomHex(6);
    if (copyTree(m_data, staging + QStringLiteral("/data"), ServerAccount{}) &&
        QDir().rename(staging, cached))
        return;
    QDir(staging).removeRecursively();
}

void LocalPostgresServer::startServer()
{
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (tryStart(freePort()))
            return;
    }
    throw Error(ErrorKind::Database,
                QStringLiteral("the local PostgreSQL server found no free port: %1").arg(logTail()));
}

bool LocalPostgresServer::tryStart(int port)
{
    const QString log = m_folder->filePath(QStringLiteral("server.log"));
    QFile::remove(log);
    m_postgres = std::make_unique<QProcess>();
    m_postgres->setProcessEnvironment(childEnvironment());
    m_postgres->setWorkingDirectory(m_folder->path());
    m_postgres->setProcessChannelMode(QProcess::MergedChannels);
    m_postgres->setStandardOutputFile(log);
    // SIGQUIT: immediate shutdown, which also stops the server's own processes.
    m_postgres->setChildProcessModifier(childSetup(ServerAccount::get(), SIGQUIT));
    const auto setting = [](const QString& text) { return QStringList{QStringLiteral("-c"), text}; };
    QStringList arguments{QStringLiteral("-D"), m_data};
    arguments << setting(QStringLiteral("listen_addresses=127.0.0.1"))
              << setting(QStringLiteral("port=%1").arg(port))
              << setting(QStringLiteral("unix_socket_directories=") + m_socket)
              << setting(QStringLiteral("unix_socket_permissions=0700"))
              // Throwaway: nothing needs to survive a crash, and nothing needs vacuuming.
              << setting(QStringLiteral("fsync=off")) << setting(QStringLiteral("full_page_writes=off"))
              << setting(QStringLiteral("synchronous_commit=off"))
              << setting(QStringLiteral("autovacuum=off"))
              << setting(QStringLiteral("max_wal_size=1GB"))
              << setting(QStringLiteral("dynamic_shared_memory_type=mmap"))
              << setting(QStringLiteral("max_connections=20"))
              << setting(QStringLiteral("max_locks_per_transaction=512"))
              << setting(QStringLiteral("logging_collector=off"));
    m_postgres->start(m_options.binDirectory + QStringLiteral("/postgres"), arguments);
    if (!m_postgres->waitForStarted(10000))
        throw Error(ErrorKind::Database, QStringLiteral("cannot run %1/postgres: %2")
                                             .arg(m_options.binDirectory, m_postgres->errorString()));
    const QString pidFile = m_data + QStringLiteral("/postmaster.pid");
    for (;;) {
        if (m_postgres->waitForFinished(20)) {
            const QString tail = logTail();
            if (tail.contains(QLatin1String("could not bind")) ||
                tail.contains(QLatin1String("Address already in use")))
                return false;
            throw Error(ErrorKind::Database,
                        QStringLiteral("the local PostgreSQL server stopped while starting: %1")
                            .arg(tail));
        }
        QFile file(pidFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = file.readAll().split('\n');
            if (lines.size() > 7 && lines.at(7).trimmed() == "ready") {
                m_port = port;
                return true;
            }
        }
        checkDeadline(QStringLiteral("waiting for it to accept connections"));
    }
}

DatabaseUrl LocalPostgresServer::adminUrl(const QString& database) const
{
    return DatabaseUrl::parse(QStringLiteral("postgresql://%1@:%2/%3?host=%4")
                                  .arg(kAdminRole)
                                  .arg(m_port)
                                  .arg(database,
                                       QString::fromLatin1(QUrl::toPercentEncoding(m_socket))));
}

DatabaseUrl LocalPostgresServer::replayUrl(const QString& database) const
{
    return DatabaseUrl::parse(QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
                                  .arg(replayRole(), m_replayPassword)
                                  .arg(m_port)
                                  .arg(database));
}

void LocalPostgresServer::createReplayRole()
{
    m_replayPassword = randomHex(24);
    DatabaseConnection connection(adminUrl(), QStringLiteral("local-server"));
    QSqlQuery query(connection.db());
    // Not a superuser and no CREATEROLE: nothing it runs reaches the machine.
    if (!query.exec(QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                   "PASSWORD '%2'")
                        .arg(replayRole(), m_replayPassword)))
        throw Error(ErrorKind::Database,
                    QStringLiteral("cannot set up the local PostgreSQL server: %1")
                        .arg(query.lastError().text()));
}

QString LocalPostgresServer::logTail() const
{
    QFile file(m_folder->filePath(QStringLiteral("server.log")));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(no server log)");
    const QStringList lines = QString::fromLocal8Bit(file.readAll()).trimmed().split(u'\n');
    return lines.mid(std::max<qsizetype>(0, lines.size() - 10)).join(u'\n');
}

void LocalPostgresServer::stop()
{

    if (m_postgres && m_postgres->state() != QProcess::NotRunning) {
        const pid_t pid = pid_t(m_postgres->processId());
        ::kill(pid, SIGQUIT);
        if (!m_postgres->waitForFinished(10000)) {
            ::kill(pid, SIGKILL);
            m_postgres->waitForFinished(5000);
        }
    }
    m_postgres.reset();
    m_folder.reset(); // removes the cluster
}

} // namespace retort
