// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace retort::i18n {

// The value of `--lang CODE` or `--lang=CODE` among a program's arguments, else empty. Read
// before the command line is parsed, so that --help is already in that language.
QString requestedLanguage(const QStringList& arguments);

// Installs Retort's translation (and Qt's own, where Debian ships one) for `language` (a code
// such as "de" or "de_DE"), or for the system locale when it is empty. English is the source
// language: asking for it, or for a language without a translation, installs the English plural
// forms only. Returns false when a language was asked for by name and Retort has no
// translation for it.
bool installTranslations(QCoreApplication& app, const QString& language);

// The languages Retort ships translations for ("de", "en").
QStringList availableLanguages();

} // namespace retort::i18n
