// SPDX-License-Identifier: Apache-2.0
#include "common/error.h"
#include "scripts/nativescript.h"

#include <QDir>
#include <QFile>
#include <QtTest>
#include <functional>

using namespace retort;

namespace {

constexpr Dialect allDialects[] = {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql};

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

QString describeHeader(const Revision& r)
{
    const QString comma = QStringLiteral(", ");
    return QStringLiteral("revision: ") + r.id + QStringLiteral("\ndown_revision: ") +
           r.downRevisions.join(comma) + QStringLiteral("\nbranch_labels: ") +
           r.branchLabels.join(comma) + QStringLiteral("\ndepends_on: ") + r.dependsOn.join(comma) +
           QStringLiteral("\nmessage: ") + r.message + QStringLiteral("\ncreate_date: ") +
           r.createDate + QStringLiteral("\ntransactional: ") +
           (r.transactional ? QStringLiteral("true") : QStringLiteral("false")) + u'\n';
}

QString describeStatements(const NativeScript& script, Direction direction, Dialect dialect)
{
    QString out;
    try {
        for (const SqlStatement& statement : script.statements(direction, dialect))
            out += QStringLiteral("@@ line ") + QString::number(statement.line) + u'\n' +
                   statement.text + u'\n';
    } catch (const Error& error) {
        out += QStringLiteral("@@ error: ") + error.message() + u'\n';
    }
    return out;
}

// The golden form of a script: its header, then the statements of each direction and dialect.
QString describeScript(const QString& text, const QString& path)
{
    NativeScript script;
    try {
        script = NativeScript::parse(text, path);
    } catch (const Error& error) {
        return QStringLiteral("@@ error: ") + error.message() + u'\n';
    }
    QString out = describeHeader(script.revision());
    for (Direction direction : {Direction::Upgrade, Direction::Downgrade}) {
        for (Dialect dialect : allDialects) {
            out += (direction == Direction::Upgrade ? QStringLiteral("== upgrade ")
                                                    : QStringLiteral("== downgrade ")) +
                   dialectName(dialect) + u'\n' + describeStatements(script, direction, dialect);
        }
    }
    return out;
}

QString errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& error) {
        if (error.kind() != ErrorKind::Script)
            return QStringLiteral("wrong error kind: ") + error.message();
        return error.message();
    }
    return QStringLiteral("no error");
}

Revision makeRevision(const char* id, QStringList downs)
{
    Revision r;
    r.id = QString::fromLatin1(id);
    r.downRevisions = std::move(downs);
    return r;
}

void compareRevisions(const Revision& actual, const Revision& expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.downRevisions, expected.downRevisions);
    QCOMPARE(actual.branchLabels, expected.branchLabels);
    QCOMPARE(actual.dependsOn, expected.dependsOn);
    QCOMPARE(actual.message, expected.message);
    QCOMPARE(actual.createDate, expected.createDate);
    QCOMPARE(actual.path, expected.path);
    QCOMPARE(actual.format, ScriptFormat::Native);
    QCOMPARE(actual.transactional, expected.transactional);
}

QString lines(std::initializer_list<const char*> parts)
{
    QString text;
    for (const char* part : parts)
        text += QString::fromUtf8(part) + u'\n';
    return text;
}

} // namespace

Q_DECLARE_METATYPE(retort::Revision)

class TestNativeScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void readHeaderOfExample();
    void headers_data();
    void headers();
    void errors_data();
    void errors();
    void readHeaderStopsAtFirstSection();
    void sections();
    void render();
    void roundTrip_data();
    void roundTrip();
    void renderKeepsFirstLineOfMessage();
    void readHeaderSpeed();
};

