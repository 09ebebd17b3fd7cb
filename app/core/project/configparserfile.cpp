// SPDX-License-Identifier: Apache-2.0
#include "project/configparserfile.h"

#include "common/error.h"

#include <QStringList>

namespace retort {
namespace {

// configparser's BasicInterpolation gives up beyond this depth.
constexpr int MaxInterpolationDepth = 10;

QString rightStripped(QString text)
{
    qsizetype end = text.size();
    while (end > 0 && text[end - 1].isSpace())
        --end;
    text.truncate(end);
    return text;
}

qsizetype indentOf(const QString& line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i].isSpace())
        ++i;
    return i;
}

// Python reads text files with universal newlines: \r\n, \r and \n all end a line.
QStringList splitLines(const QString& text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    return normalized.split(u'\n');
}

} // namespace

void ConfigParserFile::fail(int line, const QString& what) const
{
    throw Error(ErrorKind::Config, m_path + u':' + QString::number(line) + u": " + what);
}

ConfigParserFile ConfigParserFile::parse(const QString& text, const QString& path,
                                         const QHash<QString, QString>& defaults)
{
    ConfigParserFile file;
    file.m_path = path;
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
        file.m_defaults.insert(it.key().toLower(), Entry{it.value(), 0, true});

    Section* section = nullptr;
    QString key; // the option being read; empty between options
    QStringList valueLines;
    int keyLine = 0;
    qsizetype indent = 0;
    const auto finishOption = [&] {
        if (!key.isEmpty())
            section->insert(key, Entry{rightStripped(valueLines.join(u'\n')), keyLine, false});
        key.clear();
    };

    const QStringList lines = splitLines(text);
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        const QString& line = lines[i];
        const QString stripped = line.trimmed();
        const bool comment = stripped.startsWith(u'#') || stripped.startsWith(u';');
        if (stripped.isEmpty() || comment) {
            if (!comment && !key.isEmpty())
                valueLines += QString(); // a blank line inside a value is kept
            continue;
        }
        const qsizetype lineIndent = indentOf(line);
        if (!key.isEmpty() && lineIndent > indent) {
            valueLines += stripped;
            continue;
        }
        finishOption();
        indent = lineIndent;
        const qsizetype close = stripped.lastIndexOf(u']');
        if (stripped.startsWith(u'[') && close > 1) {
            const QString name = stripped.mid(1, close - 1);
            if (name == QLatin1String("DEFAULT")) {
                section = &file.m_defaults;
            } else {
                if (file.m_sections.contains(name))
                    file.fail(lineNumber, QStringLiteral("section [") + name +
                                              QStringLiteral("] appears twice"));
                section = &file.m_sections[name];
            }
            continue;
        }
        if (!section)
            file.fail(lineNumber, QStringLiteral("a [section] header must come first"));
        const qsizetype equals = stripped.indexOf(u'=');
        const qsizetype colon = stripped.indexOf(u':');
        const qsizetype delimiter = equals < 0 ? colon : colon < 0 ? equals : qMin(equals, colon);
        const QString name = stripped.left(qMax<qsizetype>(delimiter, 0)).trimmed().toLower();
        if (delimiter < 0 || name.isEmpty())
            file.fail(lineNumber,
                      QStringLiteral("expected 'key = value', found '") + stripped + u'\'');
        const auto existing = section->constFind(name);
        if (existing != section->cend() && !existing->literal)
            file.fail(lineNumber,
                      QStringLiteral("option '") + name +
                          QStringLiteral("' appears twice in its section (first at line ") +
                          QString::number(existing->line) + u')');
        key = name;
        keyLine = lineNumber;
        valueLines = QStringList{stripped.mid(delimiter + 1).trimmed()};
    }
    finishOption();
    return file;
}

const ConfigParserFile::Entry* ConfigParserFile::find(const Section& section,
                                                      const QString& key) const
{
    auto it = section.constFind(key);
    if (it != section.cend())
        return &*it;
    it = m_defaults.constFind(key);
    return it != m_defaults.cend() ? &*it : nullptr;
}

std::optional<QString> ConfigParserFile::value(const QString& section, const QString& key) const
{
    const auto s = m_sections.constFind(section);
    if (s == m_sections.cend())
        return std::nullopt;
    const QString name = key.toLower();
    const Entry* entry = find(*s, name);
    if (!entry)
        return std::nullopt;
    return interpolate(*s, name, *entry, name, 1);
}

int ConfigParserFile::lineOf(const QString& section, const QString& key) const
{
    const auto s = m_sections.constFind(section);
    const Entry* entry = s == m_sections.cend() ? nullptr : find(*s, key.toLower());
    return entry ? entry->line : 0;
}

QString ConfigParserFile::interpolate(const Section& section, const QString& key,
                                      const Entry& entry, const QString& requested, int depth) const
{
    if (entry.literal)
        return entry.raw;
    if (depth > MaxInterpolationDepth)
        fail(find(section, requested)->line,
             requested + QStringLiteral(": %(...)s references nest more than ") +
                 QString::number(MaxInterpolationDepth) +
                 QStringLiteral(" deep (a reference loop?)"));
    const QString& raw = entry.raw;
    QString out;
    qsizetype from = 0;
    for (qsizetype percent = raw.indexOf(u'%'); percent >= 0; percent = raw.indexOf(u'%', from)) {
        out += QStringView(raw).mid(from, percent - from);
        const QChar next = percent + 1 < raw.size() ? raw[percent + 1] : QChar();
        if (next == u'%') {
            out += u'%';
            from = percent + 2;
            continue;
        }
        const qsizetype close = next == u'(' ? raw.indexOf(u')', percent + 2) : -1;
        // The value is never quoted: it may be a URL whose password holds the '%' (a
        // percent-encoded password written with one '%' instead of '%%').
        if (close < 0 || close == percent + 2 || close + 1 >= raw.size() || raw[close + 1] != u's')
            fail(entry.line,
                 key + QStringLiteral(": the '%' at character ") + QString::number(percent + 1) +
                     QStringLiteral(" of the value must be followed by '%' or '(name)s' (write "
                                    "%% for a literal %, also in a percent-encoded password)"));
        const QString name = raw.mid(percent + 2, close - percent - 2).toLower();
        const Entry* referenced = find(section, name);
        if (!referenced) {
            // Named unless it may be part of a URL's password (between "scheme://user:" and
            // the last '@').
            const qsizetype scheme = raw.indexOf(QLatin1String("://"));
            const qsizetype colon = scheme < 0 ? -1 : raw.indexOf(u':', scheme + 3);
            const bool secret = colon >= 0 && percent > colon && percent < raw.lastIndexOf(u'@');
            fail(entry.line, key + u':' +
                                 (secret ? QStringLiteral(" the %(...)s at character ") +
                                               QString::number(percent + 1) +
                                               QStringLiteral(" of the value")
                                         : QStringLiteral(" %(") + name + QStringLiteral(")s")) +
                                 QStringLiteral(" names no option of its section or [DEFAULT]"));
        }
        out += interpolate(section, name, *referenced, requested, depth + 1);
        from = close + 2;
    }
    out += QStringView(raw).mid(from);
    return out;
}

} // namespace retort
