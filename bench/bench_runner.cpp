// SPDX-License-Identifier: Apache-2.0
// retort-bench-runner [N] [--no-alembic] [--only sqlite|shm|postgres]: generates an N-step
// native project (default 2000; a line with a branch and merge every 50 revisions, each step
// one CREATE TABLE, its downgrade one DROP TABLE) and, in process through MigrationRunner,
// upgrades it base->head and downgrades it back in three modes: one transaction per migration
// synced at the end of the run (the default), every commit synced (--sync-each-step), and the
// whole run in one transaction (--single-transaction); on a SQLite file, on /dev/shm (where
// syncs cost nothing) and on PostgreSQL. Each run is printed beside two bare loops measured
// just before it with the same transaction pattern and durability: the same CREATE/DROP TABLEs
// alone, and with the version row and history row any migration tool writes per step (the
// floor). Wall and CPU time of this process: on PostgreSQL what is not CPU here is mostly the
// server's own time. Then Debian's Alembic 1.8.1 upgrading and downgrading the same project
// (in Alembic format) on the same databases, and `retort current` as a process on a
// 10,000-revision project stamped to head (median of 5).
//
// PostgreSQL: RETORT_BENCH_PG_URL names an empty, disposable database; when it is not set, a
// private server that syncs its commits to disk is started (testsupport::PrivatePostgres).
#include "benchtiming.h"
#include "database/databaseconnection.h"
#include "common/error.h"
#include "generatedproject.h"
#include "run/migrationhistory.h"
#include "run/migrationrunner.h"
#include "run/versiontable.h"
#include "privatepostgres.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <sys/resource.h>
#include <cstdio>
#include <memory>

using namespace retort;

namespace {

constexpr int kCurrentRevisions = 10000;
constexpr int kRuns = 5;

// Alembic 1.8.1 on this machine kind (docs: shared/reference/alembic.md), SQLite.
constexpr double kAlembicUpgrade2000S = 9.9;
constexpr double kAlembicCurrent10000S = 58.8;

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

// What a bare loop does besides the CREATE (or DROP) TABLEs.
enum class Floor {
    Statements,  // each CREATE TABLE alone
    Bookkeeping, // and, in the same transaction, the writes any migration tool must make: the
                 // version row (UPDATE) and a history row (INSERT, with a script-sized text),
                 // prepared once and bound per step, as Retort writes them
};

// Wall and CPU time of one timed part (CPU: this process, all threads; what is not CPU here
// is the database server's time, the disk, and waiting for either). Both Retort's runs and
// the bare loops are timed from before their connection opens.
struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
    bool failed = false;
};

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

class Stopwatch
{
public:
    Stopwatch() : m_cpu(processCpuMs()) { m_wall.start(); }
    Timing stop() const { return {double(m_wall.nsecsElapsed()) / 1e6, processCpuMs() - m_cpu}; }

private:
    QElapsedTimer m_wall;
    double m_cpu;
};

