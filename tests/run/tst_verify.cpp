// SPDX-License-Identifier: Apache-2.0
// `retort verify` and `retort history -i` on SQLite files: ScriptVerifier against the example
// project applied by the runner and then edited, TextDiff, the history table's script column
// (also on tables made before it existed), and the CLI run as a real process.
#include "childprocess.h"
#include "database/databaseconnection.h"
#include "common/error.h"
#include "run/migrationhistory.h"
#include "run/migrationrunner.h"
#include "project/project.h"
#include "run/scriptverifier.h"
#include "common/textdiff.h"
#include "run/versiontable.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

using Status = ScriptCheck::Status;

const QString kUsers = QStringLiteral("7d41b0e9c6a2");
const QString kUsersScript = QStringLiteral("versions/7d41b0e9c6a2_add_users.sql");
const QString kBaseline = QStringLiteral("3c9e1a7f52b8");
const QString kBaselineScript = QStringLiteral("versions/3c9e1a7f52b8_baseline.sql");
const QString kSessions = QStringLiteral("e58a2f3d90c1"); // the branch point
const QString kStyles = QStringLiteral("1b6fc84e07d9");
const QString kOutputs = QStringLiteral("9a03d7e5b4f6");
const QString kHead = QStringLiteral("5f7d2a6c8e13");
const QString kHeadScript =
    QStringLiteral("versions/5f7d2a6c8e13_add_document_and_conversation_owners.sql");
const QString kOldLine = QStringLiteral("    full_name VARCHAR(255),");
const QString kNewLine = QStringLiteral("    full_name VARCHAR(300),");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
}

// The example project (migrations/) copied into a temporary folder, so that tests may edit
// its scripts, with a SQLite database next to it.
struct ExampleCopy
{
    ExampleCopy()
    {
        const QString from = QStringLiteral(RETORT_SOURCE_DIR "/migrations");
        QDir().mkpath(dir.filePath(QStringLiteral("versions")));
        QFile::copy(from + QStringLiteral("/retort.ini"), config());
        const QStringList scripts = QDir(from + QStringLiteral("/versions")).entryList(QDir::Files);
        for (const QString& script : scripts)
            QFile::copy(from + QStringLiteral("/versions/") + script,
                        path(QStringLiteral("versions/") + script));
        QFile::copy(from + QStringLiteral("/model.sql"), path(QStringLiteral("model.sql")));
    }

    QString path(const QString& relative) const { return dir.filePath(relative); }
    QString config() const { return path(QStringLiteral("retort.ini")); }
    QString url() const { return QStringLiteral("sqlite:///") + path(QStringLiteral("db.sqlite")); }

    RunResult run(RunRequest::Mode mode, const QString& target) const
    {
        RunRequest request;
        request.configPath = config();
        request.databaseUrl = url();
        request.mode = mode;
        request.target = target;
        request.stampTargets = {target};
        MigrationRunner runner;
        return runner.run(request);
    }
    void upgrade(const QString& target) const { run(RunRequest::Mode::Migrate, target); }
    void stamp(const QString& target) const { run(RunRequest::Mode::Stamp, target); }

    // Replaces the first `before` in a script (relative path); fails the test when absent.
    void edit(const QString& script, const QString& before, const QString& after) const
    {
        QString text = QString::fromUtf8(readAll(path(script)));
        const qsizetype at = text.indexOf(before);
        if (at < 0)
            qFatal("%s does not contain the text to edit", qPrintable(script));
        writeAll(path(script), text.replace(at, before.size(), after).toUtf8());
    }

    VerifyReport verify() const
    {
        const Project project = Project::open(config());
        return ScriptVerifier(project).verify(url());
    }

    QTemporaryDir dir;
};

const ScriptCheck* find(const VerifyReport& report, const QString& revision)
{
    for (const ScriptCheck& check : report.checks) {
        if (check.revision == revision)
            return &check;
    }
    return nullptr;
}

QStringList revisionsWith(const VerifyReport& report, Status status)
{
    QStringList result;
    for (const ScriptCheck& check : report.checks) {
        if (check.status == status)
            result.append(check.revision);
    }
    return result;
}

