// SPDX-License-Identifier: Apache-2.0
#include "lint/sarifreport.h"

#include "lint/lintrules.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QUrl>

namespace retort {

namespace {

QString sarifLevel(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info:
        return QStringLiteral("note");
    case LintSeverity::Warning:
        return QStringLiteral("warning");
    case LintSeverity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("warning");
}

QString family(const LintRule& rule)
{
    switch (rule.code[2]) {
    case '1':
        return QStringLiteral("destructive");
    case '2':
        return QStringLiteral("data-dependent");
    case '3':
        return QStringLiteral("postgresql-locks");
    case '4':
        return QStringLiteral("transactions");
    case '5':
        return QStringLiteral("compatibility");
    case '6':
        return QStringLiteral("style");
    case '7':
        return QStringLiteral("mysql");
    case '8':
        return QStringLiteral("sqlite");
    }
    return {};
}

QJsonArray dialectNames(unsigned dialects)
{
    QJsonArray names;
    for (Dialect dialect : {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql}) {
        if (dialects & lintDialectBit(dialect))
            names.append(dialectName(dialect));
    }
    return names;
}

QJsonObject ruleDescriptor(const LintRule& rule, const LintConfig& config)
{
    const QString code = QString::fromLatin1(rule.code);
    return {
        {QStringLiteral("id"), code},
        {QStringLiteral("name"), QString::fromLatin1(rule.name)},
        {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), rule.title()}}},
        {QStringLiteral("fullDescription"), QJsonObject{{QStringLiteral("text"), rule.title()}}},
        {QStringLiteral("help"),
         QJsonObject{{QStringLiteral("text"),
                      QString(rule.title() + QStringLiteral(" (docs/lint.md, section ") + code +
                              u')')}}},
        {QStringLiteral("defaultConfiguration"),
         QJsonObject{{QStringLiteral("enabled"), config.isEnabled(rule)},
                     {QStringLiteral("level"), sarifLevel(config.severity(rule))}}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("tags"), QJsonArray{family(rule)}},
                     {QStringLiteral("dialects"), dialectNames(rule.dialects)}}},
    };
}

QJsonObject region(int line, int column, int endLine, int endColumn)
{
    return {
        {QStringLiteral("startLine"), qMax(1, line)},
        {QStringLiteral("startColumn"), qMax(1, column)},
        {QStringLiteral("endLine"), qMax(qMax(1, line), endLine)},
        {QStringLiteral("endColumn"), qMax(1, endColumn)},
    };
}

QString relativeUri(const QString& path)
{
    QUrl url;
    url.setPath(path);
    return QString::fromLatin1(url.toEncoded());
}

QJsonObject artifactLocation(const QString& path, const QDir& base)
{
    const QString relative = base.relativeFilePath(path);
    if (!path.isEmpty() && QDir::isAbsolutePath(path) && !relative.startsWith(QLatin1String("../")) &&
        relative != QLatin1String(".."))
        return {{QStringLiteral("uri"), relativeUri(relative)},
                {QStringLiteral("uriBaseId"), QStringLiteral("SRCROOT")}};
    if (QDir::isAbsolutePath(path))
        return {{QStringLiteral("uri"),
                 QString::fromLatin1(QUrl::fromLocalFile(path).toEncoded())}};
    return {{QStringLiteral("uri"), relativeUri(path)}};
}

QJsonObject result(const LintFinding& finding, const QDir& base)
{
    const LintRule* rule = LintRules::find(finding.code);
    QJsonArray dialects;
    for (Dialect dialect : finding.dialects)
        dialects.append(dialectName(dialect));
    // Stable across line shifts: the rule, the file, the statement and the message.
    const QByteArray fingerprint =
        QCryptographicHash::hash((finding.code + u'\n' + base.relativeFilePath(finding.path) +
                                  u'\n' + finding.statement + u'\n' + finding.message)
                                     .toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    return {
        {QStringLiteral("ruleId"), finding.code},
        {QStringLiteral("ruleIndex"), rule ? LintRules::indexOf(*rule) : -1},
        {QStringLiteral("level"), sarifLevel(finding.severity)},
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), finding.message}}},
        {QStringLiteral("locations"),
         QJsonArray{QJsonObject{
             {QStringLiteral("physicalLocation"),
              QJsonObject{
                  {QStringLiteral("artifactLocation"), artifactLocation(finding.path, base)},
                  {QStringLiteral("region"),
                   region(finding.line, finding.column, finding.endLine, finding.endColumn)},
                  {QStringLiteral("contextRegion"),
                   region(finding.statementLine, finding.statementColumn,
                          finding.statementEndLine, finding.statementEndColumn)},
              }}}}},
        {QStringLiteral("partialFingerprints"),
         QJsonObject{{QStringLiteral("retortFinding/v1"), QString::fromLatin1(fingerprint)}}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("revision"), finding.revision},
                     {QStringLiteral("direction"), finding.direction == Direction::Upgrade
                                                       ? QStringLiteral("upgrade")
                                                       : QStringLiteral("downgrade")},
                     {QStringLiteral("dialects"), dialects}}},
    };
}

} // namespace

QJsonObject SarifReport::build(const QVector<LintFinding>& findings, const LintConfig& config,
                               const QString& baseDirectory, const QString& toolVersion)
{
    const QDir base(baseDirectory);
    QJsonArray rules;
    for (const LintRule& rule : LintRules::all())
        rules.append(ruleDescriptor(rule, config));
    QJsonArray results;
    for (const LintFinding& finding : findings)
        results.append(result(finding, base));
    QString baseUri = QString::fromLatin1(QUrl::fromLocalFile(base.absolutePath()).toEncoded());
    if (!baseUri.endsWith(u'/'))
        baseUri += u'/';
    const QJsonObject driver{
        {QStringLiteral("name"), QStringLiteral("retort")},
        {QStringLiteral("fullName"), QStringLiteral("Retort migration lint")},
        {QStringLiteral("version"), toolVersion},
        {QStringLiteral("rules"), rules},
    };
    const QJsonObject run{
        {QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
        {QStringLiteral("originalUriBaseIds"),
         QJsonObject{{QStringLiteral("SRCROOT"), QJsonObject{{QStringLiteral("uri"), baseUri}}}}},
        {QStringLiteral("columnKind"), QStringLiteral("utf16CodeUnits")},
        {QStringLiteral("results"), results},
    };
    return {
        {QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"), QJsonArray{run}},
    };
}

} // namespace retort
