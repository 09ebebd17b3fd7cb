// SPDX-License-Identifier: Apache-2.0
// StatementReach: how far a statement reaches beyond the database it runs in, from its text.
#include "schema/statementreach.h"

#include <QtTest>

using namespace retort;

Q_DECLARE_METATYPE(retort::Dialect)
Q_DECLARE_METATYPE(retort::StatementReach::Kind)

class TestStatementReach : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds_data();
    void kinds();
    void createdRoles_data();
    void createdRoles();
};

void TestStatementReach::kinds_data()
{
    using Kind = StatementReach::Kind;
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QString>("statement");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("what");
    const Dialect pg = Dialect::PostgreSql;
    const Dialect lite = Dialect::Sqlite;

    // Transaction control.
    QTest::newRow("commit") << pg << "COMMIT" << Kind::Transaction << "COMMIT";
    QTest::newRow("begin") << pg << "begin transaction isolation level serializable" << Kind::Transaction
                 << "BEGIN";
    QTest::newRow("end") << pg << "END" << Kind::Transaction << "END";
    QTest::newRow("abort") << pg << "ABORT" << Kind::Transaction << "ABORT";
    QTest::newRow("rollback prepared") << pg << "ROLLBACK PREPARED 'x'" << Kind::Transaction << "ROLLBACK";
    QTest::newRow("savepoint") << pg << "SAVEPOINT a" << Kind::Transaction << "SAVEPOINT";
    QTest::newRow("release") << pg << "RELEASE SAVEPOINT a" << Kind::Transaction << "RELEASE";
    QTest::newRow("start transaction") << pg << "START TRANSACTION" << Kind::Transaction
                             << "START TRANSACTION";
    QTest::newRow("prepare transaction") << pg << "PREPARE TRANSACTION 'x'" << Kind::Transaction
                               << "PREPARE TRANSACTION";
    QTest::newRow("sqlite begin immediate") << lite << "BEGIN IMMEDIATE" << Kind::Transaction << "BEGIN";
    QTest::newRow("comment first") << pg << "/* nested /* comment */ */ -- line\nCOMMIT"
                         << Kind::Transaction << "COMMIT";

    // SQLite's other files.
    QTest::newRow("attach") << lite << "ATTACH DATABASE 'victim.db' AS v" << Kind::Attachment << "ATTACH";
    QTest::newRow("detach") << lite << "DETACH v" << Kind::Attachment << "DETACH";
    QTest::newRow("attach partition") << pg << "ALTER TABLE m ATTACH PARTITION p FOR VALUES IN (1)"
                            << Kind::Database << "";

    // What every database of a server shares.
    QTest::newRow("alter role") << pg << "ALTER ROLE x PASSWORD 'y'" << Kind::ClusterWide << "ALTER ROLE";
    QTest::newRow("create user") << pg << "CREATE USER app LOGIN" << Kind::ClusterWide << "CREATE USER";
    QTest::newRow("drop group") << pg << "DROP GROUP g" << Kind::ClusterWide << "DROP GROUP";
    QTest::newRow("create database") << pg << "CREATE DATABASE other" << Kind::ClusterWide
                           << "CREATE DATABASE";
    QTest::newRow("alter database") << pg << "ALTER DATABASE d SET work_mem = '1GB'" << Kind::ClusterWide
                          << "ALTER DATABASE";
    QTest::newRow("tablespace") << pg << "CREATE TABLESPACE t LOCATION '/x'" << Kind::ClusterWide
                      << "CREATE TABLESPACE";
    QTest::newRow("alter system") << pg << "ALTER SYSTEM SET fsync = off" << Kind::ClusterWide
                        << "ALTER SYSTEM";
    QTest::newRow("subscription") << pg << "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p"
                        << Kind::ClusterWide << "CREATE SUBSCRIPTION";
    QTest::newRow("comment on role") << pg << "COMMENT ON ROLE x IS 'y'" << Kind::ClusterWide
                           << "COMMENT ON ROLE";
    QTest::newRow("role membership") << pg << "GRANT admin TO app" << Kind::ClusterWide
                           << "GRANT (role membership)";
    QTest::newRow("grant on database") << pg << "GRANT CONNECT ON DATABASE d TO app" << Kind::ClusterWide
                             << "GRANT ON DATABASE";
    QTest::newRow("reassign owned") << pg << "REASSIGN OWNED BY a TO b" << Kind::ClusterWide
                          << "REASSIGN OWNED";
    QTest::newRow("role in a DO body") << pg
                             << "DO $$ BEGIN EXECUTE 'ALTER ROLE x PASSWORD ''y'''; END $$"
                             << Kind::ClusterWide << "ALTER ROLE";
    QTest::newRow("role in a function body")
        << pg
        << "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$ BEGIN "
           "DROP DATABASE victim; END $body$"
        << Kind::ClusterWide << "DROP DATABASE";

    // Files, programs, other servers.
    QTest::newRow("copy program") << pg << "COPY t TO PROGRAM 'rm -rf /'" << Kind::Outside
                        << "COPY ... PROGRAM";
    QTest::newRow("copy to file") << pg << "COPY t TO '/tmp/x'" << Kind::Outside
                        << "COPY ... TO a server file";
    QTest::newRow("copy from stdin") << pg << "COPY t FROM STDIN" << Kind::Database << "";
    QTest::newRow("lo_export") << pg << "SELECT lo_export(1, '/tmp/x')" << Kind::Outside << "lo_export()";
    QTest::newRow("pg_read_file") << pg << "CREATE VIEW v AS SELECT pg_catalog.pg_read_file('/etc/passwd')"
                        << Kind::Outside << "pg_read_file()";
    QTest::newRow("dblink") << pg << "SELECT * FROM dblink('host=x', 'DROP TABLE t') AS t(a int)"
                  << Kind::Outside << "dblink()";
    QTest::newRow("dblink extension") << pg << "CREATE EXTENSION IF NOT EXISTS dblink" << Kind::Outside
                            << "CREATE EXTENSION dblink";
    QTest::newRow("untrusted language") << pg << "CREATE EXTENSION plpython3u" << Kind::Outside
                              << "CREATE EXTENSION plpython3u";
    QTest::newRow("trusted extension") << pg << "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public"
                             << Kind::Database << "";
    QTest::newRow("foreign server") << pg << "CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw"
                          << Kind::Outside << "CREATE SERVER";
    QTest::newRow("load") << pg << "LOAD 'auto_explain'" << Kind::Outside << "LOAD";
    QTest::newRow("terminate") << pg << "SELECT pg_terminate_backend(42)" << Kind::Outside
                     << "pg_terminate_backend()";
    QTest::newRow("vacuum into") << lite << "VACUUM INTO '/tmp/copy.db'" << Kind::Outside << "VACUUM INTO";
    QTest::newRow("vacuum") << lite << "VACUUM" << Kind::Database << "";
    QTest::newRow("pragma journal") << lite << "PRAGMA journal_mode = WAL" << Kind::Outside
                          << "PRAGMA journal_mode";
    QTest::newRow("pragma schema.name") << lite << "PRAGMA main.temp_store_directory = '/tmp'"
                              << Kind::Outside << "PRAGMA temp_store_directory";
    QTest::newRow("pragma foreign keys") << lite << "PRAGMA foreign_keys = ON" << Kind::Database << "";
    QTest::newRow("pragma read") << lite << "PRAGMA journal_mode" << Kind::Database << "";
    QTest::newRow("load_extension") << lite << "SELECT load_extension('/tmp/evil.so')" << Kind::Outside
                          << "load_extension()";

    // Inside the database, whatever the words look like.
    QTest::newRow("column named role") << pg << "ALTER TABLE users ALTER role SET DEFAULT 'viewer'"
                             << Kind::Database << "";
    QTest::newRow("user mapping") << pg << "CREATE USER MAPPING FOR app SERVER s" << Kind::Database << "";
    QTest::newRow("grant on table") << pg << "GRANT SELECT ON documents TO reader" << Kind::Database << "";
    QTest::newRow("comment prose") << pg << "COMMENT ON TABLE t IS 'never DROP DATABASE here'"
                         << Kind::Database << "";
    QTest::newRow("string literal") << pg << "INSERT INTO notes VALUES ('COMMIT')" << Kind::Database << "";
    QTest::newRow("sqlite trigger") << lite
                          << "CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE a SET x = 1; END"
                          << Kind::Database << "";
    QTest::newRow("quoted identifier") << pg << "CREATE TABLE \"COMMIT\" (id int)" << Kind::Database << "";
    QTest::newRow("e-string") << pg << "SELECT E'it''s \\' COMMIT'" << Kind::Database << "";
}