// One bare run: connects (as a Retort run must), sets the session up, runs `statement` for
// each step in a transaction of its own (as one migration per transaction does) or all in one
// (`wholeRun`), with the version and history rows for Floor::Bookkeeping, then the
// end-of-run statements. Timed from before the connection to the end. `version`: the version
// row's value, carried from one run to the next.
Timing bareRun(const QString& url, int steps, const RawSettings& settings, Floor floor,
               bool wholeRun, const QString& statement, const QString& direction, int& version)
{
    const Stopwatch watch;
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("bench-raw"));
    QSqlQuery query(connection.db());
    for (const QString& before : settings.before)
        query.exec(before);
    const MigrationHistory history(VersionTable(connection.dialect(), QStringLiteral("bench_raw_version")));
    QSqlQuery updateVersion(connection.db()), insertHistory(connection.db());
    if (floor == Floor::Bookkeeping) {
        updateVersion.prepare(QStringLiteral("UPDATE bench_raw_version SET version_num = ? "
                                             "WHERE version_num = ?"));
        insertHistory.prepare(history.insertStatement(HistoryRecord()).boundSql());
    }
    const QString script(230, u'x'); // about a generated script's size
    if (wholeRun)
        connection.db().transaction();
    for (int i = 0; i < steps; ++i) {
        if (!wholeRun)
            connection.db().transaction();
        if (!query.exec(statement.arg(i))) {
            const QString error = query.lastError().text();
            connection.db().rollback();
            std::printf("(bare loop failed at step %d: %s)\n", i + 1, qPrintable(error.left(200)));
            Timing failed = watch.stop();
            failed.failed = true;
            return failed;
        }
        if (floor == Floor::Bookkeeping) {
            updateVersion.addBindValue(QString::number(version + 1));
            updateVersion.addBindValue(QString::number(version));
            ++version;
            if (!updateVersion.exec() || updateVersion.numRowsAffected() != 1)
                throw Error(ErrorKind::Database, updateVersion.lastError().text());
            const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
            for (const QVariant& value :
                 QVariantList{QString::number(version), direction, QString(64, u'a'), now, now,
                              qint64(0), QStringLiteral("bench@host"), QStringLiteral("succeeded"),
                              QVariant(), QVariant(), QVariant(), script}) {
                insertHistory.addBindValue(value);
            }
            if (!insertHistory.exec())
                throw Error(ErrorKind::Database, insertHistory.lastError().text());
        }
        if (!wholeRun)
            connection.db().commit();
    }
    if (wholeRun)
        connection.db().commit();
    for (const QString& end : settings.atEnd)
        query.exec(end);
    return watch.stop();
}

// The upgrade's and the downgrade's statements without Retort (see bareRun): what the steps
// cost by themselves. {CREATE TABLEs, DROP TABLEs}.
QPair<Timing, Timing> rawStatements(const QString& url, int steps, const RawSettings& settings,
                                    Floor floor, bool wholeRun)
{
    const auto onTheSide = [&url](const QStringList& statements) {
        DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("bench-raw-setup"));
        for (const QString& statement : statements)
            QSqlQuery(connection.db()).exec(statement);
    };
    const VersionTable versions(url.startsWith(QLatin1String("sqlite")) ? Dialect::Sqlite : Dialect::PostgreSql,
                                QStringLiteral("bench_raw_version"));
    if (floor == Floor::Bookkeeping) {
        onTheSide({QStringLiteral("DROP TABLE IF EXISTS bench_raw_version"),
                   QStringLiteral("DROP TABLE IF EXISTS retort_history"),
                   versions.createStatement().boundSql(),
                   MigrationHistory(versions).createStatement().boundSql(),
                   QStringLiteral("INSERT INTO bench_raw_version VALUES ('0')")});
    }
    int version = 0;
    const Timing create = bareRun(url, steps, settings, floor, wholeRun,
                                  QStringLiteral("CREATE TABLE bench_raw_%1 (id INTEGER)"),
                                  QStringLiteral("upgrade"), version);
    const Timing drop = create.failed ? Timing{0, 0, true}
                                      : bareRun(url, steps, settings, floor, wholeRun,
                                                QStringLiteral("DROP TABLE bench_raw_%1"),
                                                QStringLiteral("downgrade"), version);
    QStringList cleanup;
    if (floor == Floor::Bookkeeping)
        cleanup << QStringLiteral("DROP TABLE bench_raw_version") << QStringLiteral("DROP TABLE retort_history");
    onTheSide(cleanup);
    if (drop.failed) {
        // In batches: PostgreSQL's lock table holds a few thousand relations per transaction.
        constexpr int kDropsPerTransaction = 500;
        for (int first = 0; first < steps; first += kDropsPerTransaction) {
            QStringList drops{QStringLiteral("BEGIN")};
            for (int i = first; i < std::min(steps, first + kDropsPerTransaction); ++i)
                drops << QStringLiteral("DROP TABLE IF EXISTS bench_raw_%1").arg(i);
            onTheSide(drops << QStringLiteral("COMMIT"));
        }
    }
    return {create, drop};
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

RunRequest runRequest(const QString& config, const QString& url, Direction direction,
                      SyncPolicy sync, TransactionMode transactions)
{
    RunRequest request;
    request.configPath = config;
    request.databaseUrl = url;
    request.direction = direction;
    request.target = direction == Direction::Upgrade ? QStringLiteral("heads") : QStringLiteral("base");
    request.sync = sync;
    request.transactions = transactions;
    return request;
}

