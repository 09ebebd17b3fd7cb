// SPDX-License-Identifier: Apache-2.0
// Parses arbitrary text as a database URL. Checks:
// - a parsed URL survives toString() and parse() again with every field equal;
// - masked() hides the password. Sound form: masked() parses back to the same fields with the
//   password "***", and masking that again gives the same text, so masked() cannot depend on
//   the password (a leaked password would come back as itself, not as "***");
// - an error message never shows any character of what might be a password: the stretch from
//   the first ':' after "://" to the last '@' is replaced by '~' characters (found nowhere else
//   in the input) and the message must hold no '~'.
#include "database/databaseurl.h"
#include "common/error.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using retort::DatabaseUrl;

namespace {

[[noreturn]] void failure(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_databaseurl: %s\n  %s\n", what, qPrintable(detail));
    std::abort();
}

void check(bool ok, const char* what, const QString& detail)
{
    if (!ok)
        failure(what, detail);
}

bool sameExceptPassword(const DatabaseUrl& a, const DatabaseUrl& b)
{
    return a.dialect() == b.dialect() && a.driverName() == b.driverName() &&
           a.userName() == b.userName() && a.host() == b.host() && a.port() == b.port() &&
           a.databaseName() == b.databaseName() && a.isSqliteMemory() == b.isSqliteMemory() &&
           a.queryItems() == b.queryItems() && a.connectOptions() == b.connectOptions();
}

DatabaseUrl mustParse(const QString& text, const char* what)
{
    try {
        return DatabaseUrl::parse(text);
    } catch (const retort::Error& error) {
        failure(what, text + QLatin1String(" -> ") + error.message());
    }
}

void checkParsed(const DatabaseUrl& url)
{
    const QString full = url.toString();
    const DatabaseUrl again = mustParse(full, "toString() does not parse");
    check(sameExceptPassword(again, url) && again.password() == url.password(),
          "toString() does not round-trip", full);
    check(again.toString() == full, "toString() is not stable", full);

    const QString masked = url.masked();
    check(again.masked() == masked, "masked() differs after a round trip", masked);
    const DatabaseUrl fromMasked = mustParse(masked, "masked() does not parse");
    check(sameExceptPassword(fromMasked, url), "masked() changes other fields", masked);
    const QString expected = url.password().isEmpty() ? QString() : QStringLiteral("***");
    check(fromMasked.password() == expected, "masked() shows the password", masked);
    check(fromMasked.masked() == masked, "masked() depends on the password", masked);
}

// The input with what may be a password (as the parser's error masking defines it) replaced
// by '~', or a null string when there is no such stretch or '~' occurs elsewhere.
QString withMarkedSecret(const QString& input)
{
    const QString url = input.trimmed();
    if (url.contains(u'~'))
        return {};
    const qsizetype separator = url.indexOf(QLatin1String("://"));
    bool schemeShaped = separator > 0;
    for (qsizetype i = 0; schemeShaped && i < separator; ++i) {
        const QChar c = url[i];
        schemeShaped = c.isLetterOrNumber() && c.unicode() < 0x80;
        schemeShaped = schemeShaped || c == u'+' || c == u'_' || c == u'.' || c == u'-';
    }
    const qsizetype start = schemeShaped ? separator + 3 : 0;
    const qsizetype colon = url.indexOf(u':', start);
    const qsizetype at = url.lastIndexOf(u'@');
    if (colon < 0 || at <= colon + 1)
        return {};
    return url.left(colon + 1) + QString(at - colon - 1, u'~') + url.mid(at);
}

void checkErrorHidesSecret(const QString& input)
{
    const QString marked = withMarkedSecret(input);
    if (marked.isNull())
        return;
    try {
        (void)DatabaseUrl::parse(marked);
    } catch (const retort::Error& error) {
        check(!error.message().contains(u'~'), "an error message shows part of a password",
              marked + QLatin1String(" -> ") + error.message());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString input =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    try {
        checkParsed(DatabaseUrl::parse(input));
    } catch (const retort::Error& error) {
        check(error.kind() == retort::ErrorKind::Config, "wrong error kind", error.message());
        check(error.message().startsWith(QLatin1String("Invalid database URL '")),
              "unexpected message", error.message());
    }
    checkErrorHidesSecret(input);
    return 0;
}
