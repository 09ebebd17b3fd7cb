// SPDX-License-Identifier: Apache-2.0
// The `retort` command line, run as a real process: commands, JSON output, exit codes,
// and Alembic's own CLI on the same project for comparison.
#include "generatedproject.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString& program, const QStringList& arguments, const QString& workingDir = {})
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

Run runRetort(const QStringList& arguments, const QString& workingDir = {})
{
    return runProgram(QStringLiteral(RETORT_CLI), arguments, workingDir);
}

QJsonArray jsonArray(const Run& run)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        qWarning("not a JSON array: %s", qPrintable(run.out + run.err));
    return document.array();
}

QStringList revisionIds(const QJsonArray& array)
{
    QStringList ids;
    for (const QJsonValue& value : array)
        ids << (value.isObject() ? value.toObject().value(QStringLiteral("revision")).toString()
                                 : value.toString());
    return ids;
}

const QString kExample = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");
const QString kProjects = QStringLiteral(RETORT_TEST_DATA "/projects");
const QString kRunnerData = QStringLiteral(RETORT_TEST_DATA "/runner");

QString sqliteUrl(const QTemporaryDir& dir, const QString& name = QStringLiteral("db.sqlite"))
{
    return QStringLiteral("sqlite:///") + dir.filePath(name);
}

