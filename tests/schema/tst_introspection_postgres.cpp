// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL introspector, against the test server (CTest fixture `postgres`): every test
// gets a database of its own, created with the admin URL and dropped at the end.
#include "database/databaseurl.h"
#include "introspectiontesthelpers.h"
#include "postgres/testpostgres.h"
#include "schema/postgresintrospector.h"
#include "schema/schemaintrospector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtTest>
#include <algorithm>

using namespace retort;
using namespace retort::introspectiontest;

namespace {

// Opens a connection named `name` to `url`, with the database name replaced when given.
QSqlDatabase connect(const QString& name, const QString& url, const QString& database = {})
{
    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(parsed.driverName(), name);
    parsed.configure(db);
    if (!database.isEmpty())
        db.setDatabaseName(database);
    if (!db.open())
        qWarning("cannot connect: %s", qUtf8Printable(db.lastError().text()));
    return db;
}

void runAdmin(const QString& sql)
{
    const QString name = QStringLiteral("tst_introspection_postgres_admin");
    {
        QSqlDatabase admin = connect(name, retortTestPostgresAdminUrl());
        QSqlQuery query(admin);
        if (!query.exec(sql))
            qWarning("%s: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// A fresh database owned by the test user, and a connection to it as that (non-super) user.
class FreshDatabase
{
public:
    FreshDatabase()
        : m_database(QStringLiteral("retort_introspection_%1_%2")
                         .arg(QCoreApplication::applicationPid())
                         .arg(++s_count)),
          m_connection(QStringLiteral("tst_introspection_postgres_%1").arg(s_count))
    {
        runAdmin(QStringLiteral("CREATE DATABASE %1 OWNER retort_user").arg(m_database));
        connect(m_connection, retortTestPostgresUrl(), m_database);
    }
    ~FreshDatabase()
    {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        runAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
    }
    Q_DISABLE_COPY_MOVE(FreshDatabase)

    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }

    void run(const QString& sql) const
    {
        QSqlDatabase connection = db();
        execute(connection, StatementSplitter::split(sql, Dialect::PostgreSql),
                QStringLiteral("<sql>"));
    }

    Schema read(const IntrospectionOptions& options = {}, int* queryCount = nullptr) const
    {
        QSqlDatabase connection = db();
        PostgresIntrospector introspector(connection, options);
        Schema schema = introspector.read();
        if (queryCount)
            *queryCount = introspector.queryCount();
        return schema;
    }

private:
    static inline int s_count = 0;
    QString m_database;
    QString m_connection;
};

// `count` tables of 8 columns, a unique constraint, an index and a foreign key each (the
// issue's benchmark shape), made server-side by DO blocks of 250 tables.
void createBenchTables(const FreshDatabase& database, int count)
{
    for (int first = 1; first <= count; first += 250) {
        database.run(
            QStringLiteral(
                "DO $$ BEGIN FOR i IN %1..%2 LOOP EXECUTE format("
                "'CREATE TABLE bench_%s (id integer PRIMARY KEY, "
                "parent_id integer REFERENCES bench_%s (id), code varchar(40) NOT NULL, "
                "name text, amount numeric(12, 2) DEFAULT 0, "
                "created_at timestamp NOT NULL DEFAULT now(), flag boolean NOT NULL DEFAULT false, "
                "note text, CONSTRAINT uq_bench_%s_code UNIQUE (code)); "
                "CREATE INDEX ix_bench_%s_name ON bench_%s (name)', "
                "i, greatest(i - 1, 1), i, i, i); END LOOP; END $$")
                .arg(first)
                .arg(qMin(first + 249, count)));
    }
}

QStringList tableNames(const Schema& schema)
{
    QStringList names;
    for (const Table& table : schema.tables)
        names.append(table.schema + u'.' + table.name);
    return names;
}

const QString exampleHead = QStringLiteral("example_head");

} // namespace

class TestIntrospectionPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goldenCases_data();
    void goldenCases();
    void readsWhatTheCatalogSays();
    void sameSchemaComparesEqual();
    void queryCountDoesNotGrowWithTables();
    void schemaListIsBoundNotSpliced();
    void excludesBookkeepingTables();
    void closedConnectionFails();
    void benchmarkThousandTables();
};

void TestIntrospectionPostgres::initTestCase()
{
    if (retortTestPostgresUrl().isEmpty() || retortTestPostgresAdminUrl().isEmpty())
        QFAIL("no PostgreSQL test server: run through ctest (fixture postgres)");
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "the Qt PostgreSQL driver is missing (Debian package libqt6sql6-psql)");
}

void TestIntrospectionPostgres::goldenCases_data()
{
    QTest::addColumn<QString>("name");
    const QStringList cases =
        casesWith(QStringLiteral("postgresql.sql")) + QStringList{exampleHead};
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << name;
}

