// SPDX-License-Identifier: Apache-2.0
#include "project/projectconfig.h"

#include "project/configparserfile.h"
#include "common/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace retort {
namespace {

enum class ConfigKind { Unknown, Native, Alembic };

[[noreturn]] void fail(const QString& message)
{
    throw Error(ErrorKind::Config, message);
}

QString absolutePath(const QString& base, const QString& path)
{
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

// A [retort] section makes a native config, else an [alembic] section an Alembic one.
ConfigKind kindOf(const QString& text)
{
    ConfigKind kind = ConfigKind::Unknown;
    for (QStringView line : QStringView(text).split(u'\n')) {
        line = line.trimmed();
        if (line == u"[retort]")
            return ConfigKind::Native;
        if (line == u"[alembic]")
            kind = ConfigKind::Alembic;
    }
    return kind;
}

// ---- retort.ini -------------------------------------------------------------------------

// QSettings turns an unquoted value with commas into a list; `joiner` puts it back together.
QString settingsText(const QSettings& settings, const QString& key,
                     const QString& joiner = QStringLiteral(", "))
{
    const QVariant value = settings.value(key);
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(joiner);
    return value.toString().trimmed();
}

bool parseBool(const QString& text, const QString& what)
{
    const QString t = text.toLower();
    if (t.isEmpty() || t == u"false" || t == u"no" || t == u"off" || t == u"0")
        return false;
    if (t == u"true" || t == u"yes" || t == u"on" || t == u"1")
        return true;
    fail(what + QStringLiteral(": expected true or false, found '") + text + u'\'');
}

void loadNative(ProjectConfig& config)
{
    QSettings settings(config.configPath, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        fail(config.configPath + QStringLiteral(": not a valid INI file"));
    settings.beginGroup(QStringLiteral("retort"));
    const QString& dir = config.projectDir;
    const auto text = [&](const char* key) { return settingsText(settings, QLatin1String(key)); };

    const QString scriptLocation = text("script_location");
    config.scriptLocation =
        absolutePath(dir, scriptLocation.isEmpty() ? QStringLiteral(".") : scriptLocation);
    // Locations are separated by commas or white space (QSettings has split the commas).
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    const QStringList locations = text("version_locations").split(separators, Qt::SkipEmptyParts);
    for (const QString& location : locations)
        config.versionLocations += absolutePath(dir, location);
    if (config.versionLocations.isEmpty())
        config.versionLocations += config.scriptLocation + QStringLiteral("/versions");

    config.recursiveVersionLocations =
        parseBool(text("recursive_version_locations"),
                  config.configPath + QStringLiteral(": recursive_version_locations"));
    // A URL holds no literal white space, so its commas are restored exactly.
    config.rawUrl = settingsText(settings, QStringLiteral("url"), QStringLiteral(","));
    const QString table = text("version_table");
    if (!table.isEmpty())
        config.versionTable = table;
    config.versionTableSchema = text("version_table_schema");
    const QString model = text("model");
    if (!model.isEmpty())
        config.modelPath = absolutePath(dir, model);
    config.syncEachStep = parseBool(text("sync_each_step"),
                                    config.configPath + QStringLiteral(": sync_each_step"));
    const QString perMigration = text("transaction_per_migration");
    if (!perMigration.isEmpty()) {
        config.transactionPerMigration =
            parseBool(perMigration, config.configPath + QStringLiteral(": transaction_per_migration"));
    }
}

// ---- alembic.ini ------------------------------------------------------------------------

const QString alembicSection = QStringLiteral("alembic");

// Alembic opens relative paths from the current directory; Retort does the same when that
// folder exists there, and otherwise takes them relative to the ini file.
QString alembicPath(const ProjectConfig& config, const ConfigParserFile& ini, const QString& key,
                    const QString& path)
{
    const QString where = config.configPath + u':' +
                          QString::number(ini.lineOf(alembicSection, key)) + QStringLiteral(": ") +
                          key;
    if (path.isEmpty())
        fail(where + QStringLiteral(" is empty"));
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    if (path.contains(u':'))
        fail(where + QStringLiteral(": '") + path +
             QStringLiteral("' is a Python package resource (package:path), which Retort does "
                            "not support; give a folder path such as %(here)s/migrations"));
    const QString fromCurrent = QDir::current().absoluteFilePath(path);
    if (QFileInfo(fromCurrent).isDir())
        return QDir::cleanPath(fromCurrent);
    return absolutePath(config.projectDir, path);
}

// Splits version_locations as Alembic does for the configured separator. Without one, the
// legacy rule splits on commas and spaces (Retort also splits on line breaks there).
QStringList splitVersionLocations(const ProjectConfig& config, const ConfigParserFile& ini,
                                  const QString& locations)
{
    QString key = QStringLiteral("path_separator"); // Alembic 1.16; supersedes the old key
    std::optional<QString> separator = ini.value(alembicSection, key);
    if (!separator) {
        key = QStringLiteral("version_path_separator");
        separator = ini.value(alembicSection, key);
    }
    if (!separator) {
        static const QRegularExpression legacy(QStringLiteral("[,\\s]+"));
        return locations.split(legacy, Qt::SkipEmptyParts);
    }
    QChar splitOn;
    if (*separator == u"os" || *separator == u":")
        splitOn = u':';
    else if (*separator == u";")
        splitOn = u';';
    else if (*separator == u"space")
        splitOn = u' ';
    else if (*separator == u"newline")
        splitOn = u'\n';
    else
        fail(config.configPath + u':' + QString::number(ini.lineOf(alembicSection, key)) +
             QStringLiteral(": '") + *separator + QStringLiteral("' is not a valid value for ") +
             key +
             QStringLiteral("; expected 'space', 'newline', 'os', ':' or ';' "
                            "(comments must be on their own line in alembic.ini)"));
    QStringList result;
    const QStringList parts = locations.split(splitOn);
    for (const QString& part : parts) {
        if (!part.trimmed().isEmpty())
            result += part.trimmed();
    }
    return result;
}

void loadAlembic(ProjectConfig& config, const QString& text)
{
    config.format = ScriptFormat::Alembic;
    const ConfigParserFile ini = ConfigParserFile::parse(
        text, config.configPath, {{QStringLiteral("here"), config.projectDir}});
    if (!ini.hasSection(alembicSection))
        fail(config.configPath + QStringLiteral(": no [alembic] section"));
    const auto option = [&](const char* key) {
        return ini.value(alembicSection, QLatin1String(key));
    };

    const std::optional<QString> scriptLocation = option("script_location");
    if (!scriptLocation)
        fail(config.configPath + QStringLiteral(": no script_location in [alembic]"));
    config.scriptLocation =
        alembicPath(config, ini, QStringLiteral("script_location"), *scriptLocation);

    const QString locations = option("version_locations").value_or(QString());
    if (!locations.isEmpty()) {
        for (const QString& location : splitVersionLocations(config, ini, locations)) {
            config.versionLocations +=
                alembicPath(config, ini, QStringLiteral("version_locations"), location);
        }
    }
    if (config.versionLocations.isEmpty())
        config.versionLocations += config.scriptLocation + QStringLiteral("/versions");

    // Alembic compares with "true" exactly.
    config.recursiveVersionLocations = option("recursive_version_locations") == u"true";
    config.rawUrl = option("sqlalchemy.url").value_or(QString());
}

} // namespace

ProjectConfig ProjectConfig::load(const QString& path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        fail(path + QStringLiteral(": cannot read the config file: ") +
             (QFileInfo::exists(path) ? file.errorString() : QStringLiteral("no such file")));
    const QString text = QString::fromUtf8(file.readAll());

    ProjectConfig config;
    config.configPath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    config.projectDir = QFileInfo(config.configPath).absolutePath();
    switch (kindOf(text)) {
    case ConfigKind::Native:
        loadNative(config);
        break;
    case ConfigKind::Alembic:
        loadAlembic(config, text);
        break;
    case ConfigKind::Unknown:
        fail(path + QStringLiteral(": no [retort] or [alembic] section"));
    }
    return config;
}

QString ProjectConfig::locate(const QString& explicitPath, const QString& directory)
{
    if (!explicitPath.isEmpty()) {
        if (!QFileInfo(explicitPath).isFile())
            fail(QStringLiteral("config file ") + explicitPath + QStringLiteral(" does not exist"));
        return QDir::cleanPath(QFileInfo(explicitPath).absoluteFilePath());
    }
    const QString dir = directory.isEmpty() ? QDir::currentPath() : directory;
    for (const QString& name : {QStringLiteral("retort.ini"), QStringLiteral("alembic.ini")}) {
        const QFileInfo candidate(QDir(dir).filePath(name));
        if (candidate.isFile())
            return QDir::cleanPath(candidate.absoluteFilePath());
    }
    fail(QStringLiteral("no retort.ini or alembic.ini in ") + dir +
         QStringLiteral("; pass -c PATH or run 'retort init'"));
}

QString ProjectConfig::databaseUrl() const
{
    const QString url = expandEnvironment(rawUrl, configPath + QStringLiteral(": url")).trimmed();
    if (url.isEmpty())
        fail(configPath + QStringLiteral(": no database URL is configured (url in [retort], "
                                         "sqlalchemy.url in [alembic]); pass --url"));
    return url;
}

namespace {

// The end of the ${...} that starts at `open` (its closing brace), counting nested ${...}
// in defaults; -1 when it is never closed.
qsizetype closingBrace(const QString& text, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        if (text[i] == u'$' && i + 1 < text.size() && text[i + 1] == u'{') {
            ++depth;
            ++i;
        } else if (text[i] == u'}' && --depth == 0) {
            return i;
        }
    }
    return -1;
}

bool isVariableName(QStringView name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'_';
    });
}