// Lines of `--json` run output: one JSON object per line.
QVector<QJsonObject> jsonLines(const QString& text)
{
    QVector<QJsonObject> objects;
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts))
        objects.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return objects;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageAndExitCodes()
    {
        QCOMPARE(runRetort({}).exitCode, 2);
        QCOMPARE(runRetort({QStringLiteral("--help")}).exitCode, 0);
        const Run unknown = runRetort({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("unknown command 'frobnicate'")));
        QCOMPARE(runRetort({QStringLiteral("history"), QStringLiteral("--no-such-option")}).exitCode, 2);
        const Run help = runRetort({QStringLiteral("revision"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--splice")));
    }

    void missingConfigIsAProjectError()
    {
        QTemporaryDir empty;
        const Run run = runRetort({QStringLiteral("history")}, empty.path());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("retort init")), qPrintable(run.err));
    }

    void exampleProjectHistory()
    {
        const Run run = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("history"),
                                QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray history = jsonArray(run);
        QCOMPARE(history.size(), 7);
        for (const QJsonValue& value : history) {
            const QJsonObject revision = value.toObject();
            for (const char* key : {"revision", "down_revisions", "branch_labels", "depends_on",
                                    "message", "path"})
                QVERIFY2(revision.contains(QLatin1String(key)), key);
            QVERIFY(QFile::exists(revision.value(QStringLiteral("path")).toString()));
        }
        // Newest first: the head leads, the base closes.
        QVERIFY(history.first().toObject().value(QStringLiteral("is_head")).toBool());
        QVERIFY(history.last().toObject().value(QStringLiteral("down_revisions")).toArray().isEmpty());

        const Run text = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("history")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.count(u'\n'), 7);
        QVERIFY(text.out.contains(QLatin1String("<base> -> ")));
        QVERIFY(text.out.contains(QLatin1String("(mergepoint)")));
        QVERIFY(text.out.contains(QLatin1String("(branchpoint)")));
    }

    void exampleProjectHeadsBranchesShow()
    {
        const Run heads = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("heads"),
                                  QStringLiteral("--json")});
        QCOMPARE(heads.exitCode, 0);
        const QStringList headIds = revisionIds(jsonArray(heads));
        QCOMPARE(headIds.size(), 1);

        const Run branches = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("branches")});
        QCOMPARE(branches.exitCode, 0);
        QCOMPARE(branches.out.count(QLatin1String("    -> ")), 2);

        const Run show = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("show"),
                                 headIds.first().left(6)});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.startsWith(QStringLiteral("Rev: ") + headIds.first()));
        QVERIFY(show.out.contains(QLatin1String("Path: ")));

        const Run unknown = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("show"),
                                    QStringLiteral("ffffffffff")});
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY(unknown.err.contains(QLatin1String("no revision or branch label named 'ffffffffff'")));
    }

    void historyRange()
    {
        const QJsonArray all = jsonArray(runRetort({QStringLiteral("-c"), kExample,
                                                 QStringLiteral("history"), QStringLiteral("--json")}));
        const QString base = revisionIds(all).last();
        const QString second = revisionIds(all).at(all.size() - 2);
        const Run run = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("history"),
                                QStringLiteral("-r"), base + u':' + second, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(revisionIds(jsonArray(run)), QStringList({second, base}));
        const Run bad = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("history"),
                                QStringLiteral("-r"), QStringLiteral("a:b:c")});
        QCOMPARE(bad.exitCode, 2);
    }

    void authoringAProject()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("shop"));
        QCOMPARE(runRetort({QStringLiteral("init"), project}).exitCode, 0);
        QVERIFY(QFile::exists(project + QStringLiteral("/retort.ini")));
        QVERIFY(QFileInfo(project + QStringLiteral("/versions")).isDir());
        QCOMPARE(runRetort({QStringLiteral("init"), project}).exitCode, 2); // never overwrites

        const QString config = project + QStringLiteral("/retort.ini");
        auto run = [&](QStringList arguments) {
            return runRetort(QStringList{QStringLiteral("-c"), config} + arguments);
        };
        auto heads = [&] { return revisionIds(jsonArray(run({QStringLiteral("heads"), QStringLiteral("--json")}))); };

        QCOMPARE(run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("create products"),
                      QStringLiteral("--rev-id"), QStringLiteral("aaaa00000001")}).exitCode, 0);
        QVERIFY(QFile::exists(project + QStringLiteral("/versions/aaaa00000001_create_products.sql")));
        QCOMPARE(run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("add orders")}).exitCode, 0);
        const QStringList afterTwo = heads();
        QCOMPARE(afterTwo.size(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{12}$")).match(afterTwo.first()).hasMatch());

        // A branch from a revision that is not a head needs --splice.
        const Run unspliced = run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("x"),
                                   QStringLiteral("--head"), QStringLiteral("aaaa00000001")});
        QCOMPARE(unspliced.exitCode, 2);
        QVERIFY2(unspliced.err.contains(QLatin1String("--splice")), qPrintable(unspliced.err));
        QCOMPARE(run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("billing"),
                      QStringLiteral("--head"), QStringLiteral("aaaa00000001"), QStringLiteral("--splice"),
                      QStringLiteral("--branch-label"), QStringLiteral("billing"),
                      QStringLiteral("--rev-id"), QStringLiteral("bbbb00000001")}).exitCode, 0);
        QCOMPARE(heads().size(), 2);

        // With two heads, "head" is ambiguous: the error names both.
        const Run ambiguous = run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("y")});
        QCOMPARE(ambiguous.exitCode, 3);
        QVERIFY2(ambiguous.err.contains(QLatin1String("bbbb00000001")), qPrintable(ambiguous.err));
        QCOMPARE(run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("invoices"),
                      QStringLiteral("--head"), QStringLiteral("billing@head"),
                      QStringLiteral("--depends-on"), QStringLiteral("aaaa0000")}).exitCode, 0);

        // A new base, and a label that is taken.
        QCOMPARE(run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("audit"),
                      QStringLiteral("--head"), QStringLiteral("base"),
                      QStringLiteral("--branch-label"), QStringLiteral("billing")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("audit"),
                      QStringLiteral("--head"), QStringLiteral("base"),
                      QStringLiteral("--branch-label"), QStringLiteral("audit")}).exitCode, 0);
        QCOMPARE(heads().size(), 3);

        const Run merged = run({QStringLiteral("merge"), QStringLiteral("-m"), QStringLiteral("merge all")});
        QCOMPARE(merged.exitCode, 0);
        QCOMPARE(heads().size(), 1);
        const QJsonArray history = jsonArray(run({QStringLiteral("history"), QStringLiteral("--json")}));
        QCOMPARE(history.size(), 6);
        QCOMPARE(history.first().toObject().value(QStringLiteral("down_revisions")).toArray().size(), 3);
        QJsonObject invoices;
        for (const QJsonValue& value : history) {
            if (value.toObject().value(QStringLiteral("message")).toString() == QLatin1String("invoices"))
                invoices = value.toObject();
        }
        // A dependency given as a prefix is stored as the full id.
        QCOMPARE(invoices.value(QStringLiteral("depends_on")).toArray().first().toString(),
                 QStringLiteral("aaaa00000001"));
        QCOMPARE(run({QStringLiteral("merge"), QStringLiteral("-m"), QStringLiteral("nothing")}).exitCode, 2);
    }

    void brokenProjectsNameTheirFiles()
    {
        const Run cycle = runRetort({QStringLiteral("-c"), kProjects + QStringLiteral("/native_cycle/retort.ini"),
                                  QStringLiteral("heads")});
        QCOMPARE(cycle.exitCode, 3);
        QVERIFY2(cycle.err.contains(QLatin1String("aaaa00000002_two.sql")), qPrintable(cycle.err));
        const Run broken = runRetort({QStringLiteral("-c"), kProjects + QStringLiteral("/native_broken/retort.ini"),
                                   QStringLiteral("history")});
        QCOMPARE(broken.exitCode, 3);
        QVERIFY2(broken.err.contains(QLatin1String("bbbb00000003_typo.sql:2")), qPrintable(broken.err));
        QVERIFY(broken.out.isEmpty());
    }

    // Alembic's own `history` on a generated Alembic project lists the same revisions in the
    // same order as Retort; on a project importing its own packages Alembic fails, Retort not.
    void historyMatchesAlembic_data()
    {
        QTest::addColumn<QVector<retort::Revision>>("revisions");
        QTest::newRow("branch and merge every 50") << retort::testsupport::generatedRevisions(260);
        // Two long parallel branches: Retort's ordering takes another path there.
        QVector<retort::Revision> longBranches;
        auto add = [&](const QString& id, const QStringList& parents) {
            retort::Revision revision;
            revision.id = id;
            revision.downRevisions = parents;
            revision.message = id;
            longBranches.append(revision);
        };
        add(QStringLiteral("000000000000"), {});
        for (int i = 1; i <= 300; ++i) {
            add(QStringLiteral("a%1").arg(i, 11, 10, QLatin1Char('0')),
                {i == 1 ? QStringLiteral("000000000000") : QStringLiteral("a%1").arg(i - 1, 11, 10, QLatin1Char('0'))});
            add(QStringLiteral("b%1").arg(i, 11, 10, QLatin1Char('0')),
                {i == 1 ? QStringLiteral("000000000000") : QStringLiteral("b%1").arg(i - 1, 11, 10, QLatin1Char('0'))});
        }
        add(QStringLiteral("c00000000001"), {QStringLiteral("a00000000300"), QStringLiteral("b00000000300")});
        QTest::newRow("two long branches") << longBranches;
    }

    void historyMatchesAlembic()
    {
        QFETCH(QVector<retort::Revision>, revisions);
        QTemporaryDir dir;
        const QString config = retort::testsupport::writeAlembicProject(dir.path(), revisions);
        const Run alembic = runProgram(QStringLiteral("/usr/bin/python3"),
                                       {QStringLiteral("-m"), QStringLiteral("alembic"),
                                        QStringLiteral("-c"), config, QStringLiteral("history")});
        QCOMPARE(alembic.exitCode, 0);
        QStringList alembicIds;
        static const QRegularExpression line(QStringLiteral("-> ([0-9a-f]{12})"));
        for (const QString& text : alembic.out.split(u'\n', Qt::SkipEmptyParts))
            alembicIds << line.match(text).captured(1);
        QCOMPARE(alembicIds.size(), revisions.size());
        const Run ours = runRetort({QStringLiteral("-c"), config, QStringLiteral("history"),
                                    QStringLiteral("--json")});
        QCOMPARE(ours.exitCode, 0);
        QCOMPARE(revisionIds(jsonArray(ours)), alembicIds);
    }

    void alembicCannotReadWhatRetortCan()
    {
        const QString shop = kProjects + QStringLiteral("/alembic_shop/alembic.ini");
        const Run alembicShop = runProgram(QStringLiteral("/usr/bin/python3"),
                                           {QStringLiteral("-m"), QStringLiteral("alembic"),
                                            QStringLiteral("-c"), shop, QStringLiteral("history")});
        QVERIFY(alembicShop.exitCode != 0);
        QVERIFY2(alembicShop.err.contains(QLatin1String("shop")), qPrintable(alembicShop.err));
        const Run ourShop = runRetort({QStringLiteral("-c"), shop, QStringLiteral("history")});
        QCOMPARE(ourShop.exitCode, 0);
        QCOMPARE(ourShop.out.count(u'\n'), 5);
    }

    void upgradeCurrentDowngradeOnSqlite()
    {
        QTemporaryDir dir;
        const QString url = sqliteUrl(dir);
        auto run = [&](QStringList arguments) {
            return runRetort(QStringList{QStringLiteral("-c"), kExample, QStringLiteral("--url"), url} + arguments);
        };
        // current reads and never creates anything, not even the database file.
        const Run before = run({QStringLiteral("current")});
        QCOMPARE(before.exitCode, 0);
        QVERIFY(before.out.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("db.sqlite"))));

        const Run upgraded = run({QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(upgraded.exitCode, 0);
        QVERIFY2(upgraded.err.contains(QLatin1String("[7/7]")), qPrintable(upgraded.err));
        const QString head = revisionIds(jsonArray(runRetort({QStringLiteral("-c"), kExample,
                                                              QStringLiteral("heads"), QStringLiteral("--json")})))
                                 .first();
        const Run current = run({QStringLiteral("current"), QStringLiteral("--json")});
        QCOMPARE(current.exitCode, 0);
        const QJsonObject status = QJsonDocument::fromJson(current.out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("current")).toArray().first().toString(), head);
        QVERIFY(status.value(QStringLiteral("at_heads")).toBool());
        QCOMPARE(run({QStringLiteral("current"), QStringLiteral("--check-heads")}).exitCode, 0);

        // Syncing each step (tested in tst_runner) is the same run, only slower.
        QCOMPARE(run({QStringLiteral("downgrade"), QStringLiteral("-1"), QStringLiteral("--sync-each-step")})
                     .exitCode,
                 0);
        const Run behind = run({QStringLiteral("current"), QStringLiteral("--check-heads")});
        QCOMPARE(behind.exitCode, 1);
        QVERIFY2(behind.err.contains(QLatin1String("1 step(s) to upgrade")), qPrintable(behind.err));

        QCOMPARE(run({QStringLiteral("downgrade"), QStringLiteral("base")}).exitCode, 0);
        const QJsonObject atBase =
            QJsonDocument::fromJson(run({QStringLiteral("current"), QStringLiteral("--json")}).out.toUtf8()).object();
        QVERIFY(atBase.value(QStringLiteral("current")).toArray().isEmpty());
        QCOMPARE(atBase.value(QStringLiteral("pending_steps")).toInt(), 7);
    }

    // --single-transaction: a failing step leaves nothing; the two modes exclude each other.
    void singleTransaction()
    {
        QTemporaryDir dir;
        const QString config = kRunnerData + QStringLiteral("/failing_late/retort.ini");
        const Run failed = runRetort({QStringLiteral("-c"), config, QStringLiteral("--url"), sqliteUrl(dir),
                                      QStringLiteral("upgrade"), QStringLiteral("heads"),
                                      QStringLiteral("--single-transaction")});
        QCOMPARE(failed.exitCode, 4);
        QVERIFY2(failed.err.contains(QLatin1String("as it was before the run")), qPrintable(failed.err));
        QCOMPARE(runRetort({QStringLiteral("-c"), config, QStringLiteral("--url"), sqliteUrl(dir),
                            QStringLiteral("current"), QStringLiteral("--json")})
                     .out.contains(QLatin1String("\"current\": [\n    ]")),
                 true);
        const Run both = runRetort({QStringLiteral("-c"), config, QStringLiteral("--url"), sqliteUrl(dir),
                                    QStringLiteral("upgrade"), QStringLiteral("heads"),
                                    QStringLiteral("--single-transaction"),
                                    QStringLiteral("--transaction-per-migration")});
        QCOMPARE(both.exitCode, 2);
    }

    void jsonEventsAndDryRun()
    {
        QTemporaryDir dir;
        const QString url = sqliteUrl(dir);
        const Run dry = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), url,
                                   QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains(QLatin1String("CREATE TABLE documents")));
        const QJsonObject notChanged = QJsonDocument::fromJson(
            runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), url, QStringLiteral("current"),
                       QStringLiteral("--json")}).out.toUtf8()).object();
        QVERIFY(notChanged.value(QStringLiteral("current")).toArray().isEmpty());

        const Run json = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), url,
                                    QStringLiteral("upgrade"), QStringLiteral("+2"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QVector<QJsonObject> events = jsonLines(json.out);
        QVERIFY(!events.isEmpty());
        QStringList kinds;
        for (const QJsonObject& event : events) {
            QVERIFY(event.contains(QLatin1String("event")));
            QVERIFY(event.contains(QLatin1String("time")));
            kinds << event.value(QStringLiteral("event")).toString();
        }
        QCOMPARE(kinds.first(), QStringLiteral("plan"));
        QCOMPARE(kinds.last(), QStringLiteral("finished"));
        QCOMPARE(kinds.count(QStringLiteral("step_finished")), 2);
    }

    void offlineSqlNeedsNoDatabase()
    {
        QTemporaryDir dir;
        const Run sql = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"),
                                   QStringLiteral("postgresql://someone:hunter2@127.0.0.1:1/nowhere"),
                                   QStringLiteral("upgrade"), QStringLiteral("--sql"), QStringLiteral("base:head")});
        QCOMPARE(sql.exitCode, 0);
        QVERIFY(sql.out.contains(QLatin1String("BEGIN;")));
        QVERIFY(sql.out.contains(QLatin1String("CREATE TABLE documents")));
        QVERIFY(sql.out.contains(QLatin1String("GENERATED BY DEFAULT AS IDENTITY"))); // PostgreSQL sections
        QVERIFY(!sql.out.contains(QLatin1String("hunter2")));
        const Run down = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), sqliteUrl(dir),
                                    QStringLiteral("downgrade"), QStringLiteral("--sql"), QStringLiteral("head:base")});
        QCOMPARE(down.exitCode, 0);
        QVERIFY(down.out.contains(QLatin1String("DROP TABLE")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("db.sqlite"))));
    }

    void databaseErrorsAreMaskedAndExitFour()
    {
        const Run unreachable = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"),
                                           QStringLiteral("postgresql://someone:hunter2@127.0.0.1:1/nowhere?connect_timeout=2"),
                                           QStringLiteral("current")});
        QCOMPARE(unreachable.exitCode, 4);
        QVERIFY2(unreachable.err.contains(QLatin1String("someone:***@127.0.0.1:1")), qPrintable(unreachable.err));
        QVERIFY(!unreachable.err.contains(QLatin1String("hunter2")));
        QVERIFY(!unreachable.out.contains(QLatin1String("hunter2")));

        QTemporaryDir dir;
        const Run unknown = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), sqliteUrl(dir),
                                       QStringLiteral("upgrade"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 3);
    }

    void failingMigrationNamesFileAndLine()
    {
        QTemporaryDir dir;
        const Run failed = runRetort({QStringLiteral("-c"), kRunnerData + QStringLiteral("/failing/retort.ini"),
                                      QStringLiteral("--url"), sqliteUrl(dir), QStringLiteral("upgrade"),
                                      QStringLiteral("head")});
        QCOMPARE(failed.exitCode, 4);
        static const QRegularExpression location(QStringLiteral("\\.sql:\\d+"));
        QVERIFY2(location.match(failed.err).hasMatch(), qPrintable(failed.err));
        QVERIFY2(failed.err.contains(QLatin1String("missing_table")), qPrintable(failed.err));
    }

    void ctrlCCancelsTheRun()
    {
        QTemporaryDir dir;
        QProcess process;
        process.start(QStringLiteral(RETORT_CLI),
                      {QStringLiteral("-c"), kRunnerData + QStringLiteral("/slow/retort.ini"), QStringLiteral("--url"),
                       sqliteUrl(dir), QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--json")});
        QVERIFY(process.waitForStarted());
        // Wait until the slow step has started, then interrupt as Ctrl-C would.
        QString seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += QString::fromUtf8(process.readAllStandardOutput()),
                                  seen.contains(QLatin1String("cccc00000002")) &&
                                      seen.contains(QLatin1String("step_started"))),
                                 20000);
        QTest::qWait(300);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        const QJsonObject status = QJsonDocument::fromJson(
            runRetort({QStringLiteral("-c"), kRunnerData + QStringLiteral("/slow/retort.ini"), QStringLiteral("--url"),
                       sqliteUrl(dir), QStringLiteral("current"), QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("current")).toArray().first().toString(), QStringLiteral("cccc00000001"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