void TestIntrospectionPostgres::goldenCases()
{
    QFETCH(QString, name);
    const QString folder = QStringLiteral(RETORT_TEST_DATA "/introspection/") + name;
    FreshDatabase database;
    QSqlDatabase db = database.db();
    QVERIFY(db.isOpen());
    if (name == exampleHead)
        RETORT_VERIFY_RUNS(upgradeExampleProject(db, Dialect::PostgreSql));
    else
        RETORT_VERIFY_RUNS(
            executeFile(db, folder + QStringLiteral("/postgresql.sql"), Dialect::PostgreSql));
    const QString difference =
        compareWithGolden(database.read(), folder + QStringLiteral("/postgresql.json"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// A few facts checked directly, so a wrong golden file cannot hide them.
void TestIntrospectionPostgres::readsWhatTheCatalogSays()
{
    FreshDatabase database;
    QSqlDatabase db = database.db();
    RETORT_VERIFY_RUNS(
        executeFile(db, QStringLiteral(RETORT_TEST_DATA "/introspection/all_kinds/postgresql.sql"),
                    Dialect::PostgreSql));
    const Schema schema = database.read();

    const Table* accounts = schema.table(QStringLiteral("public"), QStringLiteral("accounts"));
    QVERIFY(accounts);
    QCOMPARE(accounts->comment, QStringLiteral("People who pay"));
    QCOMPARE(accounts->column(QStringLiteral("id"))->identity, IdentityKind::Always);
    QVERIFY(accounts->column(QStringLiteral("id"))->defaultValue.isEmpty());
    const Column* email = accounts->column(QStringLiteral("email"));
    QCOMPARE(email->type, QStringLiteral("character varying(255)"));
    QCOMPARE(email->collation, QStringLiteral("C"));
    QCOMPARE(email->comment, QStringLiteral("Login name, compared byte-wise"));
    QCOMPARE(accounts->column(QStringLiteral("balance_cents"))->generated, GeneratedKind::Stored);
    QVERIFY(accounts->uniqueConstraints.at(0).initiallyDeferred);

    const EnumType& mood = schema.enums.at(1);
    QCOMPARE(mood.name, QStringLiteral("mood"));
    QCOMPARE(mood.labels, (QStringList{QStringLiteral("sad"), QStringLiteral("meh"),
                                       QStringLiteral("ok"), QStringLiteral("happy")}));

    const Table* lines = schema.table(QStringLiteral("billing"), QStringLiteral("invoice_lines"));
    QVERIFY(lines);
    QCOMPARE(lines->indexes.at(0).method, QStringLiteral("gin"));
    const ForeignKey& toAccounts = lines->foreignKeys.at(0);
    QCOMPARE(toAccounts.name, QStringLiteral("fk_lines_account"));
    QCOMPARE(toAccounts.referencedSchema, QStringLiteral("public"));
    QCOMPARE(toAccounts.match, QStringLiteral("FULL"));
    QVERIFY(toAccounts.deferrable);
    QVERIFY(!toAccounts.initiallyDeferred);

    // The identity column's sequence belongs to the column; the bigserial's is listed.
    QStringList sequences;
    for (const Sequence& s : schema.sequences)
        sequences.append(s.schema + u'.' + s.name + u' ' + s.ownedBy);
    QCOMPARE(sequences, (QStringList{QStringLiteral("billing.invoices_id_seq invoices.id"),
                                     QStringLiteral("public.invoice_numbers ")}));
}

void TestIntrospectionPostgres::sameSchemaComparesEqual()
{
    const QString path = QStringLiteral(RETORT_TEST_DATA "/introspection/quoting/postgresql.sql");
    FreshDatabase first;
    FreshDatabase second;
    QSqlDatabase a = first.db();
    QSqlDatabase b = second.db();
    RETORT_VERIFY_RUNS(executeFile(a, path, Dialect::PostgreSql));
    RETORT_VERIFY_RUNS(executeFile(b, path, Dialect::PostgreSql));
    const Schema schema = first.read();
    QCOMPARE(schema, second.read());
    RETORT_VERIFY_RUNS(
        second.run(QStringLiteral("ALTER TABLE \"Notes\" ALTER COLUMN body SET NOT NULL")));
    QVERIFY(schema != second.read());
}

void TestIntrospectionPostgres::queryCountDoesNotGrowWithTables()
{
    FreshDatabase one;
    RETORT_VERIFY_RUNS(createBenchTables(one, 1));
    FreshDatabase fifty;
    RETORT_VERIFY_RUNS(createBenchTables(fifty, 50));
    RETORT_VERIFY_RUNS(
        fifty.run(QStringLiteral("CREATE TYPE e AS ENUM ('x'); CREATE VIEW v AS SELECT 1 AS x;"
                                 "CREATE SEQUENCE s; COMMENT ON TABLE bench_1 IS 'c'")));
    int oneCount = 0;
    int fiftyCount = 0;
    QCOMPARE(one.read({}, &oneCount).tables.size(), 1);
    const Schema big = fifty.read({}, &fiftyCount);
    QCOMPARE(big.tables.size(), 50);
    QCOMPARE(big.tables.at(0).indexes.size(), 1);
    QCOMPARE(big.tables.at(0).uniqueConstraints.size(), 1);
    QCOMPARE(big.tables.at(0).foreignKeys.size(), 1);
    QCOMPARE(fiftyCount, oneCount);
    QCOMPARE(oneCount, 7); // one per kind: tables, constraints, indexes, views, enums, ...
}

void TestIntrospectionPostgres::schemaListIsBoundNotSpliced()
{
    FreshDatabase database;
    QSqlDatabase db = database.db();
    RETORT_VERIFY_RUNS(
        executeFile(db, QStringLiteral(RETORT_TEST_DATA "/introspection/quoting/postgresql.sql"),
                    Dialect::PostgreSql));
    RETORT_VERIFY_RUNS(database.run(QStringLiteral("CREATE SCHEMA \"x') OR true --\"; CREATE TABLE "
                                                   "\"x') OR true --\".t (id int)")));

    IntrospectionOptions options;
    options.schemas = {QStringLiteral("Odd \"Schema\"")};
    Schema schema = database.read(options);
    QCOMPARE(tableNames(schema), QStringList{QStringLiteral("Odd \"Schema\".Order Items")});
    QCOMPARE(schema.enums.size(), 1);
    QVERIFY(schema.views.isEmpty());

    options.schemas = {QStringLiteral("x') OR true --")};
    QCOMPARE(tableNames(database.read(options)), QStringList{QStringLiteral("x') OR true --.t")});
    options.schemas = {QStringLiteral("nope"), QStringLiteral("public")};
    QCOMPARE(tableNames(database.read(options)), QStringList{QStringLiteral("public.Notes")});

    // Without a list: every schema but the system ones.
    QCOMPARE(tableNames(database.read()),
             (QStringList{QStringLiteral("Odd \"Schema\".Order Items"),
                          QStringLiteral("public.Notes"), QStringLiteral("x') OR true --.t")}));
}

void TestIntrospectionPostgres::excludesBookkeepingTables()
{
    FreshDatabase database;
    RETORT_VERIFY_RUNS(database.run(QStringLiteral(
        "CREATE SCHEMA other; CREATE TABLE alembic_version (version_num varchar(32));"
        "CREATE TABLE other.alembic_version (version_num varchar(32));"
        "CREATE TABLE \"Alembic_Version\" (x int); CREATE TABLE kept (id serial PRIMARY KEY);"
        "CREATE INDEX ix_version ON alembic_version (version_num)")));
    QCOMPARE(tableNames(database.read()), (QStringList{QStringLiteral("public.Alembic_Version"),
                                                       QStringLiteral("public.kept")}));
    IntrospectionOptions options;
    options.excludedTables = {QStringLiteral("kept")};
    QCOMPARE(tableNames(database.read(options)),
             (QStringList{QStringLiteral("other.alembic_version"),
                          QStringLiteral("public.Alembic_Version"),
                          QStringLiteral("public.alembic_version")}));
}

void TestIntrospectionPostgres::closedConnectionFails()
{
    FreshDatabase database;
    QSqlDatabase db = database.db();
    db.close();
    try {
        introspect(db, Dialect::PostgreSql);
        QFAIL("no error");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Database);
        QVERIFY2(error.message().contains(db.databaseName()), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("tables and columns")),
                 qPrintable(error.message()));
    }
}

// Prints figures; asserts only that everything was read.
void TestIntrospectionPostgres::benchmarkThousandTables()
{
    const int tables = 1000;
    FreshDatabase database;
    QElapsedTimer timer;
    timer.start();
    RETORT_VERIFY_RUNS(createBenchTables(database, tables));
    const qint64 createMs = timer.elapsed();

    QVector<qint64> runs;
    int queries = 0;
    Schema schema;
    for (int run = 0; run < 3; ++run) {
        timer.restart();
        schema = database.read({}, &queries);
        runs.append(timer.nsecsElapsed() / 1000);
    }
    std::sort(runs.begin(), runs.end());
    qInfo("introspection of %d tables (8 columns, unique, index, foreign key each): "
          "median %.3f s, best %.3f s, %d queries (tables created in %.1f s)",
          tables, runs.at(1) / 1e6, runs.at(0) / 1e6, queries, createMs / 1e3);
    QCOMPARE(schema.tables.size(), tables);
    QCOMPARE(schema.tables.last().columns.size(), 8);
    QCOMPARE(schema.tables.last().foreignKeys.size(), 1);
}

QTEST_GUILESS_MAIN(TestIntrospectionPostgres)
#include "tst_introspection_postgres.moc"