// tests/data/nativescript/<case>/script.sql described in expected.txt.
void TestNativeScript::golden_data()
{
    QTest::addColumn<QString>("folder");
    const QDir root(QStringLiteral(RETORT_TEST_DATA "/nativescript"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 6);
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << root.filePath(name);
}

void TestNativeScript::golden()
{
    QFETCH(QString, folder);
    const QString text = readText(folder + QStringLiteral("/script.sql"));
    QCOMPARE(describeScript(text, QStringLiteral("script.sql")),
             readText(folder + QStringLiteral("/expected.txt")));
}

void TestNativeScript::readHeaderOfExample()
{
    const QString path = QStringLiteral(RETORT_TEST_DATA "/nativescript/example/script.sql");
    const Revision r = NativeScript::readHeader(readText(path), path);
    Revision expected = makeRevision("4f2b1c9d8e7a", {QStringLiteral("1a2b3c4d5e6f")});
    expected.branchLabels = QStringList{QStringLiteral("auth")};
    expected.dependsOn = QStringList{QStringLiteral("9c8b7a6d5e4f")};
    expected.message = QStringLiteral("add users and sessions");
    expected.createDate = QStringLiteral("2026-11-24 02:50:00");
    expected.path = path;
    expected.transactional = false;
    compareRevisions(r, expected);
}

void TestNativeScript::headers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Revision>("expected");

    const QString path = QStringLiteral("v/x.sql");
    const auto base = [&](QStringList downs = {}) {
        Revision r = makeRevision("abc123", std::move(downs));
        r.path = path;
        return r;
    };
    QTest::newRow("base") << lines({"-- revision: abc123", "-- down_revision:"}) << base();
    QTest::newRow("no sections at all")
        << QStringLiteral("-- revision: abc123\n-- down_revision:") << base();
    QTest::newRow("spacing") << lines({"  --revision:abc123", "--   down_revision:\t 0ff ",
                                       "-- +upgrade"})
                             << base({QStringLiteral("0ff")});
    QTest::newRow("merge point") << lines({"-- revision: abc123", "-- down_revision: a1, b2 ,c3"})
                                 << base({QStringLiteral("a1"), QStringLiteral("b2"),
                                          QStringLiteral("c3")});
    QTest::newRow("prose, blank lines and urls")
        << lines({"", "-- Add a table.", "--", "-- TODO: later", "-- http://example.com/x", "",
                  "-- note:without a space is prose", "-- see the wiki", "-- revision: abc123",
                  "-- down_revision:"})
        << base();
    QTest::newRow("crlf and bom") << QString(QChar(0xFEFF)) +
                                         QStringLiteral(
                                             "-- revision: abc123\r\n-- down_revision:\r\n")
                                  << base();
    {
        Revision r = base();
        r.branchLabels = QStringList{QStringLiteral("auth"), QStringLiteral("api v2")};
        r.dependsOn = QStringList{QStringLiteral("auth@head")};
        r.message = QStringLiteral("Add: users, \"quoted\"");
        r.createDate = QStringLiteral("2026-01-02 03:04:05.678");
        QTest::newRow("all fields")
            << lines({"-- message:   Add: users, \"quoted\"  ", "-- branch_labels: auth, api v2",
                      "-- depends_on: auth@head", "-- create_date: 2026-01-02 03:04:05.678",
                      "-- down_revision:", "-- revision: abc123", "-- transactional: on"})
            << r;
    }
    const char* const flags[][2] = {{"true", "1"},  {"false", "0"}, {"yes", "1"}, {"no", "0"},
                                    {"on", "1"},    {"off", "0"},   {"1", "1"},   {"0", "0"},
                                    {"FALSE", "0"}, {"Yes", "1"}};
    for (const auto& flag : flags) {
        Revision r = base();
        r.transactional = qstrcmp(flag[1], "1") == 0;
        QTest::newRow(qPrintable(QStringLiteral("transactional ") + QLatin1String(flag[0])))
            << QStringLiteral("-- revision: abc123\n-- down_revision:\n-- transactional: ") +
                   QLatin1String(flag[0]) + u'\n'
            << r;
    }
    QTest::newRow("empty lists") << lines({"-- revision: abc123", "-- down_revision: ",
                                           "-- branch_labels:", "-- depends_on:  "})
                                 << base();
}

void TestNativeScript::headers()
{
    QFETCH(QString, text);
    QFETCH(Revision, expected);
    compareRevisions(NativeScript::readHeader(text, expected.path), expected);
    compareRevisions(NativeScript::parse(text, expected.path).revision(), expected);
}

