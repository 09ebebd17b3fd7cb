// SPDX-License-Identifier: Apache-2.0
// SchemaComparison (the object tree of a review screen, with each side's DDL aligned),
// ChangeSelection (a migration for some of the changes) and `revision --autogenerate --only`.
#include "ddlgeneratortesthelpers.h"
#include "ddl/schemacomparison.h"
#include "schema/changeselection.h"

#include "testliterals.h"

#include <QtTest>

using namespace retort;
using retort::testsupport::L;
using retort::testsupport::S;
using namespace retort::ddltest;
using Status = ComparedObject::Status;
using Object = SchemaChange::Object;

namespace {

Schema load(const QString& sql)
{
    return SchemaModel::loadText(sql, QStringLiteral("model.sql"), DatabaseUrl::parse(QStringLiteral("sqlite://")), {});
}


const QString kFrom = QStringLiteral(
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, name TEXT);\n"
    "CREATE INDEX ix_users_email ON users (email);\n"
    "CREATE TABLE old_logs (id INTEGER PRIMARY KEY, line TEXT);\n"
    "CREATE TABLE same (id INTEGER PRIMARY KEY);\n"
    "CREATE VIEW v_users AS SELECT id FROM users;\n");
const QString kTo = QStringLiteral(
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, name TEXT,\n"
    "    active BOOLEAN NOT NULL DEFAULT 1);\n"
    "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));\n"
    "CREATE TABLE same (id INTEGER PRIMARY KEY);\n"
    "CREATE VIEW v_users AS SELECT id, email FROM users;\n");

const ComparedObject* find(const QVector<ComparedObject>& objects, const QString& key)
{
    for (const ComparedObject& object : objects) {
        if (object.key == key)
            return &object;
        if (const ComparedObject* child = find(object.children, key))
            return child;
    }
    return nullptr;
}

QStringList sortedKeys(const SchemaDiff& diff)
{
    QStringList keys = ChangeSelection::keys(diff);
    keys.sort();
    return keys;
}

// `retort -c CONFIG --url URL ARGS`.
testsupport::ProcessOutput runRetort(const QString& config, const QString& url,
                                     const QStringList& arguments)
{
    return testsupport::runProgram(QStringLiteral(RETORT_CLI),
                                   QStringList{QStringLiteral("-c"), config,
                                               QStringLiteral("--url"), url} +
                                       arguments);
}

} // namespace

class TestSchemaComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusesAndCounts();
    void partsOfTables();
    void ddlOnBothSidesIsAligned();
    void wholeSchemaIsEveryObjectAligned();
    void changeKeysAreTheDiffs();
    void everythingChosenIsTheTarget();
    void oneChangeAtATime_data();
    void oneChangeAtATime();
    void unknownKeyIsRefused();
    void cliOnlyWritesTheChosenChanges();
};

void TestSchemaComparison::statusesAndCounts()
{
    const SchemaComparison c = SchemaComparison::compare(load(kFrom), load(kTo), Dialect::Sqlite);
    QStringList listed;
    for (const ComparedObject& object : c.objects())
        listed << object.key + u'=' + SchemaComparison::statusName(object.status);
    QCOMPARE(listed, (L({"table:old_logs=only in from", "table:posts=only in to",
                                  "table:same=identical", "table:users=different",
                                  "view:v_users=different"})));
    QCOMPARE(c.count(Status::OnlyInFrom), 1);
    QCOMPARE(c.count(Status::OnlyInTo), 1);
    QCOMPARE(c.count(Status::Different), 2);
    QCOMPARE(c.count(Status::Identical), 1);
}

