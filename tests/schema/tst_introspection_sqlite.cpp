// SPDX-License-Identifier: Apache-2.0
// The schema model and the SQLite introspector, on real SQLite files.
#include "introspectiontesthelpers.h"
#include "schema/schemaintrospector.h"
#include "schema/sqliteddlparser.h"
#include "schema/sqliteintrospector.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::introspectiontest;

namespace {

// A fresh SQLite file in a temporary folder, open for the test's lifetime.
class SqliteFile
{
public:
    SqliteFile() : m_name(QStringLiteral("tst_introspection_sqlite_%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(m_dir.filePath(QStringLiteral("test.db")));
        db.open();
        // No fsync per statement: these files are thrown away, and the suite stays fast.
        QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = OFF"));
    }
    ~SqliteFile()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(SqliteFile)

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    void run(const QString& sql) const
    {
        QSqlDatabase connection = db();
        execute(connection, StatementSplitter::split(sql, Dialect::Sqlite),
                QStringLiteral("<sql>"));
    }

    Schema read(const IntrospectionOptions& options = {}) const
    {
        QSqlDatabase connection = db();
        return introspect(connection, Dialect::Sqlite, options);
    }

private:
    static inline int s_count = 0;
    QTemporaryDir m_dir;
    QString m_name;
};

const QString exampleHead = QStringLiteral("example_head");

} // namespace

class TestIntrospectionSqlite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data();
    void goldenCases();
    void readsWhatPragmasAndStatementsSay();
    void excludesBookkeepingAndInternalTables();
    void queryCountDoesNotGrowWithTables();
    void sameSchemaComparesEqual();
    void changedSchemaComparesDifferent_data();
    void changedSchemaComparesDifferent();
    void normalizeSortsByName();
    void parserReadsTrickyDefinitions_data();
    void parserReadsTrickyDefinitions();
    void parserReadsIndexes_data();
    void parserReadsIndexes();
    void closedConnectionFails();
    void unsupportedDialectFails();
};

void TestIntrospectionSqlite::goldenCases_data()
{
    QTest::addColumn<QString>("name");
    const QStringList cases = casesWith(QStringLiteral("sqlite.sql")) + QStringList{exampleHead};
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << name;
}

