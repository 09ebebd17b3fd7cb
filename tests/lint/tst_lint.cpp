// SPDX-License-Identifier: Apache-2.0
// Lint: the rules on single statements, scripts in the context of their history (golden
// fixtures in tests/data/lint/<case>/, one per rule), suppression, the Studio's destructive
// check, and `retort lint` run as a process.
#include "lint/destructivesql.h"
#include "common/error.h"
#include "project/project.h"
#include "lint/scriptlinter.h"
#include "lint/sqllint.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QtTest>

using namespace retort;

namespace {

const QString kCases = QStringLiteral(RETORT_TEST_DATA "/lint");
const QString kExample = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");

QStringList readLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

// Fixture folders with an expected.txt (error_* cases have none).
QStringList goldenCases()
{
    QStringList cases;
    for (const QString& name : QDir(kCases).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFile::exists(kCases + u'/' + name + QStringLiteral("/expected.txt")))
            cases << name;
    }
    return cases;
}

QStringList caseArguments(const QString& name)
{
    return readLines(kCases + u'/' + name + QStringLiteral("/arguments"));
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runRetort(const QStringList& arguments, const QString& workingDir)
{
    QProcess process;
    process.setWorkingDirectory(workingDir);
    process.start(QStringLiteral(RETORT_CLI), arguments);
    if (!process.waitForFinished(60000))
        qFatal("retort did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The finding lines of text output: neither the quoted source lines nor the summary.
QStringList findingLines(const QString& out)
{
    QStringList lines;
    for (const QString& line : out.split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.startsWith(QLatin1String("    ")) && !line.contains(QLatin1String("error(s), ")))
            lines << line;
    }
    return lines;
}

QStringList codesOf(const QVector<LintIssue>& issues)
{
    QStringList codes;
    for (const LintIssue& issue : issues)
        codes << issue.code;
    return codes;
}

} // namespace

class TestLint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statementRules_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<bool>("tableIsNew"); // "t" created earlier in the same script
        QTest::addColumn<QStringList>("codes");
        const auto row = [](const char* name, const char* sql, bool postgres, bool isNew,
                            QStringList codes) {
            QTest::newRow(name) << QString::fromUtf8(sql) << postgres << isNew << codes;
        };
        const QString rt101 = QStringLiteral("RT101");
        row("drop table", "DROP TABLE t", false, false, {rt101});
        row("drop new table", "DROP TABLE t", false, true, {});
        row("drop quoted schema-qualified", "drop table \"public\".\"T\"", false, false, {rt101});
        row("drop index is fine", "DROP INDEX ix_t", true, false, {});
        row("drop column without keyword", "ALTER TABLE t DROP c", true, false,
            {QStringLiteral("RT102")});
        row("drop constraint", "ALTER TABLE t DROP CONSTRAINT c", true, false, {});
        row("alter column drop default", "ALTER TABLE t ALTER COLUMN c DROP DEFAULT", true, false,
            {});
        row("delete with where in comment", "DELETE FROM t -- WHERE id = 1", false, false,
            {QStringLiteral("RT104")});
        row("delete with where in string",
            "DELETE FROM t USING u WHERE u.name = 'x' AND t.id = u.id", false, false,
            {QStringLiteral("RT105")});
        row("where only inside a subquery",
            "DELETE FROM t /* all */ RETURNING (SELECT 1 WHERE true)", false, false,
            {QStringLiteral("RT104")});
        row("keywords in strings", "INSERT INTO t VALUES ('DROP TABLE t', E'it\\'s; DROP')", false,
            false, {});
        row("keywords in dollar quotes", "DO $body$ BEGIN DROP TABLE t; END $body$", true, false,
            {});
        row("create index on new table", "CREATE INDEX ix ON t (c)", true, true, {});
        row("create index sqlite", "CREATE INDEX ix ON t (c)", false, false, {});
        row("create index postgresql", "create index if not exists ix on only t using btree (c)",
            true, false, {QStringLiteral("RT301")});
        row("unique index", "CREATE UNIQUE INDEX ix ON t (c)", true, false,
            {QStringLiteral("RT202"), QStringLiteral("RT301")});
        row("concurrently in transaction", "CREATE INDEX CONCURRENTLY ix ON t (c)", true, false,
            {QStringLiteral("RT304")});
        row("reindex concurrently", "REINDEX INDEX CONCURRENTLY ix", true, false,
            {QStringLiteral("RT304")});
        row("several actions",
            "ALTER TABLE t ADD COLUMN a INT NOT NULL, ALTER b SET NOT NULL, "
            "ADD FOREIGN KEY (a) REFERENCES u (id)",
            true, false,
            {QStringLiteral("RT201"), QStringLiteral("RT203"), QStringLiteral("RT303")});
        row("identity column fills rows",
            "ALTER TABLE t ADD COLUMN n BIGINT GENERATED ALWAYS AS "
            "IDENTITY",
            true, false, {QStringLiteral("RT302")});
        row("sqlite required column on a new table", "ALTER TABLE t ADD COLUMN n INT NOT NULL",
            false, true, {QStringLiteral("RT201")});
        row("default expression with function",
            "ALTER TABLE t ADD COLUMN n INT NOT NULL "
            "DEFAULT (abs(-1))",
            true, false, {});
        row("not parsed", "SELEKT gibberish (((", true, false, {});
        row("empty", "", true, false, {});
    }

    void statementRules()
    {
        QFETCH(QString, sql);
        QFETCH(bool, postgres);
        QFETCH(bool, tableIsNew);
        QFETCH(QStringList, codes);
        SqlLint lint(postgres ? Dialect::PostgreSql : Dialect::Sqlite, {});
        if (tableIsNew)
            QVERIFY(lint.check(QStringLiteral("CREATE TABLE t (c INT, b INT)")).isEmpty());
        QCOMPARE(codesOf(lint.check(sql)), codes);
    }

    void schemaIsTracked()
    {
        LintSchema before;
        before.tables[QStringLiteral("t")].columns.insert(QStringLiteral("n"),
                                                          {QStringLiteral("bigint")});
        SqlLint lint(Dialect::PostgreSql, before);
        lint.check(QStringLiteral("ALTER TABLE t RENAME COLUMN n TO m"));
        lint.check(QStringLiteral("ALTER TABLE t RENAME TO u"));
        lint.check(QStringLiteral("CREATE TABLE IF NOT EXISTS u (x int)")); // exists: no effect
        QCOMPARE(lint.schema().column(QStringLiteral("u"), QStringLiteral("m"))->type,
                 QStringLiteral("bigint"));
        QVERIFY(!lint.schema().hasTable(QStringLiteral("t")));
        // Still an existing table (it was only renamed): narrowing it is found.
        QCOMPARE(codesOf(lint.check(QStringLiteral("ALTER TABLE u ALTER m TYPE smallint"))),
                 (QStringList{QStringLiteral("RT103"), QStringLiteral("RT302")}));
        // Widening varchar needs no rewrite; the type before is what the last change set.
        lint.check(QStringLiteral("ALTER TABLE u ADD COLUMN s varchar(10)"));
        QVERIFY(lint.check(QStringLiteral("ALTER TABLE u ALTER s TYPE varchar(20)")).isEmpty());
        QCOMPARE(codesOf(lint.check(QStringLiteral("ALTER TABLE u ALTER s TYPE varchar(15)"))),
                 (QStringList{QStringLiteral("RT103"), QStringLiteral("RT302")}));
    }

    void everyRuleIsTestedAndDocumented()
    {
        QSet<QString> seen;
        for (const QString& name : goldenCases()) {
            for (const QString& line :
                 readLines(kCases + u'/' + name + QStringLiteral("/expected.txt")))
                seen.insert(line.section(u' ', 1, 1));
        }
        QFile docs(QStringLiteral(RETORT_SOURCE_DIR "/docs/lint.md"));
        QVERIFY(docs.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(docs.readAll());
        QStringList codes;
        for (const LintRule& rule : SqlLint::rules()) {
            const QString code = QString::fromLatin1(rule.code);
            QVERIFY2(!codes.contains(code), rule.code);
            codes << code;
            QVERIFY2(seen.contains(code), rule.code); // a fixture finds it
            QVERIFY2(text.contains(QStringLiteral("## ") + code), rule.code);
            QVERIFY2(text.contains(QString::fromLatin1(rule.summary)), rule.summary);
            QCOMPARE(SqlLint::rule(code), &rule);
        }
        QVERIFY(std::is_sorted(codes.begin(), codes.end()));
        QCOMPARE(SqlLint::rule(QStringLiteral("RT999")), nullptr);
    }

    void golden_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : goldenCases())
            QTest::newRow(qPrintable(name)) << name;
        QVERIFY(goldenCases().size() >= 16);
    }

    void golden()
    {
        QFETCH(QString, name);
        const QString dir = kCases + u'/' + name;
        const Project project = Project::open(dir + QStringLiteral("/retort.ini"));
        LintOptions options;
        options.downgrade = caseArguments(name).contains(QStringLiteral("--downgrade"));
        ScriptLinter linter(project.graph());
        QStringList actual;
        for (LintFinding finding : linter.lint({}, options)) {
            QVERIFY(finding.statement.size() > 0);
            QVERIFY(!finding.revision.isEmpty());
            finding.path = QDir(dir).relativeFilePath(finding.path);
            actual << finding.toText(options.dialects);
        }
        QCOMPARE(actual, readLines(dir + QStringLiteral("/expected.txt")));
    }

    void lintOnlyNamedRevisions()
    {
        const Project project = Project::open(kCases + QStringLiteral("/history/retort.ini"));
        const RevisionGraph& graph = project.graph();
        ScriptLinter linter(graph);
        // The merge alone: its findings, with the tables of both branches known.
        const QVector<LintFinding> findings =
            linter.lint({graph.indexOf(QStringLiteral("a0000004"))});
        QCOMPARE(findings.size(), 4);
        for (const LintFinding& finding : findings) {
            QCOMPARE(finding.revision, QStringLiteral("a0000004"));
            QCOMPARE(finding.dialects, QVector<Dialect>{Dialect::PostgreSql});
        }
        // Only SQLite: the merge's postgresql section is not read.
        LintOptions sqlite;
        sqlite.dialects = {Dialect::Sqlite};
        QVERIFY(linter.lint({graph.indexOf(QStringLiteral("a0000004"))}, sqlite).isEmpty());
    }

    void exampleProjectFindings()
    {
        // The example's later revisions index tables that earlier ones created: on PostgreSQL
        // that blocks writes while the index builds. Those are its only upgrade findings.
        const Project project = Project::open(kExample);
        ScriptLinter linter(project.graph());
        QStringList found;
        for (const LintFinding& finding : linter.lint({})) {
            QCOMPARE(finding.code, QStringLiteral("RT301"));
            QCOMPARE(finding.dialects, QVector<Dialect>{Dialect::PostgreSql});
            found << finding.revision + u':' + finding.message.section(u'"', 1, 1);
        }
        QCOMPARE(found, (QStringList{QStringLiteral("c2e84b19f7a0:outputs"),
                                     QStringLiteral("5f7d2a6c8e13:documents"),
                                     QStringLiteral("5f7d2a6c8e13:conversations")}));
    }

    void suppressionComments_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QStringList>("codes");
        const QStringList rt301{QStringLiteral("RT301")};
        QTest::newRow("line above") << "-- retort:lint-ignore RT301\nCREATE INDEX" << 2 << rt301;
        QTest::newRow("several lines above, several codes")
            << "--retort:lint-ignore RT301,RT202\n-- why\nCREATE" << 3
            << QStringList{QStringLiteral("RT301"), QStringLiteral("RT202")};
        QTest::newRow("same line") << "DELETE FROM t; -- retort:lint-ignore RT104" << 1
                                   << QStringList{QStringLiteral("RT104")};
        QTest::newRow("blank line between")
            << "-- retort:lint-ignore RT301\n\nCREATE" << 3 << QStringList();
        QTest::newRow("code line between")
            << "-- retort:lint-ignore RT301\nSELECT 1;\nCREATE" << 3 << QStringList();
        QTest::newRow("no codes") << "-- retort:lint-ignore\nCREATE" << 2 << QStringList();
        QTest::newRow("other comment") << "-- lint-ignore RT301\nCREATE" << 2 << QStringList();
        QTest::newRow("first line") << "CREATE" << 1 << QStringList();
    }

    void suppressionComments()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QStringList, codes);
        QCOMPARE(ScriptLinter::ignoredCodes(text.split(u'\n'), line), codes);
    }

    void destructiveReasonUsesTheRules_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("reason");
        QTest::newRow("drop table") << "DROP TABLE IF EXISTS t"
                                    << "drops a table";
        QTest::newRow("drop column") << "ALTER TABLE t DROP COLUMN c"
                                     << "drops a column";
        QTest::newRow("truncate") << "TRUNCATE t"
                                  << "empties a table";
        QTest::newRow("delete all") << "DELETE FROM t"
                                    << "empties a table";
        QTest::newRow("delete some") << "DELETE FROM t WHERE id = 1"
                                     << "deletes rows";
        QTest::newRow("drop schema") << "DROP SCHEMA s CASCADE"
                                     << "drops a schema";
        QTest::newRow("drop constraint") << "ALTER TABLE t DROP CONSTRAINT c" << QString();
        QTest::newRow("create index") << "CREATE INDEX ix ON t (c)" << QString();
        QTest::newRow("select") << "SELECT 'DROP TABLE t'" << QString();
        QTest::newRow("after comments") << "-- why\n/* and how */ DROP TABLE t"
                                        << "drops a table";
        QTest::newRow("comment only") << "-- DROP TABLE t" << QString();
    }

    void destructiveReasonUsesTheRules()
    {
        QFETCH(QString, sql);
        QFETCH(QString, reason);
        QCOMPARE(destructiveReason(sql), reason);
    }

    // A merge deletes a row of the version table: Retort's bookkeeping, never flagged; the
    // same statement on any other table is.
    void versionTableRowsAreBookkeeping()
    {
        const QString versionTable = QStringLiteral("alembic_version");
        for (const char* sql :
             {"DELETE FROM alembic_version WHERE alembic_version.version_num = 'a1'",
              "delete from public.alembic_version where version_num = 'a1'",
              "DELETE FROM \"alembic_version\" WHERE version_num = 'a1'"})
            QCOMPARE(destructiveReason(QString::fromLatin1(sql), versionTable), QString());
        QCOMPARE(destructiveReason(QStringLiteral("DELETE FROM alembic_version_old WHERE x = 1"),
                                   versionTable),
                 QStringLiteral("deletes rows"));
        QCOMPARE(destructiveReason(QStringLiteral("DELETE FROM users WHERE id = 1"), versionTable),
                 QStringLiteral("deletes rows"));
        QCOMPARE(destructiveReason(QStringLiteral("DROP TABLE alembic_version"), versionTable),
                 QStringLiteral("drops a table"));
    }

    void unreadableScriptNamesFileAndLine()
    {
        const Project project =
            Project::open(kCases + QStringLiteral("/error_unterminated/retort.ini"));
        ScriptLinter linter(project.graph());
        try {
            linter.lint({});
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Script);
            QVERIFY2(error.message().contains(QLatin1String("a0000001_base.sql:6:")),
                     qPrintable(error.message()));
        }
    }

    // ---- the command line ----

    void cliMatchesGolden_data() { golden_data(); }

    void cliMatchesGolden()
    {
        QFETCH(QString, name);
        const QString dir = kCases + u'/' + name;
        const QStringList expected = readLines(dir + QStringLiteral("/expected.txt"));
        const Run run = runRetort(QStringList{QStringLiteral("lint")} + caseArguments(name), dir);
        QCOMPARE(findingLines(run.out), expected);
        // Exit 1 when anything of severity warning or above was found.
        const bool failing = std::any_of(expected.begin(), expected.end(), [](const QString& l) {
            return !l.contains(QLatin1String(" info: "));
        });
        QCOMPARE(run.exitCode, failing ? 1 : 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    void cliJson()
    {
        const QString dir = kCases + QStringLiteral("/rt301_create_index");
        const Run run = runRetort({QStringLiteral("lint"), QStringLiteral("--json")}, dir);
        QCOMPARE(run.exitCode, 1);
        const QJsonArray findings = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(findings.size(), 1);
        const QJsonObject finding = findings.first().toObject();
        QCOMPARE(finding.value(QStringLiteral("code")).toString(), QStringLiteral("RT301"));
        QCOMPARE(finding.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(finding.value(QStringLiteral("revision")).toString(), QStringLiteral("a0000002"));
        QCOMPARE(finding.value(QStringLiteral("direction")).toString(), QStringLiteral("upgrade"));
        QCOMPARE(finding.value(QStringLiteral("line")).toInt(), 5);
        QVERIFY(finding.value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QLatin1String("/versions/a0000002_index.sql")));
        QCOMPARE(finding.value(QStringLiteral("statement")).toString(),
                 QStringLiteral("CREATE INDEX ix_accounts_name ON accounts (name)"));
        QCOMPARE(finding.value(QStringLiteral("dialects")).toArray(),
                 QJsonArray{QStringLiteral("postgresql")});
        QCOMPARE(finding.value(QStringLiteral("reason")).toString(),
                 QString::fromLatin1(SqlLint::rule(QStringLiteral("RT301"))->summary));
    }

    void cliOptionsAndErrors()
    {
        const QString rt301 = kCases + QStringLiteral("/rt301_create_index");
        const QString lint = QStringLiteral("lint");
        // The text form quotes the statement's first line under the finding, then a summary.
        const Run text = runRetort({lint}, rt301);
        QVERIFY2(text.out.contains(
                     QLatin1String("\n    CREATE INDEX ix_accounts_name ON accounts (name)\n"
                                   "0 error(s), 1 warning(s), 0 info\n")),
                 qPrintable(text.out));
        // PostgreSQL rules do not apply to SQLite.
        const Run sqlite =
            runRetort({lint, QStringLiteral("--dialect"), QStringLiteral("sqlite")}, rt301);
        QCOMPARE(sqlite.exitCode, 0);
        QCOMPARE(sqlite.out, QString());
        // One dialect: no "[postgresql]" tag, since every linted dialect has the finding.
        const Run postgres =
            runRetort({lint, QStringLiteral("--dialect"), QStringLiteral("postgresql")}, rt301);
        QCOMPARE(postgres.exitCode, 1);
        QVERIFY(postgres.out.startsWith(QLatin1String(
            "versions/a0000002_index.sql:5: RT301 warning: CREATE INDEX on existing table "
            "\"accounts\" without CONCURRENTLY locks writes\n")));
        // Named revisions only.
        const Run base = runRetort({lint, QStringLiteral("a0000001")}, rt301);
        QCOMPARE(base.exitCode, 0);
        QCOMPARE(base.out, QString());
        const Run head = runRetort({lint, QStringLiteral("head")}, rt301);
        QCOMPARE(head.exitCode, 0); // the head builds its index CONCURRENTLY, outside a transaction

        const Run badDialect =
            runRetort({lint, QStringLiteral("--dialect"), QStringLiteral("oracle")}, rt301);
        QCOMPARE(badDialect.exitCode, 2);
        QVERIFY(badDialect.err.contains(QLatin1String("unknown dialect 'oracle'")));
        const Run unknown = runRetort({lint, QStringLiteral("ffff")}, rt301);
        QCOMPARE(unknown.exitCode, 3);
        const Run broken = runRetort({lint}, kCases + QStringLiteral("/error_unterminated"));
        QCOMPARE(broken.exitCode, 3);
        QVERIFY2(broken.err.contains(QLatin1String("a0000001_base.sql:6: unterminated")),
                 qPrintable(broken.err));
        const Run help = runRetort({lint, QStringLiteral("--help")}, rt301);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--downgrade")));
    }

    void cliExampleProject()
    {
        const Run run =
            runRetort({QStringLiteral("-c"), kExample, QStringLiteral("lint")}, QDir::tempPath());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out.count(QLatin1String(": RT301 warning: ")), 3);
        QVERIFY(run.out.contains(QLatin1String(
            "5f7d2a6c8e13_add_document_and_conversation_owners.sql:17: RT301 warning: CREATE "
            "INDEX on existing table \"documents\" without CONCURRENTLY locks writes "
            "[postgresql]")));
    }
};

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