void TestSchemaComparison::partsOfTables()
{
    const SchemaComparison c = SchemaComparison::compare(load(kFrom), load(kTo), Dialect::Sqlite);
    const ComparedObject* users = find(c.objects(), QStringLiteral("table:users"));
    QVERIFY(users);
    QStringList parts;
    for (const ComparedObject& part : users->children)
        parts << part.key + u'=' + SchemaComparison::statusName(part.status);
    QCOMPARE(parts, (L({"column:users.id=identical", "column:users.email=different",
                                 "column:users.name=identical", "column:users.active=only in to",
                                 "primary-key:users=identical",
                                 "index:users.ix_users_email=only in from"})));
    const ComparedObject* email = find(c.objects(), QStringLiteral("column:users.email"));
    QCOMPARE(email->fromDdl, QStringLiteral("\"email\" VARCHAR(100) NOT NULL"));
    QCOMPARE(email->toDdl, QStringLiteral("\"email\" VARCHAR(200) NOT NULL"));
    QCOMPARE(email->details, (L({"type VARCHAR(100) -> VARCHAR(200)"})));
    // The table is a change only through its parts; a new table is one change.
    QVERIFY(!users->isChange);
    QCOMPARE(users->changeKeys(), (L({"column:users.email", "column:users.active",
                                               "index:users.ix_users_email"})));
    const ComparedObject* posts = find(c.objects(), QStringLiteral("table:posts"));
    QCOMPARE(posts->changeKeys(), L({"table:posts"}));
    QVERIFY(posts->fromDdl.isEmpty());
    QVERIFY(posts->toDdl.startsWith(QLatin1String("CREATE TABLE \"posts\" (\n")));
}

void TestSchemaComparison::ddlOnBothSidesIsAligned()
{
    const SchemaComparison c = SchemaComparison::compare(load(kFrom), load(kTo), Dialect::Sqlite);
    const ComparedObject* users = find(c.objects(), QStringLiteral("table:users"));
    const SideBySide& a = users->alignment;
    QCOMPARE(a.fromText().count(u'\n'), a.toText().count(u'\n'));
    QVERIFY(!a.isEqual());
    // The email line differs in its length only; the index is only on the left.
    bool emailChanged = false;
    bool indexRemoved = false;
    for (const AlignedRow& row : a.rows) {
        if (row.kind == AlignedRow::Kind::Changed && a.fromLines.at(row.fromLine).contains(QLatin1String("email"))) {
            emailChanged = true;
            QCOMPARE(a.fromLines.at(row.fromLine).mid(row.fromWords.first().start,
                                                      row.fromWords.first().length),
                     QStringLiteral("100"));
        }
        if (row.kind == AlignedRow::Kind::Removed)
            indexRemoved = indexRemoved || a.fromLines.at(row.fromLine).startsWith(QLatin1String("CREATE INDEX"));
    }
    QVERIFY(emailChanged);
    QVERIFY(indexRemoved);
    const ComparedObject* same = find(c.objects(), QStringLiteral("table:same"));
    QVERIFY(same->alignment.isEqual());
}

// The detail panel's Schema tab: each side's whole schema, object after object, still aligned.
void TestSchemaComparison::wholeSchemaIsEveryObjectAligned()
{
    const SchemaComparison c = SchemaComparison::compare(load(kFrom), load(kTo), Dialect::Sqlite);
    const SideBySide whole = c.wholeAlignment();
    QCOMPARE(whole.fromText().count(u'\n'), whole.toText().count(u'\n'));
    QString from;
    QString to;
    int differences = 0;
    for (const ComparedObject& object : c.objects()) {
        for (const QString& line : object.alignment.fromText().split(u'\n'))
            QVERIFY2(whole.fromText().contains(line), qPrintable(line));
        from += object.fromDdl;
        to += object.toDdl;
        differences += int(object.alignment.differenceStarts().size());
    }
    // Every line of each side, in order, and each object's differences apart.
    QCOMPARE(QString(whole.fromLines.join(QString())).remove(u'\n'), QString(from).remove(u'\n'));
    QCOMPARE(QString(whole.toLines.join(QString())).remove(u'\n'), QString(to).remove(u'\n'));
    QCOMPARE(int(whole.differenceStarts().size()), differences);
    QVERIFY(whole.fromText().contains(QLatin1String("old_logs")));
    QVERIFY(!whole.toText().contains(QLatin1String("old_logs")));
}

void TestSchemaComparison::changeKeysAreTheDiffs()
{
    const SchemaComparison c = SchemaComparison::compare(load(kFrom), load(kTo), Dialect::Sqlite);
    QStringList fromTree;
    for (const ComparedObject& object : c.objects())
        fromTree += object.changeKeys();
    fromTree.sort();
    QCOMPARE(fromTree, sortedKeys(c.diff()));
}

