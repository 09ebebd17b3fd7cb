// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "common/error.h"
#include "lint/lintrule.h"
#include "lint/linttarget.h"

#include <QCoreApplication>
#include <QVector>

namespace retort {

// When `retort lint` exits 1: on an error finding (the default), or on a warning too.
enum class LintFailOn { Error, Warning };

// Which rules run, at which severity, for which dialects and server versions: the [lint]
// section of retort.ini (docs/lint.md, "Configuration"), then the command line on top.
//
//     [lint]
//     dialects = sqlite, postgresql ; the dialects to lint (default: these two)
//     pg_version = 15               ; PostgreSQL the scripts run on
//     mysql_version = 8.0           ; MySQL, or MariaDB as mariadb-10.11
//     enable = RT601 prefer-identity ; opt-in rules to turn on (codes, names, RT6xx, all)
//     disable = RT105               ; rules never reported
//     error = RT301                 ; rules reported as errors (also: warning =, info =)
//     fail_on = error               ; or warning: exit 1 on warnings too
class LintConfig
{
    Q_DECLARE_TR_FUNCTIONS(LintConfig)

public:
    LintConfig();

    QVector<Dialect> dialects = {Dialect::Sqlite, Dialect::PostgreSql};
    LintTarget target;
    LintFailOn failOn = LintFailOn::Error;

    // Reads the [lint] section of a retort.ini (none: the defaults). Throws Error(Config)
    // naming the file and key for an unknown key, rule, dialect, version or severity.
    static LintConfig load(const QString& iniPath);

    // Rule switches; `selection` as LintRules::select(). Throw Error(kind) naming `where` and
    // the unknown entries. Enabling and setting a severity turn a rule on; disabling wins.
    void enable(const QString& selection, const QString& where, ErrorKind kind = ErrorKind::Config);
    void disable(const QString& selection, const QString& where, ErrorKind kind = ErrorKind::Config);
    void setSeverity(const QString& selection, LintSeverity severity, const QString& where,
                     ErrorKind kind = ErrorKind::Config);

    bool isEnabled(const LintRule& rule) const;
    LintSeverity severity(const LintRule& rule) const;
    bool fails(LintSeverity severity) const
    {
        return severity == LintSeverity::Error ||
               (failOn == LintFailOn::Warning && severity == LintSeverity::Warning);
    }

private:
    static QVector<const LintRule*> rulesOf(const QString& selection, const QString& where,
                                            ErrorKind kind);

    QVector<qint8> m_enabled;           // per rule (LintRules::indexOf): 0 off, 1 on
    QVector<qint8> m_disabled;          // 1: disabled explicitly (wins over enabling)
    QVector<LintSeverity> m_severities; // per rule
};

} // namespace retort
