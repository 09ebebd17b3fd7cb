// SPDX-License-Identifier: Apache-2.0
#include "languagesetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace retort::i18n {

namespace {

const QString kResourceDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("retort_studio_");

} // namespace

QString requestedLanguage(const QStringList& arguments)
{
    const QString option = QStringLiteral("--lang");
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--"))
            break;
        if (arguments[i] == option)
            return i + 1 < arguments.size() ? arguments[i + 1] : QString();
        if (arguments[i].startsWith(option + u'='))
            return arguments[i].mid(option.size() + 1);
    }
    return {};
}

QStringList availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(kResourceDir).entryList({kPrefix + QStringLiteral("*.qm")});
    for (const QString& file : files)
        languages << file.mid(kPrefix.size()).chopped(3);
    return languages;
}

bool installTranslations(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // QLocale("xx") falls back to C; Retort then speaks English.
    const bool known = language.isEmpty() || locale.language() != QLocale::C;

    auto* retortTexts = new QTranslator(&app);
    const bool translated = known && retortTexts->load(locale, QStringLiteral("retort_studio"),
                                                       QStringLiteral("_"), kResourceDir);
    if (translated || retortTexts->load(kPrefix + QStringLiteral("en"), kResourceDir))
        QCoreApplication::installTranslator(retortTexts);

    auto* qtTexts = new QTranslator(&app);
    if (translated && qtTexts->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTexts);

    const bool english = locale.language() == QLocale::English;
    return language.isEmpty() || translated || english;
}

} // namespace retort::i18n
