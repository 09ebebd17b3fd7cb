// SPDX-License-Identifier: Apache-2.0
#include "common/error.h"
#include "scripts/statementsplitter.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace retort;

namespace {

Dialect dialectOf(const QString& name)
{
    const std::optional<Dialect> dialect = dialectFromName(name);
    if (!dialect)
        qFatal("unknown dialect in test data: %s", qPrintable(name));
    return *dialect;
}

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

// The golden form of a split: "@@ line N" before each statement, or "@@ error: message".
QString describeSplit(const QString& sql, Dialect dialect, const QString& path)
{
    QString out;
    try {
        const QVector<SqlStatement> statements = StatementSplitter::split(sql, dialect, path);
        for (const SqlStatement& statement : statements)
            out += QStringLiteral("@@ line ") + QString::number(statement.line) + u'\n' +
                   statement.text + u'\n';
    } catch (const Error& error) {
        out += QStringLiteral("@@ error: ") + error.message() + u'\n';
    }
    return out;
}

} // namespace

class TestStatementSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void split_data();
    void split();
    void errors_data();
    void errors();
    void firstLineOffset();
    void errorKindIsScript();
    void largeInputIsLinear();
};

// tests/data/splitter/<dialect>-<case>/input.sql split into expected.txt.
void TestStatementSplitter::golden_data()
{
    QTest::addColumn<QString>("folder");
    const QDir root(QStringLiteral(RETORT_TEST_DATA "/splitter"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 6);
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << root.filePath(name);
}

void TestStatementSplitter::golden()
{
    QFETCH(QString, folder);
    const Dialect dialect = dialectOf(QFileInfo(folder).fileName().section(u'-', 0, 0));
    const QString sql = readText(folder + QStringLiteral("/input.sql"));
    const QString expected = readText(folder + QStringLiteral("/expected.txt"));
    QCOMPARE(describeSplit(sql, dialect, QStringLiteral("input.sql")), expected);
}

void TestStatementSplitter::split_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QList<int>>("lines");

    const auto row = [](const QByteArray& name, const char* dialect, const char* sql,
                        std::initializer_list<const char*> texts, const QList<int>& lines) {
        QStringList expected;
        for (const char* text : texts)
            expected.append(QString::fromUtf8(text));
        QTest::newRow(name.constData())
            << QString::fromLatin1(dialect) << QString::fromUtf8(sql) << expected << lines;
    };

    // Rules shared by every dialect.
    for (const char* d : {"sqlite", "postgresql", "mysql"}) {
        const QByteArray p = QByteArray(d) + ": ";
        row(p + "two statements", d, "SELECT 1;\nSELECT 2;", {"SELECT 1", "SELECT 2"}, {1, 2});
        row(p + "last without semicolon", d, "SELECT 1;\n\n  SELECT 2  \n",
            {"SELECT 1", "SELECT 2"}, {1, 3});
        row(p + "empty input", d, "", {}, {});
        row(p + "only comments", d, "-- a\n/* b; */\n  \n-- c;\n", {}, {});
        row(p + "empty statements", d, ";; ;\n;", {}, {});
        row(p + "leading comments dropped", d, "-- note\n/* x */ SELECT 1;", {"SELECT 1"}, {2});
        row(p + "inner comments kept", d, "SELECT 1 -- one; really\n, 2 /* ; */;",
            {"SELECT 1 -- one; really\n, 2 /* ; */"}, {1});
        row(p + "trailing comment", d, "SELECT 1; -- done\n", {"SELECT 1"}, {1});
        row(p + "string with semicolon", d, "SELECT 'a;b', 'it''s;';\nSELECT 2",
            {"SELECT 'a;b', 'it''s;'", "SELECT 2"}, {1, 2});
        row(p + "dashes in string", d, "SELECT '--;' ; SELECT 2", {"SELECT '--;'", "SELECT 2"},
            {1, 1});
        row(p + "quote in comment", d, "-- it's\nSELECT 1; /* don't */ SELECT 2;",
            {"SELECT 1", "SELECT 2"}, {2, 2});
        row(p + "multi-line string", d, "INSERT INTO t VALUES ('a\n;\nb');\nSELECT 2;",
            {"INSERT INTO t VALUES ('a\n;\nb')", "SELECT 2"}, {1, 4});
        row(p + "crlf", d, "SELECT 1;\r\n\r\nSELECT 2;\r\n", {"SELECT 1", "SELECT 2"}, {1, 3});
        row(p + "unicode", d, "INSERT INTO café VALUES ('ü;');\nSELECT 'ß'",
            {"INSERT INTO café VALUES ('ü;')", "SELECT 'ß'"}, {1, 2});
        row(p + "plain begin and commit", d, "BEGIN;\nCREATE TABLE t (a INT);\nCOMMIT;",
            {"BEGIN", "CREATE TABLE t (a INT)", "COMMIT"}, {1, 2, 3});
        row(p + "begin transaction", d, "BEGIN TRANSACTION;\nEND;", {"BEGIN TRANSACTION", "END"},
            {1, 2});
    }

    // SQLite.
    row("sqlite: double-quoted identifier", "sqlite", "CREATE TABLE \"a;\"\"b\" (x); SELECT 2",
        {"CREATE TABLE \"a;\"\"b\" (x)", "SELECT 2"}, {1, 1});
    row("sqlite: bracket identifier", "sqlite", "SELECT [a;b] FROM t; SELECT 2",
        {"SELECT [a;b] FROM t", "SELECT 2"}, {1, 1});
    row("sqlite: backtick identifier", "sqlite", "SELECT `a;``b` FROM t; SELECT 2",
        {"SELECT `a;``b` FROM t", "SELECT 2"}, {1, 1});
    row("sqlite: backslash is no escape", "sqlite", "SELECT 'a\\'; SELECT 2",
        {"SELECT 'a\\'", "SELECT 2"}, {1, 1});
    row("sqlite: block comments do not nest", "sqlite", "/* a /* b */ SELECT 1; */",
        {"SELECT 1", "*/"}, {1, 1});
    row("sqlite: trigger", "sqlite",
        "CREATE TRIGGER trg AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (1);\n"
        "  DELETE FROM q;\nEND;\nSELECT 2;",
        {"CREATE TRIGGER trg AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (1);\n"
         "  DELETE FROM q;\nEND",
         "SELECT 2"},
        {1, 5});
    row("sqlite: lowercase temp trigger", "sqlite",
        "create temp trigger trg after delete on t begin delete from u; end; select 2",
        {"create temp trigger trg after delete on t begin delete from u; end", "select 2"}, {1, 1});
    row("sqlite: temporary trigger if not exists", "sqlite",
        "CREATE TEMPORARY TRIGGER IF NOT EXISTS trg BEFORE UPDATE ON t BEGIN SELECT 1; END;",
        {"CREATE TEMPORARY TRIGGER IF NOT EXISTS trg BEFORE UPDATE ON t BEGIN SELECT 1; END"}, {1});
    row("sqlite: case inside trigger body", "sqlite",
        "CREATE TRIGGER trg AFTER INSERT ON t BEGIN\n"
        "  SELECT CASE WHEN new.a THEN 1 END;\n  UPDATE t SET b = CASE a WHEN 1 THEN 2 ELSE 3 "
        "END;\n"
        "END;\nSELECT 2",
        {"CREATE TRIGGER trg AFTER INSERT ON t BEGIN\n  SELECT CASE WHEN new.a THEN 1 END;\n"
         "  UPDATE t SET b = CASE a WHEN 1 THEN 2 ELSE 3 END;\nEND",
         "SELECT 2"},
        {1, 5});
    row("sqlite: case in when clause", "sqlite",
        "CREATE TRIGGER trg AFTER INSERT ON t WHEN CASE new.a WHEN 1 THEN 1 END\n"
        "BEGIN SELECT 1; END;\nSELECT 2",
        {"CREATE TRIGGER trg AFTER INSERT ON t WHEN CASE new.a WHEN 1 THEN 1 END\n"
         "BEGIN SELECT 1; END",
         "SELECT 2"},
        {1, 3});
    row("sqlite: keywords in strings and names", "sqlite",
        "CREATE TRIGGER \"begin\" AFTER INSERT ON [end] BEGIN\n"
        "  INSERT INTO log VALUES ('END;', \"end\", [case]); UPDATE t SET endtime = 1;\n"
        "  -- END;\n  /* END; */ SELECT 1;\nEND;\nSELECT 2",
        {"CREATE TRIGGER \"begin\" AFTER INSERT ON [end] BEGIN\n"
         "  INSERT INTO log VALUES ('END;', \"end\", [case]); UPDATE t SET endtime = 1;\n"
         "  -- END;\n  /* END; */ SELECT 1;\nEND",
         "SELECT 2"},
        {1, 6});
    row("sqlite: trigger after comment", "sqlite",
        "CREATE /* x */ TRIGGER trg AFTER INSERT ON t BEGIN SELECT 1; END; SELECT 2",
        {"CREATE /* x */ TRIGGER trg AFTER INSERT ON t BEGIN SELECT 1; END", "SELECT 2"}, {1, 1});
    row("sqlite: begin outside a trigger", "sqlite",
        "CREATE TABLE trigger_log (begin_at INT); BEGIN; SELECT 1; END",
        {"CREATE TABLE trigger_log (begin_at INT)", "BEGIN", "SELECT 1", "END"}, {1, 1, 1, 1});
    row("sqlite: create then trigger later is no trigger", "sqlite",
        "CREATE TABLE t (trigger INT); BEGIN; SELECT 1",
        {"CREATE TABLE t (trigger INT)", "BEGIN", "SELECT 1"}, {1, 1, 1});
    row("sqlite: dollar is no quote", "sqlite", "SELECT $a; SELECT $$; SELECT 3",
        {"SELECT $a", "SELECT $$", "SELECT 3"}, {1, 1, 1});
    row("sqlite: hash is no comment", "sqlite", "SELECT 1 # x; SELECT 2",
        {"SELECT 1 # x", "SELECT 2"}, {1, 1});

    // PostgreSQL.
    row("postgresql: dollar quote", "postgresql",
        "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n"
        "SELECT 2",
        {"CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql",
         "SELECT 2"},
        {1, 6});
    row("postgresql: tagged dollar quote", "postgresql",
        "DO $body$ BEGIN PERFORM $$;$$; PERFORM $x$; $x$; END $body$; SELECT 2",
        {"DO $body$ BEGIN PERFORM $$;$$; PERFORM $x$; $x$; END $body$", "SELECT 2"}, {1, 1});
    row("postgresql: tags differ by case", "postgresql", "SELECT $a$ $A$; $a$; SELECT 2",
        {"SELECT $a$ $A$; $a$", "SELECT 2"}, {1, 1});
    row("postgresql: parameters", "postgresql", "PREPARE q AS SELECT $1, $2::int; EXECUTE q(1, 2)",
        {"PREPARE q AS SELECT $1, $2::int", "EXECUTE q(1, 2)"}, {1, 1});
    row("postgresql: dollar inside identifier", "postgresql",
        "CREATE TABLE x$y$z (a int); SELECT 2", {"CREATE TABLE x$y$z (a int)", "SELECT 2"}, {1, 1});
    row("postgresql: lone dollar", "postgresql", "SELECT 1 $ 2; SELECT $",
        {"SELECT 1 $ 2", "SELECT $"}, {1, 1});
    row("postgresql: E string", "postgresql", "SELECT E'it\\'s;', e'\\\\'; SELECT 2",
        {"SELECT E'it\\'s;', e'\\\\'", "SELECT 2"}, {1, 1});
    row("postgresql: standard string keeps backslash", "postgresql", "SELECT 'a\\'; SELECT 2",
        {"SELECT 'a\\'", "SELECT 2"}, {1, 1});
    row("postgresql: word ending in e", "postgresql", "SELECT some'x\\'; SELECT 2",
        {"SELECT some'x\\'", "SELECT 2"}, {1, 1});
    row("postgresql: quoted identifier", "postgresql", "SELECT \"a;\"\"b\"; SELECT 2",
        {"SELECT \"a;\"\"b\"", "SELECT 2"}, {1, 1});
    row("postgresql: nested block comment", "postgresql",
        "/* a /* b; */ still; */ SELECT 1; SELECT 2", {"SELECT 1", "SELECT 2"}, {1, 1});
    row("postgresql: begin atomic", "postgresql",
        "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
        "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND;\nSELECT 3",
        {"CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
         "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND",
         "SELECT 3"},
        {1, 6});
    row("postgresql: begin comment atomic", "postgresql",
        "create procedure p() begin /* x */\natomic insert into t values (1); end; select 3",
        {"create procedure p() begin /* x */\natomic insert into t values (1); end", "select 3"},
        {1, 2});
    row("postgresql: begin isolation level", "postgresql",
        "BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT 1; COMMIT",
        {"BEGIN ISOLATION LEVEL SERIALIZABLE", "SELECT 1", "COMMIT"}, {1, 1, 1});
    row("postgresql: atomic without begin", "postgresql", "SELECT atomic; SELECT 2",
        {"SELECT atomic", "SELECT 2"}, {1, 1});
    row("postgresql: case outside a block", "postgresql", "SELECT CASE WHEN a THEN 1 END; SELECT 2",
        {"SELECT CASE WHEN a THEN 1 END", "SELECT 2"}, {1, 1});
    row("postgresql: sqlite trigger rule does not apply", "postgresql",
        "CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); BEGIN; SELECT 1",
        {"CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", "BEGIN",
         "SELECT 1"},
        {1, 1, 1});
    row("postgresql: hash is an operator", "postgresql", "SELECT 1 # 2; SELECT 3",
        {"SELECT 1 # 2", "SELECT 3"}, {1, 1});
    row("postgresql: backtick is no quote", "postgresql", "SELECT '`'; SELECT `; SELECT 3",
        {"SELECT '`'", "SELECT `", "SELECT 3"}, {1, 1, 1});

    // MySQL.
    row("mysql: backslash escapes", "mysql", "SELECT 'it\\'s;', \"a\\\";b\"; SELECT 2",
        {"SELECT 'it\\'s;', \"a\\\";b\"", "SELECT 2"}, {1, 1});
    row("mysql: doubled quotes", "mysql", "SELECT 'a'';', \"b\"\";\"; SELECT 2",
        {"SELECT 'a'';', \"b\"\";\"", "SELECT 2"}, {1, 1});
    row("mysql: hash comment", "mysql", "# setup; really\nSELECT 1; # one;\nSELECT 2",
        {"SELECT 1", "SELECT 2"}, {2, 3});
    row("mysql: dash dash needs a space", "mysql", "SELECT 5--1; SELECT 2",
        {"SELECT 5--1", "SELECT 2"}, {1, 1});
    row("mysql: dash dash tab", "mysql", "SELECT 5 --\tx; SELECT 2\n;",
        {"SELECT 5 --\tx; SELECT 2"}, {1});
    row("mysql: dash dash at end", "mysql", "SELECT 1;--", {"SELECT 1"}, {1});
    row("mysql: dash dash before semicolon", "mysql", "SELECT 1;--;\n--\n;",
        {"SELECT 1", "--"}, {1, 1});
    row("mysql: backtick identifier", "mysql", "SELECT `a;``b`; SELECT 2",
        {"SELECT `a;``b`", "SELECT 2"}, {1, 1});
    row("mysql: executable comments kept", "mysql",
        "/*!40101 SET NAMES utf8 */;\nCREATE TABLE t (a INT) /*!50100 ENGINE=InnoDB */;",
        {"/*!40101 SET NAMES utf8 */", "CREATE TABLE t (a INT) /*!50100 ENGINE=InnoDB */"}, {1, 2});
    row("mysql: mariadb executable comment", "mysql", "/*M!100100 SET x = 1 */; /* c */;",
        {"/*M!100100 SET x = 1 */"}, {1});
    row("mysql: brackets are no quotes", "mysql", "SELECT '['; SELECT 2",
        {"SELECT '['", "SELECT 2"}, {1, 1});
    row("mysql: dollar is no quote", "mysql", "SELECT $$; SELECT 2", {"SELECT $$", "SELECT 2"},
        {1, 1});
    row("mysql: block comments do not nest", "mysql", "/* /* */ SELECT 1", {"SELECT 1"}, {1});
}

