// SPDX-License-Identifier: Apache-2.0
// The dev database on SQLite, the model cache and drift causes (issues 12 and 19): a model
// cannot ATTACH another file, a cached model round-trips whole and a damaged cache file is
// ignored, and `check --drift` tells an edited script from a database changed by hand.
#include "childprocess.h"
#include "common/error.h"
#include "database/databaseconnection.h"
#include "schema/driftcheck.h"
#include "schema/modelcache.h"
#include "schema/modelscript.h"
#include "schema/schemamodel.h"
#include "schema/schemareader.h"
#include "runnertesting.h"
#include "schemadifftesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;

namespace {

const QString kExample = QStringLiteral(RETORT_SOURCE_DIR "/migrations");

// A copy of the example project (retort.ini, model.sql, versions/) that a test may edit.
class ExampleCopy
{
public:
    ExampleCopy()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("versions")));
        for (const QString& name : {QStringLiteral("retort.ini"), QStringLiteral("model.sql")})
            QFile::copy(kExample + u'/' + name, m_dir.filePath(name));
        const QDir versions(kExample + QStringLiteral("/versions"));
        for (const QString& name : versions.entryList({QStringLiteral("*.sql")}, QDir::Files))
            QFile::copy(versions.filePath(name), m_dir.filePath(QStringLiteral("versions/") + name));
    }

    QString config() const { return m_dir.filePath(QStringLiteral("retort.ini")); }
    QString script(const QString& name) const { return m_dir.filePath(QStringLiteral("versions/") + name); }
    QString url() const { return QStringLiteral("sqlite:///") + m_dir.filePath(QStringLiteral("app.db")); }

    void replaceInScript(const QString& name, const QString& before, const QString& after) const
    {
        QFile file(script(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        QVERIFY(text.contains(before));
        text.replace(before, after);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    }

    testsupport::ProcessOutput retort(const QStringList& arguments) const
    {
        return testsupport::runProgram(QStringLiteral(RETORT_CLI),
                                       QStringList{QStringLiteral("-c"), config(),
                                                   QStringLiteral("--url"), url()} +
                                           arguments);
    }

private:
    QTemporaryDir m_dir;
};

// A schema with every field of every kind set to something other than its default.
Schema everyField()
{
    Schema schema;
    Table table;
    table.schema = QStringLiteral("app");
    table.name = QStringLiteral("documents");
    Column column{QStringLiteral("id"), QStringLiteral("bigint"), false, QStringLiteral("0"),
                  IdentityKind::Always, true, GeneratedKind::Stored, QStringLiteral("1 + 1"),
                  QStringLiteral("C"), QStringLiteral("the id")};
    Column owner;
    owner.name = QStringLiteral("owner");
    owner.type = QStringLiteral("text");
    table.columns = {column, owner};
    table.primaryKey = {QStringLiteral("pk"), {QStringLiteral("id")}};
    table.uniqueConstraints = {{QStringLiteral("uq"), {QStringLiteral("owner")}, true, true}};
    table.foreignKeys = {{QStringLiteral("fk"), {QStringLiteral("owner")}, QStringLiteral("other"),
                          QStringLiteral("users"), {QStringLiteral("name")},
                          QStringLiteral("CASCADE"), QStringLiteral("SET NULL"),
                          QStringLiteral("FULL"), true, false}};
    table.checks = {{QStringLiteral("ck"), QStringLiteral("id > 0")}};
    table.indexes = {{QStringLiteral("ix"), true,
                      {{QStringLiteral("owner"), {}, true, QStringLiteral("LAST")},
                       {{}, QStringLiteral("lower(owner)"), false, {}}},
                      {QStringLiteral("id")}, QStringLiteral("id > 1"), QStringLiteral("btree")}};
    table.withoutRowid = true;
    table.comment = QStringLiteral("ünïcode ✓");
    schema.tables = {table};
    schema.views = {{QStringLiteral("app"), QStringLiteral("v"), {QStringLiteral("a")},
                     QStringLiteral("SELECT 1"), true}};
    schema.enums = {{QStringLiteral("app"), QStringLiteral("mood"),
                     {QStringLiteral("calm"), QStringLiteral("angry")}}};
    schema.sequences = {{QStringLiteral("app"), QStringLiteral("s"), QStringLiteral("integer"), 5,
                         2, -10, 1000, 3, true, QStringLiteral("documents.id")}};
    schema.triggers = {{QStringLiteral("app"), QStringLiteral("t"), QStringLiteral("documents"),
                        QStringLiteral("CREATE TRIGGER t ...")}};
    return schema;
}

} // namespace

class TestDevDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attachingModelCannotTouchAFile();
    void authorizerHoldsWhatTheTextMisses();
    void cacheRoundTripsEveryField();
    void cacheIgnoresDamagedFiles();
    void cacheKeyCoversServerAndOptions();
    void cliUsesTheCache();
    void driftTellsAnEditedScriptFromTheDatabase();
};

// Issue 19, item 1: on SQLite a model could ATTACH another file and change it.
void TestDevDatabase::attachingModelCannotTouchAFile()
{
    QTemporaryDir dir;
    const QString victim = dir.filePath(QStringLiteral("victim.db"));
    const QString victimUrl = QStringLiteral("sqlite:///") + victim;
    testsupport::queryStrings(victimUrl, QStringLiteral("CREATE TABLE keep (x int)"));
    const QString model = QStringLiteral("CREATE TABLE a (id int);\n"
                                         "ATTACH DATABASE '%1' AS v;\n"
                                         "DROP TABLE v.keep;\n")
                              .arg(victim);
    const QString failure = schemadifftest::failureOf([&] {
        SchemaModel::loadText(model, QStringLiteral("/p/model.sql"),
                              DatabaseUrl::parse(QStringLiteral("sqlite://")), {});
    });
    QVERIFY2(failure.startsWith(QLatin1String("/p/model.sql:2: ATTACH would open another "
                                              "database file")),
             qPrintable(failure));
    QCOMPARE(testsupport::queryStrings(victimUrl, QStringLiteral("SELECT name FROM sqlite_master")),
             QStringList{QStringLiteral("keep")});
}

// Statements that slip past the text check meet the SQLite authorizer of the model's
// connection: loadInto() runs a script as given.
void TestDevDatabase::authorizerHoldsWhatTheTextMisses()
{
    QTemporaryDir dir;
    const QString victim = dir.filePath(QStringLiteral("victim.db"));
    const QString victimUrl = QStringLiteral("sqlite:///") + victim;
    testsupport::queryStrings(victimUrl, QStringLiteral("CREATE TABLE keep (x int)"));
    const auto attempt = [&](const QString& sql) {
        ModelScript script;
        script.statements = {{QStringLiteral("CREATE TABLE a (id int)"), 1}, {sql, 2}};
        return schemadifftest::failureOf([&] {
            SchemaModel::loadInto(script, QStringLiteral("m.sql"),
                                  DatabaseUrl::parse(QStringLiteral("sqlite://")), {});
        });
    };
    QVERIFY(attempt(QStringLiteral("ATTACH DATABASE '%1' AS v").arg(victim)).startsWith(u"m.sql:2: "));
    QVERIFY(attempt(QStringLiteral("VACUUM INTO '%1'").arg(dir.filePath(QStringLiteral("copy.db"))))
                .startsWith(u"m.sql:2: "));
    QVERIFY(attempt(QStringLiteral("COMMIT")).startsWith(u"m.sql:2: "));
    QVERIFY(attempt(QStringLiteral("PRAGMA journal_mode = DELETE")).startsWith(u"m.sql:2: "));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("copy.db"))));
    QCOMPARE(testsupport::queryStrings(victimUrl, QStringLiteral("SELECT name FROM sqlite_master")),
             QStringList{QStringLiteral("keep")});
    // What a model may do still works, and reading afterwards is not hindered.
    const Schema schema = SchemaModel::loadText(
        QStringLiteral("PRAGMA foreign_keys = ON;\nCREATE TABLE b (id INTEGER PRIMARY KEY);\n"
                       "CREATE INDEX ix_b ON b (id);"),
        QStringLiteral("m.sql"), DatabaseUrl::parse(QStringLiteral("sqlite://")), {});
    QCOMPARE(schema.tables.size(), 1);
    QCOMPARE(schema.tables.at(0).indexes.size(), 1);
}

