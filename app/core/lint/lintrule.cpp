// SPDX-License-Identifier: Apache-2.0
#include "lint/lintrule.h"

#include <QCoreApplication>

namespace retort {

QString lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info:
        return QStringLiteral("info");
    case LintSeverity::Warning:
        return QStringLiteral("warning");
    case LintSeverity::Error:
        return QStringLiteral("error");
    }
    return {};
}

bool lintSeverityFromName(const QString& name, LintSeverity* severity)
{
    for (LintSeverity candidate : {LintSeverity::Info, LintSeverity::Warning, LintSeverity::Error}) {
        if (name.compare(lintSeverityName(candidate), Qt::CaseInsensitive) == 0) {
            *severity = candidate;
            return true;
        }
    }
    return false;
}

QString LintRule::title() const
{
    return QCoreApplication::translate("LintRules", summary);
}

QString LintRule::effectText() const
{
    return QCoreApplication::translate("LintRules", effect);
}

} // namespace retort