void TestStatementSplitter::split()
{
    QFETCH(QString, dialect);
    QFETCH(QString, sql);
    QFETCH(QStringList, texts);
    QFETCH(QList<int>, lines);

    const QVector<SqlStatement> statements = StatementSplitter::split(sql, dialectOf(dialect));
    QStringList actualTexts;
    QList<int> actualLines;
    for (const SqlStatement& statement : statements) {
        actualTexts.append(statement.text);
        actualLines.append(statement.line);
    }
    QCOMPARE(actualTexts, texts);
    QCOMPARE(actualLines, lines);
}

void TestStatementSplitter::errors_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const auto row = [](const QByteArray& name, const char* dialect, const char* sql,
                        const char* path, const char* message) {
        QTest::newRow(name.constData()) << QString::fromLatin1(dialect) << QString::fromUtf8(sql)
                                        << QString::fromUtf8(path) << QString::fromUtf8(message);
    };
    for (const char* d : {"sqlite", "postgresql", "mysql"}) {
        const QByteArray p = QByteArray(d) + ": ";
        row(p + "string", d, "SELECT 1;\nSELECT 'abc;\nSELECT 3;", "v/a.sql",
            "v/a.sql:2: unterminated string literal");
        row(p + "string ending in doubled quote", d, "SELECT 'a''", "a.sql",
            "a.sql:1: unterminated string literal");
        row(p + "block comment", d, "SELECT 1;\n\n/* note;\nSELECT 2;", "a.sql",
            "a.sql:3: unterminated block comment");
        row(p + "no path", d, "\n'", "", "<sql>:2: unterminated string literal");
    }
    row("sqlite: quoted identifier", "sqlite", "SELECT \"a;\n", "a.sql",
        "a.sql:1: unterminated quoted identifier");
    row("sqlite: bracket identifier", "sqlite", "\nSELECT [a;\n", "a.sql",
        "a.sql:2: unterminated quoted identifier");
    row("sqlite: backtick identifier", "sqlite", "SELECT `a``", "a.sql",
        "a.sql:1: unterminated quoted identifier");
    row("sqlite: trigger without end", "sqlite",
        "SELECT 1;\nCREATE TRIGGER trg AFTER INSERT ON t\nBEGIN\n  SELECT 1;\n", "a.sql",
        "a.sql:3: unterminated BEGIN ... END block");
    row("sqlite: trigger case without end", "sqlite",
        "CREATE TRIGGER trg AFTER INSERT ON t BEGIN\nSELECT CASE WHEN 1 THEN 2;\nEND;", "a.sql",
        "a.sql:1: unterminated BEGIN ... END block");
    row("postgresql: quoted identifier", "postgresql", "SELECT 1;\nSELECT \"a", "a.sql",
        "a.sql:2: unterminated quoted identifier");
    row("postgresql: dollar quote", "postgresql", "SELECT 1;\nDO $$ BEGIN\nEND;\n", "a.sql",
        "a.sql:2: unterminated dollar-quoted string $$");
    row("postgresql: tagged dollar quote", "postgresql", "\nDO $fn$ SELECT 1; $fn", "a.sql",
        "a.sql:2: unterminated dollar-quoted string $fn$");
    row("postgresql: E string", "postgresql", "SELECT E'a\\';\nSELECT 2;", "a.sql",
        "a.sql:1: unterminated string literal");
    row("postgresql: nested block comment", "postgresql", "/* a /* b */ c", "a.sql",
        "a.sql:1: unterminated block comment");
    row("postgresql: begin atomic", "postgresql",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\n  BEGIN ATOMIC\n  SELECT 1;\n", "a.sql",
        "a.sql:2: unterminated BEGIN ... END block");
    row("mysql: double-quoted string", "mysql", "SELECT \"a\\\"", "a.sql",
        "a.sql:1: unterminated string literal");
    row("mysql: backslash-escaped quote", "mysql", "SELECT 1;\n\nSELECT 'it\\';", "a.sql",
        "a.sql:3: unterminated string literal");
    row("mysql: backtick identifier", "mysql", "SELECT `a", "a.sql",
        "a.sql:1: unterminated quoted identifier");
}