void TestDevDatabase::cacheRoundTripsEveryField()
{
    const Schema schema = everyField();
    const std::optional<Schema> back = ModelCache::decode(ModelCache::encode(schema));
    QVERIFY(back.has_value());
    QVERIFY(*back == schema);
    QCOMPARE(back->toJsonText(), schema.toJsonText());
    QCOMPARE(back->triggers.at(0).definition, QStringLiteral("CREATE TRIGGER t ..."));
}

void TestDevDatabase::cacheIgnoresDamagedFiles()
{
    QTemporaryDir home;
    qputenv("XDG_CACHE_HOME", home.path().toUtf8());
    const ModelCache cache;
    QVERIFY(cache.isEnabled());
    const QByteArray key = ModelCache::key(QStringLiteral("CREATE TABLE a (id int);"),
                                           Dialect::Sqlite, QStringLiteral("sqlite 3"), {});
    QVERIFY(!cache.lookup(key));
    cache.store(key, everyField());
    QVERIFY(cache.lookup(key) == everyField());
    const QStringList files =
        QDir(home.filePath(QStringLiteral("retort/models"))).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    const QString path = home.filePath(QStringLiteral("retort/models/") + files.first());
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x55); // one bit pattern flipped
    file.seek(0);
    file.write(bytes);
    file.close();
    QVERIFY(!cache.lookup(key));
    QVERIFY(file.resize(40)); // cut short
    QVERIFY(!cache.lookup(key));
    cache.store(key, everyField()); // replaced whole
    QVERIFY(cache.lookup(key) == everyField());

    qputenv("RETORT_NO_CACHE", "1");
    QVERIFY(!ModelCache().isEnabled());
    qunsetenv("RETORT_NO_CACHE");
    qunsetenv("XDG_CACHE_HOME");
}

void TestDevDatabase::cacheKeyCoversServerAndOptions()
{
    const QString text = QStringLiteral("CREATE TABLE a (id int);");
    const QByteArray key = ModelCache::key(text, Dialect::PostgreSql, QStringLiteral("PostgreSQL 15.18"), {});
    QCOMPARE(key, ModelCache::key(text, Dialect::PostgreSql, QStringLiteral("PostgreSQL 15.18"), {}));
    QVERIFY(key != ModelCache::key(text + u' ', Dialect::PostgreSql, QStringLiteral("PostgreSQL 15.18"), {}));
    QVERIFY(key != ModelCache::key(text, Dialect::PostgreSql, QStringLiteral("PostgreSQL 16.4"), {}));
    QVERIFY(key != ModelCache::key(text, Dialect::Sqlite, QStringLiteral("PostgreSQL 15.18"), {}));
    SchemaReadOptions other;
    other.schemaName = QStringLiteral("app");
    QVERIFY(key != ModelCache::key(text, Dialect::PostgreSql, QStringLiteral("PostgreSQL 15.18"), other));
    other = {};
    other.excludedTables = {QStringLiteral("versions")};
    QVERIFY(key != ModelCache::key(text, Dialect::PostgreSql, QStringLiteral("PostgreSQL 15.18"), other));
}