// [begin, end) of what may be a password in URL-shaped text ("scheme://user:PASSWORD@..."),
// as DatabaseUrl's error messages hide it: from the first ':' after "://" to the last '@'.
// {-1, -1} when there is none.
QPair<qsizetype, qsizetype> possiblePassword(const QString& text)
{
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    if (scheme <= 0)
        return {-1, -1};
    const qsizetype colon = text.indexOf(u':', scheme + 3);
    const qsizetype at = text.lastIndexOf(u'@');
    if (colon < 0 || at <= colon + 1)
        return {-1, -1};
    return {colon + 1, at};
}

// The ${...} fragments of `text`, outermost first, each with the variable it names (empty when
// malformed) and whether it has a default; the variables of defaults follow their fragment.
struct Reference
{
    qsizetype begin; // the '$'
    qsizetype end;   // after the '}'; -1 when never closed
    QString name;    // "" when not ${VAR} or ${VAR:-default}
    qsizetype dash;  // where ":-" starts inside the braces, or -1
};

Reference referenceAt(const QString& text, qsizetype dollar)
{
    const qsizetype close = closingBrace(text, dollar);
    if (close < 0)
        return {dollar, -1, {}, -1};
    const QString inner = text.mid(dollar + 2, close - dollar - 2);
    const qsizetype dash = inner.indexOf(QLatin1String(":-"));
    const QString name = dash < 0 ? inner : inner.left(dash);
    return {dollar, close + 1, isVariableName(name) ? name : QString(), dash};
}