using Run = testsupport::ProcessOutput;

Run runRetort(const ExampleCopy& project, const QStringList& arguments)
{
    return testsupport::runProgram(QStringLiteral(RETORT_CLI),
                                   QStringList{QStringLiteral("-c"), project.config(),
                                               QStringLiteral("--url"), project.url()} +
                                       arguments,
                                   project.dir.path());
}

QJsonDocument json(const Run& run)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(run.out + run.err));
    return document;
}

QStringList lines(const QString& text, const QString& containing)
{
    QStringList result;
    const QStringList all = text.split(u'\n');
    for (const QString& line : all) {
        if (line.contains(containing))
            result.append(line);
    }
    return result;
}

QStringList historyIds(const Run& run)
{
    QStringList ids;
    const QJsonArray array = json(run).array();
    for (const QJsonValue& value : array)
        ids.append(value.toObject().value(QStringLiteral("revision")).toString());
    return ids;
}

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textDiff_data();
    void textDiff();
    void textDiffScriptCoversBothSides();
    void unchangedAfterUpgrade();
    void editedScriptIsReportedWithItsDiff();
    void deletedScriptIsMissing();
    void stampedRevisionsAreNotRecorded();
    void downgradedRevisionsAreNotChecked();
    void historyTableWithoutScriptColumn();
    void unreadableScriptNamesFile();
    void cliVerifyText();
    void cliVerifyJson();
    void cliVerifyNeverWrites();
    void cliHistoryIndicatesCurrent();
    void cliHistoryCurrentInRanges();
};

void TestVerify::textDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");
    const QString ten = QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    const QString header = QStringLiteral("--- a\n+++ b\n");
    QTest::newRow("equal") << ten << ten << QString();
    QTest::newRow("one line changed")
        << ten << QString(ten).replace(QStringLiteral("5\n"), QStringLiteral("five\n"))
        << header + QStringLiteral("@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    QTest::newRow("insert at start")
        << ten << QStringLiteral("0\n") + ten
        << header + QStringLiteral("@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n");
    QTest::newRow("delete at end") << ten << QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8\n9\n")
                                   << header + QStringLiteral("@@ -7,4 +7,3 @@\n 7\n 8\n 9\n-10\n");
    QTest::newRow("from empty") << QString() << QStringLiteral("a\nb\n")
                                << header + QStringLiteral("@@ -0,0 +1,2 @@\n+a\n+b\n");
    QTest::newRow("to one line") << QStringLiteral("a\nb\n") << QStringLiteral("b\n")
                                 << header + QStringLiteral("@@ -1,2 +1 @@\n-a\n b\n");
    QTest::newRow("two hunks")
        << ten + ten
        << QString(ten).replace(QStringLiteral("2\n"), QStringLiteral("two\n")) +
               QString(ten).replace(QStringLiteral("9\n"), QStringLiteral("nine\n"))
        << header + QStringLiteral("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
                                   "@@ -16,5 +16,5 @@\n 6\n 7\n 8\n-9\n+nine\n 10\n");
    QTest::newRow("near changes share a hunk")
        << ten
        << QString(ten)
               .replace(QStringLiteral("3\n"), QStringLiteral("x\n"))
               .replace(QStringLiteral("8\n"), QStringLiteral("y\n"))
        << header + QStringLiteral("@@ -1,10 +1,10 @@\n 1\n 2\n-3\n+x\n 4\n 5\n 6\n 7\n-8\n+y\n"
                                   " 9\n 10\n");
    QTest::newRow("moved line") << QStringLiteral("a\nb\nc\n") << QStringLiteral("b\nc\na\n")
                                << header + QStringLiteral("@@ -1,3 +1,3 @@\n-a\n b\n c\n+a\n");
}

void TestVerify::textDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QCOMPARE(TextDiff::unified(before, after, QStringLiteral("a"), QStringLiteral("b")), expected);
}

