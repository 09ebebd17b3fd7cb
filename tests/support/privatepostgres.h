// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace retort::testsupport {

// A private PostgreSQL server for benchmark programs, started with tests/support/postgres/pgserver.sh in a
// temporary folder and stopped by the destructor. (Tests use the CTest fixture instead.)
// Unlike the test server it syncs every commit to disk, as a production server does, so
// that benchmarks measure what users will see.
class PrivatePostgres
{
public:
    PrivatePostgres();
    ~PrivatePostgres();
    PrivatePostgres(const PrivatePostgres&) = delete;
    PrivatePostgres& operator=(const PrivatePostgres&) = delete;

    // retort_user on retort_test, the database's owner (not a superuser); empty when the server
    // could not be started.
    const QString& url() const { return m_url; }
    // The superuser retort_admin on database postgres, for server-wide housekeeping (CHECKPOINT).
    const QString& adminUrl() const { return m_adminUrl; }

private:
    bool script(const QString& command);
    QString readUrl(const QString& file) const;

    QTemporaryDir m_dir;
    bool m_started = false;
    QString m_url;
    QString m_adminUrl;
};

// RETORT_BENCH_PG_URL when set (an empty, disposable database), else a PrivatePostgres
// started into `server`. Empty when neither is there.
QString benchmarkPostgresUrl(std::unique_ptr<PrivatePostgres>& server);

} // namespace retort::testsupport
