// SPDX-License-Identifier: Apache-2.0
#include "common/error.h"
#include "project/projectconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;

namespace {

const QString dataDir = QDir::cleanPath(QStringLiteral(RETORT_TEST_DATA "/config"));

QJsonObject describe(const ProjectConfig& c)
{
    return {{QStringLiteral("format"), c.format == ScriptFormat::Native
                                           ? QStringLiteral("native")
                                           : QStringLiteral("alembic")},
            {QStringLiteral("scriptLocation"), c.scriptLocation},
            {QStringLiteral("versionLocations"), QJsonArray::fromStringList(c.versionLocations)},
            {QStringLiteral("recursiveVersionLocations"), c.recursiveVersionLocations},
            {QStringLiteral("rawUrl"), c.rawUrl},
            {QStringLiteral("versionTable"), c.versionTable},
            {QStringLiteral("versionTableSchema"), c.versionTableSchema},
            {QStringLiteral("modelPath"), c.modelPath}};
}

// Replaces the <dir> and <ini> placeholders of expected.json in every string.
QJsonValue substitute(const QJsonValue& value, const QString& dir, const QString& ini)
{
    if (value.isString())
        return value.toString()
            .replace(QStringLiteral("<dir>"), dir)
            .replace(QStringLiteral("<ini>"), ini);
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray array = value.toArray();
        for (const QJsonValue& v : array)
            out.append(substitute(v, dir, ini));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), substitute(it.value(), dir, ini));
        return out;
    }
    return value;
}

QString configErrorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.kind() == ErrorKind::Config ? e.message() : QStringLiteral("wrong error kind");
    }
    return QStringLiteral("no error");
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestProjectConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fixtures_data();
    void fixtures();
    void alembicPathsFromCurrentDirectory();
    void unreadableFiles();
    void locate();
    void databaseUrl();
    void expandEnvironment_data();
    void expandEnvironment();
    void environmentVariablesIn();

private:
    QString m_startDir;
    QTemporaryDir m_emptyCurrentDir;
};

void TestProjectConfig::initTestCase()
{
    // Alembic resolves relative paths from the current directory first: run from an empty one.
    QVERIFY(m_emptyCurrentDir.isValid());
    m_startDir = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_emptyCurrentDir.path()));
}

void TestProjectConfig::cleanupTestCase()
{
    QDir::setCurrent(m_startDir);
}

void TestProjectConfig::fixtures_data()
{
    QTest::addColumn<QString>("caseDir");
    const QStringList cases = QDir(dataDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(cases.size() >= 20);
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << dataDir + u'/' + name;
}

void TestProjectConfig::fixtures()
{
    QFETCH(QString, caseDir);
    const QStringList inis = QDir(caseDir).entryList({QStringLiteral("*.ini")}, QDir::Files);
    QCOMPARE(inis.size(), 1);
    const QString ini = caseDir + u'/' + inis.constFirst();
    QFile expectedFile(caseDir + QStringLiteral("/expected.json"));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected =
        substitute(QJsonDocument::fromJson(expectedFile.readAll()).object(), caseDir, ini)
            .toObject();
    QVERIFY(!expected.isEmpty());

    QJsonObject actual;
    try {
        const ProjectConfig config = ProjectConfig::load(ini);
        QCOMPARE(config.configPath, ini);
        QCOMPARE(config.projectDir, caseDir);
        actual = describe(config);
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Config);
        actual = {{QStringLiteral("error"), e.message()}};
    }
    if (actual != expected) {
        qWarning().noquote() << "actual:  " << QJsonDocument(actual).toJson(QJsonDocument::Compact);
        qWarning().noquote() << "expected:"
                             << QJsonDocument(expected).toJson(QJsonDocument::Compact);
    }
    QCOMPARE(actual, expected);
}

void TestProjectConfig::alembicPathsFromCurrentDirectory()
{
    QTemporaryDir cwd;
    QVERIFY(cwd.isValid());
    QVERIFY(QDir(cwd.path()).mkpath(QStringLiteral("alembic")));
    QVERIFY(QDir(cwd.path()).mkpath(QStringLiteral("migrations/versions")));
    QVERIFY(QDir::setCurrent(cwd.path()));
    const QString cwdPath = QDir::currentPath(); // resolved, as the loader sees it
    const ProjectConfig templated =
        ProjectConfig::load(dataDir + QStringLiteral("/alembic_template/alembic.ini"));
    const ProjectConfig relative =
        ProjectConfig::load(dataDir + QStringLiteral("/alembic_relative_locations/alembic.ini"));
    QVERIFY(QDir::setCurrent(m_emptyCurrentDir.path()));

    QCOMPARE(templated.scriptLocation, cwdPath + QStringLiteral("/alembic"));
    QCOMPARE(templated.versionLocations,
             QStringList{cwdPath + QStringLiteral("/alembic/versions")});
    // Each path on its own: the one that exists here comes from here, the other from the ini.
    QCOMPARE(relative.scriptLocation, cwdPath + QStringLiteral("/migrations"));
    QCOMPARE(relative.versionLocations,
             QStringList({cwdPath + QStringLiteral("/migrations/versions"),
                          dataDir + QStringLiteral("/alembic_relative_locations/extra")}));
}

