// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 output (`retort lint --format sarif`): the structure the OASIS schema requires
// (required properties, only properties the schema defines, levels, rule metadata, rule
// indexes), regions that point at the finding's text in the file, and URIs relative to the
// working directory.
#include "lint/lintrules.h"
#include "lint/sarifreport.h"
#include "lint/scriptlinter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>
#include <QtTest>

using namespace retort;

namespace {

const QString kCases = QStringLiteral(RETORT_TEST_DATA "/lint");

// The schema forbids properties it does not define ("additionalProperties": false): the keys
// of `object` must be among `allowed`, and the `required` ones present.
void checkKeys(const QJsonObject& object, const QStringList& allowed, const QStringList& required,
               const char* what)
{
    for (const QString& key : object.keys())
        QVERIFY2(allowed.contains(key), qPrintable(QString::fromLatin1(what) + u' ' + key));
    for (const QString& key : required)
        QVERIFY2(object.contains(key), qPrintable(QString::fromLatin1(what) + u' ' + key));
}

void checkRegion(const QJsonObject& region)
{
    checkKeys(region, {QStringLiteral("startLine"), QStringLiteral("startColumn"),
                       QStringLiteral("endLine"), QStringLiteral("endColumn")},
              {QStringLiteral("startLine")}, "region");
    const int startLine = region.value(QStringLiteral("startLine")).toInt();
    const int endLine = region.value(QStringLiteral("endLine")).toInt();
    const int startColumn = region.value(QStringLiteral("startColumn")).toInt();
    const int endColumn = region.value(QStringLiteral("endColumn")).toInt();
    QVERIFY(startLine >= 1 && startColumn >= 1 && endLine >= startLine && endColumn >= 1);
    QVERIFY(endLine > startLine || endColumn > startColumn);
}

QString level(const QJsonValue& value)
{
    const QString text = value.toString();
    if (!QStringList{QStringLiteral("none"), QStringLiteral("note"), QStringLiteral("warning"),
                     QStringLiteral("error")}
             .contains(text))
        qFatal("bad SARIF level %s", qPrintable(text));
    return text;
}

// Checks a whole log; `results` gets its results.
void checkLog(const QJsonObject& log, QJsonArray* results)
{
    checkKeys(log, {QStringLiteral("$schema"), QStringLiteral("version"), QStringLiteral("runs")},
              {QStringLiteral("version"), QStringLiteral("runs")}, "sarifLog");
    if (log.value(QStringLiteral("version")).toString() != QLatin1String("2.1.0"))
        qFatal("not SARIF 2.1.0");
    const QJsonArray runs = log.value(QStringLiteral("runs")).toArray();
    if (runs.size() != 1)
        qFatal("one run expected");
    const QJsonObject run = runs.first().toObject();
    checkKeys(run, {QStringLiteral("tool"), QStringLiteral("originalUriBaseIds"),
                    QStringLiteral("columnKind"), QStringLiteral("results")},
              {QStringLiteral("tool")}, "run");
    if (run.value(QStringLiteral("columnKind")).toString() != QLatin1String("utf16CodeUnits"))
        qFatal("columnKind");
    const QJsonObject driver = run.value(QStringLiteral("tool")).toObject()
                                   .value(QStringLiteral("driver")).toObject();
    checkKeys(driver, {QStringLiteral("name"), QStringLiteral("fullName"), QStringLiteral("version"),
                       QStringLiteral("rules")},
              {QStringLiteral("name")}, "toolComponent");
    const QJsonArray rules = driver.value(QStringLiteral("rules")).toArray();
    // Rule metadata: the whole catalogue, in order, with the project's settings.
    if (rules.size() != LintRules::all().size())
        qFatal("rules");
    for (int i = 0; i < rules.size(); ++i) {
        const QJsonObject rule = rules[i].toObject();
        checkKeys(rule, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("shortDescription"),
                         QStringLiteral("fullDescription"), QStringLiteral("help"),
                         QStringLiteral("defaultConfiguration"), QStringLiteral("properties")},
                  {QStringLiteral("id")}, "reportingDescriptor");
        const LintRule& expected = LintRules::all()[i];
        QCOMPARE(rule.value(QStringLiteral("id")).toString(), QString::fromLatin1(expected.code));
        QCOMPARE(rule.value(QStringLiteral("name")).toString(), QString::fromLatin1(expected.name));
        QCOMPARE(rule.value(QStringLiteral("shortDescription")).toObject().value(QStringLiteral("text")).toString(),
                 expected.title());
        for (const char* message : {"shortDescription", "fullDescription", "help"})
            checkKeys(rule.value(QLatin1String(message)).toObject(), {QStringLiteral("text")},
                      {QStringLiteral("text")}, message);
        const QJsonObject configuration = rule.value(QStringLiteral("defaultConfiguration")).toObject();
        checkKeys(configuration, {QStringLiteral("enabled"), QStringLiteral("level")}, {},
                  "reportingConfiguration");
        level(configuration.value(QStringLiteral("level")));
        QVERIFY(configuration.value(QStringLiteral("enabled")).isBool());
    }
    const QJsonObject bases = run.value(QStringLiteral("originalUriBaseIds")).toObject();
    const QString srcroot = bases.value(QStringLiteral("SRCROOT")).toObject()
                                .value(QStringLiteral("uri")).toString();
    if (!srcroot.startsWith(QLatin1String("file:///")) || !srcroot.endsWith(u'/'))
        qFatal("SRCROOT %s", qPrintable(srcroot));
    *results = run.value(QStringLiteral("results")).toArray();
    for (const QJsonValue& value : *results) {
        const QJsonObject result = value.toObject();
        checkKeys(result, {QStringLiteral("ruleId"), QStringLiteral("ruleIndex"), QStringLiteral("level"),
                           QStringLiteral("message"), QStringLiteral("locations"),
                           QStringLiteral("partialFingerprints"), QStringLiteral("properties")},
                  {QStringLiteral("message")}, "result");
        const int index = result.value(QStringLiteral("ruleIndex")).toInt(-1);
        QVERIFY(index >= 0 && index < rules.size());
        QCOMPARE(rules[index].toObject().value(QStringLiteral("id")).toString(),
                 result.value(QStringLiteral("ruleId")).toString());
        level(result.value(QStringLiteral("level")));
        QVERIFY(!result.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString().isEmpty());
        const QJsonArray locations = result.value(QStringLiteral("locations")).toArray();
        QCOMPARE(locations.size(), 1);
        const QJsonObject physical = locations.first().toObject()
                                         .value(QStringLiteral("physicalLocation")).toObject();
        checkKeys(physical, {QStringLiteral("artifactLocation"), QStringLiteral("region"),
                             QStringLiteral("contextRegion")},
                  {}, "physicalLocation");
        const QJsonObject artifact = physical.value(QStringLiteral("artifactLocation")).toObject();
        checkKeys(artifact, {QStringLiteral("uri"), QStringLiteral("uriBaseId")}, {QStringLiteral("uri")},
                  "artifactLocation");
        checkRegion(physical.value(QStringLiteral("region")).toObject());
        checkRegion(physical.value(QStringLiteral("contextRegion")).toObject());
        for (const QJsonValue& fingerprint : result.value(QStringLiteral("partialFingerprints")).toObject())
            QVERIFY(fingerprint.isString());
    }
}

