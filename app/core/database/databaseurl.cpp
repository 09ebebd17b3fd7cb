// SPDX-License-Identifier: Apache-2.0
#include "database/databaseurl.h"

#include "common/error.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <optional>

namespace retort {

namespace {

// ---------------------------------------------------------------------------------------------
// Percent-encoding

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Decodes %XX escapes ('+' too, as a space, in query text like Python's parse_qsl). A '%' not
// followed by two hex digits stays literal, as with Python's unquote. Returns nothing when the
// bytes are not valid UTF-8.
std::optional<QString> percentDecode(QStringView text, bool plusIsSpace)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            bytes.append(char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else if (plusIsSpace && c == u'+') {
            bytes.append(' ');
        } else if (c.unicode() < 0x80) {
            bytes.append(char(c.unicode()));
        } else {
            const bool pair =
                c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
            bytes.append(text.mid(i, pair ? 2 : 1).toUtf8());
            i += pair ? 1 : 0;
        }
    }
    // Invalid or overlong UTF-8 does not survive a decode/encode round trip.
    QString decoded = QString::fromUtf8(bytes);
    if (decoded.toUtf8() != bytes)
        return std::nullopt;
    return decoded;
}

// Characters left as they are in each part of a URL we write; everything else but the
// unreserved set (RFC 3986) is escaped. Each set leaves out what the parser splits on there.
constexpr const char* kUserInfoKeep = "!$&'()*+,;=";
constexpr const char* kHostKeep = "!$&'()*+,;=";
constexpr const char* kIpv6HostKeep = "!$&'()*+,;=:";
constexpr const char* kDatabaseKeep = "!$&'()*+,;=:/";
constexpr const char* kSqlitePathKeep = "!$&'()*+,;=:/@";
constexpr const char* kQueryKeep = "!$'()*,;:/@";

QString percentEncode(const QString& text, const char* keep)
{
    static const char hex[] = "0123456789ABCDEF";
    QString out;
    const QByteArray bytes = text.toUtf8();
    out.reserve(bytes.size());
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        const bool unreserved = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
                                (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' ||
                                b == '~';
        if (unreserved || (b != 0 && b < 0x80 && std::strchr(keep, ch))) {
            out += QLatin1Char(ch);
        } else {
            out += u'%';
            out += QLatin1Char(hex[b >> 4]);
            out += QLatin1Char(hex[b & 0xf]);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Query parameters and the connect options they become

enum class ValueKind {
    Text,         // passed on as it is
    WholeNumber,  // a count of seconds or similar, 0 or more
    ZeroOrOne,    // libpq's booleans
    Seconds,      // seconds, fractions allowed; written as milliseconds
    ReadOnlyMode, // SQLite's mode=ro, a flag without value
    Charset,      // MySQL character set: only what QMYSQL uses anyway
    SocketHost,   // PostgreSQL ?host=/socket/dir: becomes host(), not an option
};

struct ParamSpec
{
    const char* name;   // as written in the URL
    const char* option; // the QSqlDatabase connect option, or nullptr for none
    ValueKind kind;
};

// libpq keywords go through QPSQL unchanged, so the option is the URL name.
const ParamSpec kPostgreSqlParams[] = {
    {"sslmode", "sslmode", ValueKind::Text},
    {"sslrootcert", "sslrootcert", ValueKind::Text},
    {"sslcert", "sslcert", ValueKind::Text},
    {"sslkey", "sslkey", ValueKind::Text},
    {"connect_timeout", "connect_timeout", ValueKind::WholeNumber},
    {"application_name", "application_name", ValueKind::Text},
    {"options", "options", ValueKind::Text},
    {"target_session_attrs", "target_session_attrs", ValueKind::Text},
    {"keepalives", "keepalives", ValueKind::ZeroOrOne},
    {"keepalives_idle", "keepalives_idle", ValueKind::WholeNumber},
    {"keepalives_interval", "keepalives_interval", ValueKind::WholeNumber},
    {"keepalives_count", "keepalives_count", ValueKind::WholeNumber},
    {"tcp_user_timeout", "tcp_user_timeout", ValueKind::WholeNumber},
    {"host", nullptr, ValueKind::SocketHost},
};

// QMYSQL option names as in Qt 6.4's QSqlDatabase::setConnectOptions() documentation.
// charset: QMYSQL always asks for utf8mb4 (utf8 from servers too old for it) and has no
// option to change that, so only those two are accepted, and they map to no option.
const ParamSpec kMySqlParams[] = {
    {"connect_timeout", "MYSQL_OPT_CONNECT_TIMEOUT", ValueKind::WholeNumber},
    {"read_timeout", "MYSQL_OPT_READ_TIMEOUT", ValueKind::WholeNumber},
    {"write_timeout", "MYSQL_OPT_WRITE_TIMEOUT", ValueKind::WholeNumber},
    {"ssl_ca", "SSL_CA", ValueKind::Text},
    {"ssl_cert", "SSL_CERT", ValueKind::Text},
    {"ssl_key", "SSL_KEY", ValueKind::Text},
    {"charset", nullptr, ValueKind::Charset},
    {"unix_socket", "UNIX_SOCKET", ValueKind::Text},
};

// SQLAlchemy's pysqlite parameters: timeout in seconds, mode=ro for a read-only file.
const ParamSpec kSqliteParams[] = {
    {"timeout", "QSQLITE_BUSY_TIMEOUT", ValueKind::Seconds},
    {"mode", "QSQLITE_OPEN_READONLY", ValueKind::ReadOnlyMode},
};

template <std::size_t N> QList<const ParamSpec*> specList(const ParamSpec (&specs)[N])
{
    QList<const ParamSpec*> list;
    for (const ParamSpec& spec : specs)
        list.append(&spec);
    return list;
}

QList<const ParamSpec*> paramsOf(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Sqlite:
        return specList(kSqliteParams);
    case Dialect::PostgreSql:
        return specList(kPostgreSqlParams);
    case Dialect::MySql:
        return specList(kMySqlParams);
    }
    return {};
}

const ParamSpec* findParam(Dialect dialect, const QString& name)
{
    const QList<const ParamSpec*> specs = paramsOf(dialect);
    for (const ParamSpec* spec : specs) {
        if (name == QLatin1String(spec->name))
            return spec;
    }
    return nullptr;
}

QString supportedParams(Dialect dialect)
{
    QStringList names;
    const QList<const ParamSpec*> specs = paramsOf(dialect);
    for (const ParamSpec* spec : specs)
        names.append(QLatin1String(spec->name));
    return names.join(QLatin1String(", "));
}

// Query parameters whose value is a secret in some client (libpq's password and
// sslpassword, tokens and keys of other drivers): never shown, even in an error.
bool isSecretParameter(const QString& lowerCaseName)
{
    for (const char* word : {"password", "passwd", "pwd", "secret", "token"}) {
        if (lowerCaseName.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

bool hasControlCharacter(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// libpq's conninfo syntax: a value with spaces, quotes or backslashes goes in single quotes
// with \' and \\ escaped. QPSQL turns every ';' of the options into a space before libpq sees
// them, so a ';' can never be passed (checkText() refuses it).
bool needsConninfoQuotes(const QString& value)
{
    for (const QChar c : value) {
        if (c.isSpace() || c == u'\'' || c == u'\\')
            return true;
    }
    return false;
}

QString conninfoValue(const QString& value)
{
    if (!needsConninfoQuotes(value))
        return value;
    QString quoted = value;
    quoted.replace(u'\\', QLatin1String("\\\\"));
    quoted.replace(u'\'', QLatin1String("\\'"));
    return u'\'' + quoted + u'\'';
}

// Why a text value cannot travel through the driver's option string, or "" when it can.
QString checkText(Dialect dialect, const QString& value)
{
    if (value.contains(u';'))
        return QStringLiteral("a ';' cannot be passed: Qt's driver splits its options on ';'");
    if (hasControlCharacter(value))
        return QStringLiteral("control characters cannot be passed to the driver");
    // QMYSQL trims each option value; PostgreSQL values are quoted when needed.
    if (dialect == Dialect::MySql && value.trimmed() != value)
        return QStringLiteral("leading or trailing spaces would be dropped by Qt's driver");
    return {};
}

bool isWholeNumber(const QString& value)
{
    if (value.isEmpty() || value.size() > 9)
        return false;
    for (const QChar c : value) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Milliseconds for a number of seconds, or -1 when that is not a usable duration.
qint64 secondsToMilliseconds(const QString& value)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds * 1000.0 > double(INT_MAX))
        return -1;
    return std::llround(seconds * 1000.0);
}

// Why the value is not acceptable for the parameter, or "" when it is.
QString checkValue(Dialect dialect, const ParamSpec& spec, const QString& value)
{
    if (value.isEmpty())
        return QStringLiteral("the value is empty");
    switch (spec.kind) {
    case ValueKind::Text:
        return checkText(dialect, value);
    case ValueKind::WholeNumber:
        return isWholeNumber(value) ? QString()
                                    : QStringLiteral("expected a whole number of seconds");
    case ValueKind::ZeroOrOne:
        return value == QLatin1String("0") || value == QLatin1String("1")
                   ? QString()
                   : QStringLiteral("expected 0 or 1");
    case ValueKind::Seconds:
        return secondsToMilliseconds(value) >= 0
                   ? QString()
                   : QStringLiteral("expected a number of seconds (0 or more, fractions allowed)");
    case ValueKind::ReadOnlyMode:
        return value == QLatin1String("ro")
                   ? QString()
                   : QStringLiteral("only mode=ro (read-only) is supported");
    case ValueKind::Charset:
        return value == QLatin1String("utf8mb4") || value == QLatin1String("utf8")
                   ? QString()
                   : QStringLiteral("Qt's MySQL driver always uses utf8mb4 (utf8 on old servers); "
                                    "only charset=utf8mb4 or charset=utf8 can be honoured");
    case ValueKind::SocketHost:
        return hasControlCharacter(value) ? QStringLiteral("control characters in the host")
                                          : QString();
    }
    return {};
}

// The connect option for a checked parameter, or "" for parameters that need none.
QString optionText(Dialect dialect, const ParamSpec& spec, const QString& value)
{
    if (!spec.option)
        return {};
    const QLatin1String option(spec.option);
    switch (spec.kind) {
    case ValueKind::ReadOnlyMode:
        return option;
    case ValueKind::Seconds:
        return option + u'=' + QString::number(secondsToMilliseconds(value));
    default:
        break;
    }
    return option + u'=' + (dialect == Dialect::PostgreSql ? conninfoValue(value) : value);
}

// ---------------------------------------------------------------------------------------------
// Parsing

struct Parts
{
    QString scheme;
    Dialect dialect = Dialect::Sqlite;
    QString userName;
    QString password;
    QString host;
    int port = -1;
    QString databaseName;
    QList<QPair<QString, QString>> query;
};

const QLatin1String kMemory(":memory:");
const QLatin1String kSchemeSeparator("://");

QString supportedSchemes()
{
    return QStringLiteral("supported schemes: sqlite, postgresql (or postgres), mysql, mariadb, "
                          "each optionally with +driver (e.g. postgresql+psycopg2)");
}

bool isSchemeCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'+' || c == u'_' || c == u'.' || c == u'-';
}

std::optional<Dialect> dialectOfScheme(const QString& base)
{
    if (base == QLatin1String("postgres"))
        return Dialect::PostgreSql;
    return dialectFromName(base);
}

// Splits one URL into its parts, or throws naming the problem. Error messages show the URL
// masked conservatively, because a malformed URL's password cannot be located exactly:
// everything from the first ':' after "://" to the last '@' may be a password, so that stretch
// is hidden and no part of it is ever quoted in a message.
class UrlParser
{
public:
    explicit UrlParser(const QString& url) : m_url(url.trimmed()) { findPossibleSecret(); }

    Parts run()
    {
        const qsizetype rest = parseScheme();
        if (m_parts.dialect == Dialect::Sqlite)
            parseSqlite(rest);
        else
            parseServer(rest);
        return m_parts;
    }

private:
    void findPossibleSecret()
    {
        const qsizetype separator = m_url.indexOf(kSchemeSeparator);
        bool schemeShaped = separator > 0;
        for (qsizetype i = 0; schemeShaped && i < separator; ++i)
            schemeShaped = isSchemeCharacter(m_url[i]);
        const qsizetype start = schemeShaped ? separator + kSchemeSeparator.size() : 0;
        const qsizetype colon = m_url.indexOf(u':', start);
        const qsizetype at = m_url.lastIndexOf(u'@');
        if (colon >= 0 && at > colon + 1) {
            m_secretBegin = colon + 1;
            m_secretEnd = at;
        }
    }

    QString maskedInput() const
    {
        const QString text =
            m_secretBegin < 0
                ? m_url
                : m_url.left(m_secretBegin) + QLatin1String("***") + m_url.mid(m_secretEnd);
        return maskedQuery(text);
    }

    // libpq-style ?password=... (and sslpassword, token, ...): the value is hidden too.
    static QString maskedQuery(const QString& text)
    {
        const qsizetype question = text.indexOf(u'?');
        if (question < 0)
            return text;
        QStringList items = text.mid(question + 1).split(u'&');
        for (QString& item : items) {
            const qsizetype equals = item.indexOf(u'=');
            const QString name =
                percentDecode(QStringView(item).left(equals < 0 ? item.size() : equals), true)
                    .value_or(QString())
                    .toLower();
            if (equals >= 0 && isSecretParameter(name))
                item = item.left(equals + 1) + QLatin1String("***");
        }
        return text.left(question + 1) + items.join(u'&');
    }

    [[noreturn]] void fail(const QString& detail) const
    {
        throw Error(ErrorKind::Config,
                    QStringLiteral("Invalid database URL '%1': %2").arg(maskedInput(), detail));
    }

    // "what 'text'" for URL text in [begin, end), or just "what" when that text may hold a
    // password.
    bool maybeSecret(qsizetype begin, qsizetype end) const
    {
        return m_secretBegin >= 0 && begin < m_secretEnd && end > m_secretBegin;
    }

    QString named(const QString& what, qsizetype begin, qsizetype end) const
    {
        if (maybeSecret(begin, end))
            return what;
        return what + QLatin1String(" '") + m_url.mid(begin, end - begin) + u'\'';
    }

    QString decode(qsizetype begin, qsizetype end, const QString& what,
                   bool plusIsSpace = false) const
    {
        const std::optional<QString> text =
            percentDecode(QStringView(m_url).mid(begin, end - begin), plusIsSpace);
        if (!text)
            fail(what + QLatin1String(" is not valid UTF-8 once percent-decoded"));
        if (text->contains(QChar(0)))
            fail(what + QLatin1String(" contains a NUL character (%00)"));
        return *text;
    }

    qsizetype indexOrEnd(QChar c, qsizetype from) const
    {
        const qsizetype index = m_url.indexOf(c, from);
        return index < 0 ? m_url.size() : index;
    }

    // Returns where the text after "://" starts.
    qsizetype parseScheme()
    {
        if (m_url.isEmpty())
            fail(QStringLiteral("the URL is empty; ") + supportedSchemes());
        const qsizetype separator = m_url.indexOf(kSchemeSeparator);
        bool shaped = separator > 0;
        for (qsizetype i = 0; shaped && i < separator; ++i)
            shaped = isSchemeCharacter(m_url[i]);
        if (!shaped)
            fail(QStringLiteral("expected scheme://...; ") + supportedSchemes());
        m_parts.scheme = m_url.left(separator);
        const qsizetype plus = m_parts.scheme.indexOf(u'+');
        const QString base = m_parts.scheme.left(plus).toLower();
        const std::optional<Dialect> dialect = dialectOfScheme(base);
        if (!dialect)
            fail(named(QStringLiteral("unknown scheme"), 0, separator) + QLatin1String("; ") +
                 supportedSchemes());
        if (plus >= 0 && !isDriverName(QStringView(m_parts.scheme).mid(plus + 1)))
            fail(named(QStringLiteral("invalid driver in scheme"), 0, separator) +
                 QLatin1String(": expected a name after '+', e.g. postgresql+psycopg2"));
        m_parts.dialect = *dialect;
        return separator + kSchemeSeparator.size();
    }

    static bool isDriverName(QStringView driver)
    {
        if (driver.isEmpty())
            return false;
        for (const QChar c : driver) {
            if (!isSchemeCharacter(c) || c == u'+')
                return false;
        }
        return true;
    }

    // sqlite:// | sqlite:///relative.db | sqlite:////absolute.db, then ?query.
    void parseSqlite(qsizetype from)
    {
        const qsizetype queryStart = indexOrEnd(u'?', from);
        if (queryStart > from && m_url[from] != u'/')
            fail(QStringLiteral("a SQLite URL takes no user or host: write sqlite:///relative.db, "
                                "sqlite:////absolute/path.db or sqlite:// (in memory)"));
        if (queryStart > from + 1)
            m_parts.databaseName = decode(from + 1, queryStart, QStringLiteral("the file path"));
        if (m_parts.databaseName.isEmpty())
            m_parts.databaseName = kMemory;
        parseQuery(queryStart);
    }

    // [user[:password]@][host][:port][/database][?query]. The credentials end at the last '@'
    // before the query, so a password may hold unencoded '@', '/' or ':' (but not '?').
    void parseServer(qsizetype from)
    {
        const qsizetype queryStart = indexOrEnd(u'?', from);
        const qsizetype at = m_url.lastIndexOf(u'@', queryStart - 1);
        qsizetype hostStart = from;
        if (at >= from) {
            parseCredentials(from, at);
            hostStart = at + 1;
        }
        const qsizetype slash = m_url.indexOf(u'/', hostStart);
        const qsizetype hostEnd = slash >= 0 && slash < queryStart ? slash : queryStart;
        parseHostAndPort(hostStart, hostEnd);
        if (hostEnd < queryStart) {
            m_parts.databaseName =
                decode(hostEnd + 1, queryStart, QStringLiteral("the database name"));
        }
        parseQuery(queryStart);
    }

    void parseCredentials(qsizetype from, qsizetype at)
    {
        const qsizetype colon = m_url.indexOf(u':', from);
        const qsizetype userEnd = colon >= 0 && colon < at ? colon : at;
        if (QStringView(m_url).mid(from, userEnd - from).contains(u'/'))
            fail(QStringLiteral("the user name contains '/'; an '@' in a database name must be "
                                "written %40"));
        m_parts.userName = decode(from, userEnd, QStringLiteral("the user name"));
        if (userEnd < at)
            m_parts.password = decode(userEnd + 1, at, QStringLiteral("the password"));
    }

    void parseHostAndPort(qsizetype from, qsizetype end)
    {
        qsizetype portColon = -1;
        if (from < end && m_url[from] == u'[') {
            const qsizetype close = m_url.indexOf(u']', from);
            if (close < 0 || close >= end)
                fail(QStringLiteral("'[' opens an IPv6 address that is not closed by ']'"));
            m_parts.host = decode(from + 1, close, QStringLiteral("the host"));
            if (close + 1 < end && m_url[close + 1] != u':')
                fail(named(QStringLiteral("unexpected text after the IPv6 address"), close + 1,
                           end));
            portColon = close + 1 < end ? close + 1 : -1;
        } else {
            const qsizetype colon = m_url.indexOf(u':', from);
            portColon = colon >= 0 && colon < end ? colon : -1;
            m_parts.host =
                decode(from, portColon >= 0 ? portColon : end, QStringLiteral("the host"));
        }
        if (portColon >= 0)
            parsePort(portColon + 1, end);
    }

    void parsePort(qsizetype from, qsizetype end)
    {
        const QStringView text = QStringView(m_url).mid(from, end - from);
        if (text.contains(u':'))
            fail(QStringLiteral("too many ':' after the host; an IPv6 address must be written in "
                                "brackets, e.g. postgresql://[::1]:5432/db"));
        bool digits = !text.isEmpty() && text.size() <= 5;
        for (const QChar c : text)
            digits = digits && c >= u'0' && c <= u'9';
        const int port = digits ? text.toInt() : 0;
        if (port < 1 || port > 65535) {
            // A "port" inside the masked stretch is likely a password cut short by a '?'.
            const QString hint = maybeSecret(from, end)
                                     ? QStringLiteral(" (a '?' in a password must be written %3F)")
                                     : QString();
            fail(named(QStringLiteral("port"), from, end) +
                 QLatin1String(" is not a number from 1 to 65535") + hint);
        }
        m_parts.port = port;
    }

    void parseQuery(qsizetype questionMark)
    {
        QStringList seen;
        qsizetype begin = questionMark + 1;
        while (begin <= m_url.size()) {
            const qsizetype end = indexOrEnd(u'&', begin);
            if (end > begin)
                parseParameter(begin, end, seen);
            begin = end + 1;
        }
    }

    void parseParameter(qsizetype begin, qsizetype end, QStringList& seen)
    {
        const qsizetype equals = m_url.indexOf(u'=', begin);
        if (equals < 0 || equals >= end)
            fail(named(QStringLiteral("parameter"), begin, end) +
                 QLatin1String(" has no value (expected name=value)"));
        const QString name = decode(begin, equals, QStringLiteral("a parameter name"), true);
        const QString param = named(QStringLiteral("parameter"), begin, equals);
        if (name.isEmpty())
            fail(QStringLiteral("a query parameter has no name"));
        if (seen.contains(name))
            fail(param + QLatin1String(" is given more than once"));
        seen.append(name);
        const QString value = decode(equals + 1, end, param, true);
        const ParamSpec* spec = findParam(m_parts.dialect, name);
        if (!spec && isSecretParameter(name.toLower())) {
            fail(param + QLatin1String(" cannot carry a password: write user:password@host, or "
                                       "leave the password out and use --password-prompt, "
                                       "PGPASSWORD or PGPASSFILE (PostgreSQL)"));
        }
        if (!spec) {
            fail(QStringLiteral("unknown %1 for %2; supported: %3")
                     .arg(param, dialectName(m_parts.dialect), supportedParams(m_parts.dialect)));
        }
        const QString problem = checkValue(m_parts.dialect, *spec, value);
        if (!problem.isEmpty())
            fail(param + QLatin1String(": ") + problem);
        if (spec->kind == ValueKind::SocketHost)
            setSocketHost(value);
        else
            m_parts.query.append({name, value});
    }

    void setSocketHost(const QString& value)
    {
        if (!m_parts.host.isEmpty())
            fail(QStringLiteral("the host is given twice, in the URL and as ?host="));
        m_parts.host = value;
    }

    QString m_url;
    qsizetype m_secretBegin = -1; // [begin, end) of the text that may be a password
    qsizetype m_secretEnd = -1;
    Parts m_parts;
};

// ---------------------------------------------------------------------------------------------
// Writing

// PostgreSQL's socket directories are written as ?host=/dir, as people write them.
bool hostGoesInQuery(const DatabaseUrl& url)
{
    return url.dialect() == Dialect::PostgreSql && url.host().startsWith(u'/');
}

QString queryText(const DatabaseUrl& url)
{
    QStringList items;
    for (const auto& [name, value] : url.queryItems())
        items.append(percentEncode(name, kQueryKeep) + u'=' + percentEncode(value, kQueryKeep));
    if (hostGoesInQuery(url))
        items.append(QLatin1String("host=") + percentEncode(url.host(), kQueryKeep));
    return items.isEmpty() ? QString() : u'?' + items.join(u'&');
}

QString authorityText(const DatabaseUrl& url, bool hidePassword)
{
    QString out;
    if (!url.userName().isEmpty() || !url.password().isEmpty()) {
        out += percentEncode(url.userName(), kUserInfoKeep);
        if (!url.password().isEmpty()) {
            out += u':';
            out +=
                hidePassword ? QStringLiteral("***") : percentEncode(url.password(), kUserInfoKeep);
        }
        out += u'@';
    }
    if (!hostGoesInQuery(url)) {
        // A ':' in a host can only be an IPv6 address, written in brackets.
        if (url.host().contains(u':'))
            out += u'[' + percentEncode(url.host(), kIpv6HostKeep) + u']';
        else
            out += percentEncode(url.host(), kHostKeep);
    }
    if (url.port() >= 0)
        out += u':' + QString::number(url.port());
    return out;
}

QString urlText(const QString& scheme, const DatabaseUrl& url, bool hidePassword)
{
    QString out = scheme + kSchemeSeparator;
    if (url.dialect() == Dialect::Sqlite) {
        if (!url.isSqliteMemory())
            out += u'/' + percentEncode(url.databaseName(), kSqlitePathKeep);
    } else {
        out += authorityText(url, hidePassword);
        if (!url.databaseName().isEmpty())
            out += u'/' + percentEncode(url.databaseName(), kDatabaseKeep);
    }
    return out + queryText(url);
}

} // namespace

DatabaseUrl DatabaseUrl::parse(const QString& url)
{
    Parts parts = UrlParser(url).run();
    DatabaseUrl result;
    result.m_scheme = std::move(parts.scheme);
    result.m_dialect = parts.dialect;
    result.m_userName = std::move(parts.userName);
    result.m_password = std::move(parts.password);
    result.m_host = std::move(parts.host);
    result.m_port = parts.port;
    result.m_databaseName = std::move(parts.databaseName);
    result.m_query = std::move(parts.query);
    return result;
}

QString DatabaseUrl::driverName() const
{
    switch (m_dialect) {
    case Dialect::Sqlite:
        return QStringLiteral("QSQLITE");
    case Dialect::PostgreSql:
        return QStringLiteral("QPSQL");
    case Dialect::MySql:
        return QStringLiteral("QMYSQL");
    }
    return {};
}

bool DatabaseUrl::isSqliteMemory() const
{
    return m_dialect == Dialect::Sqlite && m_databaseName == kMemory;
}

DatabaseUrl DatabaseUrl::withPassword(const QString& password) const
{
    DatabaseUrl url = *this;
    url.m_password = password;
    return url;
}

QString DatabaseUrl::masked() const
{
    return urlText(m_scheme, *this, true);
}

QString DatabaseUrl::toString() const
{
    return urlText(m_scheme, *this, false);
}

QString DatabaseUrl::connectOptions() const
{
    QStringList options;
    for (const auto& [name, value] : m_query) {
        // parse() let through only known parameters with valid values.
        if (const ParamSpec* spec = findParam(m_dialect, name)) {
            const QString option = optionText(m_dialect, *spec, value);
            if (!option.isEmpty())
                options.append(option);
        }
    }
    return options.join(u';');
}

namespace {

const QLatin1String kConnectTimeout("connect_timeout");

// PostgreSQL's defaults for the bounds the URL leaves out: a dead peer is noticed after 30 s
// of silence plus 3 unanswered probes 10 s apart, or 60 s of unacknowledged data.
const std::pair<const char*, const char*> kPostgreSqlBounds[] = {
    {"keepalives", "1"},
    {"keepalives_idle", "30"},
    {"keepalives_interval", "10"},
    {"keepalives_count", "3"},
    {"tcp_user_timeout", "60000"},
};

bool hasItem(const QList<QPair<QString, QString>>& query, const QString& name)
{
    return std::any_of(query.begin(), query.end(),
                       [&](const QPair<QString, QString>& item) { return item.first == name; });
}

} // namespace

int DatabaseUrl::connectTimeoutSeconds() const
{
    if (!isNetworked())
        return 0;
    for (const auto& [name, value] : m_query) {
        if (name == kConnectTimeout)
            return value.toInt();
    }
    return kDefaultConnectTimeoutSeconds;
}

DatabaseUrl DatabaseUrl::withConnectTimeout(int seconds) const
{
    DatabaseUrl url = *this;
    if (!isNetworked())
        return url;
    url.m_query.removeIf([](const QPair<QString, QString>& item) { return item.first == kConnectTimeout; });
    url.m_query.append({kConnectTimeout, QString::number(std::max(seconds, 0))});
    return url;
}

QString DatabaseUrl::connectOptionsWithBounds() const
{
    QStringList options;
    const QString own = connectOptions();
    if (!own.isEmpty())
        options.append(own);
    if (isNetworked() && !hasItem(m_query, kConnectTimeout)) {
        if (const ParamSpec* spec = findParam(m_dialect, kConnectTimeout))
            options.append(optionText(m_dialect, *spec, QString::number(kDefaultConnectTimeoutSeconds)));
    }
    if (m_dialect == Dialect::PostgreSql) {
        for (const auto& [name, value] : kPostgreSqlBounds) {
            if (!hasItem(m_query, QLatin1String(name)))
                options.append(QLatin1String(name) + u'=' + QLatin1String(value));
        }
    }
    return options.join(u';');
}

void DatabaseUrl::configure(QSqlDatabase& db) const
{
    db.setHostName(m_host);
    if (m_port >= 0)
        db.setPort(m_port);
    db.setUserName(m_userName);
    db.setPassword(m_password);
    db.setDatabaseName(m_databaseName);
    db.setConnectOptions(connectOptions());
}

} // namespace retort