void TestIntrospectionSqlite::goldenCases()
{
    QFETCH(QString, name);
    const QString folder = QStringLiteral(RETORT_TEST_DATA "/introspection/") + name;
    SqliteFile file;
    QVERIFY(file.db().isOpen());
    QSqlDatabase db = file.db();
    if (name == exampleHead)
        RETORT_VERIFY_RUNS(upgradeExampleProject(db, Dialect::Sqlite));
    else
        RETORT_VERIFY_RUNS(
            executeFile(db, folder + QStringLiteral("/sqlite.sql"), Dialect::Sqlite));
    const Schema schema = file.read();
    const QString difference = compareWithGolden(schema, folder + QStringLiteral("/sqlite.json"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// A few facts checked directly, so a wrong golden file cannot hide them.
void TestIntrospectionSqlite::readsWhatPragmasAndStatementsSay()
{
    SqliteFile file;
    QSqlDatabase db = file.db();
    RETORT_VERIFY_RUNS(
        executeFile(db, QStringLiteral(RETORT_TEST_DATA "/introspection/all_kinds/sqlite.sql"),
                    Dialect::Sqlite));
    const Schema schema = file.read();

    const Table* accounts = schema.table({}, QStringLiteral("accounts"));
    QVERIFY(accounts);
    const Column* id = accounts->column(QStringLiteral("id"));
    QVERIFY(id);
    QVERIFY(id->autoIncrement);
    QCOMPARE(id->identity, IdentityKind::ByDefault);
    QVERIFY(!id->nullable);
    QCOMPARE(accounts->column(QStringLiteral("email"))->collation, QStringLiteral("NOCASE"));
    const Column* domain = accounts->column(QStringLiteral("email_domain"));
    QCOMPARE(domain->generated, GeneratedKind::Virtual);
    QCOMPARE(domain->generatedExpression, QStringLiteral("substr(email, instr(email, '@') + 1)"));
    QCOMPARE(accounts->column(QStringLiteral("balance_cents"))->generated, GeneratedKind::Stored);
    QCOMPARE(accounts->column(QStringLiteral("status"))->defaultValue, QStringLiteral("'open'"));
    QCOMPARE(accounts->checks.size(), 4);

    const Table* addresses = schema.table({}, QStringLiteral("addresses"));
    QCOMPARE(addresses->foreignKeys.size(), 3);
    const ForeignKey& region = addresses->foreignKeys.at(2);
    QCOMPARE(region.name, QStringLiteral("fk_addresses_region"));
    QCOMPARE(region.referencedColumns,
             (QStringList{QStringLiteral("country"), QStringLiteral("code")}));
    QVERIFY(region.deferrable);
    QVERIFY(region.initiallyDeferred);
    // "REFERENCES accounts" without columns means the primary key.
    QCOMPARE(addresses->foreignKeys.at(0).referencedColumns, QStringList{QStringLiteral("id")});

    const Table* regions = schema.table({}, QStringLiteral("regions"));
    QVERIFY(regions->withoutRowid);
    QCOMPARE(regions->primaryKey.name, QStringLiteral("pk_regions"));
    QVERIFY(!regions->column(QStringLiteral("code"))->nullable);
    // A TEXT primary key of a rowid table can hold NULL in SQLite: nullable stays as declared.
    QVERIFY(schema.table({}, QStringLiteral("tags"))->column(QStringLiteral("name"))->nullable);
}

void TestIntrospectionSqlite::excludesBookkeepingAndInternalTables()
{
    const auto tableNames = [](const SqliteFile& file, const IntrospectionOptions& options) {
        QStringList names;
        for (const Table& table : file.read(options).tables)
            names.append(table.name);
        return names;
    };
    SqliteFile file;
    RETORT_VERIFY_RUNS(file.run(QStringLiteral(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);"
        "CREATE TABLE retort_lock (id INTEGER PRIMARY KEY);"
        "CREATE TABLE kept (id INTEGER PRIMARY KEY AUTOINCREMENT);"
        "CREATE INDEX ix_lock ON retort_lock (id);"
        "INSERT INTO kept DEFAULT VALUES;")));
    // sqlite_sequence (made by AUTOINCREMENT) is SQLite's own.
    QCOMPARE(tableNames(file, {}),
             (QStringList{QStringLiteral("kept"), QStringLiteral("retort_lock")}));

    IntrospectionOptions options;
    options.excludedTables = {QStringLiteral("retort_lock"), QStringLiteral("kept")};
    QCOMPARE(tableNames(file, options), QStringList{QStringLiteral("alembic_version")});

    // Names match case-sensitively, as stored.
    SqliteFile other;
    RETORT_VERIFY_RUNS(other.run(QStringLiteral("CREATE TABLE Alembic_Version (x INTEGER)")));
    QCOMPARE(tableNames(other, {}), QStringList{QStringLiteral("Alembic_Version")});
}

void TestIntrospectionSqlite::queryCountDoesNotGrowWithTables()
{
    const auto count = [](int tables) {
        SqliteFile file;
        QString sql;
        for (int i = 0; i < tables; ++i) {
            sql += QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, "
                                  "parent INTEGER REFERENCES t%1 (id), v TEXT UNIQUE);"
                                  "CREATE INDEX ix_t%1 ON t%1 (v, parent);")
                       .arg(i);
        }
        file.run(sql);
        QSqlDatabase db = file.db();
        SqliteIntrospector introspector(db);
        const Schema schema = introspector.read();
        return qMakePair(int(schema.tables.size()), introspector.queryCount());
    };
    const auto one = count(1);
    const auto fifty = count(50);
    QCOMPARE(one.first, 1);
    QCOMPARE(fifty.first, 50);
    QCOMPARE(fifty.second, one.second);
    QCOMPARE(one.second, 4);
}

void TestIntrospectionSqlite::sameSchemaComparesEqual()
{
    const QString path = QStringLiteral(RETORT_TEST_DATA "/introspection/all_kinds/sqlite.sql");
    SqliteFile first;
    SqliteFile second;
    QSqlDatabase a = first.db();
    QSqlDatabase b = second.db();
    RETORT_VERIFY_RUNS(executeFile(a, path, Dialect::Sqlite));
    RETORT_VERIFY_RUNS(executeFile(b, path, Dialect::Sqlite));
    const Schema schemaA = first.read();
    QCOMPARE(schemaA, second.read());
    QCOMPARE(schemaA.toJsonText(), second.read().toJsonText());
    QCOMPARE(schemaA, first.read()); // reading again changes nothing
}

void TestIntrospectionSqlite::changedSchemaComparesDifferent_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("jsonFragment"); // what the changed schema's JSON now contains
    QTest::newRow("column added") << QStringLiteral("ALTER TABLE t ADD COLUMN extra TEXT")
                                  << QStringLiteral("\"extra\"");
    QTest::newRow("index added") << QStringLiteral("CREATE INDEX ix_t_v ON t (v)")
                                 << QStringLiteral("\"ix_t_v\"");
    QTest::newRow("index made partial")
        << QStringLiteral("DROP INDEX ix_t; CREATE INDEX ix_t ON t (v) WHERE v > 1")
        << QStringLiteral("\"where\": \"v > 1\"");
    QTest::newRow("view added") << QStringLiteral("CREATE VIEW w AS SELECT v FROM t")
                                << QStringLiteral("\"definition\": \"SELECT v FROM t\"");
    QTest::newRow("table renamed")
        << QStringLiteral("ALTER TABLE t RENAME TO u") << QStringLiteral("\"name\": \"u\"");
    QTest::newRow("column renamed") << QStringLiteral("ALTER TABLE t RENAME COLUMN v TO w")
                                    << QStringLiteral("\"name\": \"w\"");
}

