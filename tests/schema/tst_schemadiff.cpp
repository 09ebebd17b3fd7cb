// SPDX-License-Identifier: Apache-2.0
// Model loading, schema diff and the diff / check commands on SQLite.
#include "database/databaseconnection.h"
#include "schemadifftesthelpers.h"
#include "schema/devdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::schemadifftest;

namespace {

DatabaseUrl memory()
{
    return DatabaseUrl::parse(QStringLiteral("sqlite://"));
}

// An SQLite file in a temporary folder, for the CLI to upgrade and the test to alter by hand.
class SqliteFile
{
public:
    QString url() const { return QStringLiteral("sqlite:///") + path(); }
    QString path() const { return m_dir.filePath(QStringLiteral("app.db")); }

    void run(const QString& sql) const
    {
        DatabaseConnection connection(DatabaseUrl::parse(url()), QStringLiteral("test"));
        QSqlQuery query(connection.db());
        if (!query.exec(sql))
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }

private:
    QTemporaryDir m_dir;
};

Schema loadModel(const QString& text)
{
    return SchemaModel::loadText(text, QStringLiteral("model.sql"), memory(), {});
}

QStringList kinds(const QString& json)
{
    QStringList result;
    const QJsonArray changes =
        QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("changes")).toArray();
    for (const QJsonValue& change : changes) {
        const QJsonObject o = change.toObject();
        result.append(o.value(QStringLiteral("kind")).toString() + u' ' +
                      o.value(QStringLiteral("table")).toString() + u' ' +
                      o.value(QStringLiteral("name")).toString());
    }
    return result;
}

} // namespace

class TestSchemaDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data();
    void goldenCases();
    void normalizes_data();
    void normalizes();
    void renamesAreNotesOnly();
    void jsonNamesStableKinds();
    void modelErrorsPointToTheLine_data();
    void modelErrorsPointToTheLine();
    void dialectSectionsKeepLineNumbers();
    void exampleModelEqualsHead();
    void checkFindsHandMadeChanges();
    void driftAgainstTheRecordedRevision();
    void diffBetweenRevisions();
    void badSourceIsAUsageError();
};

void TestSchemaDiff::goldenCases_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : casesFor(Dialect::Sqlite))
        QTest::newRow(qPrintable(name)) << name;
}

void TestSchemaDiff::goldenCases()
{
    QFETCH(QString, name);
    QString text;
    int reverse = -1;
    DevDatabase dev(memory());
    const QString failure = failureOf([&] { text = diffCase(name, dev, &reverse); });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString difference =
        compareWithGolden(text, kCases + u'/' + name + QStringLiteral("/sqlite.txt"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(reverse, int(text.count(u'\n') - text.count(QLatin1String("    note:"))));
}

void TestSchemaDiff::normalizes_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    const QString type = QStringLiteral("type");
    const QString def = QStringLiteral("default");
    const QString expr = QStringLiteral("expression");
    QTest::newRow("varchar") << type << "character varying(255)" << "VARCHAR(255)" << true;
    QTest::newRow("varchar length") << type << "varchar(255)" << "varchar(256)" << false;
    QTest::newRow("int4") << type << "int4" << "integer" << true;
    QTest::newRow("int") << type << "INT" << "integer" << true;
    QTest::newRow("bigint") << type << "int8" << "integer" << false;
    QTest::newRow("timestamp") << type << "timestamp without time zone" << "TIMESTAMP" << true;
    QTest::newRow("timestamptz") << type << "timestamp(3) with time zone" << "timestamptz(3)"
                                 << true;
    QTest::newRow("timestamptz vs timestamp") << type << "timestamptz" << "timestamp" << false;
    QTest::newRow("numeric spaces") << type << "numeric(3, 2)" << "NUMERIC(3,2)" << true;
    QTest::newRow("array") << type << "int4[]" << "integer[]" << true;
    QTest::newRow("false") << def << "false" << "FALSE" << true;
    QTest::newRow("now") << def << "now()" << "CURRENT_TIMESTAMP" << true;
    QTest::newRow("cast") << def << "'x'::character varying" << "'x'" << true;
    QTest::newRow("cast keeps value") << def << "'x'::character varying" << "'y'" << false;
    QTest::newRow("literal case kept") << def << "'X'" << "'x'" << false;
    QTest::newRow("parentheses") << def << "(0)" << "0" << true;
    QTest::newRow("function parentheses") << def << "(lower('A'))" << "lower('A')" << true;
    QTest::newRow("not enclosing") << def << "(1) + (2)" << "1) + (2" << false;
    QTest::newRow("spaces") << expr << "a>0 AND b <> ''" << "a > 0\n  and b<>''" << true;
    QTest::newRow("words stay apart") << expr << "a IS NOT NULL" << "a ISNOT NULL" << false;
    QTest::newRow("string spaces kept") << expr << "a = 'x y'" << "a = 'x  y'" << false;
}

void TestSchemaDiff::normalizes()
{
    QFETCH(QString, what);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    const auto normalize = what == QLatin1String("type")      ? SchemaDiff::normalizeType
                           : what == QLatin1String("default") ? SchemaDiff::normalizeDefault
                                                              : SchemaDiff::normalizeExpression;
    QCOMPARE(normalize(a) == normalize(b), equal);
}

void TestSchemaDiff::renamesAreNotesOnly()
{
    const Schema from = loadModel(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, "
                                                 "old_name TEXT, other INTEGER)"));
    const Schema to = loadModel(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, "
                                               "new_name TEXT, number INTEGER)"));
    const SchemaDiff diff = SchemaDiff::compare(from, to);
    QStringList lines;
    for (const SchemaChange& change : diff.changes())
        lines.append(change.kindName() + u' ' + change.path() + u' ' + change.note);
    QCOMPARE(lines, (QStringList{
                        QStringLiteral("column-removed t.old_name "),
                        QStringLiteral("column-removed t.other "),
                        QStringLiteral("column-added t.new_name possibly a rename of old_name "
                                       "(same type); not assumed"),
                        QStringLiteral("column-added t.number possibly a rename of other (same "
                                       "type); not assumed"),
                    }));
}