void TestNativeScript::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // after "v/x.sql"

    const auto row = [](const char* name, const QString& text, const char* message) {
        QTest::newRow(name) << text << QString::fromUtf8(message);
    };
    const char* id = "-- revision: abc123";
    const char* base = "-- down_revision:";
    row("sql in header", lines({id, base, "", "CREATE TABLE t (a INT);", "-- +upgrade"}),
        ":4: SQL before the first '-- +upgrade' or '-- +downgrade' section");
    row("sql before any field", lines({"SELECT 1;", id, base}),
        ":1: SQL before the first '-- +upgrade' or '-- +downgrade' section");
    row("unknown field", lines({id, "-- down_revison: 1a2b", base}),
        ":2: unknown header field 'down_revison' (known fields: revision, down_revision, "
        "branch_labels, depends_on, message, create_date, transactional)");
    row("duplicate field", lines({id, base, "-- message: a", "", "-- message: b"}),
        ":5: header field 'message' given twice (first on line 3)");
    row("duplicate revision", lines({id, base, id}),
        ":3: header field 'revision' given twice (first on line 1)");
    row("missing revision", lines({base, "-- +upgrade", "-- revision: abc123"}),
        ": no '-- revision: <id>' line in the header");
    row("missing down_revision", lines({id, "-- +upgrade", "SELECT 1;"}),
        ": no '-- down_revision:' line in the header (leave its value empty for a first "
        "revision)");
    row("empty file", QString(), ": no '-- revision: <id>' line in the header");
    row("empty revision", lines({"-- revision:", base}),
        ":1: invalid revision id '' in revision (ids are not empty, do not start with '.' "
        "nor hold '..', and contain no white space, control characters or any of @-+:,/\\)");
    row("revision with space", lines({base, "-- revision: abc 123"}),
        ":2: invalid revision id 'abc 123' in revision (ids are not empty, do not start with '.' "
        "nor hold '..', and contain no white space, control characters or any of @-+:,/\\)");
    row("revision with dash", lines({"-- revision: abc-123", base}),
        ":1: invalid revision id 'abc-123' in revision (ids are not empty, do not start with '.' "
        "nor hold '..', and contain no white space, control characters or any of @-+:,/\\)");
    row("bad down_revision entry", lines({id, "-- down_revision: a1, b@2"}),
        ":2: invalid revision id 'b@2' in down_revision (ids are not empty, do not start with '.' "
        "nor hold '..', and contain no white space, control characters or any of @-+:,/\\)");
    row("empty down_revision item", lines({id, "-- down_revision: a1,,b2"}),
        ":2: empty item in the down_revision list");
    row("trailing comma in branch_labels", lines({id, base, "-- branch_labels: x,"}),
        ":3: empty item in the branch_labels list");
    row("empty depends_on item", lines({id, base, "-- depends_on: , x"}),
        ":3: empty item in the depends_on list");
    row("bad transactional", lines({id, base, "-- transactional: maybe"}),
        ":3: transactional must be true or false, not 'maybe'");
    row("control character in message", lines({id, base}) + u"-- message: add" + QChar(0) + u"users\n",
        ":3: header field 'message' holds a control or invisible formatting character: "
        "'add\\x00users'");
    row("bidi override in label", lines({id, base}) + u"-- branch_labels: a" + QChar(0x202e) + u"b\n",
        ":3: header field 'branch_labels' holds a control or invisible formatting character: "
        "'a\\u202eb'");
    row("marker typo first", lines({id, base, "-- +upgarde", "SELECT 1;"}),
        ":3: unknown section marker '-- +upgarde' (expected '-- +upgrade' or '-- +downgrade')");
    row("marker typo later", lines({id, base, "-- +upgrade", "SELECT 1;", "--+down"}),
        ":5: unknown section marker '-- +down' (expected '-- +upgrade' or '-- +downgrade')");
    row("unknown dialect", lines({id, base, "-- +upgrade", "-- +downgrade oracle"}),
        ":4: unknown dialect 'oracle' after '-- +downgrade' (expected sqlite, postgresql, mysql "
        "or mariadb)");
    row("two dialects", lines({id, base, "-- +upgrade sqlite mysql"}),
        ":3: unknown dialect 'sqlite mysql' after '-- +upgrade' (expected sqlite, postgresql, "
        "mysql or mariadb)");
    row("dialect case matters", lines({id, base, "-- +upgrade PostgreSQL"}),
        ":3: unknown dialect 'PostgreSQL' after '-- +upgrade' (expected sqlite, postgresql, "
        "mysql or mariadb)");
}