void TestVerify::textDiffScriptCoversBothSides()
{
    // Both sides come back out of the script, and its edits are the fewest (the LCS of
    // "ABCABBA" and "CBABAC" has 4 lines: 3 + 2 edits).
    const QStringList a = QStringLiteral("A B C A B B A").split(u' ');
    const QStringList b = QStringLiteral("C B A B A C").split(u' ');
    const QVector<DiffLine> script = TextDiff::diff(a, b);
    QStringList before;
    QStringList after;
    int edits = 0;
    for (const DiffLine& line : script) {
        if (line.kind != DiffLine::Kind::Added)
            before.append(line.text);
        if (line.kind != DiffLine::Kind::Removed)
            after.append(line.text);
        edits += line.kind == DiffLine::Kind::Same ? 0 : 1;
    }
    QCOMPARE(before, a);
    QCOMPARE(after, b);
    QCOMPARE(edits, 5);
    // Past the edit limit the diff is still correct: all removed, all added.
    QStringList many;
    QStringList others;
    for (int i = 0; i < TextDiff::kMaxEdits; ++i) {
        many.append(QString::number(i));
        others.append(QStringLiteral("x") + QString::number(i));
    }
    const QVector<DiffLine> big = TextDiff::diff(many, others);
    QCOMPARE(big.size(), 2 * TextDiff::kMaxEdits);
    QCOMPARE(big.first().kind, DiffLine::Kind::Removed);
    QCOMPARE(big.last().kind, DiffLine::Kind::Added);
}

void TestVerify::unchangedAfterUpgrade()
{
    const ExampleCopy project;
    project.upgrade(QStringLiteral("heads"));
    const VerifyReport report = project.verify();
    QCOMPARE(report.checks.size(), 7);
    QCOMPARE(report.count(Status::Unchanged), 7);
    QVERIFY(!report.hasProblems());
    QCOMPARE(report.current, QStringList{kHead});
    // Oldest first, as they ran.
    QCOMPARE(report.checks.first().revision, kBaseline);
    QCOMPARE(report.checks.last().revision, kHead);
    // The history holds the text that ran.
    DatabaseConnection connection(DatabaseUrl::parse(project.url()), QStringLiteral("peek"));
    const QHash<QString, HistoryRecord> applied =
        MigrationHistory(VersionTable(Dialect::Sqlite)).appliedRecords(connection.db());
    QCOMPARE(applied.value(kUsers).script, QString::fromUtf8(readAll(project.path(kUsersScript))));
}

void TestVerify::editedScriptIsReportedWithItsDiff()
{
    const ExampleCopy project;
    project.upgrade(QStringLiteral("heads"));
    project.edit(kUsersScript, kOldLine, kNewLine);
    const VerifyReport report = project.verify();
    QVERIFY(report.hasProblems());
    QCOMPARE(revisionsWith(report, Status::Changed), QStringList{kUsers});
    QCOMPARE(report.count(Status::Unchanged), 6);
    const ScriptCheck* check = find(report, kUsers);
    QVERIFY(check);
    QCOMPARE(QFileInfo(check->path).canonicalFilePath(),
             QFileInfo(project.path(kUsersScript)).canonicalFilePath());
    QVERIFY(check->textRecorded);
    QVERIFY(check->checksum != check->recordedChecksum);
    QCOMPARE(check->checksum,
             QString::fromLatin1(QCryptographicHash::hash(readAll(project.path(kUsersScript)),
                                                          QCryptographicHash::Sha256)
                                     .toHex()));
    // Line 14 of the script, with three lines of context either side.
    const QStringList diff = check->diff.split(u'\n');
    QVERIFY2(diff.value(0).startsWith(QLatin1String("--- ")) &&
                 diff.value(0).endsWith(QLatin1String(" (applied)")),
             qPrintable(check->diff));
    QVERIFY2(diff.value(1).endsWith(QLatin1String("_add_users.sql (on disk)")),
             qPrintable(check->diff));
    QCOMPARE(diff.value(2), QStringLiteral("@@ -11,7 +11,7 @@"));
    QCOMPARE(diff.value(6), u'-' + kOldLine);
    QCOMPARE(diff.value(7), u'+' + kNewLine);
    QCOMPARE(lines(check->diff, QStringLiteral("@@")).size(), 1);
}

