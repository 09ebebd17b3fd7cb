// SPDX-License-Identifier: Apache-2.0
#include "lint/lintconfig.h"

#include "lint/lintrules.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace retort {

namespace {

// QSettings turns an unquoted value with commas into a list; this puts it back together.
QString settingText(const QSettings& settings, const QString& key)
{
    const QVariant value = settings.value(key);
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QStringLiteral(", "));
    return value.toString().trimmed();
}

} // namespace

LintConfig::LintConfig()
{
    const QVector<LintRule>& rules = LintRules::all();
    m_enabled.reserve(rules.size());
    m_severities.reserve(rules.size());
    for (const LintRule& rule : rules) {
        m_enabled.append(rule.enabledByDefault ? 1 : 0);
        m_severities.append(rule.severity);
    }
    m_disabled.fill(0, rules.size());
}

QVector<const LintRule*> LintConfig::rulesOf(const QString& selection, const QString& where,
                                             ErrorKind kind)
{
    QStringList unknown;
    QVector<const LintRule*> rules = LintRules::select(selection, &unknown);
    if (!unknown.isEmpty())
        throw Error(kind, where + QStringLiteral(": ") + tr("unknown lint rule") +
                              QStringLiteral(" '") + unknown.join(QStringLiteral("', '")) +
                              QStringLiteral("' (") +
                              tr("`retort lint --list-rules` lists them") + u')');
    return rules;
}

void LintConfig::enable(const QString& selection, const QString& where, ErrorKind kind)
{
    for (const LintRule* rule : rulesOf(selection, where, kind))
        m_enabled[LintRules::indexOf(*rule)] = 1;
}

void LintConfig::disable(const QString& selection, const QString& where, ErrorKind kind)
{
    for (const LintRule* rule : rulesOf(selection, where, kind))
        m_disabled[LintRules::indexOf(*rule)] = 1;
}

void LintConfig::setSeverity(const QString& selection, LintSeverity severity,
                             const QString& where, ErrorKind kind)
{
    for (const LintRule* rule : rulesOf(selection, where, kind)) {
        m_enabled[LintRules::indexOf(*rule)] = 1;
        m_severities[LintRules::indexOf(*rule)] = severity;
    }
}

bool LintConfig::isEnabled(const LintRule& rule) const
{
    const int index = LintRules::indexOf(rule);
    return m_enabled[index] && !m_disabled[index];
}

LintSeverity LintConfig::severity(const LintRule& rule) const
{
    return m_severities[LintRules::indexOf(rule)];
}

LintConfig LintConfig::load(const QString& iniPath)
{
    LintConfig config;
    if (iniPath.isEmpty() || !QFileInfo(iniPath).isFile())
        return config;
    QSettings settings(iniPath, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("lint"));
    const auto where = [&](const QString& key) -> QString { return iniPath + QStringLiteral(": [lint] ") + key; };
    const auto fail = [&](const QString& key, const QString& what) {
        throw Error(ErrorKind::Config, where(key) + QStringLiteral(": ") + what);
    };
    static const QStringList known = {
        QStringLiteral("dialects"), QStringLiteral("pg_version"),   QStringLiteral("mysql_version"),
        QStringLiteral("enable"),   QStringLiteral("disable"),      QStringLiteral("error"),
        QStringLiteral("warning"),  QStringLiteral("info"),         QStringLiteral("fail_on"),
    };
    for (const QString& key : settings.childKeys()) {
        if (!known.contains(key))
            fail(key, tr("unknown setting (known: %1)").arg(known.join(QStringLiteral(", "))));
    }
    if (const QString dialects = settingText(settings, QStringLiteral("dialects"));
        !dialects.isEmpty()) {
        static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
        config.dialects.clear();
        for (const QString& name : dialects.split(separators, Qt::SkipEmptyParts)) {
            const std::optional<Dialect> dialect = dialectFromName(name.toLower());
            if (!dialect)
                fail(QStringLiteral("dialects"),
                     tr("unknown dialect '%1' (sqlite, postgresql or mysql)").arg(name));
            if (!config.dialects.contains(*dialect))
                config.dialects.append(*dialect);
        }
    }
    if (const QString version = settingText(settings, QStringLiteral("pg_version"));
        !version.isEmpty() && !config.target.setPostgres(version))
        fail(QStringLiteral("pg_version"),
             tr("'%1' is not a PostgreSQL version (for example 15)").arg(version));
    if (const QString version = settingText(settings, QStringLiteral("mysql_version"));
        !version.isEmpty() && !config.target.setMySql(version))
        fail(QStringLiteral("mysql_version"),
             tr("'%1' is not a MySQL or MariaDB version (for example 8.0 or mariadb-10.11)")
                 .arg(version));
    const auto apply = [&](const char* key, const auto& action) {
        const QString name = QLatin1String(key);
        if (const QString value = settingText(settings, name); !value.isEmpty())
            action(value, where(name));
    };
    apply("enable", [&](const QString& value, const QString& at) { config.enable(value, at); });
    for (LintSeverity severity : {LintSeverity::Info, LintSeverity::Warning, LintSeverity::Error}) {
        const QByteArray key = lintSeverityName(severity).toLatin1();
        apply(key.constData(), [&](const QString& value, const QString& at) {
            config.setSeverity(value, severity, at);
        });
    }
    apply("disable", [&](const QString& value, const QString& at) { config.disable(value, at); });
    if (const QString failOn = settingText(settings, QStringLiteral("fail_on")); !failOn.isEmpty()) {
        if (failOn == QLatin1String("warning"))
            config.failOn = LintFailOn::Warning;
        else if (failOn != QLatin1String("error"))
            fail(QStringLiteral("fail_on"), tr("expected error or warning, found '%1'").arg(failOn));
    }
    return config;
}

} // namespace retort
