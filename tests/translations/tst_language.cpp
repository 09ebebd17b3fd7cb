// SPDX-License-Identifier: Apache-2.0
// The language switch: both programs speak the system's language, --lang overrides it, and a
// language Retort has no translation for falls back to English with a warning.
#include "languagesetup.h"

#include <QProcess>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// `program ARGS` with LANG/LC_* replaced by `lang` (empty: no locale variables at all).
Run runWithLocale(const QString& program, const QStringList& arguments, const QString& lang)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name == QLatin1String("LANG") || name == QLatin1String("LANGUAGE") || name.startsWith(QLatin1String("LC_")))
            environment.remove(name);
    }
    if (!lang.isEmpty())
        environment.insert(QStringLiteral("LANG"), lang);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// An engine error (RevisionRange) that `retort history` prints for a malformed range.
Run historyWithBadRange(const QStringList& languageArguments, const QString& lang)
{
    return runWithLocale(QStringLiteral(RETORT_CLI),
                         languageArguments +
                             QStringList{QStringLiteral("-c"),
                                         QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini"),
                                         QStringLiteral("history"), QStringLiteral("-r"),
                                         QStringLiteral("nonsense")},
                         lang);
}

const QString kGerman = QStringLiteral("der Verlaufsbereich 'nonsense' hat nicht die Form START:ENDE");
const QString kEnglish = QStringLiteral("history range 'nonsense' is not of the form START:END");

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void requestedLanguage_data();
    void requestedLanguage();
    void shippedLanguages();
    void cliFollowsLocaleAndLang_data();
    void cliFollowsLocaleAndLang();
    void cliWarnsForUnknownLanguage();
    void studioHelpFollowsLang();
};

void TestLanguage::requestedLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("language");
    const QString program = QStringLiteral("retort");
    QTest::newRow("none") << QStringList{program, QStringLiteral("history")} << QString();
    QTest::newRow("separate") << QStringList{program, QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("history")}
                              << QStringLiteral("de");
    QTest::newRow("joined") << QStringList{program, QStringLiteral("history"), QStringLiteral("--lang=de_AT")}
                            << QStringLiteral("de_AT");
    QTest::newRow("after --") << QStringList{program, QStringLiteral("--"), QStringLiteral("--lang"), QStringLiteral("de")}
                              << QString();
    QTest::newRow("no value") << QStringList{program, QStringLiteral("--lang")} << QString();
}

void TestLanguage::requestedLanguage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, language);
    QCOMPARE(retort::i18n::requestedLanguage(arguments), language);
}

void TestLanguage::shippedLanguages()
{
    const QStringList languages = retort::i18n::availableLanguages();
    QVERIFY2(languages.contains(QLatin1String("de")), qPrintable(languages.join(u',')));
    QVERIFY2(languages.contains(QLatin1String("en")), qPrintable(languages.join(u',')));
}

void TestLanguage::cliFollowsLocaleAndLang_data()
{
    QTest::addColumn<QStringList>("languageArguments");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no locale") << QStringList() << QString() << kEnglish;
    QTest::newRow("German locale") << QStringList() << QStringLiteral("de_DE.UTF-8") << kGerman;
    QTest::newRow("--lang de") << QStringList{QStringLiteral("--lang"), QStringLiteral("de")} << QString() << kGerman;
    QTest::newRow("--lang=en over German locale")
        << QStringList{QStringLiteral("--lang=en")} << QStringLiteral("de_DE.UTF-8") << kEnglish;
}

void TestLanguage::cliFollowsLocaleAndLang()
{
    QFETCH(QStringList, languageArguments);
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const Run run = historyWithBadRange(languageArguments, lang);
    QVERIFY2(run.exitCode != 0, qPrintable(run.out));
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

void TestLanguage::cliWarnsForUnknownLanguage()
{
    const Run run = historyWithBadRange({QStringLiteral("--lang"), QStringLiteral("fr")}, QString());
    QVERIFY2(run.err.contains(QLatin1String("retort: no translation for 'fr'; using English")), qPrintable(run.err));
    QVERIFY2(run.err.contains(kEnglish), qPrintable(run.err));
}

void TestLanguage::studioHelpFollowsLang()
{
    const Run german = runWithLocale(QStringLiteral(RETORT_STUDIO),
                                     {QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")}, QString());
    QCOMPARE(german.exitCode, 0);
    QVERIFY2(german.out.contains(QLatin1String("Datenbank-URL (Vorgabe: die des Projekts).")), qPrintable(german.out));
    const Run english = runWithLocale(QStringLiteral(RETORT_STUDIO), {QStringLiteral("--help")}, QString());
    QCOMPARE(english.exitCode, 0);
    QVERIFY2(english.out.contains(QLatin1String("Database URL (default: the project's).")), qPrintable(english.out));
}

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