void TestIntrospectionSqlite::changedSchemaComparesDifferent()
{
    QFETCH(QString, change);
    QFETCH(QString, jsonFragment);
    const QString base = QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER);"
                                        "CREATE INDEX ix_t ON t (v);");
    SqliteFile before;
    SqliteFile after;
    RETORT_VERIFY_RUNS(before.run(base));
    RETORT_VERIFY_RUNS(after.run(base));
    RETORT_VERIFY_RUNS(after.run(change));
    const Schema changed = after.read();
    QVERIFY(before.read() != changed);
    QVERIFY(!before.read().toJsonText().contains(jsonFragment.toUtf8()));
    QVERIFY2(changed.toJsonText().contains(jsonFragment.toUtf8()), changed.toJsonText());
}

void TestIntrospectionSqlite::normalizeSortsByName()
{
    Schema schema;
    Table b;
    b.name = QStringLiteral("b");
    for (const char* name : {"z", "a"}) {
        Column column;
        column.name = QLatin1String(name);
        column.type = QStringLiteral("TEXT");
        b.columns.append(column);
    }
    b.checks = {{QStringLiteral("ck_2"), QStringLiteral("z > 0")},
                {QString(), QStringLiteral("a > 0")},
                {QStringLiteral("ck_1"), QStringLiteral("a < z")}};
    b.indexes = {{QStringLiteral("ix_b"), false, {}, {}, {}, {}},
                 {QStringLiteral("ix_a"), false, {}, {}, {}, {}}};
    Table upper = b;
    upper.name = QStringLiteral("B"); // names compare case-sensitively: "B" < "b"
    schema.tables = {b, upper};
    schema.views = {{{}, QStringLiteral("v2"), {}, QStringLiteral("SELECT 2"), false},
                    {{}, QStringLiteral("v1"), {}, QStringLiteral("SELECT 1"), false}};
    schema.normalize();

    QCOMPARE(schema.tables.at(0).name, QStringLiteral("B"));
    const Table& sorted = schema.tables.at(1);
    QCOMPARE(sorted.columns.at(0).name, QStringLiteral("z"));          // columns keep table order
    QCOMPARE(sorted.checks.at(0).expression, QStringLiteral("a > 0")); // unnamed first
    QCOMPARE(sorted.checks.at(1).name, QStringLiteral("ck_1"));
    QCOMPARE(sorted.indexes.at(0).name, QStringLiteral("ix_a"));
    QCOMPARE(schema.views.at(0).name, QStringLiteral("v1"));

    Schema shuffled = schema;
    std::reverse(shuffled.tables.begin(), shuffled.tables.end());
    QVERIFY(shuffled != schema);
    shuffled.normalize();
    QCOMPARE(shuffled, schema);
    QCOMPARE(shuffled.toJsonText(), schema.toJsonText());
}

