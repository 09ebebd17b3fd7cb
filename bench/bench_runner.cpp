// SPDX-License-Identifier: Apache-2.0
// retort-bench-runner [N]: generates an N-step native project (default 2000; a line with a
// branch and merge every 50 revisions, each step one CREATE TABLE) and, in process through
// MigrationRunner, upgrades it base->head, downgrades it back, and upgrades it again with every
// step synced to disk (--sync-each-step), on a SQLite file and on PostgreSQL (SQLite also on
// /dev/shm, where syncs cost nothing). Prints the times, steps/s and Retort's overhead per step
// beyond the same CREATE TABLEs run alone with the same settings, and Debian's Alembic 1.8.1
// upgrading and downgrading the same project (in Alembic format) on the same databases. Then
// times `retort current` as a process on a 10,000-revision project stamped to head (median
// of 5).
//
// PostgreSQL: RETORT_BENCH_PG_URL names an empty, disposable database; when it is not set, a
// private server that syncs its commits to disk is started (testsupport::PrivatePostgres).
#include "benchtiming.h"
#include "database/databaseconnection.h"
#include "common/error.h"
#include "generatedproject.h"
#include "run/migrationrunner.h"
#include "privatepostgres.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace retort;

namespace {

constexpr int kCurrentRevisions = 10000;
constexpr int kRuns = 5;

// Alembic 1.8.1 on this machine kind (docs: shared/reference/alembic.md), SQLite.
constexpr double kAlembicUpgrade2000S = 9.9;
constexpr double kAlembicCurrent10000S = 58.8;

struct RunFigures
{
    double totalMs = 0;
    int steps = 0;
};

RunFigures migrate(const QString& config, const QString& url, Direction direction,
                   SyncPolicy sync)
{
    RunRequest request;
    request.configPath = config;
    request.databaseUrl = url;
    request.direction = direction;
    request.target = direction == Direction::Upgrade ? QStringLiteral("heads")
                                                     : QStringLiteral("base");
    request.sync = sync;
    MigrationRunner runner;
    QElapsedTimer timer;
    timer.start();
    RunFigures figures;
    figures.steps = runner.run(request).stepsRun;
    figures.totalMs = double(timer.nsecsElapsed()) / 1e6;
    return figures;
}

// Session statements around a plain run of the steps' statements: before it, and at its
// end (timed with it).
struct RawSettings
{
    const char* description;
    QStringList before;
    QStringList atEnd;
};

// What RunSettings (app/core/runsettings.cpp) does for `sync`; for SQLite also none at all.
QVector<RawSettings> rawSettings(bool sqlite)
{
    if (sqlite) {
        return {{"as the runner by default (journal_mode WAL, synchronous NORMAL, checkpoint at "
                 "the end)",
                 {QStringLiteral("PRAGMA journal_mode = WAL"),
                  QStringLiteral("PRAGMA synchronous = NORMAL")},
                 {QStringLiteral("PRAGMA wal_checkpoint(FULL)"),
                  QStringLiteral("PRAGMA journal_mode = DELETE")}},
                {"as the runner with --sync-each-step (journal_mode TRUNCATE, synchronous NORMAL)",
                 {QStringLiteral("PRAGMA journal_mode = TRUNCATE"),
                  QStringLiteral("PRAGMA synchronous = NORMAL")},
                 {QStringLiteral("PRAGMA journal_mode = DELETE")}},
                {"with SQLite's defaults (journal_mode DELETE, synchronous FULL)", {}, {}}};
    }
    return {{"as the runner by default (synchronous_commit off, one synced commit at the end)",
             {QStringLiteral("SET synchronous_commit TO off")},
             {QStringLiteral("RESET synchronous_commit"), QStringLiteral("BEGIN"),
              QStringLiteral("SELECT txid_current()"), QStringLiteral("COMMIT")}},
            {"as the runner with --sync-each-step (every commit synced)", {}, {}}};
}

// The steps' statements without Retort: each CREATE TABLE in a transaction of its own, as one
// migration per transaction does, on a plain connection. What the steps cost by themselves.
double rawStatementsMs(const QString& url, int steps, const RawSettings& settings)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("bench-raw"));
    QSqlQuery query(connection.db());
    for (const QString& statement : settings.before)
        query.exec(statement);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < steps; ++i) {
        connection.db().transaction();
        if (!query.exec(QStringLiteral("CREATE TABLE bench_raw_%1 (id INTEGER)").arg(i)))
            throw Error(ErrorKind::Database, query.lastError().text());
        connection.db().commit();
    }
    for (const QString& statement : settings.atEnd)
        query.exec(statement);
    const double elapsed = double(timer.nsecsElapsed()) / 1e6;
    // In batches: PostgreSQL's lock table holds a few thousand relations per transaction.
    constexpr int kDropsPerTransaction = 500;
    for (int first = 0; first < steps; first += kDropsPerTransaction) {
        connection.db().transaction();
        for (int i = first; i < std::min(steps, first + kDropsPerTransaction); ++i)
            query.exec(QStringLiteral("DROP TABLE bench_raw_%1").arg(i));
        connection.db().commit();
    }
    return elapsed;
}

