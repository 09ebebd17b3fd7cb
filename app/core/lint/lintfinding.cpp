// SPDX-License-Identifier: Apache-2.0
#include "lint/lintfinding.h"

#include "lint/lintrules.h"

#include <QJsonArray>

namespace retort {

QString LintFinding::toText(const QVector<Dialect>& allDialects) const
{
    QString text = path + u':' + QString::number(line) + QStringLiteral(": ") + code + u' ' +
                   lintSeverityName(severity) + QStringLiteral(": ") + message;
    if (dialects.size() < allDialects.size()) {
        QStringList names;
        for (Dialect dialect : dialects)
            names << dialectName(dialect);
        text += QStringLiteral(" [") + names.join(QStringLiteral(", ")) + u']';
    }
    return text;
}

QJsonObject LintFinding::toJson() const
{
    QJsonArray dialectNames;
    for (Dialect dialect : dialects)
        dialectNames.append(dialectName(dialect));
    const LintRule* rule = LintRules::find(code);
    return {
        {QStringLiteral("code"), code},
        {QStringLiteral("rule"), rule ? QString::fromLatin1(rule->name) : QString()},
        {QStringLiteral("severity"), lintSeverityName(severity)},
        {QStringLiteral("reason"), rule ? rule->title() : QString()},
        {QStringLiteral("message"), message},
        {QStringLiteral("revision"), revision},
        {QStringLiteral("direction"),
         direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade")},
        {QStringLiteral("path"), path},
        {QStringLiteral("line"), line},
        {QStringLiteral("column"), column},
        {QStringLiteral("end_line"), endLine},
        {QStringLiteral("end_column"), endColumn},
        {QStringLiteral("statement_line"), statementLine},
        {QStringLiteral("statement_column"), statementColumn},
        {QStringLiteral("statement_end_line"), statementEndLine},
        {QStringLiteral("statement_end_column"), statementEndColumn},
        {QStringLiteral("statement"), statement},
        {QStringLiteral("dialects"), dialectNames},
    };
}

} // namespace retort