void TestProjectConfig::unreadableFiles()
{
    const QString missing = dataDir + QStringLiteral("/no_such_case/retort.ini");
    QCOMPARE(configErrorOf([&] { ProjectConfig::load(missing); }),
             missing + QStringLiteral(": cannot read the config file: no such file"));
    const QString folder = dataDir + QStringLiteral("/native_defaults");
    QVERIFY(configErrorOf([&] {
                ProjectConfig::load(folder);
            }).startsWith(folder + QStringLiteral(": cannot read the config file")));
}

void TestProjectConfig::locate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString d = QDir(dir.path()).canonicalPath();
    QCOMPARE(configErrorOf([&] { ProjectConfig::locate({}, d); }),
             QStringLiteral("no retort.ini or alembic.ini in ") + d +
                 QStringLiteral("; pass -c PATH or run 'retort init'"));
    writeFile(d + QStringLiteral("/alembic.ini"), "[alembic]\n");
    QCOMPARE(ProjectConfig::locate({}, d), d + QStringLiteral("/alembic.ini"));
    writeFile(d + QStringLiteral("/retort.ini"), "[retort]\n");
    QCOMPARE(ProjectConfig::locate({}, d), d + QStringLiteral("/retort.ini"));

    // An explicit path wins, relative ones are made absolute, missing ones are named.
    const QString other = d + QStringLiteral("/sub/other.ini");
    QVERIFY(QDir(d).mkpath(QStringLiteral("sub")));
    writeFile(other, "[retort]\n");
    QCOMPARE(ProjectConfig::locate(other, d), other);
    QVERIFY(QDir::setCurrent(d));
    QCOMPARE(ProjectConfig::locate(QStringLiteral("sub/../sub/other.ini"), QString()), other);
    QCOMPARE(ProjectConfig::locate({}, QString()), d + QStringLiteral("/retort.ini"));
    QVERIFY(QDir::setCurrent(m_emptyCurrentDir.path()));
    QCOMPARE(configErrorOf([&] { ProjectConfig::locate(QStringLiteral("/nowhere/x.ini"), d); }),
             QStringLiteral("config file /nowhere/x.ini does not exist"));
}

void TestProjectConfig::databaseUrl()
{
    const ProjectConfig withDefault =
        ProjectConfig::load(dataDir + QStringLiteral("/native_relative_paths/retort.ini"));
    qunsetenv("DATABASE_URL");
    QCOMPARE(withDefault.databaseUrl(), QStringLiteral("sqlite:///dev.db"));
    qputenv("DATABASE_URL", "postgresql://ci@localhost:5432/ci");
    QCOMPARE(withDefault.databaseUrl(), QStringLiteral("postgresql://ci@localhost:5432/ci"));
    qunsetenv("DATABASE_URL");

    ProjectConfig config =
        ProjectConfig::load(dataDir + QStringLiteral("/native_defaults/retort.ini"));
    QCOMPARE(configErrorOf([&] { config.databaseUrl(); }),
             config.configPath + QStringLiteral(": no database URL is configured (url in [retort], "
                                                "sqlalchemy.url in [alembic]); pass --url"));
    config.rawUrl = QStringLiteral("${RETORT_TEST_UNSET_URL}");
    qunsetenv("RETORT_TEST_UNSET_URL");
    QCOMPARE(configErrorOf([&] { config.databaseUrl(); }),
             config.configPath +
                 QStringLiteral(": url: environment variable RETORT_TEST_UNSET_URL is"
                                " not set (write ${RETORT_TEST_UNSET_URL:-default} to"
                                " give a default)"));
}