// The CLI keeps what it loaded, and reads a changed model again.
void TestDevDatabase::cliUsesTheCache()
{
    QTemporaryDir home; // the CLI inherits it
    const QByteArray previous = qgetenv("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", home.path().toUtf8());
    ExampleCopy project;
    QVERIFY(project.retort({QStringLiteral("upgrade"), QStringLiteral("head")}).ok());
    const QDir models(home.filePath(QStringLiteral("retort/models")));
    const auto count = [&] { return models.entryList(QDir::Files).size(); };
    QCOMPARE(count(), 0);
    QVERIFY(project.retort({QStringLiteral("check")}).ok());
    QCOMPARE(count(), 1);
    QVERIFY(project.retort({QStringLiteral("check")}).ok());
    QCOMPARE(count(), 1);
    QFile model(QFileInfo(project.config()).absolutePath() + QStringLiteral("/model.sql"));
    QVERIFY(model.open(QIODevice::Append));
    model.write("\nCREATE TABLE cache_probe (id INTEGER PRIMARY KEY);\n");
    model.close();
    const auto changed = project.retort({QStringLiteral("check")});
    QCOMPARE(changed.exitCode, 1);
    QVERIFY2(changed.out.contains(QLatin1String("table added: cache_probe")), qPrintable(changed.out));
    QCOMPARE(count(), 2);
    qputenv("XDG_CACHE_HOME", previous);
}

// Issue 12, item 4: an applied script edited since it ran (a column default changed in the
// file) was reported as the database "changed outside its migrations".
void TestDevDatabase::driftTellsAnEditedScriptFromTheDatabase()
{
    ExampleCopy project;
    QVERIFY(project.retort({QStringLiteral("upgrade"), QStringLiteral("head")}).ok());
    project.replaceInScript(QStringLiteral("3c9e1a7f52b8_baseline.sql"),
                            QStringLiteral("doc_type VARCHAR(50) NOT NULL DEFAULT 'other'"),
                            QStringLiteral("doc_type VARCHAR(50) NOT NULL DEFAULT 'misc'"));

    const auto edited = project.retort({QStringLiteral("check"), QStringLiteral("--drift")});
    QCOMPARE(edited.exitCode, 1);
    QVERIFY2(!edited.err.contains(QLatin1String("changed outside its migrations")),
             qPrintable(edited.err));
    QVERIFY2(!edited.out.contains(QLatin1String("to the database")), qPrintable(edited.out));
    QVERIFY2(edited.out.startsWith(QLatin1String("Scripts edited since they ran (1 change(s)")),
             qPrintable(edited.out));
    QVERIFY2(edited.out.contains(QLatin1String("3c9e1a7f52b8_baseline.sql")), qPrintable(edited.out));
    QVERIFY2(edited.out.contains(QLatin1String("column changed: documents.doc_type (default "
                                               "'other' -> 'misc')")),
             qPrintable(edited.out));
    QVERIFY2(edited.err.contains(QLatin1String("1 applied script(s) were edited since they ran")),
             qPrintable(edited.err));

    // Now the database moves too: each change says which side moved.
    testsupport::queryStrings(project.url(), QStringLiteral("CREATE INDEX ix_users_full_name ON users (full_name)"));
    const auto both = project.retort({QStringLiteral("check"), QStringLiteral("--drift"),
                                      QStringLiteral("--json")});
    QCOMPARE(both.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(both.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("database_changed")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("scripts_changed")).toBool(), true);
    QStringList causes;
    for (const QJsonValue& change : json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject object = change.toObject();
        causes.append(object.value(QStringLiteral("cause")).toString() + u' ' +
                      object.value(QStringLiteral("kind")).toString() + u' ' +
                      object.value(QStringLiteral("table")).toString());
    }
    QCOMPARE(causes, (QStringList{QStringLiteral("database index-added users"),
                                  QStringLiteral("script column-changed documents")}));
    QCOMPARE(json.value(QStringLiteral("edited_scripts")).toArray().size(), 1);

    // The same through the core function a compare view calls.
    const Project loaded = Project::open(project.config());
    const SchemaReader reader(loaded, project.url());
    const DriftReport report = DriftCheck(reader).run();
    QVERIFY(report.databaseMoved());
    QVERIFY(report.scriptsMoved());
    QCOMPARE(report.databaseChanges.changes().size(), 1);
    QCOMPARE(report.scriptChanges.changes().size(), 1);
    QVERIFY(report.applied != report.onDisk);
    QVERIFY(report.unrecorded.isEmpty());
}

QTEST_GUILESS_MAIN(TestDevDatabase)
#include "tst_devdatabase.moc"
