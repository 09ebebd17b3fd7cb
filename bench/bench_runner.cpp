// SPDX-License-Identifier: Apache-2.0
// retort-bench-runner [N]: generates an N-step native project (default 2000; a line with a
// branch and merge every 50 revisions, each step one CREATE TABLE) and upgrades it base->head
// in process through MigrationRunner, on a SQLite file and on PostgreSQL. Prints the total
// time, steps/s, the time the steps' own statements took and Retort's overhead per step beyond
// that (SQLite also on /dev/shm, where commits do not wait for a disk). Then times
// `retort current` as a process on a 10,000-revision project stamped to head (median of 5).
//
// PostgreSQL: RETORT_BENCH_PG_URL names an empty, disposable database; when it is not set, a
// private server is started with tests/pg/pgserver.sh (and stopped at the end).
#include "benchtiming.h"
#include "databaseconnection.h"
#include "error.h"
#include "generatedproject.h"
#include "migrationrunner.h"
#include "privatepostgres.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace retort;

namespace {

constexpr int kCurrentRevisions = 10000;
constexpr int kRuns = 5;

// Alembic 1.8.1 on this machine kind (docs: shared/reference/alembic.md), SQLite.
constexpr double kAlembicUpgrade2000S = 9.9;
constexpr double kAlembicUpgrade10000S = 63.0;
constexpr double kAlembicCurrent10000S = 58.8;

struct UpgradeFigures
{
    double totalMs = 0;
    int steps = 0;
    int scriptStatements = 0;
    qint64 scriptStatementMs = 0; // sum of the Statement events' elapsedMs (whole ms each)
};

UpgradeFigures upgrade(const QString& config, const QString& url)
{
    RunRequest request;
    request.configPath = config;
    request.databaseUrl = url;
    request.target = QStringLiteral("heads");
    UpgradeFigures figures;
    MigrationRunner runner;
    runner.setSink([&figures](const RunEvent& event) {
        if (event.type == RunEvent::Type::Statement && !event.location.isEmpty()) {
            ++figures.scriptStatements;
            figures.scriptStatementMs += std::max<qint64>(event.elapsedMs, 0);
        }
    });
    QElapsedTimer timer;
    timer.start();
    figures.steps = runner.run(request).stepsRun;
    figures.totalMs = double(timer.nsecsElapsed()) / 1e6;
    return figures;
}

// The same statements without Retort: each CREATE TABLE in a transaction of its own, as one
// migration per transaction does, on a plain connection after `pragmas` (SQLite). What the
// steps cost by themselves.
double rawStatementsMs(const QString& url, int steps, const QStringList& pragmas = {})
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("bench-raw"));
    QSqlQuery query(connection.db());
    for (const QString& pragma : pragmas)
        query.exec(pragma);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < steps; ++i) {
        connection.db().transaction();
        if (!query.exec(QStringLiteral("CREATE TABLE bench_raw_%1 (id INTEGER)").arg(i)))
            throw Error(ErrorKind::Database, query.lastError().text());
        connection.db().commit();
    }
    const double elapsed = double(timer.nsecsElapsed()) / 1e6;
    connection.db().transaction();
    for (int i = 0; i < steps; ++i)
        query.exec(QStringLiteral("DROP TABLE bench_raw_%1").arg(i));
    connection.db().commit();
    return elapsed;
}

void reportUpgrade(const char* database, const QString& config, const QString& url, int size)
{
    // What the runner sets on SQLite (migrationrunner.cpp, SqliteRunSettings).
    const bool sqlite = url.startsWith(QLatin1String("sqlite"));
    const QStringList runnerPragmas = {QStringLiteral("PRAGMA journal_mode = TRUNCATE"),
                                       QStringLiteral("PRAGMA synchronous = NORMAL")};
    const double defaultRawMs = sqlite ? rawStatementsMs(url, size) : 0;
    const double rawMs = rawStatementsMs(url, size, sqlite ? runnerPragmas : QStringList());
    const UpgradeFigures run = upgrade(config, url);
    const double overheadUs = (run.totalMs - rawMs) * 1000.0 / run.steps;
    std::printf("%-10s upgrade base->head: %d steps in %.0f ms = %.0f steps/s\n", database,
                run.steps, run.totalMs, run.steps * 1000.0 / run.totalMs);
    std::printf("%-10s   script statements: %d, sum of their Statement events' elapsedMs %lld ms "
                "(whole milliseconds each)\n",
                "", run.scriptStatements, run.scriptStatementMs);
    std::printf("%-10s   the same statements alone, one transaction each: %.0f ms%s\n", "", rawMs,
                sqlite ? " (journal_mode TRUNCATE, synchronous NORMAL, as the runner sets)" : "");
    if (sqlite) {
        std::printf("%-10s   ... with SQLite's defaults (journal_mode DELETE, synchronous FULL): "
                    "%.0f ms\n", "", defaultRawMs);
    }
    std::printf("%-10s   overhead per step beyond them: %.0f us (beyond the reported "
                "elapsedMs: %.0f us)\n",
                "", overheadUs, (run.totalMs - double(run.scriptStatementMs)) * 1000.0 / run.steps);
    const double alembicS = size == 2000    ? kAlembicUpgrade2000S
                            : size == 10000 ? kAlembicUpgrade10000S
                                            : 0;
    if (alembicS > 0) {
        std::printf("%-10s   Alembic 1.8.1 (SQLite, same shape, measured earlier): %.1f s; "
                    "Alembic time / Retort time = %.2f\n",
                    "", alembicS, alembicS * 1000.0 / run.totalMs);
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

void reportCurrent(const char* database, const QString& config, const QString& url)
{
    stampHeads(config, url);
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
        const QString sqlite = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("bench.db"));
        // Written first, so that its files are older than the script cache's 3 s window (see
        // scriptcache.h) when `current` is timed, as a real project's are.
        const QString large = testsupport::writeNativeProject(
            dir.filePath(QStringLiteral("large")), testsupport::generatedRevisions(kCurrentRevisions));
        reportUpgrade("SQLite", config, sqlite, size);
        // Each step's commit waits for the disk (fsync); in memory-backed files what remains is
        // Retort's own work.
        QTemporaryDir shm(QStringLiteral("/dev/shm/retort-bench-XXXXXX"));
        if (shm.isValid()) {
            reportUpgrade("SQLite shm", config,
                          QStringLiteral("sqlite:///") + shm.filePath(QStringLiteral("bench.db")), size);
        }

        std::unique_ptr<testsupport::PrivatePostgres> server;
        const QString postgres = testsupport::benchmarkPostgresUrl(server);
        if (postgres.isEmpty()) {
            std::printf("PostgreSQL: no server (set RETORT_BENCH_PG_URL or install postgresql-15)\n");
        } else {
            reportUpgrade("PostgreSQL", config, postgres, size);
        }

        reportCurrent("SQLite", large,
                      QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("current.db")));
        if (!postgres.isEmpty())
            reportCurrent("PostgreSQL", large, postgres);
    } catch (const Error& error) {
        std::fprintf(stderr, "retort-bench-runner: %s\n", error.what());
        return 1;
    }
    return 0;
}
