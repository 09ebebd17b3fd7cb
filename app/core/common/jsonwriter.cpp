// SPDX-License-Identifier: Apache-2.0
#include "common/jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace retort {

namespace {

char hexDigit(unsigned value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendEscape(QByteArray& out, char16_t unit)
{
    out += "\\u";
    out += hexDigit((unit >> 12) & 0xf);
    out += hexDigit((unit >> 8) & 0xf);
    out += hexDigit((unit >> 4) & 0xf);
    out += hexDigit(unit & 0xf);
}

} // namespace

JsonWriter::JsonWriter(Sink sink, Style style) : m_sink(std::move(sink)), m_style(style)
{
    m_buffer.reserve(kChunk + 4096);
}

JsonWriter::~JsonWriter()
{
    flush();
}

void JsonWriter::flush()
{
    if (!m_buffer.isEmpty() && m_sink)
        m_sink(m_buffer);
    m_buffer.clear();
}

// Same escapes as Qt's own JSON writer (qjsonwriter.cpp), so that the output does not change.
void JsonWriter::appendString(QByteArray& out, QStringView text)
{
    out += '"';
    const char16_t* it = text.utf16();
    const char16_t* const end = it + text.size();
    while (it != end) {
        const char16_t unit = *it++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != '"' && unit != '\\') {
                out += char(unit);
                continue;
            }
            out += '\\';
            switch (unit) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '\b': out += 'b'; break;
            case '\f': out += 'f'; break;
            case '\n': out += 'n'; break;
            case '\r': out += 'r'; break;
            case '\t': out += 't'; break;
            default:
                out += "u00";
                out += hexDigit(unit >> 4);
                out += hexDigit(unit & 0xf);
            }
        } else if (unit < 0x800) {
            out += char(0xc0 | (unit >> 6));
            out += char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && it != end && QChar::isLowSurrogate(*it)) {
            const char32_t code = QChar::surrogateToUcs4(unit, *it++);
            out += char(0xf0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3f));
            out += char(0x80 | ((code >> 6) & 0x3f));
            out += char(0x80 | (code & 0x3f));
        } else if (QChar::isSurrogate(unit)) {
            appendEscape(out, unit); // unpaired: not UTF-8
        } else {
            out += char(0xe0 | (unit >> 12));
            out += char(0x80 | ((unit >> 6) & 0x3f));
            out += char(0x80 | (unit & 0x3f));
        }
    }
    out += '"';
}

void JsonWriter::beforeItem()
{
    if (m_levels.isEmpty())
        return;
    if (m_buffer.size() >= kChunk)
        flush();
    Level& level = m_levels.last();
    if (!level.empty)
        m_buffer += ',';
    level.empty = false;
    if (m_style == Style::Indented) {
        m_buffer += '\n';
        m_buffer.append(m_levels.size() * 4, ' ');
    }
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false; // the member's separator went before its key
        return;
    }
    beforeItem();
}

void JsonWriter::afterTopLevel()
{
    if (!m_levels.isEmpty())
        return;
    if (m_style == Style::Indented)
        m_buffer += '\n';
    flush();
}

void JsonWriter::key(const QString& name)
{
    beforeItem();
    appendString(m_buffer, name);
    m_buffer += m_style == Style::Indented ? ": " : ":";
    m_afterKey = true;
}

void JsonWriter::key(QLatin1String name)
{
    key(QString(name));
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_buffer += '[';
    m_levels.append({false, true});
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_buffer += '{';
    m_levels.append({true, true});
}

void JsonWriter::endContainer(char close)
{
    m_levels.removeLast();
    if (m_style == Style::Indented) {
        // QJsonDocument writes an empty container as "[\n<indent>]" too.
        m_buffer += '\n';
        m_buffer.append(m_levels.size() * 4, ' ');
    }
    m_buffer += close;
    afterTopLevel();
}

void JsonWriter::endArray()
{
    endContainer(']');
}

void JsonWriter::endObject()
{
    endContainer('}');
}

void JsonWriter::value(const QString& text)
{
    beforeValue();
    appendString(m_buffer, text);
    afterTopLevel();
}

void JsonWriter::value(QLatin1String text)
{
    value(QString(text));
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_buffer += flag ? "true" : "false";
    afterTopLevel();
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    m_buffer += QByteArray::number(number);
    afterTopLevel();
}

void JsonWriter::value(double number)
{
    beforeValue();
    if (std::isfinite(number))
        m_buffer += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    else
        m_buffer += "null"; // as QJsonDocument: JSON has no infinity or NaN
    afterTopLevel();
}

void JsonWriter::null()
{
    beforeValue();
    m_buffer += "null";
    afterTopLevel();
}

void JsonWriter::value(const QStringList& texts)
{
    beginArray();
    for (const QString& text : texts)
        value(text);
    endArray();
}

void JsonWriter::value(const QJsonValue& json)
{
    switch (json.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = json.toObject();
        beginObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            key(it.key());
            value(it.value());
        }
        endObject();
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = json.toArray();
        beginArray();
        for (const QJsonValue& item : array)
            value(item);
        endArray();
        return;
    }
    case QJsonValue::String:
        value(json.toString());
        return;
    case QJsonValue::Bool:
        value(json.toBool());
        return;
    case QJsonValue::Double:
        // QJsonValue keeps integers as such (qint64); QJsonDocument writes them without ".0".
        if (json.toVariant().userType() == QMetaType::LongLong)
            value(json.toInteger());
        else
            value(json.toDouble());
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        return;
    }
}

} // namespace retort
