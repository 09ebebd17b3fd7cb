// SPDX-License-Identifier: Apache-2.0
// lint: risky statements in migration scripts (codes in docs/lint.md).
#include "command.h"

#include "common/error.h"
#include "exitcode.h"
#include "graph/revisionresolver.h"
#include "lint/lintrules.h"
#include "lint/sarifreport.h"
#include "lint/scriptlinter.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>

namespace retort::cli {

namespace {

const QString kDialect = QStringLiteral("dialect");
const QString kDowngrade = QStringLiteral("downgrade");
const QString kFormat = QStringLiteral("format");
const QString kFailOn = QStringLiteral("fail-on");
const QString kPgVersion = QStringLiteral("pg-version");
const QString kMySqlVersion = QStringLiteral("mysql-version");
const QString kEnable = QStringLiteral("enable");
const QString kDisable = QStringLiteral("disable");
const QString kListRules = QStringLiteral("list-rules");

[[noreturn]] void usage(const QString& message)
{
    throw Error(ErrorKind::Usage, message);
}

// The [lint] section of the project's retort.ini (an alembic.ini has none), then the
// command line on top.
LintConfig requestedConfig(CliContext& context, bool needProject)
{
    LintConfig config;
    const ProjectConfig* project = nullptr;
    try {
        project = &context.config();
    } catch (const Error&) {
        if (needProject)
            throw;
    }
    if (project && project->format == ScriptFormat::Native)
        config = LintConfig::load(project->configPath);
    const QCommandLineParser& parser = context.parser;
    if (parser.isSet(kDialect)) {
        config.dialects.clear();
        static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
        for (const QString& value : parser.values(kDialect)) {
            for (const QString& name : value.split(separators, Qt::SkipEmptyParts)) {
                const std::optional<Dialect> dialect = dialectFromName(name);
                if (!dialect)
                    usage(QStringLiteral("unknown dialect '") + name +
                          QStringLiteral("' (sqlite, postgresql or mysql)"));
                if (!config.dialects.contains(*dialect))
                    config.dialects.append(*dialect);
            }
        }
    }
    if (parser.isSet(kPgVersion) && !config.target.setPostgres(parser.value(kPgVersion)))
        usage(QStringLiteral("--pg-version: '") + parser.value(kPgVersion) +
              QStringLiteral("' is not a PostgreSQL version (for example 15)"));
    if (parser.isSet(kMySqlVersion) && !config.target.setMySql(parser.value(kMySqlVersion)))
        usage(QStringLiteral("--mysql-version: '") + parser.value(kMySqlVersion) +
              QStringLiteral("' is not a MySQL or MariaDB version (for example 8.0 or "
                             "mariadb-10.11)"));
    for (const QString& value : parser.values(kEnable))
        config.enable(value, QStringLiteral("--enable"), ErrorKind::Usage);
    for (const QString& value : parser.values(kDisable))
        config.disable(value, QStringLiteral("--disable"), ErrorKind::Usage);
    if (parser.isSet(kFailOn)) {
        const QString failOn = parser.value(kFailOn);
        if (failOn == QLatin1String("warning"))
            config.failOn = LintFailOn::Warning;
        else if (failOn == QLatin1String("error"))
            config.failOn = LintFailOn::Error;
        else
            usage(QStringLiteral("--fail-on: expected error or warning, found '") + failOn + u'\'');
    }
    return config;
}

enum class Format { Text, Json, Sarif };

Format requestedFormat(const CliContext& context)
{
    if (!context.parser.isSet(kFormat))
        return context.json() ? Format::Json : Format::Text;
    const QString format = context.parser.value(kFormat);
    if (format == QLatin1String("text"))
        return Format::Text;
    if (format == QLatin1String("json"))
        return Format::Json;
    if (format == QLatin1String("sarif"))
        return Format::Sarif;
    usage(QStringLiteral("--format: expected text, json or sarif, found '") + format + u'\'');
}

QVector<int> requestedRevisions(CliContext& context)
{
    const RevisionResolver resolver(context.project().graph());
    QVector<int> revisions;
    for (const QString& name : context.arguments()) {
        for (int revision : resolver.resolve(name)) {
            if (!revisions.contains(revision))
                revisions.append(revision);
        }
    }
    return revisions;
}

// Paths under the working directory print relative to it, as compilers print them.
QString displayPath(const QString& path)
{
    const QString relative = QDir::current().relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

void printText(CliContext& context, const QVector<LintFinding>& findings,
               const QVector<Dialect>& dialects)
{
    int counts[3] = {0, 0, 0};
    for (LintFinding finding : findings) {
        finding.path = displayPath(finding.path);
        context.out << finding.toText(dialects) << '\n'
                    << "    " << finding.statement.section(u'\n', 0, 0) << '\n';
        ++counts[int(finding.severity)];
    }
    if (!findings.isEmpty())
        context.out << counts[int(LintSeverity::Error)] << " error(s), "
                    << counts[int(LintSeverity::Warning)] << " warning(s), "
                    << counts[int(LintSeverity::Info)] << " info\n";
}

QString dialectList(unsigned dialects)
{
    if (dialects == LintAllDialects)
        return QStringLiteral("all");
    QStringList names;
    for (Dialect dialect : {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql}) {
        if (dialects & lintDialectBit(dialect))
            names << dialectName(dialect);
    }
    return names.join(u',');
}

// The catalogue with this project's settings: code, severity, on/off, dialects, name, title.
int listRules(CliContext& context)
{
    const LintConfig config = requestedConfig(context, false);
    for (const LintRule& rule : LintRules::all()) {
        context.out << rule.code << ' '
                    << lintSeverityName(config.severity(rule)).leftJustified(8)
                    << (config.isEnabled(rule) ? "on  " : "off ")
                    << dialectList(rule.dialects).leftJustified(18)
                    << QString::fromLatin1(rule.name).leftJustified(38) << rule.title() << '\n';
    }
    return ExitOk;
}

int lint(CliContext& context)
{
    if (context.parser.isSet(kListRules))
        return listRules(context);
    const Format format = requestedFormat(context);
    LintOptions options = LintOptions::fromConfig(requestedConfig(context, true));
    options.downgrade = context.parser.isSet(kDowngrade);
    const RevisionGraph& graph = context.project().graph();
    const QVector<int> revisions = requestedRevisions(context);
    if (revisions.isEmpty() && !context.arguments().isEmpty())
        return ExitOk; // only "base" was named: nothing to lint

    ScriptLinter linter(graph);
    const QVector<LintFinding> findings = linter.lint(revisions, options);
    for (int skipped : linter.skipped())
        context.err << "retort lint: note: " << displayPath(graph.revision(skipped).path)
                    << ": Alembic (Python) script not linted\n";
    switch (format) {
    case Format::Json: {
        QJsonArray array;
        for (const LintFinding& finding : findings)
            array.append(finding.toJson());
        context.printJson(array);
        break;
    }
    case Format::Sarif:
        context.printJson(SarifReport::build(findings, options.config, QDir::currentPath(),
                                             QStringLiteral(RETORT_VERSION)));
        break;
    case Format::Text:
        printText(context, findings, options.dialects);
        break;
    }
    const bool failed = std::any_of(findings.begin(), findings.end(), [&](const LintFinding& f) {
        return options.config.fails(f.severity);
    });
    return failed ? ExitCheckFailed : ExitOk;
}

} // namespace

QVector<Command> lintCommands()
{
    return {
        {QStringLiteral("lint"),
         QStringLiteral("Check scripts for risky statements (codes in docs/lint.md)."),
         [](QCommandLineParser& parser) {
             parser.addOption(
                 {QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
             parser.addOption({kFormat,
                               QStringLiteral("Output format: text (default), json or sarif "
                                              "(SARIF 2.1.0 for code-review tools)."),
                               QStringLiteral("FORMAT")});
             parser.addOption({kDialect,
                               QStringLiteral("Lint for these dialects only (sqlite, postgresql, "
                                              "mysql; default: [lint] dialects, else sqlite and "
                                              "postgresql). May be repeated."),
                               QStringLiteral("NAME")});
             parser.addOption({kDowngrade, QStringLiteral("Lint downgrade sections too.")});
             parser.addOption({kPgVersion,
                               QStringLiteral("The PostgreSQL version the scripts run on "
                                              "(default: [lint] pg_version, else 15)."),
                               QStringLiteral("VERSION")});
             parser.addOption({kMySqlVersion,
                               QStringLiteral("The MySQL or MariaDB version the scripts run on, "
                                              "e.g. 8.0.28 or mariadb-10.11 (default: [lint] "
                                              "mysql_version, else 8.0)."),
                               QStringLiteral("VERSION")});
             parser.addOption({kEnable,
                               QStringLiteral("Turn rules on (codes, names, RT6xx, all). May be "
                                              "repeated."),
                               QStringLiteral("RULES")});
             parser.addOption({kDisable,
                               QStringLiteral("Turn rules off (codes, names, RT6xx, all). May be "
                                              "repeated."),
                               QStringLiteral("RULES")});
             parser.addOption({kFailOn,
                               QStringLiteral("Exit 1 on findings of this severity or above: "
                                              "error (default) or warning."),
                               QStringLiteral("SEVERITY")});
             parser.addOption({kListRules,
                               QStringLiteral("List the rules with their severity, on/off, "
                                              "dialects and summary, and exit.")});
             parser.addPositionalArgument(QStringLiteral("revision"),
                                          QStringLiteral("Revisions to lint (default: all)."),
                                          QStringLiteral("[REVISION...]"));
         },
         lint},
    };
}

} // namespace retort::cli
