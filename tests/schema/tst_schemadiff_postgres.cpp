// SPDX-License-Identifier: Apache-2.0
// Model loading, schema diff and the diff / check commands on PostgreSQL (CTest fixture
// `postgres`): models load in a temporary database on the test server (their dev database),
// inside a transaction that is rolled back; the example project runs in a fresh database per
// test.
#include "database/databaseconnection.h"
#include "postgres/testpostgres.h"
#include "schemadifftesthelpers.h"
#include "schema/devdatabase.h"
#include "scratchpostgres.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace retort;
using namespace retort::schemadifftest;

namespace {

void run(const QString& url, const QString& sql)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("test"));
    QSqlQuery query(connection.db());
    if (!query.exec(sql))
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
}

// The first column of every row of `sql`.
QStringList values(const QString& url, const QString& sql)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("test"));
    QSqlQuery query(connection.db());
    QStringList result;
    if (!query.exec(sql))
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

} // namespace

class TestSchemaDiffPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void goldenCases_data();
    void goldenCases();
    void modelErrorLeavesNothingBehind();
    void exampleModelEqualsHead();
    void checkFindsHandMadeChanges();
    void driftFoundAfterAlteringByHand();

private:
    QString m_url;
    std::unique_ptr<DevDatabase> m_dev; // where the golden cases' models load
};

void TestSchemaDiffPostgres::initTestCase()
{
    m_url = retortTestPostgresUrl();
    if (m_url.isEmpty())
        QFAIL("no PostgreSQL test server: run through ctest (fixture postgres)");
    m_dev = std::make_unique<DevDatabase>(DatabaseUrl::parse(m_url));
}

void TestSchemaDiffPostgres::cleanupTestCase()
{
    m_dev.reset(); // drops the model database
}

void TestSchemaDiffPostgres::goldenCases_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : casesFor(Dialect::PostgreSql))
        QTest::newRow(qPrintable(name)) << name;
}