void TestStatementReach::kinds()
{
    QFETCH(Dialect, dialect);
    QFETCH(QString, statement);
    QFETCH(StatementReach::Kind, kind);
    QFETCH(QString, what);
    const StatementReach reach = StatementReach::of(statement, dialect);
    QCOMPARE(reach.what, what);
    QCOMPARE(reach.kind, kind);
    QCOMPARE(reach.staysInside(), kind == StatementReach::Kind::Database);
    QCOMPARE(reach.describe().isEmpty(), reach.staysInside());
    if (!reach.staysInside())
        QVERIFY2(reach.describe().startsWith(what), qPrintable(reach.describe()));
}

void TestStatementReach::createdRoles_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("role");
    QTest::newRow("unquoted folds") << "CREATE ROLE App LOGIN" << "app";
    QTest::newRow("quoted keeps case") << "CREATE USER \"App\" PASSWORD 'x'" << "App";
    QTest::newRow("group") << "CREATE GROUP readers" << "readers";
    QTest::newRow("alter makes none") << "ALTER ROLE app LOGIN" << "";
    QTest::newRow("database is no role") << "CREATE DATABASE app" << "";
}

void TestStatementReach::createdRoles()
{
    QFETCH(QString, statement);
    QFETCH(QString, role);
    QCOMPARE(StatementReach::of(statement, Dialect::PostgreSql).createdRole, role);
}

QTEST_GUILESS_MAIN(TestStatementReach)
#include "tst_statementreach.moc"