void TestStatementSplitter::errors()
{
    QFETCH(QString, dialect);
    QFETCH(QString, sql);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QCOMPARE(describeSplit(sql, dialectOf(dialect), path),
             QStringLiteral("@@ error: ") + message + u'\n');
}

void TestStatementSplitter::firstLineOffset()
{
    const QString sql = QStringLiteral("\n-- c\nSELECT 1;\n\nSELECT\n2;");
    const QVector<SqlStatement> statements =
        StatementSplitter::split(sql, Dialect::Sqlite, QStringLiteral("x.sql"), 10);
    QCOMPARE(statements.size(), 2);
    QCOMPARE(statements[0].line, 12);
    QCOMPARE(statements[1].line, 14);
    QCOMPARE(statements[1].text, QStringLiteral("SELECT\n2"));
    QCOMPARE(
        describeSplit(QStringLiteral("SELECT 1;\n'"), Dialect::Sqlite, QStringLiteral("x.sql")),
        QStringLiteral("@@ error: x.sql:2: unterminated string literal\n"));
    try {
        StatementSplitter::split(QStringLiteral("SELECT 1;\n'"), Dialect::Sqlite,
                                 QStringLiteral("x.sql"), 10);
        QFAIL("no error thrown");
    } catch (const Error& error) {
        QCOMPARE(error.message(), QStringLiteral("x.sql:11: unterminated string literal"));
    }
}