QString expand(const QString& text, const QString& what, const QString& whole, qsizetype offset)
{
    const QPair<qsizetype, qsizetype> secret = possiblePassword(whole);
    // A fragment inside the password is never quoted (a password may contain "${"); its
    // variable is named only when the fragment is the whole password (user:${DB_PASSWORD}@).
    const auto inPassword = [&](qsizetype begin, qsizetype end) {
        return secret.first >= 0 && begin < secret.second && end > secret.first;
    };
    const auto wholePassword = [&](qsizetype begin, qsizetype end) {
        return begin == secret.first && end == secret.second;
    };
    QString out;
    qsizetype from = 0;
    for (qsizetype dollar = text.indexOf(QLatin1String("${")); dollar >= 0;
         dollar = text.indexOf(QLatin1String("${"), from)) {
        out += QStringView(text).mid(from, dollar - from);
        const Reference ref = referenceAt(text, dollar);
        const qsizetype at = offset + dollar; // in `whole`
        if (ref.end < 0)
            fail(what + QStringLiteral(": '${' at character ") + QString::number(at + 1) +
                 QStringLiteral(" has no closing '}'"));
        const qsizetype end = offset + ref.end;
        if (ref.name.isEmpty()) {
            const QString fragment =
                inPassword(at, end)
                    ? QStringLiteral("the '${' at character %1 (in the URL's password)").arg(at + 1)
                    : u'\'' + text.mid(dollar, ref.end - dollar) + u'\'';
            fail(what + QStringLiteral(": ") + fragment +
                 QStringLiteral(" is not ${VAR} or ${VAR:-default}"));
        }
        const QByteArray name = ref.name.toLocal8Bit();
        const QString value = qEnvironmentVariable(name.constData());
        if (ref.dash >= 0 && value.isEmpty()) {
            const qsizetype defaultAt = dollar + 2 + ref.dash + 2;
            out += expand(text.mid(defaultAt, ref.end - 1 - defaultAt), what, whole,
                          offset + defaultAt);
        } else if (ref.dash < 0 && !qEnvironmentVariableIsSet(name.constData())) {
            if (inPassword(at, end) && !wholePassword(at, end))
                fail(what + QStringLiteral(": the environment variable at character ") +
                     QString::number(at + 1) +
                     QStringLiteral(" (in the URL's password) is not set"));
            fail(what + QStringLiteral(": environment variable ") + ref.name +
                 QStringLiteral(" is not set (write ${") + ref.name +
                 QStringLiteral(":-default} to give a default)"));
        } else {
            out += value;
        }
        from = ref.end;
    }
    out += QStringView(text).mid(from);
    return out;
}

void collectVariables(const QString& text, QStringList& names)
{
    qsizetype from = 0;
    for (qsizetype dollar = text.indexOf(QLatin1String("${")); dollar >= 0;
         dollar = text.indexOf(QLatin1String("${"), from)) {
        const Reference ref = referenceAt(text, dollar);
        if (ref.end < 0)
            return;
        if (!ref.name.isEmpty() && !names.contains(ref.name))
            names.append(ref.name);
        if (ref.dash >= 0) {
            const qsizetype defaultAt = dollar + 2 + ref.dash + 2;
            collectVariables(text.mid(defaultAt, ref.end - 1 - defaultAt), names);
        }
        from = ref.end;
    }
}

} // namespace

QString expandEnvironment(const QString& text, const QString& what)
{
    return expand(text, what, text, 0);
}

QStringList environmentVariablesIn(const QString& text)
{
    QStringList names;
    collectVariables(text, names);
    return names;
}

ScriptLocations ProjectConfig::scriptLocations() const
{
    return {format, configPath, versionLocations, recursiveVersionLocations};
}

} // namespace retort
