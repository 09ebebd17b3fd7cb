// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace retort {

// Writes JSON as it goes, in chunks handed to a sink, without building a document first:
// listing 10,000 revisions through QJsonDocument took three times the time and memory of the
// text listing (a tree of QJsonObjects, then the whole text, then its conversion). The bytes
// are those QJsonDocument::toJson() writes for the same values in the same key order
// (Indented: four spaces a level, "key": value; Compact: no spaces); QJsonObject sorts its
// keys, so callers that want the old output byte for byte give keys in sorted order.
//
//   JsonWriter json(sink);
//   json.beginArray();
//   json.beginObject(); json.key("id"); json.value(id); json.endObject();
//   json.endArray();   // the top level's end writes the final newline (Indented)
//   json.flush();      // also done by the destructor
class JsonWriter
{
public:
    enum class Style { Indented, Compact };
    // Receives the text in UTF-8, in chunks of about kChunk bytes and at flush().
    using Sink = std::function<void(const QByteArray&)>;

    explicit JsonWriter(Sink sink, Style style = Style::Indented);
    ~JsonWriter();
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void beginArray();
    void endArray();
    void beginObject();
    void endObject();
    // The next member's name, inside an object.
    void key(QLatin1String name);
    void key(const QString& name);

    void value(const QString& text);
    void value(QLatin1String text);
    void value(bool flag);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(double number);
    void null();
    // An array of strings.
    void value(const QStringList& texts);
    // Any QJsonValue (object, array, scalar), written without a QJsonDocument.
    void value(const QJsonValue& json);

    // Hands what is buffered to the sink.
    void flush();

    // `text` as a quoted, escaped JSON string, as QJsonDocument writes it (UTF-8; control
    // characters escaped; unpaired surrogates as \uXXXX).
    static void appendString(QByteArray& out, QStringView text);

    static constexpr qsizetype kChunk = 64 * 1024;

private:
    struct Level
    {
        bool isObject = false;
        bool empty = true;
    };

    // Before a value or member: separator, newline and indentation.
    void beforeItem();
    void beforeValue();
    void endContainer(char close);
    void afterTopLevel();

    Sink m_sink;
    Style m_style;
    QByteArray m_buffer;
    QVector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace retort
