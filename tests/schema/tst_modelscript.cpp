// SPDX-License-Identifier: Apache-2.0
// ModelScript: what of a model file runs in the dev database, checked before anything runs.
#include "common/error.h"
#include "schema/modelscript.h"

#include <QtTest>

using namespace retort;

namespace {

// The error message of parsing `text`, or "" when it parses.
QString refusal(const QString& text, Dialect dialect = Dialect::PostgreSql)
{
    try {
        ModelScript::parse(text, dialect, QStringLiteral("/p/model.sql"));
    } catch (const Error& error) {
        return error.message();
    }
    return {};
}

QStringList texts(const ModelScript& script)
{
    QStringList result;
    for (const SqlStatement& statement : script.statements)
        result.append(QStringLiteral("%1: %2").arg(statement.line).arg(statement.text));
    return result;
}

} // namespace

class TestModelScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pgDumpOutputLoads();
    void refusedStatementsNameTheirLine_data();
    void refusedStatementsNameTheirLine();
    void otherPsqlCommandsAreErrors();
    void dialectSectionsStillApply();
};

void TestModelScript::pgDumpOutputLoads()
{
    // What pg_dump 15.18 --schema-only writes (shortened), \restrict lines included.
    const QString dump = QStringLiteral(
        "--\n-- PostgreSQL database dump\n--\n\n"
        "\\restrict gHfTxIL7ec5UCH3CdlN92YWGtqh3NBXobun8EEDby5w0hgPF3IAbqWIqPx4iBEW\n\n"
        "SET statement_timeout = 0;\n"
        "SET client_encoding = 'UTF8';\n"
        "SELECT pg_catalog.set_config('search_path', '', false);\n"
        "SET default_table_access_method = heap;\n\n"
        "CREATE TABLE public.t0 (\n    id bigint NOT NULL,\n    code character varying(40)\n);\n\n"
        "ALTER TABLE public.t0 OWNER TO someone_else;\n\n"
        "COMMENT ON TABLE public.t0 IS 'hello';\n\n"
        "ALTER TABLE ONLY public.t0\n    ADD CONSTRAINT t0_pkey PRIMARY KEY (id);\n\n"
        "REVOKE ALL ON TABLE public.t0 FROM PUBLIC;\n"
        "GRANT SELECT ON TABLE public.t0 TO reader;\n\n"
        "\\unrestrict gHfTxIL7ec5UCH3CdlN92YWGtqh3NBXobun8EEDby5w0hgPF3IAbqWIqPx4iBEW\n");
    const ModelScript script =
        ModelScript::parse(dump, Dialect::PostgreSql, QStringLiteral("model.sql"));
    QCOMPARE(texts(script),
             (QStringList{
                 QStringLiteral("7: SET statement_timeout = 0"),
                 QStringLiteral("8: SET client_encoding = 'UTF8'"),
                 QStringLiteral("9: SELECT pg_catalog.set_config('search_path', '', false)"),
                 QStringLiteral("10: SET default_table_access_method = heap"),
                 QStringLiteral("12: CREATE TABLE public.t0 (\n    id bigint NOT NULL,\n    code "
                                "character varying(40)\n)"),
                 QStringLiteral("19: COMMENT ON TABLE public.t0 IS 'hello'"),
                 QStringLiteral("21: ALTER TABLE ONLY public.t0\n    ADD CONSTRAINT t0_pkey "
                                "PRIMARY KEY (id)")}));
    QCOMPARE(script.leftOut, 3); // OWNER TO, REVOKE, GRANT
}

void TestModelScript::refusedStatementsNameTheirLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("dialect");
    const int pg = int(Dialect::PostgreSql);
    // Issue 19: this model dropped a real table for good.
    QTest::newRow("commit escapes")
        << "CREATE TABLE important(id int);\nCOMMIT;\nDROP TABLE public.important;\n"
        << "/p/model.sql:2: COMMIT would end or split the transaction" << pg;
    QTest::newRow("begin") << "BEGIN;\nCREATE TABLE a (id int);\n"
                           << "/p/model.sql:1: BEGIN would end" << pg;
    QTest::newRow("prepare transaction") << "\n\nPREPARE TRANSACTION 'x';"
                                         << "/p/model.sql:3: PREPARE TRANSACTION" << pg;
    QTest::newRow("attach") << "CREATE TABLE a (id int);\nATTACH 'victim.db' AS v;\n"
                            << "/p/model.sql:2: ATTACH would open another database file"
                            << int(Dialect::Sqlite);
    QTest::newRow("vacuum into") << "VACUUM INTO '/tmp/copy.db';"
                                 << "/p/model.sql:1: VACUUM INTO reaches outside"
                                 << int(Dialect::Sqlite);
    QTest::newRow("pragma that touches files") << "PRAGMA journal_mode = DELETE;"
                                               << "/p/model.sql:1: PRAGMA journal_mode"
                                               << int(Dialect::Sqlite);
    QTest::newRow("alter role") << "CREATE TABLE a (id int);\n\nALTER ROLE app PASSWORD 'x';"
                                << "/p/model.sql:3: ALTER ROLE changes what every database" << pg;
    QTest::newRow("create database") << "CREATE DATABASE other;"
                                     << "/p/model.sql:1: CREATE DATABASE" << pg;
    QTest::newRow("alter system") << "ALTER SYSTEM SET fsync = off;"
                                  << "/p/model.sql:1: ALTER SYSTEM" << pg;
    QTest::newRow("copy program") << "COPY (SELECT 1) TO PROGRAM 'touch /tmp/x';"
                                  << "/p/model.sql:1: COPY ... PROGRAM reaches outside" << pg;
    QTest::newRow("lo_export") << "CREATE TABLE a AS SELECT lo_export(1, '/tmp/x');"
                               << "/p/model.sql:1: lo_export() reaches outside" << pg;
    QTest::newRow("dblink") << "CREATE EXTENSION dblink;"
                            << "/p/model.sql:1: CREATE EXTENSION dblink" << pg;
    QTest::newRow("load") << "LOAD 'plugin';" << "/p/model.sql:1: LOAD reaches outside" << pg;
    QTest::newRow("data") << "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);"
                          << "/p/model.sql:2: INSERT is not a schema statement" << pg;
    QTest::newRow("code") << "DO $$ BEGIN PERFORM 1; END $$;"
                          << "/p/model.sql:1: DO is not a schema statement" << pg;
    QTest::newRow("query") << "SELECT count(*) FROM pg_class;"
                           << "/p/model.sql:1: SELECT is not a schema statement" << pg;
}

void TestModelScript::refusedStatementsNameTheirLine()
{
    QFETCH(QString, text);
    QFETCH(QString, start);
    QFETCH(int, dialect);
    const QString message = refusal(text, Dialect(dialect));
    QVERIFY2(message.startsWith(start), qPrintable(message));
}

void TestModelScript::otherPsqlCommandsAreErrors()
{
    const QString message = refusal(QStringLiteral("CREATE TABLE a (id int);\n\\connect other\n"));
    QVERIFY2(message.startsWith(QLatin1String("/p/model.sql:2: '\\connect' is a psql command")),
             qPrintable(message));
}

void TestModelScript::dialectSectionsStillApply()
{
    const QString text = QStringLiteral("CREATE TABLE a (id int);\n"
                                        "-- +dialect postgresql\n"
                                        "COMMIT;\n"
                                        "-- +dialect all\n"
                                        "CREATE TABLE b (id int);\n");
    // The PostgreSQL section is checked for PostgreSQL only.
    QVERIFY(refusal(text).startsWith(QLatin1String("/p/model.sql:3: COMMIT")));
    const ModelScript sqlite = ModelScript::parse(text, Dialect::Sqlite, QStringLiteral("m"));
    QCOMPARE(texts(sqlite), (QStringList{QStringLiteral("1: CREATE TABLE a (id int)"),
                                         QStringLiteral("5: CREATE TABLE b (id int)")}));
}

QTEST_GUILESS_MAIN(TestModelScript)
#include "tst_modelscript.moc"
