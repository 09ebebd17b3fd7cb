// SPDX-License-Identifier: Apache-2.0
// lint: risky statements in migration scripts (codes in docs/lint.md).
#include "command.h"

#include "common/error.h"
#include "exitcode.h"
#include "graph/revisionresolver.h"
#include "lint/scriptlinter.h"

#include <QDir>
#include <QJsonArray>

namespace retort::cli {

namespace {

const QString kDialect = QStringLiteral("dialect");
const QString kDowngrade = QStringLiteral("downgrade");

QVector<Dialect> requestedDialects(const CliContext& context)
{
    if (!context.parser.isSet(kDialect))
        return LintOptions().dialects;
    const QString name = context.parser.value(kDialect);
    const std::optional<Dialect> dialect = dialectFromName(name);
    if (!dialect)
        throw Error(ErrorKind::Usage, QStringLiteral("unknown dialect '") + name +
                                          QStringLiteral("' (sqlite, postgresql or mysql)"));
    return {*dialect};
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

int lint(CliContext& context)
{
    LintOptions options;
    options.dialects = requestedDialects(context);
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
    if (context.json()) {
        QJsonArray array;
        for (const LintFinding& finding : findings)
            array.append(finding.toJson());
        context.printJson(array);
    } else {
        printText(context, findings, options.dialects);
    }
    const bool failed = std::any_of(findings.begin(), findings.end(), [](const LintFinding& f) {
        return f.severity != LintSeverity::Info;
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
             parser.addOption({kDialect,
                               QStringLiteral("Lint for one dialect only (default: sqlite and "
                                              "postgresql)."),
                               QStringLiteral("NAME")});
             parser.addOption({kDowngrade, QStringLiteral("Lint downgrade sections too.")});
             parser.addPositionalArgument(QStringLiteral("revision"),
                                          QStringLiteral("Revisions to lint (default: all)."),
                                          QStringLiteral("[REVISION...]"));
         },
         lint},
    };
}

} // namespace retort::cli
