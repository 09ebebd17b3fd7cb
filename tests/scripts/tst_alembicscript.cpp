// SPDX-License-Identifier: Apache-2.0
#include "scripts/alembicscript.h"
#include "common/error.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace retort;

namespace {

const QString dataDir = QStringLiteral(RETORT_TEST_DATA "/alembic");

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

// The single *.py file of a fixture folder.
QString scriptOf(const QString& caseDir)
{
    const QStringList scripts = QDir(caseDir).entryList({QStringLiteral("*.py")}, QDir::Files);
    if (scripts.size() != 1)
        qFatal("%s must hold exactly one .py file", qPrintable(caseDir));
    return caseDir + u'/' + scripts.constFirst();
}

// What read() produced, or the error it threw, in the shape of expected.json.
QJsonObject describe(const QString& text, const QString& path)
{
    try {
        const Revision r = AlembicScript::read(text, path);
        if (r.format != ScriptFormat::Alembic || r.path != path || !r.transactional)
            return {{QStringLiteral("error"), QStringLiteral("format, path or transactional")}};
        return {{QStringLiteral("id"), r.id},
                {QStringLiteral("downRevisions"), QJsonArray::fromStringList(r.downRevisions)},
                {QStringLiteral("branchLabels"), QJsonArray::fromStringList(r.branchLabels)},
                {QStringLiteral("dependsOn"), QJsonArray::fromStringList(r.dependsOn)},
                {QStringLiteral("message"), r.message},
                {QStringLiteral("createDate"), r.createDate}};
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Script)
            return {{QStringLiteral("error"), QStringLiteral("wrong error kind")}};
        return {{QStringLiteral("error"), e.message()}};
    }
}

QString describeText(const QString& text, const QString& path = QStringLiteral("v/x.py"))
{
    return QString::fromUtf8(QJsonDocument(describe(text, path)).toJson(QJsonDocument::Compact));
}

} // namespace

class TestAlembicScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void crlfLineEndings();
    void snippets_data();
    void snippets();
    void legacyFileNames_data();
    void legacyFileNames();
    void speed();
};

