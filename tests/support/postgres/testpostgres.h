// SPDX-License-Identifier: Apache-2.0
// The test suite's PostgreSQL server (CTest fixture `postgres`, see PostgresFixture.cmake).
// Both functions return an empty string, with a warning that says why, when the server is not
// there: the caller QFAILs, since the suite must run against a real server.
#pragma once

#include <QFile>
#include <QString>
#include <QtGlobal>

namespace retort::testsupport {

inline QString readPostgresFixtureFile(const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_TEST_PG_DIR");
    if (dir.isEmpty()) {
        qWarning("RETORT_TEST_PG_DIR is not set: run this test through ctest, which starts the "
                 "PostgreSQL fixture (tests/support/postgres/pgserver.sh)");
        return {};
    }
    QFile file(dir + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s: %s (did the postgres_start test fail?)",
                 qUtf8Printable(file.fileName()), qUtf8Printable(file.errorString()));
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace retort::testsupport

// postgresql://retort_user:<password>@127.0.0.1:<port>/retort_test (not a superuser; CREATEDB).
inline QString retortTestPostgresUrl()
{
    return retort::testsupport::readPostgresFixtureFile(QStringLiteral("url"));
}

// postgresql://retort_admin:<password>@127.0.0.1:<port>/postgres (superuser).
inline QString retortTestPostgresAdminUrl()
{
    return retort::testsupport::readPostgresFixtureFile(QStringLiteral("admin_url"));
}