void TestSchemaComparison::everythingChosenIsTheTarget()
{
    for (const QString& name : casesFor(Dialect::Sqlite)) {
        const Schema from = load(caseModel(name, QStringLiteral("from.sql"), Dialect::Sqlite));
        const Schema to = load(caseModel(name, QStringLiteral("to.sql"), Dialect::Sqlite));
        const SchemaDiff diff = SchemaDiff::compare(from, to);
        const QStringList keys = ChangeSelection::keys(diff);
        QVERIFY2(ChangeSelection::apply(from, to, QSet<QString>(keys.cbegin(), keys.cend())) == to,
                 qPrintable(name));
        QVERIFY2(ChangeSelection::apply(from, to, {}) == from, qPrintable(name));
    }
}

void TestSchemaComparison::oneChangeAtATime_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : casesFor(Dialect::Sqlite))
        QTest::newRow(qPrintable(name)) << name;
}

// Choosing one change makes that change and no other: the diff from `from` to the chosen
// schema is exactly it, and what is left to do is every other change.
void TestSchemaComparison::oneChangeAtATime()
{
    QFETCH(QString, name);
    const Schema from = load(caseModel(name, QStringLiteral("from.sql"), Dialect::Sqlite));
    const Schema to = load(caseModel(name, QStringLiteral("to.sql"), Dialect::Sqlite));
    const QStringList keys = ChangeSelection::keys(SchemaDiff::compare(from, to));
    for (const QString& key : keys) {
        const Schema chosen = ChangeSelection::apply(from, to, {key});
        QCOMPARE(ChangeSelection::keys(SchemaDiff::compare(from, chosen)), QStringList{key});
        QStringList rest = keys;
        rest.removeOne(key);
        QStringList left = ChangeSelection::keys(SchemaDiff::compare(chosen, to));
        left.sort();
        rest.sort();
        QCOMPARE(left, rest);
    }
}

void TestSchemaComparison::unknownKeyIsRefused()
{
    try {
        ChangeSelection::apply(load(kFrom), load(kTo), {QStringLiteral("table:nope")});
        QFAIL("no error");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Usage);
        QVERIFY2(error.message().startsWith(QLatin1String("no change named 'table:nope'; the "
                                                          "changes are: ")),
                 qPrintable(error.message()));
        QVERIFY(error.message().contains(QLatin1String("column:users.email")));
    }
}

void TestSchemaComparison::cliOnlyWritesTheChosenChanges()
{
    QTemporaryDir dir;
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("app.db"));
    ScratchProject project(url);
    project.setModel(kFrom);
    RETORT_SCHEMADIFF_VERIFY_RUNS(project.autogenerate(QStringLiteral("a1")));
    project.setModel(kTo);
    const auto autogenerate = [&](const QStringList& arguments) {
        return runRetort(project.configPath(), url,
                         L({"revision", "--autogenerate", "--rev-id", "b2"}) + arguments);
    };
    const auto run = autogenerate(
        L({"-m", "posts only", "--only", "table:posts", "--only", "column:users.active"}));
    QVERIFY2(run.ok(), qPrintable(run.description + run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("Detected 2 change(s)")), qPrintable(run.out));
    const QString script = readText(project.folder() + QStringLiteral("/versions/b2_posts_only.sql"));
    QVERIFY2(script.contains(QLatin1String("CREATE TABLE \"posts\"")), qPrintable(script));
    QVERIFY(script.contains(QLatin1String("ADD COLUMN \"active\"")));
    QVERIFY2(!script.contains(QLatin1String("old_logs")), qPrintable(script));
    QVERIFY(!script.contains(QLatin1String("VARCHAR(200)")));

    const auto bad = autogenerate(L({"-m", "x", "--only", "table:nope"}));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.err.contains(QLatin1String("no change named 'table:nope'")), qPrintable(bad.err));
}

QTEST_GUILESS_MAIN(TestSchemaComparison)
#include "tst_schemacomparison.moc"