// One timed Retort run in this process (failed: said on stdout).
Timing migrate(const QString& config, const QString& url, Direction direction, SyncPolicy sync,
               TransactionMode transactions)
{
    MigrationRunner runner;
    const Stopwatch watch;
    try {
        runner.run(runRequest(config, url, direction, sync, transactions));
    } catch (const Error& error) {
        std::printf("(Retort's run failed: %s)\n", qPrintable(error.message().section(u'\n', 0, 0).left(300)));
        Timing failed = watch.stop();
        failed.failed = true;
        return failed;
    }
    return watch.stop();
}

// How a run is grouped into transactions and synced, for Retort and its bare loops alike.
struct Mode
{
    const char* name;
    SyncPolicy sync;
    TransactionMode transactions;
    int rawSettings; // index into rawSettings()
};

QString figure(const Timing& t)
{
    return t.failed ? QStringLiteral("failed") : QStringLiteral("%1 ms (cpu %2)").arg(t.wallMs, 0, 'f', 0).arg(t.cpuMs, 0, 'f', 0);
}

QString ratio(const Timing& retort, const Timing& floor)
{
    return retort.failed || floor.failed || floor.wallMs <= 0
               ? QStringLiteral("-")
               : QStringLiteral("%1x").arg(retort.wallMs / floor.wallMs, 0, 'f', 2);
}