void TestNativeScript::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const QString path = QStringLiteral("v/x.sql");
    const QString expected = path + message;
    QCOMPARE(errorOf([&] { NativeScript::parse(text, path); }), expected);
    // The header alone is checked up to the first marker: later errors wait for parse().
    const bool inHeader = !message.contains(QLatin1String("section marker")) &&
                          !message.contains(QLatin1String("unknown dialect"));
    if (inHeader)
        QCOMPARE(errorOf([&] { NativeScript::readHeader(text, path); }), expected);
}

void TestNativeScript::readHeaderStopsAtFirstSection()
{
    const QString text =
        lines({"-- revision: abc123", "-- down_revision:", "-- +upgrade", "-- revision: again",
               "-- +downgrade nosuchdialect", "SELECT 'unterminated"});
    const QString path = QStringLiteral("s.sql");
    QCOMPARE(NativeScript::readHeader(text, path).id, QStringLiteral("abc123"));
    QCOMPARE(errorOf([&] { NativeScript::parse(text, path); }),
             QStringLiteral("s.sql:5: unknown dialect 'nosuchdialect' after '-- +downgrade' "
                            "(expected sqlite, postgresql, mysql or mariadb)"));
}

void TestNativeScript::sections()
{
    const QString text = lines({"-- revision: abc123", "-- down_revision:", "-- +upgrade", "A;",
                                "-- +upgrade postgresql", "-- +downgrade mariadb", "B;", "",
                                "  --  +downgrade  ", "C;"});
    const NativeScript script = NativeScript::parse(text, QStringLiteral("s.sql"));
    const QVector<ScriptSection>& sections = script.sections();
    QCOMPARE(sections.size(), 4);
    QCOMPARE(sections[0].direction, Direction::Upgrade);
    QVERIFY(!sections[0].dialect);
    QCOMPARE(sections[0].firstLine, 4);
    QCOMPARE(sections[0].sql, QStringLiteral("A;\n"));
    QVERIFY(sections[1].dialect == Dialect::PostgreSql);
    QCOMPARE(sections[1].firstLine, 6);
    QCOMPARE(sections[1].sql, QString());
    QCOMPARE(sections[2].direction, Direction::Downgrade);
    QVERIFY(sections[2].dialect == Dialect::MySql);
    QCOMPARE(sections[2].sql, QStringLiteral("B;\n\n"));
    QCOMPARE(sections[3].direction, Direction::Downgrade);
    QVERIFY(!sections[3].dialect);
    QCOMPARE(sections[3].firstLine, 10);
    QCOMPARE(sections[3].sql, QStringLiteral("C;\n"));

    const QVector<SqlStatement> down = script.statements(Direction::Downgrade, Dialect::MySql);
    QCOMPARE(down.size(), 2);
    QCOMPARE(down[0].text, QStringLiteral("B"));
    QCOMPARE(down[0].line, 7);
    QCOMPARE(down[1].line, 10);
    QCOMPARE(script.statements(Direction::Downgrade, Dialect::Sqlite).size(), 1);

    const NativeScript upOnly =
        NativeScript::parse(lines({"-- revision: a1", "-- down_revision:", "-- +upgrade", "A;"}),
                            QStringLiteral("u.sql"));
    QVERIFY(upOnly.statements(Direction::Downgrade, Dialect::Sqlite).isEmpty());
}

void TestNativeScript::render()
{
    Revision r = makeRevision("4f2b1c9d8e7a", {QStringLiteral("1a2b3c4d5e6f")});
    r.branchLabels = QStringList{QStringLiteral("auth")};
    r.dependsOn = QStringList{QStringLiteral("9c8b7a6d5e4f"), QStringLiteral("billing")};
    r.message = QStringLiteral("add users and sessions");
    r.createDate = QStringLiteral("2026-11-24 02:50:00");
    r.transactional = false;
    QCOMPARE(NativeScript::render(r, QStringLiteral("CREATE TABLE users (id INTEGER);"),
                                  QStringLiteral("DROP TABLE users;\n")),
             lines({"-- revision: 4f2b1c9d8e7a", "-- down_revision: 1a2b3c4d5e6f",
                    "-- branch_labels: auth", "-- depends_on: 9c8b7a6d5e4f, billing",
                    "-- message: add users and sessions", "-- create_date: 2026-11-24 02:50:00",
                    "-- transactional: false", "", "-- +upgrade",
                    "CREATE TABLE users (id INTEGER);", "", "-- +downgrade", "DROP TABLE users;"}));
    QCOMPARE(NativeScript::render(makeRevision("a1", {})),
             lines({"-- revision: a1", "-- down_revision:", "-- branch_labels:", "-- depends_on:",
                    "-- message:", "-- create_date:", "", "-- +upgrade", "", "", "-- +downgrade"}));
}

