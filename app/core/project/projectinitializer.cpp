// SPDX-License-Identifier: Apache-2.0
#include "project/projectinitializer.h"

#include "common/error.h"

#include <QDir>
#include <QFile>

namespace retort {

namespace {

const char kTemplate[] = R"(; Retort project configuration (QSettings INI format).
[retort]
; Where the migration scripts live, relative to this file.
script_location = .
version_locations = versions
; The database, as an SQLAlchemy URL. ${VAR} and ${VAR:-default} are read from the
; environment; --url on the command line overrides this.
url = ${DATABASE_URL:-sqlite:///app.db}
; The table recording the current revision(s), as Alembic names it.
version_table = alembic_version
)";

} // namespace

QString ProjectInitializer::create(const QString& directory)
{
    QDir dir(QDir::current().absoluteFilePath(directory));
    if (dir.exists() && !dir.isEmpty()) {
        throw Error(ErrorKind::Usage, QStringLiteral("%1 already exists and is not empty; "
                                                     "'retort init' only creates new projects")
                                          .arg(dir.absolutePath()));
    }
    if (!dir.mkpath(QStringLiteral("versions"))) {
        throw Error(ErrorKind::Config,
                    QStringLiteral("cannot create %1").arg(dir.filePath(QStringLiteral("versions"))));
    }
    const QString configPath = dir.filePath(QStringLiteral("retort.ini"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        file.write(kTemplate) != qint64(sizeof kTemplate - 1) || !file.flush()) {
        throw Error(ErrorKind::Config,
                    QStringLiteral("cannot write %1: %2").arg(configPath, file.errorString()));
    }
    return configPath;
}

} // namespace retort