// Retort's runs in each mode, each beside bare loops of the same statements with the same
// transaction pattern and durability measured just before it; then (when `alembicConfig` is
// set) Alembic's on the same database.
void reportUpgrade(const char* database, const QString& config, const QString& alembicConfig,
                   const QString& url, int size)
{
    const bool sqlite = url.startsWith(QLatin1String("sqlite"));
    const QVector<RawSettings> raw = rawSettings(sqlite);
    const Mode modes[] = {
        {"one transaction per migration (default durability: synced at the end)",
         SyncPolicy::EndOfRun, TransactionMode::PerMigration, 0},
        {"one transaction per migration, every commit synced (--sync-each-step)",
         SyncPolicy::EveryStep, TransactionMode::PerMigration, 1},
        {"the whole run in one transaction (--single-transaction)", SyncPolicy::EndOfRun,
         TransactionMode::WholeRun, 0},
    };
    for (const Mode& mode : modes) {
        const bool wholeRun = mode.transactions == TransactionMode::WholeRun;
        const auto statements = rawStatements(url, size, raw[mode.rawSettings], Floor::Statements, wholeRun);
        const auto floor = rawStatements(url, size, raw[mode.rawSettings], Floor::Bookkeeping, wholeRun);
        const Timing up = migrate(config, url, Direction::Upgrade, mode.sync, mode.transactions);
        const Timing down = migrate(config, url, Direction::Downgrade, mode.sync, mode.transactions);
        if (down.failed) // back to base for what follows
            migrate(config, url, Direction::Downgrade, SyncPolicy::EndOfRun, TransactionMode::PerMigration);
        std::printf("%-10s %d steps, %s; bare loop %s\n", database, size, mode.name,
                    raw[mode.rawSettings].description);
        const auto line = [&](const char* what, const Timing& retort, const Timing& withBookkeeping,
                              const Timing& alone) {
            std::printf("%-10s   %-9s Retort %-22s | bare loop with version+history rows %-22s = %-6s"
                        "| statements alone %-22s = %s",
                        "", what, qPrintable(figure(retort)), qPrintable(figure(withBookkeeping)),
                        qPrintable(ratio(retort, withBookkeeping)), qPrintable(figure(alone)),
                        qPrintable(ratio(retort, alone)));
            if (!retort.failed && !withBookkeeping.failed)
                std::printf("; %+.0f us/step beyond the floor", (retort.wallMs - withBookkeeping.wallMs) * 1000.0 / size);
            std::printf("\n");
        };
        line("upgrade", up, floor.first, statements.first);
        line("downgrade", down, floor.second, statements.second);
        std::fflush(stdout);
    }
    if (!alembicConfig.isEmpty()) {
        const double alembicUpMs = alembicMs(alembicConfig, url, {QStringLiteral("upgrade"), QStringLiteral("heads")});
        const double alembicDownMs = alembicUpMs > 0 ? alembicMs(alembicConfig, url, {QStringLiteral("downgrade"), QStringLiteral("base")}) : 0;
        const auto shown = [](double ms) {
            return ms > 0 ? QStringLiteral("%1 ms").arg(ms, 0, 'f', 0) : QStringLiteral("failed");
        };
        std::printf("%-10s   Alembic 1.8.1 on the same database, same project (Alembic format, "
                    "default env.py%s): upgrade %s, downgrade %s\n",
                    "", sqlite ? "" : ": the whole run in one transaction",
                    qPrintable(shown(alembicUpMs)), qPrintable(shown(alembicDownMs)));
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
    // [N] [--no-alembic] [--only sqlite|shm|postgres]: the parts to time (default: all).
    QStringList arguments = app.arguments().mid(1);
    const bool withAlembic = !arguments.removeAll(QStringLiteral("--no-alembic"));
    QString only;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--only")); at >= 0 && at + 1 < arguments.size()) {
        only = arguments.takeAt(at + 1);
        arguments.removeAt(at);
    }
    const int size = arguments.isEmpty() ? 2000 : arguments.first().toInt();
    if (size < 1 || arguments.size() > 1) {
        std::fprintf(stderr, "usage: retort-bench-runner [N] [--no-alembic] [--only sqlite|shm|postgres]\n");
        return 2;
    }
    const auto timing = [&only](const char* part) { return only.isEmpty() || only == QLatin1String(part); };
    std::printf("retort-bench-runner: %d steps, a line with a branch and merge every 50; each step "
                "one CREATE TABLE\n",
                size);
    try {
        QTemporaryDir dir;
        const QString config = testsupport::writeNativeProject(
            dir.filePath(QStringLiteral("project")), testsupport::generatedRevisions(size));
        const QString alembic = withAlembic && alembicAvailable()
                                    ? testsupport::writeAlembicProject(
                                          dir.filePath(QStringLiteral("alembic")),
                                          testsupport::generatedRevisions(size))
                                    : QString();
        if (alembic.isEmpty())
            std::printf("Alembic: not timed (--no-alembic, or python3-alembic / python3-psycopg2 missing)\n");
        const QString sqlite = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("bench.db"));
        // Written first, so that its files are older than the script cache's 3 s window (see
        // scriptcache.h) when `current` is timed, as a real project's are.
        const QString large = only.isEmpty() ? testsupport::writeNativeProject(
                                                   dir.filePath(QStringLiteral("large")),
                                                   testsupport::generatedRevisions(kCurrentRevisions))
                                             : QString();
        if (timing("sqlite"))
            reportUpgrade("SQLite", config, alembic, sqlite, size);
        // Each step's commit waits for the disk (fsync); in memory-backed files what remains is
        // Retort's own work.
        QTemporaryDir shm(QStringLiteral("/dev/shm/retort-bench-XXXXXX"));
        if (shm.isValid() && timing("shm")) {
            reportUpgrade("SQLite shm", config, {},
                          QStringLiteral("sqlite:///") + shm.filePath(QStringLiteral("bench.db")), size);
        }

        std::unique_ptr<testsupport::PrivatePostgres> server;
        const QString postgres = timing("postgres") ? testsupport::benchmarkPostgresUrl(server) : QString();
        if (postgres.isEmpty() && timing("postgres")) {
            std::printf("PostgreSQL: no server (set RETORT_BENCH_PG_URL or install postgresql-15)\n");
        } else if (!postgres.isEmpty()) {
            reportUpgrade("PostgreSQL", config, alembic, postgres, size);
        }

        if (!large.isEmpty()) {
            reportCurrent("SQLite", large,
                          QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("current.db")));
            if (!postgres.isEmpty())
                reportCurrent("PostgreSQL", large, postgres, server ? server->adminUrl() : QString());
        }
    } catch (const Error& error) {
        std::fprintf(stderr, "retort-bench-runner: %s\n", error.what());
        return 1;
    }
    return 0;
}