void TestVerify::deletedScriptIsMissing()
{
    const ExampleCopy project;
    project.upgrade(QStringLiteral("heads"));
    QVERIFY(QFile::remove(project.path(kHeadScript)));
    const VerifyReport report = project.verify();
    QVERIFY(report.hasProblems());
    QCOMPARE(revisionsWith(report, Status::Missing), QStringList{kHead});
    QCOMPARE(report.count(Status::Unchanged), 6);
    const ScriptCheck& missing = report.checks.last();
    QVERIFY(missing.path.isEmpty());
    QVERIFY(!missing.recordedChecksum.isEmpty()); // the history knows what ran
    QCOMPARE(missing.toJson().value(QStringLiteral("status")).toString(),
             QStringLiteral("missing"));
}

void TestVerify::stampedRevisionsAreNotRecorded()
{
    const ExampleCopy project;
    project.upgrade(kUsers);
    project.stamp(QStringLiteral("heads"));
    const VerifyReport report = project.verify();
    QVERIFY(!report.hasProblems());
    QCOMPARE(revisionsWith(report, Status::Unchanged), (QStringList{kBaseline, kUsers}));
    QCOMPARE(report.count(Status::NotRecorded), 5);
    QVERIFY(find(report, kHead));
    QCOMPARE(find(report, kHead)->status, Status::NotRecorded);
    QVERIFY(find(report, kHead)->checksum.isEmpty());
}

void TestVerify::downgradedRevisionsAreNotChecked()
{
    const ExampleCopy project;
    project.upgrade(QStringLiteral("heads"));
    RunRequest down;
    down.configPath = project.config();
    down.databaseUrl = project.url();
    down.direction = Direction::Downgrade;
    down.target = kUsers;
    MigrationRunner().run(down);
    project.edit(kHeadScript, QStringLiteral("-- +upgrade"),
                 QStringLiteral("-- +upgrade\n-- later"));
    const VerifyReport report = project.verify();
    QVERIFY(!report.hasProblems());
    QCOMPARE(revisionsWith(report, Status::Unchanged), (QStringList{kBaseline, kUsers}));
}

void TestVerify::historyTableWithoutScriptColumn()
{
    const ExampleCopy project;
    project.upgrade(kBaseline);
    {
        // As Retort made the table before it kept the scripts' text.
        DatabaseConnection connection(DatabaseUrl::parse(project.url()), QStringLiteral("old"));
        QSqlQuery query(connection.db());
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE retort_history DROP COLUMN script")));
        QVERIFY(!MigrationHistory(VersionTable(Dialect::Sqlite)).hasScriptColumn(connection.db()));
    }
    project.edit(kBaselineScript, QStringLiteral("-- +upgrade"),
                 QStringLiteral("-- +upgrade\n-- edited"));
    VerifyReport report = project.verify();
    QCOMPARE(revisionsWith(report, Status::Changed), QStringList{kBaseline});
    QVERIFY(!report.checks.first().textRecorded);
    QVERIFY(report.checks.first().diff.isEmpty());

    // The next run adds the column and fills it.
    project.upgrade(kUsers);
    DatabaseConnection connection(DatabaseUrl::parse(project.url()), QStringLiteral("peek"));
    const MigrationHistory history(VersionTable(Dialect::Sqlite));
    QVERIFY(history.hasScriptColumn(connection.db()));
    const QVector<HistoryRecord> records = history.read(connection.db());
    QCOMPARE(records.size(), 2);
    QVERIFY(records[0].script.isEmpty());
    QVERIFY(records[1].script.startsWith(QLatin1String("-- Org Archivist: add user accounts.")));
    report = project.verify();
    QCOMPARE(revisionsWith(report, Status::Changed), QStringList{kBaseline});
    QCOMPARE(revisionsWith(report, Status::Unchanged), QStringList{kUsers});
}

void TestVerify::unreadableScriptNamesFile()
{
    const ExampleCopy project;
    project.upgrade(kUsers);
    const Project loaded = Project::open(project.config());
    QFile::remove(project.path(kUsersScript));
    QVERIFY(QDir().mkpath(project.path(kUsersScript))); // a folder where the file was
    try {
        ScriptVerifier(loaded).verify(project.url());
        QFAIL("an unreadable script must be reported");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Script);
        QVERIFY2(error.message().contains(QLatin1String("7d41b0e9c6a2_add_users.sql")),
                 qPrintable(error.message()));
    }
}

