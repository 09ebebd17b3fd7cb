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
    config.rawDevUrl = settingsText(settings, QStringLiteral("dev_url"), QStringLiteral(","));
    const QString table = text("version_table");
    if (!table.isEmpty())
        config.versionTable = table;
    config.versionTableSchema = text("version_table_schema");
    const QString model = text("model");
    if (!model.isEmpty())
        config.modelPath = absolutePath(dir, model);
    config.syncEachStep = parseBool(text("sync_each_step"),
                                    config.configPath + QStringLiteral(": sync_each_step"));
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

QString ProjectConfig::devUrl() const
{
    return expandEnvironment(rawDevUrl, configPath + QStringLiteral(": dev_url")).trimmed();
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

} // namespace

QString expandEnvironment(const QString& text, const QString& what)
{
    QString out;
    qsizetype from = 0;
    for (qsizetype dollar = text.indexOf(QLatin1String("${")); dollar >= 0;
         dollar = text.indexOf(QLatin1String("${"), from)) {
        out += QStringView(text).mid(from, dollar - from);
        const qsizetype close = closingBrace(text, dollar);
        if (close < 0)
            fail(what + QStringLiteral(": '${' at character ") + QString::number(dollar + 1) +
                 QStringLiteral(" has no closing '}'"));
        const QString inner = text.mid(dollar + 2, close - dollar - 2);
        const qsizetype dash = inner.indexOf(QLatin1String(":-"));
        const QString name = dash < 0 ? inner : inner.left(dash);
        if (!isVariableName(name))
            fail(what + QStringLiteral(": '${") + inner +
                 QStringLiteral("}' is not ${VAR} or ${VAR:-default}"));
        const QString value = qEnvironmentVariable(name.toLocal8Bit().constData());
        if (dash >= 0 && value.isEmpty())
            out += expandEnvironment(inner.mid(dash + 2), what);
        else if (dash < 0 && !qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
            fail(what + QStringLiteral(": environment variable ") + name +
                 QStringLiteral(" is not set (write ${") + name +
                 QStringLiteral(":-default} to give a default)"));
        else
            out += value;
        from = close + 1;
    }
    out += QStringView(text).mid(from);
    return out;
}

ScriptLocations ProjectConfig::scriptLocations() const
{
    return {format, configPath, versionLocations, recursiveVersionLocations};
}

} // namespace retort
