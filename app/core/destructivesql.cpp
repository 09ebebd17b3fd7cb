// SPDX-License-Identifier: Apache-2.0
#include "destructivesql.h"

#include <QRegularExpression>

namespace retort {

QString destructiveReason(const QString& statement)
{
    struct Rule
    {
        QRegularExpression pattern;
        const char* reason;
    };
    static const QRegularExpression::PatternOptions options =
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption;
    static const Rule rules[] = {
        {QRegularExpression(QStringLiteral("^\\s*DROP\\s+TABLE\\b"), options), "drops a table"},
        {QRegularExpression(QStringLiteral("^\\s*DROP\\s+(SCHEMA|DATABASE)\\b"), options), "drops a schema"},
        {QRegularExpression(QStringLiteral("^\\s*ALTER\\s+TABLE\\b.*\\bDROP\\s+(COLUMN\\s+)?(?!CONSTRAINT\\b|DEFAULT\\b|NOT\\b|INDEX\\b)\\S"), options),
         "drops a column"},
        {QRegularExpression(QStringLiteral("^\\s*TRUNCATE\\b"), options), "empties a table"},
        {QRegularExpression(QStringLiteral("^\\s*DELETE\\s+FROM\\b"), options), "deletes rows"},
    };
    for (const Rule& rule : rules) {
        if (rule.pattern.match(statement).hasMatch())
            return QString::fromLatin1(rule.reason);
    }
    return {};
}

} // namespace retort
