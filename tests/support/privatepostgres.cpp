// SPDX-License-Identifier: Apache-2.0
#include "privatepostgres.h"

#include <QFile>
#include <QProcess>

namespace retort::testsupport {

PrivatePostgres::PrivatePostgres()
{
    // As root the server runs as `postgres`, which must be able to enter the folder.
    QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ReadGroup |
                                            QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    m_started = script(QStringLiteral("start"));
    if (m_started) {
        m_url = readUrl(QStringLiteral("pg/url"));
        m_adminUrl = readUrl(QStringLiteral("pg/admin_url"));
    }
}

QString PrivatePostgres::readUrl(const QString& file) const
{
    QFile url(m_dir.filePath(file));
    return url.open(QIODevice::ReadOnly) ? QString::fromUtf8(url.readAll()).trimmed() : QString();
}

PrivatePostgres::~PrivatePostgres()
{
    if (m_started)
        script(QStringLiteral("stop"));
}

bool PrivatePostgres::script(const QString& command)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // pgserver.sh turns syncing off for tests; its extra lines come last and win.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RETORT_PG_EXTRA_CONF"),
                       QStringLiteral("fsync = on\nfull_page_writes = on\nsynchronous_commit = on\n"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("bash"),
                  {QStringLiteral(RETORT_SOURCE_DIR "/tests/support/postgres/pgserver.sh"), command,
                   m_dir.filePath(QStringLiteral("pg"))});
    return process.waitForFinished(180000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

QString benchmarkPostgresUrl(std::unique_ptr<PrivatePostgres>& server)
{
    const QString fromEnvironment = qEnvironmentVariable("RETORT_BENCH_PG_URL");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    server = std::make_unique<PrivatePostgres>();
    return server->url();
}

} // namespace retort::testsupport
