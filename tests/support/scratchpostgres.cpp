// SPDX-License-Identifier: Apache-2.0
#include "scratchpostgres.h"

#include "postgres/testpostgres.h"
#include "database/databaseconnection.h"
#include "common/error.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace retort::testsupport {

namespace {

bool adminExec(const QString& adminUrl, const QString& sql)
{
    try {
        DatabaseConnection admin(DatabaseUrl::parse(adminUrl), QStringLiteral("scratch-admin"));
        QSqlQuery query(admin.db());
        if (query.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    } catch (const Error& error) {
        qWarning("%s", error.what());
    }
    return false;
}

} // namespace

ScratchPostgres::ScratchPostgres(const QString& name)
    : m_admin(retortTestPostgresAdminUrl()),
      m_database(QStringLiteral("%1_%2").arg(name).arg(QCoreApplication::applicationPid()))
{
    const QString user = retortTestPostgresUrl();
    if (m_admin.isEmpty() || user.isEmpty())
        return;
    if (adminExec(m_admin, QStringLiteral("CREATE DATABASE %1 OWNER retort_user").arg(m_database)))
        m_url = user.left(user.lastIndexOf(u'/') + 1) + m_database;
}

ScratchPostgres::~ScratchPostgres()
{
    if (isValid())
        adminExec(m_admin, QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_database));
}

} // namespace retort::testsupport