// The text a SARIF region covers in a file (lines and UTF-16 columns from 1, end exclusive).
QString regionText(const QString& path, const QJsonObject& region)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    const int startLine = region.value(QStringLiteral("startLine")).toInt();
    const int endLine = region.value(QStringLiteral("endLine")).toInt();
    const int startColumn = region.value(QStringLiteral("startColumn")).toInt();
    const int endColumn = region.value(QStringLiteral("endColumn")).toInt();
    QStringList parts;
    for (int line = startLine; line <= endLine; ++line) {
        const QString& text = lines.value(line - 1);
        const int from = line == startLine ? startColumn - 1 : 0;
        const int to = line == endLine ? endColumn - 1 : int(text.size());
        parts << text.mid(from, to - from);
    }
    return parts.join(u'\n');
}

} // namespace

class TestSarifReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The CLI, run from the folder the paths are relative to, as CI runs it.
    void commandLine()
    {
        const QString dir = kCases + QStringLiteral("/rt302_table_rewrite");
        QProcess process;
        process.setWorkingDirectory(dir);
        process.start(QStringLiteral(RETORT_CLI), {QStringLiteral("lint"), QStringLiteral("--format"),
                                                   QStringLiteral("sarif")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0); // warnings only
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject log = document.object();
        QJsonArray results;
        checkLog(log, &results);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(results.size() >= 7);
        const QJsonObject run = log.value(QStringLiteral("runs")).toArray().first().toObject();
        QCOMPARE(run.value(QStringLiteral("originalUriBaseIds")).toObject().value(QStringLiteral("SRCROOT"))
                     .toObject().value(QStringLiteral("uri")).toString(),
                 QString::fromLatin1(QUrl::fromLocalFile(dir + u'/').toEncoded()));
        // Each result's region is the text its message is about, in the file its relative URI
        // names.
        QStringList regions;
        for (const QJsonValue& value : results) {
            const QJsonObject result = value.toObject();
            const QJsonObject physical = result.value(QStringLiteral("locations")).toArray().first()
                                             .toObject().value(QStringLiteral("physicalLocation")).toObject();
            const QJsonObject artifact = physical.value(QStringLiteral("artifactLocation")).toObject();
            const QString uri = artifact.value(QStringLiteral("uri")).toString();
            QCOMPARE(artifact.value(QStringLiteral("uriBaseId")).toString(), QStringLiteral("SRCROOT"));
            QVERIFY2(QUrl(uri).isRelative() && !uri.startsWith(u'/'), qPrintable(uri));
            QVERIFY(uri.startsWith(QLatin1String("versions/")));
            regions << result.value(QStringLiteral("ruleId")).toString() + QStringLiteral(": ") +
                           regionText(dir + u'/' + uri, physical.value(QStringLiteral("region")).toObject());
        }
        QVERIFY2(regions.contains(QStringLiteral(
                     "RT302: ADD COLUMN seq BIGSERIAL")),
                 qPrintable(regions.join(u'\n')));
        QVERIFY2(regions.contains(QStringLiteral(
                     "RT302: ALTER COLUMN note TYPE jsonb USING note::jsonb")),
                 qPrintable(regions.join(u'\n')));
        QVERIFY2(regions.contains(QStringLiteral(
                     "RT404: ALTER TABLE accounts ADD COLUMN token UUID NOT NULL DEFAULT gen_random_uuid()")),
                 qPrintable(regions.join(u'\n')));
    }

    // Settings show in the rule metadata and levels; files outside the base are absolute URIs;
    // no findings still make a valid log.
    void inProcess()
    {
        LintConfig config;
        config.setSeverity(QStringLiteral("RT105"), LintSeverity::Warning, QStringLiteral("test"));
        config.disable(QStringLiteral("RT301"), QStringLiteral("test"));
        config.enable(QStringLiteral("RT601"), QStringLiteral("test"));
        LintOptions options;
        options.config = config;
        const QString path = QDir::tempPath() + QStringLiteral("/elsewhere/x.sql");
        const QVector<LintFinding> findings = ScriptLinter::lintScriptText(
            QStringLiteral("-- revision: c1\n-- down_revision:\n\n-- +upgrade\nDELETE FROM t WHERE a = 1;\n"),
            path, options);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().severity, LintSeverity::Warning);
        const QJsonObject log = SarifReport::build(findings, config, kCases, QStringLiteral("1.2.3"));
        QJsonArray results;
        checkLog(log, &results);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        const QJsonObject artifact = result.value(QStringLiteral("locations")).toArray().first().toObject()
                                         .value(QStringLiteral("physicalLocation")).toObject()
                                         .value(QStringLiteral("artifactLocation")).toObject();
        QCOMPARE(artifact.value(QStringLiteral("uri")).toString(),
                 QString::fromLatin1(QUrl::fromLocalFile(path).toEncoded()));
        QVERIFY(!artifact.contains(QStringLiteral("uriBaseId")));
        const QJsonObject driver = log.value(QStringLiteral("runs")).toArray().first().toObject()
                                       .value(QStringLiteral("tool")).toObject()
                                       .value(QStringLiteral("driver")).toObject();
        QCOMPARE(driver.value(QStringLiteral("version")).toString(), QStringLiteral("1.2.3"));
        const QJsonArray rules = driver.value(QStringLiteral("rules")).toArray();
        const auto configurationOf = [&](const char* code) {
            return rules[LintRules::indexOf(*LintRules::find(code))].toObject()
                .value(QStringLiteral("defaultConfiguration")).toObject();
        };
        QCOMPARE(configurationOf("RT105").value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(configurationOf("RT301").value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(configurationOf("RT601").value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(configurationOf("RT201").value(QStringLiteral("level")).toString(), QStringLiteral("error"));
        QCOMPARE(configurationOf("RT105").value(QStringLiteral("enabled")).toBool(), true);
        checkLog(SarifReport::build({}, config, kCases, QStringLiteral("1")), &results);
        QCOMPARE(results.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSarifReport)
#include "tst_sarifreport.moc"
