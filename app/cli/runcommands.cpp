// SPDX-License-Identifier: Apache-2.0
// current, upgrade, downgrade, stamp: reading and changing a database's version.
#include "command.h"

#include "run/databasestatus.h"
#include "database/databaseurl.h"
#include "common/error.h"
#include "exitcode.h"
#include "interruptwatcher.h"
#include "run/migrationrunner.h"
#include "graph/revisionformat.h"
#include "runprinter.h"

#include "database/databaseconnection.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include <future>

namespace retort::cli {

namespace {

const QString kSql = QStringLiteral("sql");
const QString kDryRun = QStringLiteral("dry-run");
const QString kLockTimeout = QStringLiteral("lock-timeout");
const QString kSyncEachStep = QStringLiteral("sync-each-step");
const QString kSingleTransaction = QStringLiteral("single-transaction");
const QString kTransactionPerMigration = QStringLiteral("transaction-per-migration");
const QString kJson = QStringLiteral("json");
const QString kVerbose = QStringLiteral("verbose");

// `current --verbose`: changed scripts and the lock, for whoever is on call.
void printSupportDetails(CliContext& context, const DatabaseStatus& status)
{
    for (const ScriptCheck& check : status.changedScripts)
        context.out << "Changed since applied: " << check.revision << " (" << check.path << ")\n";
    if (!status.scriptCheckError.isEmpty())
        context.out << "Cannot compare the applied scripts: " << status.scriptCheckError << '\n';
    context.out << "Migration lock: "
                << (status.lock.held ? QStringLiteral("held by ") + status.lock.describe()
                                     : QStringLiteral("free"));
    if (status.lock.held && status.lock.since.isValid())
        context.out << " since " << status.lock.since.toUTC().toString(Qt::ISODate);
    context.out << '\n';
}

// Where the database stands. Comparing every applied script costs a read of each: only with
// --verbose or --json. Without, the version table is read in a thread of its own while the
// scripts load: connecting (PostgreSQL's client library, the server's handshake) and reading
// 10,000 scripts take about as long as each other.
DatabaseStatus readStatus(CliContext& context, bool details)
{
    const QString url = context.databaseUrl();
    if (details)
        return DatabaseStatus::read(context.project(), url, DatabaseStatus::Detail::Support);
    const ProjectConfig& config = context.config();
    std::future<DatabaseStatus::VersionRows> rows = std::async(
        std::launch::async, [&config, &url] { return DatabaseStatus::readVersionRows(config, url); });
    // A PostgreSQL connection keeps a core busy for tens of milliseconds (libpq with TLS and
    // Kerberos loading, authentication); a SQLite file opens in a fraction of one.
    const bool connectionIsSlow = DatabaseUrl::parse(url).dialect() != Dialect::Sqlite;
    const Project& project = context.project(connectionIsSlow ? 1 : 0);
    return DatabaseStatus::fromVersionRows(project, url, rows.get());
}

int current(CliContext& context)
{
    const bool verbose = context.parser.isSet(kVerbose);
    const DatabaseStatus status = readStatus(context, verbose || context.json());
    const Project& project = context.project();
    const bool checkHeads = context.parser.isSet(QStringLiteral("check-heads"));
    if (context.json()) {
        context.printJson(status.toJson());
    } else {
        const RevisionGraph& graph = project.graph();
        if (verbose)
            context.out << "Database: " << status.maskedUrl << '\n';
        if (!status.databaseExists)
            context.err << "No such database file: " << status.maskedUrl
                        << " (it counts as base; an upgrade creates it).\n";
        else if (status.current.isEmpty())
            context.err << "The database is at base: no revision applied.\n";
        for (const QString& id : status.shown) {
            const int index = graph.indexOf(id);
            if (index < 0)
                context.out << id << " (unknown: no script of this project defines it)\n";
            else
                context.out << (verbose ? RevisionFormat::verbose(graph, index)
                                        : RevisionFormat::idWithMarkers(graph, index))
                            << '\n';
        }
        if (verbose)
            printSupportDetails(context, status);
    }
    if (checkHeads && !status.isAtHeads()) {
        context.err << "retort current: the database is not at the head revision(s) "
                    << status.heads.join(QStringLiteral(", "));
        if (status.unknown.isEmpty())
            context.err << "; " << status.pendingSteps << " step(s) to upgrade";
        context.err << '\n';
        return ExitCheckFailed;
    }
    return ExitOk;
}

// Runs `request` with events printed as the user asked and Ctrl-C cancelling the run.
RunResult runWithConsole(CliContext& context, const RunRequest& request, bool showEvents)
{
    MigrationRunner runner;
    RunPrinter printer = RunPrinter::forConsole(context.out, context.err, context.json(),
                                                context.parser.isSet(kVerbose));
    if (showEvents)
        runner.setSink([&printer](const RunEvent& event) { printer.print(event); });
    InterruptWatcher interrupt([&runner] { runner.cancel(); });
    return runner.run(request);
}

RunRequest baseRequest(CliContext& context)
{
    RunRequest request;
    request.project = context.project(); // read once: the runner does not read the scripts again
    request.databaseUrl = context.databaseUrl();
    request.dryRun = context.parser.isSet(kDryRun);
    if (context.parser.isSet(kSyncEachStep))
        request.sync = SyncPolicy::EveryStep;
    if (context.parser.isSet(kSingleTransaction) && context.parser.isSet(kTransactionPerMigration)) {
        throw Error(ErrorKind::Usage, QStringLiteral("--single-transaction and "
                                                     "--transaction-per-migration exclude each other"));
    }
    if (context.parser.isSet(kSingleTransaction))
        request.transactions = TransactionMode::WholeRun;
    else if (context.parser.isSet(kTransactionPerMigration))
        request.transactions = TransactionMode::PerMigration;
    if (context.parser.isSet(kLockTimeout)) {
        bool ok = false;
        request.lockTimeoutSeconds = context.parser.value(kLockTimeout).toInt(&ok);
        if (!ok || request.lockTimeoutSeconds < 0)
            throw Error(ErrorKind::Usage, QStringLiteral("--lock-timeout takes a number of seconds"));
    }
    return request;
}

// An upgrade (or stamp) of a SQLite file that is not there makes it: said before the run.
void sayWhenCreatingTheFile(CliContext& context, const RunRequest& request)
{
    if (request.offline || request.dryRun || context.json())
        return;
    const DatabaseUrl url = DatabaseUrl::parse(request.databaseUrl);
    if (isMissingSqliteFile(url)) {
        context.err << QCoreApplication::translate("MigrationRunner", "creating the database file %1")
                           .arg(QFileInfo(url.databaseName()).absoluteFilePath())
                    << '\n';
    }
}

// For --sql: "FROM:TO" or just "TO" (from base). The engine runs offline.
void takeOfflineRange(RunRequest& request, const QString& argument, Direction direction)
{
    request.offline = true;
    const int colon = int(argument.indexOf(u':'));
    if (colon >= 0) {
        request.offlineFrom = argument.left(colon);
        request.target = argument.mid(colon + 1);
    } else if (direction == Direction::Downgrade) {
        throw Error(ErrorKind::Usage, QStringLiteral("downgrade --sql needs FROM:TO, for example head:base"));
    } else {
        request.target = argument;
    }
}

int migrate(CliContext& context, Direction direction)
{
    const QStringList args = context.arguments();
    if (args.size() != 1) {
        throw Error(ErrorKind::Usage, QStringLiteral("name one target revision, for example '%1'")
                                          .arg(direction == Direction::Upgrade ? QStringLiteral("head")
                                                                               : QStringLiteral("-1")));
    }
    RunRequest request = baseRequest(context);
    request.direction = direction;
    request.target = args.first();
    const bool offline = context.parser.isSet(kSql);
    if (offline)
        takeOfflineRange(request, args.first(), direction);
    sayWhenCreatingTheFile(context, request);
    const RunResult result = runWithConsole(context, request, !offline || context.json());
    if ((offline || request.dryRun) && !context.json())
        context.out << result.sql;
    return ExitOk;
}

int stamp(CliContext& context)
{
    const QStringList args = context.arguments();
    if (args.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("name the revision(s) to stamp, or 'base'"));
    RunRequest request = baseRequest(context);
    request.mode = RunRequest::Mode::Stamp;
    request.stampTargets = args;
    request.purge = context.parser.isSet(QStringLiteral("purge"));
    const bool offline = context.parser.isSet(kSql);
    request.offline = offline;
    const RunResult result = runWithConsole(context, request, !offline || context.json());
    if ((offline || request.dryRun) && !context.json())
        context.out << result.sql;
    return ExitOk;
}

void addRunOptions(QCommandLineParser& parser, bool withTarget)
{
    parser.addOption({kJson, QStringLiteral("Print events as JSON, one object per line.")});
    parser.addOption({{QStringLiteral("v"), kVerbose}, QStringLiteral("Show every statement as it runs.")});
    parser.addOption({kSql, QStringLiteral("Print the SQL instead of running it (no connection; "
                                           "TARGET may be FROM:TO).")});
    parser.addOption({kDryRun, QStringLiteral("Plan against the real database and print the SQL; "
                                              "change nothing.")});
    parser.addOption({kLockTimeout,
                      QStringLiteral("Seconds to wait for another runner's lock (default 60)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({kSyncEachStep,
                      QStringLiteral("Wait for the disk after every step, not once at the end of "
                                     "the run (slower; see README, Durability).")});
    parser.addOption({kSingleTransaction,
                      QStringLiteral("Run all steps in one transaction: they all commit or none "
                                     "do (see README, Transactions).")});
    parser.addOption({kTransactionPerMigration,
                      QStringLiteral("Commit each migration on its own (the default, unless "
                                     "retort.ini says transaction_per_migration = false).")});
    if (withTarget)
        parser.addPositionalArgument(QStringLiteral("target"),
                                     QStringLiteral("Revision to go to (id, label, head, base, +N, -N, ...)."),
                                     QStringLiteral("TARGET"));
}

} // namespace

QVector<Command> runCommands()
{
    return {
        {QStringLiteral("current"), QStringLiteral("Show the database's current revision(s)."),
         [](QCommandLineParser& parser) {
             parser.addOption({kJson, QStringLiteral("Print JSON instead of text.")});
             parser.addOption({{QStringLiteral("v"), QStringLiteral("verbose")},
                               QStringLiteral("Show the URL and every detail.")});
             parser.addOption({QStringLiteral("check-heads"),
                               QStringLiteral("Exit with 1 unless the database is at the head(s).")});
         },
         current},
        {QStringLiteral("upgrade"), QStringLiteral("Upgrade the database to a revision."),
         [](QCommandLineParser& parser) { addRunOptions(parser, true); },
         [](CliContext& context) { return migrate(context, Direction::Upgrade); }},
        {QStringLiteral("downgrade"), QStringLiteral("Roll the database back to a revision."),
         [](QCommandLineParser& parser) { addRunOptions(parser, true); },
         [](CliContext& context) { return migrate(context, Direction::Downgrade); }},
        {QStringLiteral("stamp"),
         QStringLiteral("Set the version table to revisions without running scripts."),
         [](QCommandLineParser& parser) {
             addRunOptions(parser, false);
             parser.addOption({QStringLiteral("purge"),
                               QStringLiteral("Delete every version row before stamping.")});
             parser.addPositionalArgument(QStringLiteral("revisions"),
                                          QStringLiteral("Revisions to stamp, or 'base'."),
                                          QStringLiteral("REVISION..."));
         },
         stamp},
    };
}

} // namespace retort::cli