void TestNativeScript::roundTrip_data()
{
    QTest::addColumn<Revision>("revision");
    QTest::addColumn<QString>("upgrade");
    QTest::addColumn<QString>("downgrade");

    Revision r = makeRevision("ae1027a6acf", {});
    r.path = QStringLiteral("versions/ae1027a6acf_base.sql");
    QTest::newRow("base, no sql") << r << QString() << QString();

    r = makeRevision("27c6a30d7c24", {QStringLiteral("ae1027a6acf")});
    r.message = QStringLiteral("add account: with a colon");
    r.createDate = QStringLiteral("2026-11-24 02:50:00.123456");
    r.path = QStringLiteral("27c6a30d7c24.sql");
    QTest::newRow("linear")
        << r << QStringLiteral("CREATE TABLE account (id INT);\nINSERT INTO account VALUES (1);")
        << QStringLiteral("DROP TABLE account;\n");

    r = makeRevision("m3rg3", {QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3")});
    r.branchLabels = QStringList{QStringLiteral("release"), QStringLiteral("v2")};
    r.dependsOn = QStringList{QStringLiteral("auth"), QStringLiteral("9c8b7a6d5e4f")};
    r.transactional = false;
    r.path = QStringLiteral("m.sql");
    QTest::newRow("merge, labels, not transactional")
        << r
        << QStringLiteral("SELECT 1; -- +upgrade is no marker in the middle of a line\nSELECT 2;")
        << QStringLiteral("SELECT 'a -- +downgrade';");
}

void TestNativeScript::roundTrip()
{
    QFETCH(Revision, revision);
    QFETCH(QString, upgrade);
    QFETCH(QString, downgrade);
    const QString text = NativeScript::render(revision, upgrade, downgrade);
    const NativeScript script = NativeScript::parse(text, revision.path);
    compareRevisions(script.revision(), revision);
    for (Dialect dialect : allDialects) {
        const auto texts = [](const QVector<SqlStatement>& statements) {
            QStringList out;
            for (const SqlStatement& statement : statements)
                out.append(statement.text);
            return out;
        };
        QCOMPARE(texts(script.statements(Direction::Upgrade, dialect)),
                 texts(StatementSplitter::split(upgrade, dialect)));
        QCOMPARE(texts(script.statements(Direction::Downgrade, dialect)),
                 texts(StatementSplitter::split(downgrade, dialect)));
    }
    // Rendering what was parsed gives the same file back.
    QCOMPARE(NativeScript::render(script.revision(), upgrade, downgrade), text);
}

void TestNativeScript::renderKeepsFirstLineOfMessage()
{
    Revision r = makeRevision("a1", {});
    r.message = QStringLiteral("  first line \nsecond line\n-- +upgrade");
    const QString text = NativeScript::render(r);
    QVERIFY(text.contains(QLatin1String("\n-- message: first line\n")));
    QVERIFY(!text.contains(QLatin1String("second")));
    QCOMPARE(NativeScript::parse(text, QString()).revision().message, QStringLiteral("first line"));
}

// A figure, not an assertion: readHeader runs for every file when listing history.
void TestNativeScript::readHeaderSpeed()
{
    const QString text =
        readText(QStringLiteral(RETORT_TEST_DATA "/nativescript/example/script.sql"));
    const QString path = QStringLiteral("versions/4f2b1c9d8e7a_add_users.sql");
    const int count = 10000;
    QElapsedTimer timer;
    timer.start();
    int ids = 0;
    for (int i = 0; i < count; ++i)
        ids += NativeScript::readHeader(text, path).id.size();
    const qint64 ns = timer.nsecsElapsed();
    QCOMPARE(ids, count * 12);
    qInfo("readHeader: %.2f microseconds per file", double(ns) / count / 1000.0);
}

QTEST_GUILESS_MAIN(TestNativeScript)
#include "tst_nativescript.moc"