// Wall time of `python3 -m alembic -c CONFIG -x url=URL COMMAND...`, as its own process; 0
// when it fails (said on stdout with Alembic's last line of error).
double alembicMs(const QString& config, const QString& url, const QStringList& command)
{
    QProcess alembic;
    QElapsedTimer timer;
    timer.start();
    alembic.start(QStringLiteral("/usr/bin/python3"),
                  QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"),
                              config, QStringLiteral("-x"), QStringLiteral("url=") + url} +
                      command);
    const bool finished = alembic.waitForFinished(-1);
    const double elapsed = double(timer.nsecsElapsed()) / 1e6;
    if (finished && alembic.exitStatus() == QProcess::NormalExit && alembic.exitCode() == 0)
        return elapsed;
    const QStringList errors = QString::fromUtf8(alembic.readAllStandardError()).trimmed().split(u'\n');
    std::printf("Alembic %s failed after %.0f ms: %s\n", qPrintable(command.join(u' ')), elapsed,
                qPrintable(errors.last().left(300)));
    return 0;
}

// Debian's Alembic with the drivers it needs here.
bool alembicAvailable()
{
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QStringLiteral("import alembic, sqlalchemy, psycopg2")});
    return probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit &&
           probe.exitCode() == 0;
}

// Retort's runs, then (when `alembicConfig` is set) Alembic's on the same database.
void reportUpgrade(const char* database, const QString& config, const QString& alembicConfig,
                   const QString& url, int size)
{
    const bool sqlite = url.startsWith(QLatin1String("sqlite"));
    const QVector<RawSettings> raw = rawSettings(sqlite);
    QVector<double> rawMs;
    for (const RawSettings& settings : raw)
        rawMs.append(rawStatementsMs(url, size, settings));

    const RunFigures up = migrate(config, url, Direction::Upgrade, SyncPolicy::EndOfRun);
    const RunFigures down = migrate(config, url, Direction::Downgrade, SyncPolicy::EndOfRun);
    const RunFigures upSynced = migrate(config, url, Direction::Upgrade, SyncPolicy::EveryStep);
    migrate(config, url, Direction::Downgrade, SyncPolicy::EndOfRun); // for Alembic, then the next database
    double alembicUpMs = 0, alembicDownMs = 0;
    if (!alembicConfig.isEmpty()) {
        alembicUpMs = alembicMs(alembicConfig, url, {QStringLiteral("upgrade"), QStringLiteral("heads")});
        if (alembicUpMs > 0) {
            alembicDownMs =
                alembicMs(alembicConfig, url, {QStringLiteral("downgrade"), QStringLiteral("base")});
        }
    }
    const auto line = [&](const char* what, const RunFigures& figures, double baseMs,
                          double alembic) {
        std::printf("%-10s %s: %d steps in %.0f ms = %.0f steps/s; overhead %.0f us per step",
                    database, what, figures.steps, figures.totalMs,
                    figures.steps * 1000.0 / figures.totalMs,
                    (figures.totalMs - baseMs) * 1000.0 / figures.steps);
        if (alembic > 0)
            std::printf("; Alembic / Retort = %.1f", alembic / figures.totalMs);
        std::printf("\n");
    };
    line("upgrade base->head", up, rawMs[0], alembicUpMs);
    line("downgrade head->base", down, rawMs[0], alembicDownMs);
    line("upgrade --sync-each-step", upSynced, rawMs[1], alembicUpMs);
    for (int i = 0; i < raw.size(); ++i) {
        std::printf("%-10s   the same CREATE TABLEs alone, one transaction each, %s: %.0f ms\n",
                    "", raw[i].description, rawMs[i]);
    }
    if (alembicUpMs > 0) {
        const auto figure = [](double ms) {
            return ms > 0 ? QStringLiteral("%1 ms").arg(ms, 0, 'f', 0) : QStringLiteral("failed");
        };
        std::printf("%-10s   Alembic 1.8.1 on the same database, same project (Alembic format, "
                    "default env.py%s): upgrade %s, downgrade %s\n",
                    "", sqlite ? "" : ": the whole run in one transaction",
                    qPrintable(figure(alembicUpMs)), qPrintable(figure(alembicDownMs)));
    }
    if (sqlite && size == 2000) {
        std::printf("%-10s   Alembic 1.8.1 upgrade in shared/reference/alembic.md (SQLite, same "
                    "shape): %.1f s\n",
                    "", kAlembicUpgrade2000S);
    }
    std::fflush(stdout);
}