void TestSchemaDiff::jsonNamesStableKinds()
{
    const Schema from = loadModel(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
    const Schema to = loadModel(QStringLiteral(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT DEFAULT 'a');CREATE INDEX ix ON t (v)"));
    const QJsonObject json = SchemaDiff::compare(from, to).toJson();
    QCOMPARE(json.value(QStringLiteral("equal")).toBool(), false);
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QCOMPARE(text, QByteArray(R"j({"changes":[{"details":["TEXT DEFAULT 'a'"],"kind":"column-added",)j"
                              R"j("name":"v","table":"t"},{"details":["(v)"],"kind":"index-added",)j"
                              R"j("name":"ix","table":"t"}],"equal":false})j"));
    QCOMPARE(SchemaDiff::compare(to, to).toJson().value(QStringLiteral("equal")).toBool(), true);
}

void TestSchemaDiff::modelErrorsPointToTheLine_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("message");
    QTest::newRow("database error")
        << QStringLiteral("-- the model\nCREATE TABLE a (id INTEGER);\n\nCREATE INDEX ix ON\n"
                          "  missing (id);\n")
        << QStringLiteral("model.sql:4: no such table: main.missing");
    QTest::newRow("unterminated string")
        << QStringLiteral("CREATE TABLE a (id INTEGER);\nCREATE TABLE b (v TEXT DEFAULT 'x);\n")
        << QStringLiteral("model.sql:2: unterminated");
    QTest::newRow("unknown marker") << QStringLiteral("CREATE TABLE a (id INTEGER);\n-- +sqlite\n")
                                    << QStringLiteral("model.sql:2: unknown marker '-- +sqlite'");
    QTest::newRow("unknown dialect")
        << QStringLiteral("\n\n-- +dialect oracle\nCREATE TABLE a (id INTEGER);\n")
        << QStringLiteral("model.sql:3: unknown dialect 'oracle'");
    QTest::newRow("error after a section of another dialect")
        << QStringLiteral("-- +dialect postgresql\nCREATE TABLE a (id serial);\n-- +dialect all\n"
                          "CREATE TABLE a (id INTEGER);\nCREATE TABLE a (id INTEGER);\n")
        << QStringLiteral("model.sql:5: table a already exists");
}

void TestSchemaDiff::modelErrorsPointToTheLine()
{
    QFETCH(QString, model);
    QFETCH(QString, message);
    try {
        loadModel(model);
        QFAIL("no error");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Script);
        QVERIFY2(error.message().startsWith(message), qPrintable(error.message()));
    }
}

void TestSchemaDiff::dialectSectionsKeepLineNumbers()
{
    const QString text = QStringLiteral("a;\n-- +dialect postgresql\nb;\n-- +dialect sqlite\nc;\n"
                                        "-- +dialect all\nd;");
    QCOMPARE(SchemaModel::textFor(text, Dialect::Sqlite, {}), QStringLiteral("a;\n\n\n\nc;\n\nd;"));
    QCOMPARE(SchemaModel::textFor(text, Dialect::PostgreSql, {}),
             QStringLiteral("a;\n\nb;\n\n\n\nd;"));
}

