// SPDX-License-Identifier: Apache-2.0
// What a support engineer meets with the `retort` command line, run as a real process: servers
// that never answer, errors printed once, reading that never writes, broken script bytes.
#include "childprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using retort::testsupport::ProcessOutput;

namespace {

const QString kExample = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");

ProcessOutput runRetort(const QStringList& arguments, int timeoutMs = 60000)
{
    return retort::testsupport::runProgram(QStringLiteral(RETORT_CLI), arguments, {}, timeoutMs);
}

QString sqliteUrl(const QString& path)
{
    return QStringLiteral("sqlite:///") + path;
}

// Lines of standard error that carry an error.
QStringList errorLines(const QString& err)
{
    QStringList lines;
    for (const QString& line : err.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.contains(QLatin1String("error")))
            lines << line;
    }
    return lines;
}

// A project of one native script with `upgrade` as its upgrade section.
QString writeProject(const QString& folder, const QByteArray& upgrade)
{
    QDir(folder).mkpath(QStringLiteral("versions"));
    QFile config(folder + QStringLiteral("/retort.ini"));
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(config.fileName()));
    config.write("[retort]\nversion_locations = versions\nurl = sqlite:///unused.db\n");
    QFile script(folder + QStringLiteral("/versions/a1_first.sql"));
    if (!script.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(script.fileName()));
    script.write("-- revision: a1\n-- down_revision:\n-- message: first\n\n-- +upgrade\n" + upgrade +
                 "\n-- +downgrade\nDROP TABLE t;\n");
    return config.fileName();
}

} // namespace

class TestCliSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void silentServerTimesOut_data();
    void silentServerTimesOut();
    void connectTimeoutOptionIsChecked();
    void errorsArePrintedOnce();
    void dryRunCreatesNoFile();
    void upgradeOfMissingFileSaysItCreatesIt();
    void refusedUpgradeChangesNothing();
    void invalidUtf8NamesFileAndLine();
    void logShowsTheRecordedRuns();
};

// A listener that accepts TCP connections (the kernel completes them) and never says a word:
// `current` gives up after the connect timeout, says so, and exits 4.
void TestCliSupport::silentServerTimesOut_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("--connect-timeout") << QString() << QStringList{QStringLiteral("--connect-timeout"), QStringLiteral("2")};
    QTest::newRow("connect_timeout in the URL") << QStringLiteral("?connect_timeout=2") << QStringList();
    QTest::newRow("option overrides the URL")
        << QStringLiteral("?connect_timeout=600") << QStringList{QStringLiteral("--connect-timeout"), QStringLiteral("2")};
}

void TestCliSupport::silentServerTimesOut()
{
    QFETCH(QString, query);
    QFETCH(QStringList, options);
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("postgresql://bench:secret@127.0.0.1:%1/db").arg(silent.serverPort()) + query;
    QElapsedTimer timer;
    timer.start();
    const ProcessOutput run = runRetort(QStringList{QStringLiteral("-c"), kExample, QStringLiteral("--url"), url} +
                                        options + QStringList{QStringLiteral("current")},
                                        30000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(!run.crashed, "retort current hung on a server that never answers");
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(elapsed < 10000, qPrintable(QString::number(elapsed)));
    QVERIFY2(run.err.contains(QLatin1String("did not answer within")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("bench:***@127.0.0.1")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("secret")));
}

void TestCliSupport::connectTimeoutOptionIsChecked()
{
    const ProcessOutput run = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--connect-timeout"),
                                         QStringLiteral("soon"), QStringLiteral("current")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--connect-timeout")), qPrintable(run.err));
}

// A failing run prints its error once, not once as the run's event and again as the command's.
void TestCliSupport::errorsArePrintedOnce()
{
    QTemporaryDir dir;
    const QString config = writeProject(dir.path(), "CREATE TABLE t (id INTEGER);\nINSERT INTO missing_table VALUES (1);\n");
    const ProcessOutput run = runRetort({QStringLiteral("-c"), config, QStringLiteral("--url"),
                                         sqliteUrl(dir.filePath(QStringLiteral("db.sqlite"))),
                                         QStringLiteral("upgrade"), QStringLiteral("head")});
    QCOMPARE(run.exitCode, 4);
    const QStringList errors = errorLines(run.err);
    QVERIFY2(errors.size() == 1, qPrintable(run.err));
    QVERIFY2(errors.first().startsWith(QLatin1String("retort upgrade: error: ")), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1String("missing_table")), 2); // the message and the statement
}

// Planning a dry run reads the database: against a SQLite path that does not exist it plans
// from base and leaves no file behind.
void TestCliSupport::dryRunCreatesNoFile()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("nothing-here.db"));
    const ProcessOutput dry = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), sqliteUrl(database),
                                         QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--dry-run")});
    QVERIFY2(dry.ok(), qPrintable(dry.description));
    QVERIFY(dry.out.contains(QLatin1String("CREATE TABLE documents")));
    QVERIFY2(!QFileInfo::exists(database), "the dry run created the database file");
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

    const ProcessOutput current = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"),
                                             sqliteUrl(database), QStringLiteral("current")});
    QVERIFY2(current.ok(), qPrintable(current.description));
    QVERIFY2(current.err.contains(QLatin1String("no such database file"), Qt::CaseInsensitive), qPrintable(current.err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestCliSupport::upgradeOfMissingFileSaysItCreatesIt()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("new.db"));
    const ProcessOutput run = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), sqliteUrl(database),
                                         QStringLiteral("upgrade"), QStringLiteral("+1")});
    QVERIFY2(run.ok(), qPrintable(run.description));
    QVERIFY2(run.err.contains(QLatin1String("creating the database file ") + database), qPrintable(run.err));
    QVERIFY(QFileInfo::exists(database));
}

