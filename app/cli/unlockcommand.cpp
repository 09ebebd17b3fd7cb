// SPDX-License-Identifier: Apache-2.0
// unlock: ending the database session that holds the migration lock for a runner that is gone.
#include "command.h"

#include "exitcode.h"
#include "run/orphanedlock.h"

#include <cstdio>

namespace retort::cli {

namespace {

const QString kForce = QStringLiteral("force");
const QString kYes = QStringLiteral("yes");

// Asks on standard error, reads the answer from standard input.
bool confirmed(CliContext& context, const OrphanedLock::Finding& finding)
{
    context.err << "End server process " << finding.holder.serverPid
                << " and roll back its open transaction? [y/N] ";
    context.err.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

int unlock(CliContext& context)
{
    if (!context.arguments().isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("unlock takes no arguments"));
    const bool force = context.parser.isSet(kForce);
    const QString url = context.databaseUrl();
    const OrphanedLock::Finding finding = OrphanedLock::inspect(context.config(), url);
    using Verdict = OrphanedLock::Verdict;
    switch (finding.verdict) {
    case Verdict::Free:
    case Verdict::NotApplicable:
        context.out << "Nothing to end: " << finding.explanation << ".\n";
        return ExitOk;
    case Verdict::Alive:
        throw Error(ErrorKind::Lock, QStringLiteral("the migration lock is held by %1: %2")
                                         .arg(finding.holder.describe(), finding.explanation));
    case Verdict::Unverifiable:
        if (!force) {
            throw Error(ErrorKind::Lock,
                        QStringLiteral("the migration lock is held by %1: %2. If you know it is "
                                       "gone, run again with --force")
                            .arg(finding.holder.describe(), finding.explanation));
        }
        break;
    case Verdict::Orphaned:
        break;
    }
    context.err << "The migration lock is held by " << finding.holder.describe() << ".\n"
                << finding.explanation << ".\n";
    if (!context.parser.isSet(kYes) && !confirmed(context, finding)) {
        context.err << "Nothing ended.\n";
        return ExitCheckFailed;
    }
    OrphanedLock::end(context.config(), url, finding, force);
    context.out << "Ended server process " << finding.holder.serverPid
                << "; the migration lock is free.\n";
    return ExitOk;
}

} // namespace

QVector<Command> unlockCommands()
{
    return {
        {QStringLiteral("unlock"),
         QStringLiteral("End the session holding the migration lock for a runner that is gone."),
         [](QCommandLineParser& parser) {
             parser.addOption({kYes, QStringLiteral("Do not ask for confirmation.")});
             parser.addOption(
                 {kForce, QStringLiteral("Also end a holder whose process cannot be checked from "
                                         "here (another host, another program): if it is still "
                                         "running, its migration is stopped and rolled back. "
                                         "A runner alive on this host is never ended.")});
         },
         unlock},
    };
}

} // namespace retort::cli