void stampHeads(const QString& config, const QString& url)
{
    RunRequest request;
    request.configPath = config;
    request.databaseUrl = url;
    request.mode = RunRequest::Mode::Stamp;
    request.stampTargets = {QStringLiteral("heads")};
    request.purge = true;
    MigrationRunner().run(request);
}

// Median wall time of `retort -c CONFIG --url URL current --check-heads` as its own process.
testsupport::ProcessFigures current(const QString& config, const QString& url)
{
    return testsupport::timeProcess(QStringLiteral(RETORT_CLI),
                                    {QStringLiteral("-c"), config, QStringLiteral("--url"), url,
                                     QStringLiteral("current"), QStringLiteral("--check-heads")},
                                    kRuns);
}

// Lets the server settle (PostgreSQL) so that what the upgrades above left to do does not run
// during the timing of `current`: vacuums the system catalogs that tens of thousands of CREATE
// and DROP TABLEs filled with dead rows (else autovacuum takes one of the two cores meanwhile),
// and writes the dirty pages out. CHECKPOINT needs a superuser: `adminUrl`, the private
// server's (with RETORT_BENCH_PG_URL, the benchmark's own URL; skipped without the right).
void settle(const QString& url, const QString& adminUrl)
{
    if (url.startsWith(QLatin1String("sqlite")))
        return;
    {
        DatabaseConnection owner(DatabaseUrl::parse(url), QStringLiteral("bench-vacuum"));
        QSqlQuery(owner.db()).exec(QStringLiteral("VACUUM"));
    }
    DatabaseConnection admin(DatabaseUrl::parse(adminUrl), QStringLiteral("bench-checkpoint"));
    QSqlQuery checkpoint(admin.db());
    if (!checkpoint.exec(QStringLiteral("CHECKPOINT")))
        std::printf("(no CHECKPOINT before timing current: %s)\n", qPrintable(checkpoint.lastError().text()));
}

void reportCurrent(const char* database, const QString& config, const QString& url,
                   const QString& adminUrl = {})
{
    stampHeads(config, url);
    settle(url, adminUrl.isEmpty() ? url : adminUrl);
    const testsupport::ProcessFigures figures = current(config, url);
    std::printf("%-10s retort current, %d revisions at head: %.1f ms (median of %d processes), "
                "%.1f MB; Alembic 1.8.1 (SQLite): %.1f s\n",
                database, kCurrentRevisions, figures.wallMs, kRuns, figures.peakMb,
                kAlembicCurrent10000S);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int size = arguments.size() > 1 ? arguments[1].toInt() : 2000;
    if (size < 1) {
        std::fprintf(stderr, "usage: retort-bench-runner [N]\n");
        return 2;
    }
    std::printf("retort-bench-runner: %d steps, a line with a branch and merge every 50; each step "
                "one CREATE TABLE\n",
                size);
    try {
        QTemporaryDir dir;
        const QString config = testsupport::writeNativeProject(
            dir.filePath(QStringLiteral("project")), testsupport::generatedRevisions(size));
        const QString alembic = alembicAvailable()
                                    ? testsupport::writeAlembicProject(
                                          dir.filePath(QStringLiteral("alembic")),
                                          testsupport::generatedRevisions(size))
                                    : QString();
        if (alembic.isEmpty())
            std::printf("Alembic: not installed (python3-alembic, python3-psycopg2); not timed\n");
        const QString sqlite = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("bench.db"));
        // Written first, so that its files are older than the script cache's 3 s window (see
        // scriptcache.h) when `current` is timed, as a real project's are.
        const QString large = testsupport::writeNativeProject(
            dir.filePath(QStringLiteral("large")), testsupport::generatedRevisions(kCurrentRevisions));
        reportUpgrade("SQLite", config, alembic, sqlite, size);
        // Each step's commit waits for the disk (fsync); in memory-backed files what remains is
        // Retort's own work.
        QTemporaryDir shm(QStringLiteral("/dev/shm/retort-bench-XXXXXX"));
        if (shm.isValid()) {
            reportUpgrade("SQLite shm", config, {},
                          QStringLiteral("sqlite:///") + shm.filePath(QStringLiteral("bench.db")), size);
        }

        std::unique_ptr<testsupport::PrivatePostgres> server;
        const QString postgres = testsupport::benchmarkPostgresUrl(server);
        if (postgres.isEmpty()) {
            std::printf("PostgreSQL: no server (set RETORT_BENCH_PG_URL or install postgresql-15)\n");
        } else {
            reportUpgrade("PostgreSQL", config, alembic, postgres, size);
        }

        reportCurrent("SQLite", large,
                      QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("current.db")));
        if (!postgres.isEmpty())
            reportCurrent("PostgreSQL", large, postgres, server ? server->adminUrl() : QString());
    } catch (const Error& error) {
        std::fprintf(stderr, "retort-bench-runner: %s\n", error.what());
        return 1;
    }
    return 0;
}