void TestVerify::cliVerifyText()
{
    const ExampleCopy project;
    project.upgrade(QStringLiteral("heads"));
    Run run = runRetort(project, {QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("7 unchanged, 0 changed, 0 missing, 0 not recorded\n"));

    project.edit(kUsersScript, kOldLine, kNewLine);
    run = runRetort(project, {QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(lines(run.out, QStringLiteral("changed: ")),
             QStringList{QStringLiteral("changed: ") + kUsersScript +
                         QStringLiteral(" (revision ") + kUsers + u')'});
    QVERIFY2(run.out.contains(QStringLiteral("\n-%1\n+%2\n").arg(kOldLine, kNewLine)),
             qPrintable(run.out));
    QVERIFY(run.out.endsWith(QLatin1String("6 unchanged, 1 changed, 0 missing, 0 not recorded\n")));

    QVERIFY(QFile::remove(project.path(kHeadScript)));
    run = runRetort(project, {QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(lines(run.out, QStringLiteral("missing: ")).size(), 1);
    QVERIFY(run.out.contains(kHead));
}

void TestVerify::cliVerifyJson()
{
    const ExampleCopy project;
    project.upgrade(kUsers);
    project.stamp(kSessions);
    project.edit(kBaselineScript, QStringLiteral("-- +upgrade"),
                 QStringLiteral("-- +upgrade\n-- edited"));
    const Run run = runRetort(project, {QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject root = json(run).object();
    QCOMPARE(root.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(root.value(QStringLiteral("current")).toArray(), QJsonArray{kSessions});
    const QJsonObject counts = root.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("unchanged")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("not_recorded")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("missing")).toInt(), 0);
    const QJsonArray revisions = root.value(QStringLiteral("revisions")).toArray();
    QCOMPARE(revisions.size(), 3);
    const QJsonObject changed = revisions.at(0).toObject();
    QCOMPARE(changed.value(QStringLiteral("revision")).toString(), kBaseline);
    QCOMPARE(changed.value(QStringLiteral("status")).toString(), QStringLiteral("changed"));
    QVERIFY(
        changed.value(QStringLiteral("path")).toString().endsWith(QLatin1String("_baseline.sql")));
    QCOMPARE(changed.value(QStringLiteral("checksum")).toString().size(), 64);
    QCOMPARE(changed.value(QStringLiteral("recorded_checksum")).toString().size(), 64);
    QVERIFY(
        changed.value(QStringLiteral("diff")).toString().contains(QLatin1String("\n+-- edited\n")));
    const QJsonObject unchanged = revisions.at(1).toObject();
    QCOMPARE(unchanged.value(QStringLiteral("status")).toString(), QStringLiteral("unchanged"));
    QVERIFY(unchanged.value(QStringLiteral("diff")).isNull());
    const QJsonObject stamped = revisions.at(2).toObject();
    QCOMPARE(stamped.value(QStringLiteral("revision")).toString(), kSessions);
    QCOMPARE(stamped.value(QStringLiteral("status")).toString(), QStringLiteral("not recorded"));
    QVERIFY(stamped.value(QStringLiteral("recorded_checksum")).isNull());
}

void TestVerify::cliVerifyNeverWrites()
{
    const ExampleCopy project;
    // No database yet: nothing applied, and no file made.
    Run run = runRetort(project, {QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!QFile::exists(project.path(QStringLiteral("db.sqlite"))));
    // A database of Alembic's (no history table): not recorded, and still nothing written.
    {
        DatabaseConnection connection(DatabaseUrl::parse(project.url()), QStringLiteral("make"));
        const VersionTable table(Dialect::Sqlite);
        table.ensureExists(connection.db());
        table.apply(connection.db(), {{{VersionRowChange::Kind::Insert, {}, kUsers}}});
    }
    const QByteArray before = readAll(project.path(QStringLiteral("db.sqlite")));
    run = runRetort(project, {QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("not recorded: ") + kBaselineScript +
                          QStringLiteral(" (revision ") + kBaseline +
                          QStringLiteral("): applied without a checksum (by Alembic, or "
                                         "stamped)\nnot recorded: ") +
                          kUsersScript + QStringLiteral(" (revision ") + kUsers +
                          QStringLiteral("): applied without a checksum (by Alembic, or stamped)\n"
                                         "0 unchanged, 0 changed, 0 missing, 2 not recorded\n"));
    QCOMPARE(readAll(project.path(QStringLiteral("db.sqlite"))), before);
    // Arguments are refused.
    run = runRetort(project, {QStringLiteral("verify"), QStringLiteral("head")});
    QCOMPARE(run.exitCode, 2);
}

void TestVerify::cliHistoryIndicatesCurrent()
{
    const ExampleCopy project;
    project.upgrade(kSessions);
    Run run = runRetort(project, {QStringLiteral("history"), QStringLiteral("-i")});
    QCOMPARE(run.exitCode, 0);
    // Alembic's order of markers: (head) (current) (branchpoint) (mergepoint).
    QCOMPARE(lines(run.out, QStringLiteral("(current)")),
             QStringList{QStringLiteral("%1 -> %2 (current) (branchpoint), add user sessions")
                             .arg(kUsers, kSessions)});
    QCOMPARE(run.out.count(u'\n'), 7);
    // Without -i nothing is marked and the database is not needed.
    run = runRetort(project, {QStringLiteral("history")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains(QLatin1String("(current)")));
    // Verbose blocks are marked too.
    run =
        runRetort(project, {QStringLiteral("history"), QStringLiteral("-i"), QStringLiteral("-v")});
    QCOMPARE(lines(run.out, QStringLiteral("(current)")),
             QStringList{QStringLiteral("Rev: %1 (current) (branchpoint)").arg(kSessions)});

    run = runRetort(project, {QStringLiteral("history"), QStringLiteral("--indicate-current"),
                              QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray array = json(run).array();
    QCOMPARE(array.size(), 7);
    QStringList current;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        QVERIFY(object.contains(QStringLiteral("is_current")));
        if (object.value(QStringLiteral("is_current")).toBool())
            current.append(object.value(QStringLiteral("revision")).toString());
    }
    QCOMPARE(current, QStringList{kSessions});
    // Two current revisions (both branches), the head marker before (current).
    project.upgrade(QStringLiteral("heads"));
    run = runRetort(project, {QStringLiteral("history"), QStringLiteral("-i")});
    QCOMPARE(
        lines(run.out, QStringLiteral("(current)")),
        QStringList{QStringLiteral("c2e84b19f7a0 -> %1 (styles) (head) (current), add owners to "
                                   "documents and conversations")
                        .arg(kHead)});
}

void TestVerify::cliHistoryCurrentInRanges()
{
    const ExampleCopy project;
    project.upgrade(kSessions);
    const auto history = [&](const QString& range) {
        return runRetort(project, {QStringLiteral("history"), QStringLiteral("-i"),
                                   QStringLiteral("--json"), QStringLiteral("-r"), range});
    };
    Run run = history(QStringLiteral("current:"));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(historyIds(run).size(), 5);
    QCOMPARE(historyIds(run).last(), kSessions);
    QCOMPARE(historyIds(history(QStringLiteral(":current"))),
             (QStringList{kSessions, kUsers, kBaseline}));
    QCOMPARE(historyIds(history(QStringLiteral("-1:current"))), (QStringList{kSessions, kUsers}));

    // Without -i, "current" and relative names cannot be resolved.
    run = runRetort(project,
                    {QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("current:")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("current")), qPrintable(run.err));

    // Several current revisions: the union of their ranges.
    project.upgrade(kStyles);
    project.upgrade(kOutputs);
    run = history(QStringLiteral("current:"));
    QCOMPARE(run.exitCode, 0);
    QStringList ids = historyIds(run);
    QCOMPARE(ids.size(), 4);
    QVERIFY(ids.contains(kStyles) && ids.contains(kOutputs) && ids.contains(kHead));
    QVERIFY(!ids.contains(kSessions));
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