void TestStatementSplitter::errorKindIsScript()
{
    try {
        StatementSplitter::split(QStringLiteral("$$"), Dialect::PostgreSql);
        QFAIL("no error thrown");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Script);
        QCOMPARE(QByteArray(error.what()),
                 QByteArray("<sql>:1: unterminated dollar-quoted string $$"));
    }
}

// Pathological shapes that a naive splitter handles in quadratic time: many statements, many
// unclosed '$' and a long trigger. Each must finish well within the test timeout.
void TestStatementSplitter::largeInputIsLinear()
{
    const int count = 20000;
    QString many;
    for (int i = 0; i < count; ++i)
        many += QStringLiteral("INSERT INTO t VALUES (1, 'a;b', $x$ ; $x$); -- c\n");
    QElapsedTimer timer;
    timer.start();
    QVector<SqlStatement> statements = StatementSplitter::split(many, Dialect::PostgreSql);
    QCOMPARE(statements.size(), count);
    QCOMPARE(statements.last().line, count);

    const QString dollars = QStringLiteral("SELECT $a ").repeated(count);
    statements = StatementSplitter::split(dollars, Dialect::PostgreSql);
    QCOMPARE(statements.size(), 1);

    const QString trigger = QStringLiteral("CREATE TRIGGER t AFTER INSERT ON x BEGIN\n") +
                            QStringLiteral("SELECT CASE WHEN 1 THEN 2 END;\n").repeated(count) +
                            QStringLiteral("END;");
    statements = StatementSplitter::split(trigger, Dialect::Sqlite);
    QCOMPARE(statements.size(), 1);
    qInfo("split about %d KiB of SQL in %lld ms",
          int((many.size() + dollars.size() + trigger.size()) * 2 / 1024), timer.elapsed());
}

QTEST_GUILESS_MAIN(TestStatementSplitter)
#include "tst_statementsplitter.moc"