// The database is at a revision no script defines: the upgrade is refused and the database
// is left exactly as it was (no history table made first).
void TestCliSupport::refusedUpgradeChangesNothing()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("foreign.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        db.setDatabaseName(database);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('feedfacecafe')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));
    QFile file(database);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    const ProcessOutput run = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), sqliteUrl(database),
                                         QStringLiteral("upgrade"), QStringLiteral("head")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("feedfacecafe")), qPrintable(run.err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll() == before, "the refused upgrade changed the database file");
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("foreign.db")});
}

// Bytes that are not UTF-8 in a script's SQL are an error naming the file and line, before
// anything runs; they are never replaced and written into the database.
void TestCliSupport::invalidUtf8NamesFileAndLine()
{
    QTemporaryDir dir;
    const QString config =
        writeProject(dir.path(), "CREATE TABLE t (id INTEGER, note TEXT);\nINSERT INTO t VALUES (1, 'caf\xe9');\n");
    const QString database = dir.filePath(QStringLiteral("db.sqlite"));
    const QString script = QDir(dir.path()).filePath(QStringLiteral("versions/a1_first.sql"));
    for (const QString& command : {QStringLiteral("upgrade"), QStringLiteral("history")}) {
        QStringList arguments{QStringLiteral("-c"), config, QStringLiteral("--url"), sqliteUrl(database), command};
        if (command == QLatin1String("upgrade"))
            arguments << QStringLiteral("head");
        const ProcessOutput run = runRetort(arguments);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(script + QStringLiteral(":7: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("UTF-8")), qPrintable(run.err));
    }
    QVERIFY(!QFileInfo::exists(database));
}

// `retort log`: the runs of retort_history, newest first, with the failing statement's
// file:line; --json, -r and --failed narrow it; reading it creates nothing.
void TestCliSupport::logShowsTheRecordedRuns()
{
    QTemporaryDir dir;
    const QString failing = QStringLiteral(RETORT_TEST_DATA "/runner/failing/retort.ini");
    const QString database = dir.filePath(QStringLiteral("db.sqlite"));
    const QStringList common{QStringLiteral("-c"), failing, QStringLiteral("--url"), sqliteUrl(database)};
    const ProcessOutput none = runRetort(common + QStringList{QStringLiteral("log")});
    QVERIFY2(none.ok(), qPrintable(none.description));
    QVERIFY2(none.err.contains(QLatin1String("No runs recorded")), qPrintable(none.err));
    QVERIFY(!QFileInfo::exists(database));

    QCOMPARE(runRetort(common + QStringList{QStringLiteral("upgrade"), QStringLiteral("head")}).exitCode, 4);
    const ProcessOutput text = runRetort(common + QStringList{QStringLiteral("log")});
    QVERIFY2(text.ok(), qPrintable(text.description));
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 4, qPrintable(text.out));
    QVERIFY2(lines[0].contains(QLatin1String("upgrade   aaaa00000002  failed")), qPrintable(text.out));
    QVERIFY2(lines[1].contains(QLatin1String("error: ")) && lines[1].contains(QLatin1String("missing_table")),
             qPrintable(text.out));
    QVERIFY2(lines[2].contains(QLatin1String("0002_broken.sql:8: INSERT INTO missing_table")), qPrintable(text.out));
    QVERIFY2(lines[3].contains(QLatin1String("upgrade   aaaa00000001  succeeded")), qPrintable(text.out));

    const ProcessOutput json = runRetort(common + QStringList{QStringLiteral("log"), QStringLiteral("--json")});
    const QJsonArray all = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(all.size(), 2);
    const QJsonObject failed = all.first().toObject();
    QCOMPARE(failed.value(QStringLiteral("revision")).toString(), QStringLiteral("aaaa00000002"));
    QCOMPARE(failed.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    QVERIFY(failed.value(QStringLiteral("failing_location")).toString().endsWith(QLatin1String(".sql:8")));
    QVERIFY(all.last().toObject().value(QStringLiteral("error")).isNull());

    const auto count = [&](const QStringList& options) {
        const ProcessOutput run = runRetort(common + QStringList{QStringLiteral("log"), QStringLiteral("--json")} + options);
        return run.ok() ? int(QJsonDocument::fromJson(run.out.toUtf8()).array().size()) : -1;
    };
    QCOMPARE(count({QStringLiteral("--failed")}), 1);
    QCOMPARE(count({QStringLiteral("-r"), QStringLiteral(":aaaa00000001")}), 1);
    QCOMPARE(count({QStringLiteral("-r"), QStringLiteral("aaaa00000002:")}), 1);
    QCOMPARE(count({QStringLiteral("-r"), QStringLiteral("aaaa00000001:"), QStringLiteral("--failed")}), 1);
    QCOMPARE(runRetort(common + QStringList{QStringLiteral("log"), QStringLiteral("-r"), QStringLiteral("nope:")}).exitCode, 3);
}

QTEST_GUILESS_MAIN(TestCliSupport)
#include "tst_cli_support.moc"
