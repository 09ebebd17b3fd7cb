// SPDX-License-Identifier: Apache-2.0
#include "lint/linttarget.h"

#include <QRegularExpression>

namespace retort {

bool LintTarget::setPostgres(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)(?:\\.\\d+)*$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const int major = match.captured(1).toInt();
    if (major < 8 || major > 99)
        return false;
    postgresMajor = major;
    return true;
}

bool LintTarget::setMySql(const QString& text)
{
    QString version = text.trimmed().toLower();
    bool isMariadb = false;
    for (const QLatin1String marker : {QLatin1String("mariadb-"), QLatin1String("-mariadb")}) {
        if (version.contains(marker)) {
            isMariadb = true;
            version.remove(marker);
        }
    }
    version.remove(QStringLiteral("mysql-"));
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch match = pattern.match(version);
    if (!match.hasMatch())
        return false;
    const int major = match.captured(1).toInt();
    const int minor = match.captured(2).toInt();
    const int patch = match.captured(3).isEmpty() ? 99 : qMin(99, match.captured(3).toInt());
    if (major < 5 || major > 99 || minor > 99)
        return false;
    mariadb = isMariadb || major >= 10; // MySQL went from 5.7 to 8.0; MariaDB from 5.5 to 10.0
    mysqlVersion = major * 10000 + minor * 100 + patch;
    return true;
}

QString LintTarget::mysqlText() const
{
    QString text = QString::number(mysqlVersion / 10000) + u'.' +
                   QString::number(mysqlVersion / 100 % 100);
    if (mysqlVersion % 100 != 99)
        text += u'.' + QString::number(mysqlVersion % 100);
    return mariadb ? QStringLiteral("MariaDB ") + text : QStringLiteral("MySQL ") + text;
}

} // namespace retort