void TestIntrospectionSqlite::parserReadsTrickyDefinitions_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("summary");
    // summary: one "kind name [columns] expression/target flags" per constraint, then columns.
    QTest::newRow("comments and nested parentheses")
        << QStringLiteral("CREATE TABLE t (a INT -- CHECK (x)\n CHECK ((a + (1)) /* ) */ > 0))")
        << QStringLiteral("check  [a] (a + (1)) > 0 | a");
    QTest::newRow("SET DEFAULT is not a DEFAULT clause")
        << QStringLiteral("CREATE TABLE t (a INT REFERENCES p ON DELETE SET DEFAULT "
                          "CONSTRAINT c_a CHECK (a > 0))")
        << QStringLiteral("fk  [a] p | check c_a [a] a > 0 | a");
    QTest::newRow("NOT DEFERRABLE")
        << QStringLiteral("CREATE TABLE t (a INT, CONSTRAINT f FOREIGN KEY (a) REFERENCES "
                          "p (x) NOT DEFERRABLE INITIALLY IMMEDIATE)")
        << QStringLiteral("fk f [a] p | a");
    QTest::newRow("quoted names everywhere")
        << QStringLiteral("CREATE TABLE IF NOT EXISTS main.\"t\" ([a b] TEXT COLLATE \"nocase\" "
                          "CONSTRAINT 'u q' UNIQUE, `c` INT AS (length([a b])))")
        << QStringLiteral("unique u q [a b] | a b collate nocase | c generated length([a b])");
    QTest::newRow("strings with keywords")
        << QStringLiteral("CREATE TABLE t (a TEXT DEFAULT 'CHECK (1)' CHECK (a <> 'UNIQUE'))")
        << QStringLiteral("check  [a] a <> 'UNIQUE' | a");
    QTest::newRow("AS SELECT has no definitions")
        << QStringLiteral("CREATE TABLE t AS SELECT 1 AS a") << QString();
    QTest::newRow("primary key with autoincrement and conflict clause")
        << QStringLiteral("CREATE TABLE t (id INTEGER CONSTRAINT pk PRIMARY KEY ASC ON CONFLICT "
                          "ABORT AUTOINCREMENT) WITHOUT ROWID")
        << QStringLiteral("pk pk [id] | id autoincrement | without rowid");
}

void TestIntrospectionSqlite::parserReadsTrickyDefinitions()
{
    QFETCH(QString, sql);
    QFETCH(QString, summary);
    const SqliteTableDefinition table = SqliteDdlParser::parseTable(sql);
    QStringList parts;
    const char* kinds[] = {"pk", "unique", "check", "fk"};
    for (const SqliteConstraintDefinition& c : table.constraints) {
        QString part = QLatin1String(kinds[c.kind]) + u' ' + c.name + QStringLiteral(" [") +
                       c.columns.join(u',') + u']';
        if (!c.expression.isEmpty())
            part += u' ' + c.expression;
        if (!c.referencedTable.isEmpty())
            part += u' ' + c.referencedTable;
        parts.append(part);
    }
    for (const SqliteColumnDefinition& c : table.columns) {
        QString part = c.name;
        if (!c.collation.isEmpty())
            part += QStringLiteral(" collate ") + c.collation;
        if (c.autoIncrement)
            part += QStringLiteral(" autoincrement");
        if (!c.generatedExpression.isEmpty())
            part += QStringLiteral(" generated ") + c.generatedExpression;
        parts.append(part);
    }
    if (table.withoutRowid)
        parts.append(QStringLiteral("without rowid"));
    QCOMPARE(parts.join(QStringLiteral(" | ")), summary);
}

void TestIntrospectionSqlite::parserReadsIndexes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("elements");
    QTest::addColumn<QString>("where");
    QTest::newRow("plain") << QStringLiteral("CREATE INDEX i ON t (a, b)")
                           << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QString();
    QTest::newRow("expressions, collation, order, partial")
        << QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS \"s\".\"i\" ON \"t\" "
                          "(lower( a ) COLLATE NOCASE DESC, (b||','),\n c ASC)\n"
                          "WHERE  a IS NOT NULL -- note\n")
        << QStringList{QStringLiteral("lower(a)"), QStringLiteral("(b||',')"), QStringLiteral("c")}
        << QStringLiteral("a IS NOT NULL");
}

void TestIntrospectionSqlite::parserReadsIndexes()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, elements);
    QFETCH(QString, where);
    const SqliteIndexDefinition index = SqliteDdlParser::parseIndex(sql);
    QCOMPARE(index.elements, elements);
    QCOMPARE(index.where, where);
}

void TestIntrospectionSqlite::closedConnectionFails()
{
    SqliteFile file;
    QSqlDatabase db = file.db();
    db.close();
    try {
        introspect(db, Dialect::Sqlite);
        QFAIL("no error");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Database);
        QVERIFY2(error.message().contains(db.databaseName()), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("not open")), qPrintable(error.message()));
    }
}

void TestIntrospectionSqlite::unsupportedDialectFails()
{
    SqliteFile file;
    QSqlDatabase db = file.db();
    try {
        introspect(db, Dialect::MySql);
        QFAIL("no error");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Usage);
        QVERIFY2(error.message().contains(QLatin1String("mysql")), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(TestIntrospectionSqlite)
#include "tst_introspection_sqlite.moc"
