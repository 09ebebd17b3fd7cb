// SPDX-License-Identifier: Apache-2.0
// Lint: the rules on single statements, scripts in the context of their history (golden
// fixtures in tests/data/lint/<case>/, one per rule), suppression, the Studio's destructive
// check, and `retort lint` run as a process.
#include "lint/destructivesql.h"
#include "common/error.h"
#include "project/project.h"
#include "lint/lintrules.h"
#include "lint/scriptlinter.h"
#include "lint/sqllint.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
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
        // Not destructive; on PostgreSQL it locks the table without CONCURRENTLY.
        row("drop index is not destructive", "DROP INDEX ix_t", false, false, {});
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
            {QStringLiteral("RT201"), QStringLiteral("RT203"), QStringLiteral("RT307"),
             QStringLiteral("RT303")});
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
        // The rules added with the catalogue (one row each at least; golden folders show more).
        row("truncate cascade", "TRUNCATE t CASCADE", true, false,
            {QStringLiteral("RT104"), QStringLiteral("RT107")});
        row("drop cascade", "DROP VIEW v CASCADE", true, false, {QStringLiteral("RT108")});
        row("drop schema restrict is refused when not empty", "DROP SCHEMA s", true, false, {});
        row("drop database", "DROP DATABASE d", true, false,
            {QStringLiteral("RT106"), QStringLiteral("RT403")});
        row("add unique constraint", "ALTER TABLE t ADD CONSTRAINT u UNIQUE (c)", true, false,
            {QStringLiteral("RT202"), QStringLiteral("RT306")});
        row("unique using index", "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX ix", true,
            false, {});
        row("add column primary key", "ALTER TABLE t ADD COLUMN k BIGINT PRIMARY KEY", true, false,
            {QStringLiteral("RT201"), QStringLiteral("RT306")});
        row("refresh concurrently runs in a transaction",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv", true, false, {});
        row("refresh", "REFRESH MATERIALIZED VIEW mv", true, false, {QStringLiteral("RT309")});
        row("reindex", "REINDEX TABLE t", true, false, {QStringLiteral("RT308")});
        row("vacuum full", "VACUUM (FULL, ANALYZE) t", true, false,
            {QStringLiteral("RT302"), QStringLiteral("RT403")});
        row("cluster", "CLUSTER t USING ix", true, false, {QStringLiteral("RT302")});
        row("set logged", "ALTER TABLE t SET LOGGED", true, false, {QStringLiteral("RT302")});
        row("domain check", "ALTER DOMAIN d ADD CHECK (VALUE > 0)", true, false,
            {QStringLiteral("RT310")});
        row("domain check not valid", "ALTER DOMAIN d ADD CHECK (VALUE > 0) NOT VALID", true,
            false, {});
        row("begin in a transactional script", "BEGIN", false, false, {QStringLiteral("RT402")});
        row("commit", "COMMIT", true, false, {QStringLiteral("RT402")});
        row("rollback to savepoint", "ROLLBACK TO SAVEPOINT s", true, false, {});
        row("vacuum sqlite", "VACUUM", false, false, {QStringLiteral("RT403")});
        row("rename table", "ALTER TABLE t RENAME TO u", false, false, {QStringLiteral("RT501")});
        row("rename column", "ALTER TABLE t RENAME COLUMN c TO d", true, false,
            {QStringLiteral("RT502")});
        row("rename new table", "ALTER TABLE t RENAME TO u", false, true, {});
        row("drop not null", "ALTER TABLE t ALTER c DROP NOT NULL", true, false,
            {QStringLiteral("RT503")});
        row("long identifier",
            "CREATE TABLE x (a_column_name_that_is_certainly_longer_than_sixty_three_bytes_in_total INT)",
            true, false, {QStringLiteral("RT504")});
        row("63 bytes is fine",
            "CREATE TABLE x (abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc INT)",
            true, false, {});
        row("sqlite add unique column", "ALTER TABLE t ADD COLUMN u TEXT UNIQUE", false, true,
            {QStringLiteral("RT801")});
        row("sqlite add column non-constant default",
            "ALTER TABLE t ADD COLUMN at TEXT DEFAULT CURRENT_TIMESTAMP", false, false,
            {QStringLiteral("RT802")});
        row("sqlite add column constant default in parentheses",
            "ALTER TABLE t ADD COLUMN n INT DEFAULT (1)", false, false, {});
        row("sqlite alter column", "ALTER TABLE t ALTER COLUMN c TYPE TEXT", false, false,
            {QStringLiteral("RT803")});
        row("sqlite two changes", "ALTER TABLE t ADD COLUMN a INT, ADD COLUMN b INT", false, false,
            {QStringLiteral("RT803")});
        row("keywords inside a function body",
            "CREATE FUNCTION f() RETURNS void AS $$ BEGIN TRUNCATE t CASCADE; COMMIT; END $$ "
            "LANGUAGE plpgsql",
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
        before.editTable(QStringLiteral("t")).columns.insert(QStringLiteral("n"),
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

    // Every rule of the catalogue: a golden folder tests/data/lint/rtNNN_<name>/ whose bad
    // script triggers it and whose safe rewrite (files named *_safe*) does not, and a section in
    // docs/lint.md with its summary, a bad example, why it hurts and the safe rewrite.
    void everyRuleIsTestedAndDocumented()
    {
        QFile docs(QStringLiteral(RETORT_SOURCE_DIR "/docs/lint.md"));
        QVERIFY(docs.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(docs.readAll());
        const QStringList folders = QDir(kCases).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QStringList codes;
        QStringList names;
        for (const LintRule& rule : SqlLint::rules()) {
            const QString code = QString::fromLatin1(rule.code);
            QVERIFY2(!codes.contains(code), rule.code);
            QVERIFY2(!names.contains(QLatin1String(rule.name)), rule.name);
            codes << code;
            names << QString::fromLatin1(rule.name);
            QCOMPARE(SqlLint::rule(code), &rule);
            QCOMPARE(LintRules::find(QString::fromLatin1(rule.name)), &rule);
            QVERIFY2(rule.dialects != 0, rule.code);

            // The golden folder: found by the bad script, never by the safe rewrite.
            const QString prefix = code.toLower() + u'_';
            const auto folder = std::find_if(folders.begin(), folders.end(), [&](const QString& f) {
                return f.startsWith(prefix);
            });
            QVERIFY2(folder != folders.end(), rule.code);
            bool found = false;
            for (const QString& line : readLines(kCases + u'/' + *folder + QStringLiteral("/expected.txt"))) {
                if (line.section(u' ', 1, 1) != code)
                    continue;
                QVERIFY2(!line.section(u':', 0, 0).contains(QLatin1String("_safe")),
                         qPrintable(line));
                found = true;
            }
            QVERIFY2(found, rule.code);
            QVERIFY2(!QDir(kCases + u'/' + *folder + QStringLiteral("/versions"))
                          .entryList({QStringLiteral("*_safe*.sql")})
                          .isEmpty(),
                     rule.code);

            // The documentation: "### RTnnn name", the summary, Bad / Why / Safe.
            const QString heading = QStringLiteral("### ") + code + u' ' + QLatin1String(rule.name);
            const qsizetype at = text.indexOf(heading + u'\n');
            QVERIFY2(at >= 0, qPrintable(heading));
            qsizetype next = text.indexOf(QLatin1String("\n### "), at + 1);
            const qsizetype chapter = text.indexOf(QLatin1String("\n## "), at + 1);
            if (next < 0 || (chapter >= 0 && chapter < next))
                next = chapter;
            const QString section = text.mid(at, next < 0 ? -1 : next - at);
            QVERIFY2(section.contains(QString::fromLatin1(rule.summary)), rule.summary);
            for (const char* part : {"**Bad**", "**Why it hurts**", "**Safe**"})
                QVERIFY2(section.contains(QLatin1String(part)), qPrintable(code + u' ' + QLatin1String(part)));
            QVERIFY2(section.count(QLatin1String("```sql")) >= 2, rule.code);
        }
        QVERIFY(std::is_sorted(codes.begin(), codes.end()));
        QVERIFY(codes.size() >= 53);
        QCOMPARE(SqlLint::rule(QStringLiteral("RT999")), nullptr);
    }

    void golden_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : goldenCases())
            QTest::newRow(qPrintable(name)) << name;
        QVERIFY(goldenCases().size() >= 55);
    }

    void golden()
    {
        QFETCH(QString, name);
        const QString dir = kCases + u'/' + name;
        const Project project = Project::open(dir + QStringLiteral("/retort.ini"));
        // The folder's [lint] section: dialects, server versions, rules turned on.
        LintOptions options = LintOptions::fromConfig(LintConfig::load(dir + QStringLiteral("/retort.ini")));
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
        // The merge alone: its findings, with the tables of both branches known (RT404, the
        // script-level lock_timeout finding, is left out: this is about the schema).
        LintOptions options;
        options.config.disable(QStringLiteral("RT404"), QStringLiteral("test"));
        const QVector<LintFinding> findings =
            linter.lint({graph.indexOf(QStringLiteral("a0000004"))}, options);
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
        // that blocks writes while the index builds (RT301). The two that alter existing
        // tables set no lock_timeout first (RT404, once per script, at the first statement
        // that waits for a lock). Those are its only upgrade findings, all PostgreSQL, all true
        // (reviewed; docs/lint.md, "The example project").
        const Project project = Project::open(kExample);
        ScriptLinter linter(project.graph());
        QStringList found;
        for (const LintFinding& finding : linter.lint({})) {
            QCOMPARE(finding.dialects, QVector<Dialect>{Dialect::PostgreSql});
            QCOMPARE(finding.severity, LintSeverity::Warning);
            found << finding.code + u':' + finding.revision + u':' + QString::number(finding.line);
        }
        QCOMPARE(found, (QStringList{QStringLiteral("RT404:c2e84b19f7a0:11"),
                                     QStringLiteral("RT301:c2e84b19f7a0:13"),
                                     QStringLiteral("RT404:5f7d2a6c8e13:12"),
                                     QStringLiteral("RT301:5f7d2a6c8e13:17"),
                                     QStringLiteral("RT301:5f7d2a6c8e13:23")}));
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
        // Exit 1 when an error was found (issue 16: warnings alone no longer fail the lint)...
        const auto any = [&](const char* severity) {
            return std::any_of(expected.begin(), expected.end(), [&](const QString& l) {
                return l.contains(QLatin1String(severity));
            });
        };
        QCOMPARE(run.exitCode, any(" error: ") ? 1 : 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        // ...and with --fail-on warning when anything of severity warning or above was found.
        const Run strict = runRetort(QStringList{QStringLiteral("lint"), QStringLiteral("--fail-on"),
                                                 QStringLiteral("warning")} +
                                         caseArguments(name),
                                     dir);
        QCOMPARE(strict.exitCode, any(" error: ") || any(" warning: ") ? 1 : 0);
    }

    void cliJson()
    {
        const QString dir = kCases + QStringLiteral("/rt301_create_index");
        const Run run = runRetort({QStringLiteral("lint"), QStringLiteral("--json")}, dir);
        QCOMPARE(run.exitCode, 0); // warnings only
        const QJsonArray findings = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(findings.size(), 2); // RT301, and RT404 about the same statement
        QCOMPARE(findings.last().toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("RT404"));
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
        // Where it is: the whole statement, columns 1 to 49 of line 5.
        QCOMPARE(finding.value(QStringLiteral("rule")).toString(),
                 QStringLiteral("create-index-locks-writes"));
        QCOMPARE(finding.value(QStringLiteral("column")).toInt(), 1);
        QCOMPARE(finding.value(QStringLiteral("end_line")).toInt(), 5);
        QCOMPARE(finding.value(QStringLiteral("end_column")).toInt(), 49);
        QCOMPARE(finding.value(QStringLiteral("statement_line")).toInt(), 5);
        QCOMPARE(finding.value(QStringLiteral("statement_column")).toInt(), 1);
        QCOMPARE(finding.value(QStringLiteral("statement_end_line")).toInt(), 5);
        QCOMPARE(finding.value(QStringLiteral("statement_end_column")).toInt(), 49);
        // --format json is the same.
        const Run format = runRetort({QStringLiteral("lint"), QStringLiteral("--format"),
                                      QStringLiteral("json")},
                                     dir);
        QCOMPARE(format.out, run.out);
    }

    void cliOptionsAndErrors()
    {
        const QString rt301 = kCases + QStringLiteral("/rt301_create_index");
        const QString lint = QStringLiteral("lint");
        // The text form quotes the statement's first line under the finding, then a summary.
        const Run text = runRetort({lint}, rt301);
        QVERIFY2(text.out.contains(
                     QLatin1String("\n    CREATE INDEX ix_accounts_name ON accounts (name)\n"
                                   "0 error(s), 2 warning(s), 0 info\n")),
                 qPrintable(text.out));
        // PostgreSQL rules do not apply to SQLite.
        const Run sqlite =
            runRetort({lint, QStringLiteral("--dialect"), QStringLiteral("sqlite")}, rt301);
        QCOMPARE(sqlite.exitCode, 0);
        QCOMPARE(sqlite.out, QString());
        // One dialect: no "[postgresql]" tag, since every linted dialect has the finding.
        const Run postgres =
            runRetort({lint, QStringLiteral("--dialect"), QStringLiteral("postgresql")}, rt301);
        QCOMPARE(postgres.exitCode, 0); // warnings only; 1 with --fail-on warning
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
        QCOMPARE(run.exitCode, 0); // five warnings, no error
        QVERIFY2(run.out.endsWith(QLatin1String("0 error(s), 5 warning(s), 0 info\n")),
                 qPrintable(run.out));
        QCOMPARE(run.out.count(QLatin1String(": RT301 warning: ")), 3);
        QCOMPARE(run.out.count(QLatin1String(": RT404 warning: ")), 2);
        const Run strict = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("lint"),
                                      QStringLiteral("--fail-on"), QStringLiteral("warning")},
                                     QDir::tempPath());
        QCOMPARE(strict.exitCode, 1);
        QVERIFY(run.out.contains(QLatin1String(
            "5f7d2a6c8e13_add_document_and_conversation_owners.sql:17: RT301 warning: CREATE "
            "INDEX on existing table \"documents\" without CONCURRENTLY locks writes "
            "[postgresql]")));
    }

    // Configuration on the command line and in retort.ini's [lint] section.
    void cliConfiguration()
    {
        const QString lint = QStringLiteral("lint");
        const QString rt301 = kCases + QStringLiteral("/rt301_create_index");
        // A rule raised to error fails the lint; a disabled one is gone.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("versions"))));
        for (const QString& file : QDir(rt301 + QStringLiteral("/versions")).entryList(QDir::Files))
            QVERIFY(QFile::copy(rt301 + QStringLiteral("/versions/") + file,
                                dir.filePath(QStringLiteral("versions/") + file)));
        const auto writeIni = [&](const QByteArray& lintSection) {
            QFile ini(dir.filePath(QStringLiteral("retort.ini")));
            QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
            ini.write("[retort]\nversion_locations = versions\nurl = sqlite:///unused.db\n\n[lint]\n" +
                      lintSection);
        };
        writeIni("error = RT301\ndisable = missing-lock-timeout\n");
        Run run = runRetort({lint}, dir.path());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(findingLines(run.out),
                 QStringList{QStringLiteral("versions/a0000002_index.sql:5: RT301 error: CREATE INDEX "
                                            "on existing table \"accounts\" without CONCURRENTLY "
                                            "locks writes [postgresql]")});
        // The command line on top: --disable, and --enable turning a rule back on.
        run = runRetort({lint, QStringLiteral("--disable"), QStringLiteral("RT3xx")}, dir.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QString());
        writeIni("fail_on = warning\ndialects = postgresql\n");
        run = runRetort({lint}, dir.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.startsWith(QLatin1String("versions/a0000002_index.sql:5: RT301 warning: "
                                                 "CREATE INDEX on existing table \"accounts\" "
                                                 "without CONCURRENTLY locks writes\n")));
        run = runRetort({lint, QStringLiteral("--fail-on"), QStringLiteral("error")}, dir.path());
        QCOMPARE(run.exitCode, 0);
        // Mistakes name the setting and exit 3 (config) or 2 (command line).
        writeIni("disable = RT999\n");
        run = runRetort({lint}, dir.path());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("retort.ini: [lint] disable: unknown lint rule 'RT999'")),
                 qPrintable(run.err));
        writeIni("pg_vresion = 12\n");
        run = runRetort({lint}, dir.path());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("[lint] pg_vresion: unknown setting")), qPrintable(run.err));
        writeIni("");
        for (const QStringList& bad :
             {QStringList{QStringLiteral("--pg-version"), QStringLiteral("fifteen")},
              QStringList{QStringLiteral("--mysql-version"), QStringLiteral("eight")},
              QStringList{QStringLiteral("--enable"), QStringLiteral("RT9xx")},
              QStringList{QStringLiteral("--fail-on"), QStringLiteral("info")},
              QStringList{QStringLiteral("--format"), QStringLiteral("xml")}}) {
            run = runRetort(QStringList{lint} + bad, dir.path());
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(bad.first()) || run.err.contains(bad.last()),
                     qPrintable(run.err));
        }
        // The target version changes what a rule says: a constant default rewrites the table
        // before PostgreSQL 11 only.
        QFile script(dir.filePath(QStringLiteral("versions/a0000004_default.sql")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("-- revision: a0000004\n-- down_revision: a0000003\n\n-- +upgrade postgresql\n"
                     "SET LOCAL lock_timeout = '1s';\n"
                     "ALTER TABLE accounts ADD COLUMN region TEXT NOT NULL DEFAULT 'none';\n");
        script.close();
        run = runRetort({lint, QStringLiteral("a0000004"), QStringLiteral("--pg-version"),
                         QStringLiteral("10")},
                        dir.path());
        QVERIFY2(run.out.contains(QLatin1String("RT302 warning: ADD COLUMN \"region\" with a "
                                                "DEFAULT rewrites existing table \"accounts\" "
                                                "under an exclusive lock before PostgreSQL 11 "
                                                "(target: 10)")),
                 qPrintable(run.out));
        run = runRetort({lint, QStringLiteral("a0000004"), QStringLiteral("--pg-version"),
                         QStringLiteral("11")},
                        dir.path());
        QCOMPARE(run.out, QString());
    }

    void cliListRules()
    {
        // Without a project too: the catalogue with the defaults.
        const Run run = runRetort({QStringLiteral("lint"), QStringLiteral("--list-rules")},
                                  QDir::tempPath());
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), SqlLint::rules().size());
        QVERIFY(lines.contains(QStringLiteral("RT301 warning on  postgresql        "
                                              "create-index-locks-writes             PostgreSQL: "
                                              "CREATE INDEX without CONCURRENTLY on an existing "
                                              "table blocks writes while the index builds")));
        QVERIFY(lines.filter(QRegularExpression(QStringLiteral("^RT601 warning off "))).size() == 1);
    }

    // "-- retort:lint-ignore-file CODES" anywhere in a script silences those codes in all of it.
    void fileSuppression()
    {
        const QString text = QStringLiteral(
            "-- revision: b0000001\n-- down_revision:\n\n-- +upgrade\n"
            "-- retort:lint-ignore-file RT101 RT104\n"
            "DROP TABLE a;\nTRUNCATE b;\nDELETE FROM c WHERE id = 1;\n"
            "-- retort:lint-ignore-files RT105 is no directive\n");
        QStringList codes;
        for (const LintFinding& finding : ScriptLinter::lintScriptText(text, QStringLiteral("x.sql")))
            codes << finding.code + u':' + QString::number(finding.line);
        // RT404 (no lock_timeout before DROP TABLE, PostgreSQL) and RT105 stay.
        QCOMPARE(codes, (QStringList{QStringLiteral("RT404:6"), QStringLiteral("RT105:8")}));
        QCOMPARE(ScriptLinter::fileIgnoredCodes(text.split(u'\n')),
                 (QStringList{QStringLiteral("RT101"), QStringLiteral("RT104")}));
    }
};

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
