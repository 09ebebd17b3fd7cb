// SPDX-License-Identifier: Apache-2.0
// The shipped translations: each .ts file of translations/ has a translation for every
// message (German: all of them; English: the plural forms it exists for), and each compiled
// .qm loads and translates the engine's texts as well as Studio's.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QString kTranslations = QStringLiteral(RETORT_TRANSLATIONS);
const QString kQmDir = QStringLiteral(RETORT_QM_DIR);

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // the translation, or each plural form
};

QVector<TsMessage> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QVector<TsMessage> messages;
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = {};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                continue;
            message.unfinished = type == QLatin1String("unfinished");
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.translations << xml.readElementText();
            } else {
                message.translations << xml.readElementText();
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QStringList tsFiles()
{
    return QDir(kTranslations).entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : tsFiles())
            QTest::newRow(qPrintable(file)) << file;
        QVERIFY(tsFiles().contains(QStringLiteral("retort_studio_de.ts")));
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, file);
        // English is the source language: its file holds only the plural forms.
        const bool pluralsOnly = file.endsWith(QLatin1String("_en.ts"));
        QStringList missing;
        int checked = 0;
        const QVector<TsMessage> messages = readTs(kTranslations + u'/' + file);
        for (const TsMessage& message : messages) {
            if (pluralsOnly && !message.numerus)
                continue;
            ++checked;
            const bool empty = message.translations.isEmpty() ||
                               std::any_of(message.translations.begin(), message.translations.end(),
                                           [](const QString& text) { return text.trimmed().isEmpty(); });
            if (message.unfinished || empty)
                missing << message.context + QStringLiteral(": ") + message.source;
        }
        QVERIFY(checked > 0);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 message(s) without a translation in %2:\n")
                                                    .arg(missing.size())
                                                    .arg(file) + missing.join(u'\n')));
    }

    // The engine's messages are in the translations too (its contexts), not only Studio's.
    void engineTextsAreExtracted()
    {
        QStringList contexts;
        const QVector<TsMessage> messages = readTs(kTranslations + QStringLiteral("/retort_studio_de.ts"));
        for (const TsMessage& message : messages)
            contexts << message.context;
        for (const char* context : {"MigrationRunner", "MigrationLock", "DatabaseConnection", "OrphanedLock"})
            QVERIFY2(contexts.contains(QLatin1String(context)), context);
    }

    void eachTranslationLoads_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : tsFiles())
            QTest::newRow(qPrintable(file)) << file;
    }

    void eachTranslationLoads()
    {
        QFETCH(QString, file);
        const QString qm = kQmDir + u'/' + QString(file).replace(QLatin1String(".ts"), QLatin1String(".qm"));
        QTranslator translator;
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QVERIFY(!translator.isEmpty());
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString finished = QCoreApplication::translate("MigrationRunner", "%n step(s); now at %1", nullptr, 2)
                                     .arg(QStringLiteral("a1"));
        const QString creating = QCoreApplication::translate("MigrationRunner", "creating the database file %1");
        QCoreApplication::removeTranslator(&translator);
        if (file.endsWith(QLatin1String("_de.ts"))) {
            QCOMPARE(finished, QStringLiteral("2 Schritte; jetzt bei a1"));
            QCOMPARE(creating, QStringLiteral("lege die Datenbankdatei %1 an"));
        } else {
            QCOMPARE(finished, QStringLiteral("2 steps; now at a1"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
