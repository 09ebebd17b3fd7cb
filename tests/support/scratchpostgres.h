// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace retort::testsupport {

// A fresh database on the test suite's PostgreSQL server (see tests/support/postgres/testpostgres.h), owned
// by the unprivileged test user, dropped again (WITH FORCE) by the destructor.
class ScratchPostgres
{
public:
    // `name` must be a plain identifier; the process id is appended to keep parallel tests apart.
    explicit ScratchPostgres(const QString& name);
    ~ScratchPostgres();
    ScratchPostgres(const ScratchPostgres&) = delete;
    ScratchPostgres& operator=(const ScratchPostgres&) = delete;

    // Empty (with a warning) when there is no server or the database could not be made.
    const QString& url() const { return m_url; }
    bool isValid() const { return !m_url.isEmpty(); }

private:
    QString m_admin;
    QString m_database;
    QString m_url;
};

// Databases on the server of `url` named `<prefix>_<pid>_...` (as Retort names its temporary
// databases: retort_dev, retort_scratch) whose process has ended: left behind. Databases of
// processes still running (other tests, in parallel) are not listed.
QStringList leftBehindDatabases(const QString& url, const QString& prefix);

// `pg_dump --schema-only` of the database `url` names (the password travels in the
// environment, not in argv). Throws Error(Database) with pg_dump's message when it fails.
QString pgDumpSchema(const QString& url);

} // namespace retort::testsupport
