// SPDX-License-Identifier: Apache-2.0
// verify: the scripts of applied revisions against what ran.
#include "command.h"

#include "exitcode.h"
#include "run/scriptverifier.h"

#include <QDir>

namespace retort::cli {

namespace {

using Status = ScriptCheck::Status;

// Relative to the working directory when the script is below it, as the user typed paths.
QString shownPath(const QString& path)
{
    const QString relative = QDir::current().relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

void printCheck(CliContext& context, const ScriptCheck& check)
{
    switch (check.status) {
    case Status::Unchanged:
        return;
    case Status::Changed:
        context.out << "changed: " << shownPath(check.path) << " (revision " << check.revision
                    << ")\n";
        if (check.diff.isEmpty()) {
            context.out << "  (no diff: the history holds no text of the script as it ran, "
                        << "only its checksum, or only line endings differ)\n";
        } else {
            context.out << check.diff;
        }
        return;
    case Status::Missing:
        context.out << "missing: revision " << check.revision
                    << " is applied, but no script of the project defines it\n";
        return;
    case Status::NotRecorded:
        context.out << "not recorded: " << shownPath(check.path) << " (revision " << check.revision
                    << "): applied without a checksum (by Alembic, or stamped)\n";
        return;
    }
}

int verify(CliContext& context)
{
    if (!context.arguments().isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("verify takes no arguments"));
    const VerifyReport report = ScriptVerifier(context.project()).verify(context.databaseUrl());
    if (context.json()) {
        context.printJson(report.toJson());
    } else {
        for (const ScriptCheck& check : report.checks)
            printCheck(context, check);
        context.out << report.count(Status::Unchanged) << " unchanged, "
                    << report.count(Status::Changed) << " changed, "
                    << report.count(Status::Missing) << " missing, "
                    << report.count(Status::NotRecorded) << " not recorded\n";
    }
    return report.hasProblems() ? ExitCheckFailed : ExitOk;
}

} // namespace

QVector<Command> verifyCommands()
{
    return {
        {QStringLiteral("verify"),
         QStringLiteral("Check the scripts of applied revisions against what ran."),
         [](QCommandLineParser& parser) {
             parser.addOption(
                 {QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
         },
         verify},
    };
}

} // namespace retort::cli