void TestSchemaDiffPostgres::goldenCases()
{
    QFETCH(QString, name);
    QString text;
    int reverse = -1;
    const QString failure =
        failureOf([&] { text = diffCase(name, *m_dev, &reverse); });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString difference =
        compareWithGolden(text, kCases + u'/' + name + QStringLiteral("/postgresql.txt"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(reverse, int(text.count(u'\n') - text.count(QLatin1String("    note:"))));
}

void TestSchemaDiffPostgres::modelErrorLeavesNothingBehind()
{
    const QString model = QStringLiteral("CREATE TABLE a (id integer PRIMARY KEY);\n\n"
                                         "CREATE TABLE b (a_id integer REFERENCES nope (id));\n");
    const QString failure = failureOf([&] {
        SchemaModel::loadText(model, QStringLiteral("/p/model.sql"), DatabaseUrl::parse(m_url), {});
    });
    QVERIFY2(failure.startsWith(QLatin1String("/p/model.sql:3: ")), qPrintable(failure));
    QVERIFY2(failure.contains(QLatin1String("\"nope\" does not exist")), qPrintable(failure));
    QCOMPARE(values(m_url, QStringLiteral("SELECT nspname FROM pg_namespace "
                                          "WHERE nspname LIKE 'retort_model_%'")),
             QStringList());

    // A good model is read under the live schema's name and leaves nothing behind either.
    Schema schema;
    RETORT_SCHEMADIFF_VERIFY_RUNS(schema = SchemaModel::loadText(
                                      QStringLiteral("CREATE TABLE a (id integer PRIMARY KEY);"
                                                     "CREATE TABLE b (a_id integer REFERENCES a);"),
                                      QStringLiteral("model.sql"), DatabaseUrl::parse(m_url), {}));
    QCOMPARE(schema.tables.size(), 2);
    QCOMPARE(schema.tables.at(1).schema, QStringLiteral("public"));
    QVERIFY(!schema.tables.at(1).foreignKeys.at(0).referencedSchema.startsWith(
        QLatin1String("retort_model_")));
    QCOMPARE(values(m_url, QStringLiteral("SELECT nspname FROM pg_namespace "
                                          "WHERE nspname LIKE 'retort_model_%'")),
             QStringList());
    // Models load in a temporary database of their own, dropped afterwards (this test's
    // golden cases keep one until the end: m_dev).
    QCOMPARE(values(m_url, QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE "
                                          "'retort_dev_%1_%' AND datname <> '%2'")
                               .arg(QCoreApplication::applicationPid())
                               .arg(m_dev->modelDatabase().databaseName())),
             QStringList());
}

void TestSchemaDiffPostgres::exampleModelEqualsHead()
{
    testsupport::ScratchPostgres database(QStringLiteral("schemadiff_head"));
    QVERIFY(database.isValid());
    const auto upgrade = runRetort(database.url(), {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(upgrade.ok(), qPrintable(upgrade.description));
    const auto check = runRetort(database.url(), {QStringLiteral("check")});
    QVERIFY2(check.ok(), qPrintable(check.description + check.out));
    QCOMPARE(check.out, QStringLiteral("No differences between the database and the model.\n"));
    const auto drift = runRetort(database.url(), {QStringLiteral("check"), QStringLiteral("--drift")});
    QVERIFY2(drift.ok(), qPrintable(drift.description + drift.out));
    // The scratch database of the drift check is gone.
    QCOMPARE(testsupport::leftBehindDatabases(m_url, QStringLiteral("retort_scratch")),
             QStringList());
}

void TestSchemaDiffPostgres::checkFindsHandMadeChanges()
{
    testsupport::ScratchPostgres database(QStringLiteral("schemadiff_check"));
    QVERIFY(database.isValid());
    QVERIFY(runRetort(database.url(), {QStringLiteral("upgrade"), QStringLiteral("head")}).ok());
    run(database.url(), QStringLiteral("ALTER TABLE documents ADD COLUMN extra varchar(20)"));
    run(database.url(), QStringLiteral("ALTER TABLE users ALTER COLUMN role SET DEFAULT 'viewer'"));
    run(database.url(), QStringLiteral("DROP INDEX ix_documents_doc_type_year"));
    run(database.url(), QStringLiteral("CREATE TABLE scratch_notes (id serial PRIMARY KEY)"));

    const auto check = runRetort(database.url(), {QStringLiteral("check")});
    QCOMPARE(check.exitCode, 1);
    QCOMPARE(check.out,
             QStringLiteral("From the database to the model (4 change(s)):\n"
                            "column removed: public.documents.extra (character varying(20))\n"
                            "index added: public.documents.ix_documents_doc_type_year "
                            "((doc_type, year) USING btree)\n"
                            "table removed: public.scratch_notes\n"
                            "column changed: public.users.role (default "
                            "'viewer'::character varying -> 'editor'::character varying)\n"));
}

void TestSchemaDiffPostgres::driftFoundAfterAlteringByHand()
{
    testsupport::ScratchPostgres database(QStringLiteral("schemadiff_drift"));
    QVERIFY(database.isValid());
    QVERIFY(runRetort(database.url(), {QStringLiteral("upgrade"), QStringLiteral("9a03d7e5b4f6")})
                .ok());
    const auto clean = runRetort(database.url(), {QStringLiteral("check"), QStringLiteral("--drift")});
    QVERIFY2(clean.ok(), qPrintable(clean.description + clean.out));

    run(database.url(), QStringLiteral("ALTER TABLE outputs ALTER COLUMN title DROP NOT NULL"));
    const auto drift = runRetort(database.url(), {QStringLiteral("check"), QStringLiteral("--drift"),
                                                  QStringLiteral("--json")});
    QCOMPARE(drift.exitCode, 1);
    QVERIFY2(drift.out.contains(QLatin1String("\"kind\": \"column-changed\"")), qPrintable(drift.out));
    QVERIFY2(drift.out.contains(QLatin1String("NOT NULL -> nullable")), qPrintable(drift.out));
    QVERIFY2(drift.out.contains(QLatin1String("\"9a03d7e5b4f6\"")), qPrintable(drift.out));
}

QTEST_GUILESS_MAIN(TestSchemaDiffPostgres)
#include "tst_schemadiff_postgres.moc"