void TestSchemaDiff::exampleModelEqualsHead()
{
    SqliteFile file;
    // Before any upgrade the file does not exist: every table of the model is missing.
    const auto before = runRetort(file.url(), {QStringLiteral("check")});
    QCOMPARE(before.exitCode, 1);
    QVERIFY2(before.out.contains(QLatin1String("table added: documents")), qPrintable(before.out));
    QVERIFY(!QFile::exists(file.path())); // checking created nothing

    QVERIFY2(runRetort(file.url(), {QStringLiteral("upgrade"), QStringLiteral("head")}).ok(),
             "upgrade failed");
    const auto check = runRetort(file.url(), {QStringLiteral("check")});
    QVERIFY2(check.ok(), qPrintable(check.description + check.out));
    QCOMPARE(check.out, QStringLiteral("No differences between the database and the model.\n"));

    // In process too: the model against the scripts at head, without a live database.
    const Project project = Project::open(kExampleConfig);
    const SchemaReader reader(project, file.url());
    Schema model;
    Schema scripts;
    const QString failure = failureOf([&] {
        model = reader.model();
        scripts = reader.scripts({QStringLiteral("head")});
    });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(model.tables.size(), 12);
    QVERIFY2(SchemaDiff::compare(scripts, model).isEmpty(),
             qPrintable(SchemaDiff::compare(scripts, model).toText()));
}

void TestSchemaDiff::checkFindsHandMadeChanges()
{
    SqliteFile file;
    QVERIFY(runRetort(file.url(), {QStringLiteral("upgrade"), QStringLiteral("head")}).ok());
    file.run(QStringLiteral("ALTER TABLE documents ADD COLUMN extra TEXT"));
    file.run(QStringLiteral("DROP INDEX ix_documents_doc_type_year"));
    file.run(QStringLiteral("CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY, body TEXT)"));

    const auto check = runRetort(file.url(), {QStringLiteral("check")});
    QCOMPARE(check.exitCode, 1);
    QCOMPARE(check.out, QStringLiteral(
                            "From the database to the model (3 change(s)):\n"
                            "column removed: documents.extra (TEXT)\n"
                            "index added: documents.ix_documents_doc_type_year ((doc_type, year))\n"
                            "table removed: scratch_notes\n"));

    const auto json = runRetort(file.url(), {QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(kinds(json.out), (QStringList{QStringLiteral("column-removed documents extra"),
                                           QStringLiteral("index-added documents "
                                                          "ix_documents_doc_type_year"),
                                           QStringLiteral("table-removed scratch_notes ")}));
}

void TestSchemaDiff::driftAgainstTheRecordedRevision()
{
    SqliteFile file;
    // At an older revision the database differs from the model but not from its scripts.
    QVERIFY(runRetort(file.url(), {QStringLiteral("upgrade"), QStringLiteral("e58a2f3d90c1")}).ok());
    QCOMPARE(runRetort(file.url(), {QStringLiteral("check")}).exitCode, 1);
    const auto clean = runRetort(file.url(), {QStringLiteral("check"), QStringLiteral("--drift")});
    QVERIFY2(clean.ok(), qPrintable(clean.description + clean.out));
    QCOMPARE(clean.out,
             QStringLiteral("No differences between the scripts at e58a2f3d90c1 and the database.\n"));

    file.run(QStringLiteral("CREATE INDEX ix_users_full_name ON users (full_name)"));
    const auto drift = runRetort(file.url(), {QStringLiteral("check"), QStringLiteral("--drift")});
    QCOMPARE(drift.exitCode, 1);
    QCOMPARE(drift.out, QStringLiteral("From the scripts at e58a2f3d90c1 to the database (1 "
                                       "change(s)):\nindex added: users.ix_users_full_name "
                                       "((full_name))\n"));
    QVERIFY2(drift.err.contains(QLatin1String("changed outside its migrations")),
             qPrintable(drift.err));
}

void TestSchemaDiff::diffBetweenRevisions()
{
    SqliteFile file;
    const auto run = runRetort(file.url(), {QStringLiteral("diff"), QStringLiteral("--from"),
                                         QStringLiteral("rev:7d41b0e9c6a2"), QStringLiteral("--to"),
                                         QStringLiteral("rev:e58a2f3d90c1"),
                                         QStringLiteral("--json")});
    QVERIFY2(run.ok(), qPrintable(run.description));
    QCOMPARE(kinds(run.out), QStringList{QStringLiteral("table-added user_sessions ")});
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("from")).toString(),
             QStringLiteral("the scripts at 7d41b0e9c6a2"));
    QVERIFY(!QFile::exists(file.path())); // the live database was never touched

    // The default: the database (empty: no file) to the model. diff exits 0 either way.
    const auto all = runRetort(file.url(), {QStringLiteral("diff")});
    QVERIFY2(all.ok(), qPrintable(all.description));
    QCOMPARE(all.out.count(QLatin1String("table added: ")), 12);
}

void TestSchemaDiff::badSourceIsAUsageError()
{
    const auto run = runRetort(QStringLiteral("sqlite://"),
                            {QStringLiteral("diff"), QStringLiteral("--from"), QStringLiteral("x")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("expected model, db or rev:REVISION")),
             qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schemadiff.moc"