void TestProjectConfig::expandEnvironment_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "error: ..." for an error
    const auto error = [](const char* message) -> QString {
        return QStringLiteral("error: what: ") + QLatin1String(message);
    };
    // RETORT_TEST_SET=value, RETORT_TEST_EMPTY="", RETORT_TEST_UNSET unset.
    QTest::newRow("no variables") << QStringLiteral("sqlite:///a.db")
                                  << QStringLiteral("sqlite:///a.db");
    QTest::newRow("lone dollars") << QStringLiteral("pa$$word$") << QStringLiteral("pa$$word$");
    QTest::newRow("dollar name") << QStringLiteral("$RETORT_TEST_SET")
                                 << QStringLiteral("$RETORT_TEST_SET");
    QTest::newRow("set") << QStringLiteral("a${RETORT_TEST_SET}b") << QStringLiteral("avalueb");
    QTest::newRow("set, default unused")
        << QStringLiteral("${RETORT_TEST_SET:-other}") << QStringLiteral("value");
    QTest::newRow("empty") << QStringLiteral("[${RETORT_TEST_EMPTY}]") << QStringLiteral("[]");
    QTest::newRow("empty takes default")
        << QStringLiteral("${RETORT_TEST_EMPTY:-fallback}") << QStringLiteral("fallback");
    QTest::newRow("unset takes URL default")
        << QStringLiteral("${RETORT_TEST_UNSET:-postgresql://app:secret@db:5432/app?x=1}")
        << QStringLiteral("postgresql://app:secret@db:5432/app?x=1");
    QTest::newRow("empty default")
        << QStringLiteral("x${RETORT_TEST_UNSET:-}y") << QStringLiteral("xy");
    QTest::newRow("nested default")
        << QStringLiteral(
               "${RETORT_TEST_UNSET:-postgresql://${RETORT_TEST_SET}@h/${RETORT_TEST_UNSET:-db}}")
        << QStringLiteral("postgresql://value@h/db");
    QTest::newRow("several") << QStringLiteral("${RETORT_TEST_SET}:${RETORT_TEST_SET}")
                             << QStringLiteral("value:value");
    QTest::newRow("unset") << QStringLiteral("x${RETORT_TEST_UNSET}")
                           << error("environment variable RETORT_TEST_UNSET is not set (write "
                                    "${RETORT_TEST_UNSET:-default} to give a default)");
    QTest::newRow("unterminated") << QStringLiteral("db://${RETORT_TEST_SET")
                                  << error("'${' at character 6 has no closing '}'");
    QTest::newRow("unterminated nested")
        << QStringLiteral("${A:-${B}") << error("'${' at character 1 has no closing '}'");
    QTest::newRow("bad name") << QStringLiteral("${1ABC}")
                              << error("'${1ABC}' is not ${VAR} or ${VAR:-default}");
    QTest::newRow("shell form without colon")
        << QStringLiteral("${RETORT_TEST_UNSET-x}")
        << error("'${RETORT_TEST_UNSET-x}' is not ${VAR} or ${VAR:-default}");
    QTest::newRow("empty braces") << QStringLiteral("${}")
                                  << error("'${}' is not ${VAR} or ${VAR:-default}");
    // A password may contain "${": no fragment of it is quoted. A variable that is the whole
    // password is named.
    QTest::newRow("malformed in password")
        << QStringLiteral("postgresql://u:p${w!rd}x@h/db")
        << error("the '${' at character 17 (in the URL's password) is not ${VAR} or "
                 "${VAR:-default}");
    QTest::newRow("unset in password")
        << QStringLiteral("postgresql://u:pa${SECRETPART}ss@h/db")
        << error("the environment variable at character 18 (in the URL's password) is not set");
    QTest::newRow("unterminated in password")
        << QStringLiteral("postgresql://u:p${w0rd@h/db")
        << error("'${' at character 17 has no closing '}'");
    QTest::newRow("whole password unset")
        << QStringLiteral("postgresql://u:${RETORT_TEST_UNSET}@h/db")
        << error("environment variable RETORT_TEST_UNSET is not set (write "
                 "${RETORT_TEST_UNSET:-default} to give a default)");
    QTest::newRow("malformed in user name")
        << QStringLiteral("postgresql://${1u}@h/db")
        << error("'${1u}' is not ${VAR} or ${VAR:-default}");
}

void TestProjectConfig::environmentVariablesIn()
{
    QCOMPARE(retort::environmentVariablesIn(QStringLiteral("sqlite:///app.db")), QStringList());
    QCOMPARE(retort::environmentVariablesIn(
                 QStringLiteral("postgresql://${USER_NAME}:${AWS_SECRET_ACCESS_KEY}@"
                                "${HOST:-${FALLBACK_HOST:-db}}/${USER_NAME}?x=${bad name}&${open")),
             (QStringList{QStringLiteral("USER_NAME"), QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                          QStringLiteral("HOST"), QStringLiteral("FALLBACK_HOST")}));
}

void TestProjectConfig::expandEnvironment()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    qputenv("RETORT_TEST_SET", "value");
    qputenv("RETORT_TEST_EMPTY", "");
    qunsetenv("RETORT_TEST_UNSET");
    QString actual;
    try {
        actual = retort::expandEnvironment(text, QStringLiteral("what"));
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Config);
        actual = QStringLiteral("error: ") + e.message();
    }
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestProjectConfig)
#include "tst_projectconfig.moc"