void TestAlembicScript::fixtures_data()
{
    QTest::addColumn<QString>("caseDir");
    const QStringList cases = QDir(dataDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(cases.size() >= 30);
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << dataDir + u'/' + name;
}

void TestAlembicScript::fixtures()
{
    QFETCH(QString, caseDir);
    const QString script = scriptOf(caseDir);
    QJsonParseError parseError;
    const QJsonDocument expectedDoc = QJsonDocument::fromJson(
        readText(caseDir + QStringLiteral("/expected.json")).toUtf8(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QJsonObject expected = expectedDoc.object();
    if (expected.contains(QStringLiteral("error"))) {
        expected[QStringLiteral("error")] = expected.value(QStringLiteral("error"))
                                                .toString()
                                                .replace(QStringLiteral("<path>"), script);
    }
    const QJsonObject actual = describe(readText(script), script);
    if (actual != expected) {
        qWarning().noquote() << "actual:  " << QJsonDocument(actual).toJson(QJsonDocument::Compact);
        qWarning().noquote() << "expected:"
                             << QJsonDocument(expected).toJson(QJsonDocument::Compact);
    }
    QCOMPARE(actual, expected);
}

void TestAlembicScript::crlfLineEndings()
{
    const QStringList cases = {QStringLiteral("merge_tuple_over_lines"),
                               QStringLiteral("odd_but_literal_forms"),
                               QStringLiteral("decoy_strings")};
    for (const QString& name : cases) {
        const QString script = scriptOf(dataDir + u'/' + name);
        const QString lf = readText(script);
        QString crlf = lf;
        crlf.replace(u'\n', QStringLiteral("\r\n"));
        QVERIFY(crlf != lf);
        QCOMPARE(describe(crlf, script), describe(lf, script));
    }
}

void TestAlembicScript::snippets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const auto ok = [](const char* id, const char* down, const char* message = "") {
        return QStringLiteral(R"({"branchLabels":[],"createDate":"","dependsOn":[],)"
                              R"("downRevisions":%1,"id":"%2","message":"%3"})")
            .arg(QLatin1String(down), QLatin1String(id), QLatin1String(message));
    };
    const auto err = [](const char* what) {
        return QStringLiteral(R"({"error":"v/x.py:%1"})").arg(QLatin1String(what));
    };
    const auto computed = [&](int line, const char* name) {
        return err(
            qPrintable(QString::number(line) + QStringLiteral(": ") + QLatin1String(name) +
                       QStringLiteral(" is computed in code; Retort reads only literal values")));
    };
    const char* tail = "\ndown_revision = None\n";
    const auto withTail = [&](const char* head) -> QString {
        return QLatin1String(head) + QLatin1String(tail);
    };

    QTest::newRow("raw and unicode prefixes")
        << QStringLiteral("revision = R'ab' U\"cd\"\ndown_revision = r'ef'")
        << ok("abcd", R"(["ef"])");
    QTest::newRow("triple-quoted id") << withTail("revision = '''abc'''") << ok("abc", "[]");
    QTest::newRow("parenthesised string") << withTail("revision = ('abc')") << ok("abc", "[]");
    QTest::newRow("concatenation over lines")
        << withTail("revision = (\n  'ab'  # first half\n  \"cd\"\n)") << ok("abcd", "[]");
    QTest::newRow("tuple without brackets")
        << QStringLiteral("revision = 'c'\ndown_revision = 'a', 'b',") << ok("c", R"(["a","b"])");
    QTest::newRow("parenthesised None")
        << QStringLiteral("revision = 'c'\ndown_revision = (None)") << ok("c", "[]");
    QTest::newRow("annotation without value")
        << QStringLiteral(
               "revision: str\nrevision: str = 'abc'\ndown_revision: Optional[str] = None")
        << ok("abc", "[]");
    QTest::newRow("semicolons") << QStringLiteral("revision = 'a'; down_revision = 'b';")
                                << ok("a", R"(["b"])");
    QTest::newRow("byte order mark")
        << QString(QChar(0xfeff)) + withTail("revision = 'abc'") << ok("abc", "[]");
    QTest::newRow("escaped quotes and continuation in docstring")
        << QStringLiteral("\"\"\"it\\'s a \\\"test\\\" \\\nof \\x41\\101\\N{DASH}\\d\"\"\"\n") +
               withTail("revision = 'abc'")
        << ok("abc", "[]", R"(it's a \"test\" of AA\\N{DASH}\\d)");
    QTest::newRow("docstring must come first")
        << QStringLiteral("import os\n\"\"\"not a docstring\"\"\"\n") + withTail("revision = 'a'")
        << ok("a", "[]");
    QTest::newRow("f-string docstring is no docstring")
        << withTail("f\"\"\"not a docstring\"\"\"\nrevision = 'a'") << ok("a", "[]");
    QTest::newRow("message is the first paragraph, stripped")
        << withTail("'''\n\n  first line\nsecond line  \n\nrest\n'''\nrevision = 'a'")
        << ok("a", "[]", R"(first line\nsecond line  )");
    QTest::newRow("nested f-string quotes (Python 3.12)")
        << withTail("X = f\"{d[\"k\"]:>{width}} {'}'} {{\"\n'''revision = 'no' '''\nrevision = 'a'")
        << ok("a", "[]");
    QTest::newRow("escaped quote in raw string")
        << withTail("X = r'\\''\nrevision = 'a'") << ok("a", "[]");
    QTest::newRow("attribute, comparison, keyword and local bindings are ignored")
        << withTail("revision = 'a'\nobj.revision = 'b'\nrevision == 'c'\n"
                    "context.configure(revision='d')\ndef f(): revision = 'e'\n"
                    "class C: down_revision = 'f'\nx = {'revision': 'g'}")
        << ok("a", "[]");
    QTest::newRow("tab-indented body")
        << QStringLiteral("revision = 'a'\ndef f():\n\trevision = 'b'\n\tdown_revision = ('c',\n)\n"
                          "down_revision = 'd'")
        << ok("a", R"(["d"])");
    QTest::newRow("empty list and tuple")
        << QStringLiteral("revision = 'a'\ndown_revision = []\nbranch_labels = ()")
        << ok("a", "[]");

    QTest::newRow("bytes") << withTail("revision = b'abc'") << computed(1, "revision");
    QTest::newRow("raw bytes") << withTail("revision = rb'abc'") << computed(1, "revision");
    QTest::newRow("f-string in tuple")
        << QStringLiteral("revision = 'a'\ndown_revision = ('b', f'c')")
        << computed(2, "down_revision");
    QTest::newRow("None inside a list")
        << QStringLiteral("revision = 'a'\ndown_revision = [None]") << computed(2, "down_revision");
    QTest::newRow("nested tuple") << QStringLiteral("revision = 'a'\ndown_revision = ('b', ('c',))")
                                  << computed(2, "down_revision");
    QTest::newRow("set") << QStringLiteral("revision = 'a'\ndown_revision = {'b'}")
                         << computed(2, "down_revision");
    QTest::newRow("double comma") << QStringLiteral("revision = 'a'\ndown_revision = ('b',,)")
                                  << computed(2, "down_revision");
    QTest::newRow("conditional expression")
        << withTail("revision = 'a' if X else 'b'") << computed(1, "revision");
    QTest::newRow("lambda") << withTail("revision = lambda: 'a'") << computed(1, "revision");
    QTest::newRow("chained assignment from a name")
        << withTail("revision = other = make()") << computed(1, "revision");
    QTest::newRow("inline if") << withTail("if X: revision = 'a'") << computed(1, "revision");
    QTest::newRow("no value") << withTail("revision =") << err("1: revision has no value");
    QTest::newRow("empty string id")
        << withTail("revision = ''") << err("1: '' is not a valid revision id");
    QTest::newRow("empty label") << withTail("revision = 'a'\nbranch_labels = ' '")
                                 << err("2: branch_labels: ' ' is not a valid name");
    QTest::newRow("tuple as revision")
        << withTail("revision = ('a',)") << err("1: revision must be a string");
    QTest::newRow("unmatched closing bracket")
        << withTail("revision = 'a')") << err("1: unmatched ')'");
    QTest::newRow("mismatched brackets")
        << withTail("revision = ('a',\n]") << err("2: closing ']' does not match '(' of line 1");
    QTest::newRow("unterminated f-string field")
        << withTail("revision = 'a'\nX = f'{x'") << err("2: unterminated string");
    QTest::newRow("deep brackets")
        << QStringLiteral("revision = ") + QString(100000, u'(') + QStringLiteral("'a'")
        << err("1: brackets nested more than 200 deep");
    QTest::newRow("deep f-string format specs")
        << QStringLiteral("X = f'") +
               QString(100000, u'{').replace(QStringLiteral("{"), QStringLiteral("{x:"))
        << err("1: f-strings nested too deeply");
    QTest::newRow("deep f-strings") << QStringLiteral("X = ") + QStringLiteral("f'{").repeated(70)
                                    << err("1: f-strings nested too deeply");
    QTest::newRow("newline in single-quoted string")
        << withTail("revision = 'a\nb'") << err("1: unterminated string");
}

void TestAlembicScript::snippets()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(describeText(text), expected);
}

void TestAlembicScript::legacyFileNames_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hex name") << QStringLiteral("versions/0a1b2c.py") << QStringLiteral("0a1b2c");
    QTest::newRow("backslash folder")
        << QStringLiteral("C:\\p\\versions\\ff00.py") << QStringLiteral("ff00");
    QTest::newRow("upper case") << QStringLiteral("versions/ABC123.py") << QString();
    QTest::newRow("slug") << QStringLiteral("versions/abc123_add.py") << QString();
    QTest::newRow("only .py") << QStringLiteral("versions/.py") << QString();
    QTest::newRow("compiled") << QStringLiteral("versions/abc.pyc") << QString();
}

void TestAlembicScript::legacyFileNames()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QString text = QStringLiteral("down_revision = None\n");
    if (expected.isEmpty()) {
        try {
            AlembicScript::read(text, path);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.message(), path + QStringLiteral(": no 'revision' variable"));
        }
    } else {
        QCOMPARE(AlembicScript::read(text, path).id, expected);
    }
}

// Prints the cost of reading a typical revision file; a figure, not an assertion.
void TestAlembicScript::speed()
{
    const QString script = scriptOf(dataDir + QStringLiteral("/annotated_union"));
    const QString text = readText(script);
    constexpr int rounds = 20000;
    QElapsedTimer timer;
    timer.start();
    qsizetype total = 0;
    for (int i = 0; i < rounds; ++i)
        total += AlembicScript::read(text, script).id.size();
    const double micros = double(timer.nsecsElapsed()) / 1000.0 / rounds;
    QCOMPARE(total, qsizetype(12) * rounds);
    qInfo("AlembicScript::read: %.2f us per %d-character file", micros, int(text.size()));
}

QTEST_GUILESS_MAIN(TestAlembicScript)
#include "tst_alembicscript.moc"
