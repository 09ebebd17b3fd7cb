// SPDX-License-Identifier: Apache-2.0
// log: the runs a database has seen (retort_history), newest first.
#include "command.h"

#include "exitcode.h"
#include "run/runlog.h"

#include <QJsonArray>

namespace retort::cli {

namespace {

const QString kRange = QStringLiteral("rev-range");
const QString kFailed = QStringLiteral("failed");

QString durationText(qint64 ms)
{
    return ms < 1000 ? QStringLiteral("%1 ms").arg(ms)
                     : QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

void printRecord(CliContext& context, const HistoryRecord& record)
{
    context.out << record.startedAt.toUTC().toString(Qt::ISODate) << "  "
                << record.direction.leftJustified(9) << ' ' << record.revision << "  "
                << HistoryRecord::outcomeName(record.outcome) << "  " << record.runBy << "  "
                << durationText(record.durationMs) << '\n';
    if (!record.error.isEmpty())
        context.out << "    error: " << record.error.section(u'\n', 0, 0) << '\n';
    if (!record.failingLocation.isEmpty()) {
        context.out << "    at " << record.failingLocation << ": "
                    << record.failingStatement.simplified().left(200) << '\n';
    }
}

int log(CliContext& context)
{
    if (!context.arguments().isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("log takes no arguments (-r START:END for a range)"));
    RunLogFilter filter;
    filter.range = context.parser.value(kRange);
    if (context.parser.isSet(kFailed))
        filter.outcome = HistoryRecord::Outcome::Failed;
    const QVector<HistoryRecord> records =
        RunLog::read(context.project(), context.databaseUrl(), filter);
    if (context.json()) {
        QJsonArray array;
        for (auto it = records.crbegin(); it != records.crend(); ++it)
            array.append(RunLog::toJson(*it));
        context.printJson(array);
        return ExitOk;
    }
    if (records.isEmpty())
        context.err << "No runs recorded" << (filter.range.isEmpty() && !filter.outcome ? "" : " that match")
                    << ".\n";
    for (auto it = records.crbegin(); it != records.crend(); ++it)
        printRecord(context, *it);
    return ExitOk;
}

} // namespace

QVector<Command> logCommands()
{
    return {
        {QStringLiteral("log"), QStringLiteral("Show the runs recorded in the database, newest first."),
         [](QCommandLineParser& parser) {
             parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
             parser.addOption({{QStringLiteral("r"), kRange},
                               QStringLiteral("Only runs of revisions in START:END (either side may "
                                              "be empty), as history -r."),
                               QStringLiteral("RANGE")});
             parser.addOption({kFailed, QStringLiteral("Only failed runs.")});
         },
         log},
    };
}

} // namespace retort::cli
