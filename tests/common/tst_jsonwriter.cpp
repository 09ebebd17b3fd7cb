// SPDX-License-Identifier: Apache-2.0
// JsonWriter writes what QJsonDocument writes for the same values, byte for byte, in both
// styles, and hands its text to the sink in chunks instead of building it whole.
#include "common/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace retort;

namespace {

QByteArray written(const QJsonValue& value, JsonWriter::Style style)
{
    QByteArray out;
    {
        JsonWriter json([&out](const QByteArray& chunk) { out += chunk; }, style);
        json.value(value);
    }
    return out;
}

QByteArray expected(const QJsonValue& value, JsonWriter::Style style)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray())
                                                   : QJsonDocument(value.toObject());
    return document.toJson(style == JsonWriter::Style::Indented ? QJsonDocument::Indented
                                                                : QJsonDocument::Compact);
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsQJsonDocument_data()
    {
        QTest::addColumn<QJsonValue>("value");
        const QString awkward = QStringLiteral("quote \" backslash \\ slash / tab\t nl\n cr\r "
                                               "bs\b ff\f bell\x07 del\x7f é € ") +
                                QString::fromUcs4(U"\U0001F600") + QChar(0xd800) +
                                QStringLiteral(" lone") + QChar(0xdc00);
        QTest::newRow("empty array") << QJsonValue(QJsonArray());
        QTest::newRow("empty object") << QJsonValue(QJsonObject());
        QTest::newRow("strings") << QJsonValue(QJsonArray{QString(), awkward, QStringLiteral("x")});
        QTest::newRow("scalars")
            << QJsonValue(QJsonArray{true, false, QJsonValue(), 0, -7, qint64(1) << 53, 1.5,
                                     -0.25, 1e300, 3.0, 0.1});
        QTest::newRow("nested") << QJsonValue(QJsonObject{
            {QStringLiteral("b"), QJsonArray{QJsonArray(), QJsonObject(), QJsonArray{1, 2}}},
            {QStringLiteral("a"), QJsonObject{{QStringLiteral("k \"q\""), awkward},
                                              {QStringLiteral("empty"), QJsonObject()}}},
            {QStringLiteral("c"), QJsonArray{QJsonObject{{QStringLiteral("x"), 1}}}}});
    }

    void sameBytesAsQJsonDocument()
    {
        QFETCH(QJsonValue, value);
        for (const JsonWriter::Style style : {JsonWriter::Style::Indented, JsonWriter::Style::Compact})
            QCOMPARE(written(value, style), expected(value, style));
    }

    void buildsWithoutAValue()
    {
        QByteArray out;
        {
            JsonWriter json([&out](const QByteArray& chunk) { out += chunk; });
            json.beginArray();
            json.beginObject();
            json.key(QLatin1String("ids"));
            json.value(QStringList{QStringLiteral("a"), QStringLiteral("b")});
            json.key(QLatin1String("n"));
            json.value(3);
            json.key(QLatin1String("none"));
            json.null();
            json.endObject();
            json.value(QStringList());
            json.endArray();
        }
        const QJsonArray array{QJsonObject{{QStringLiteral("ids"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                                           {QStringLiteral("n"), 3},
                                           {QStringLiteral("none"), QJsonValue()}},
                               QJsonArray()};
        QCOMPARE(out, QJsonDocument(array).toJson(QJsonDocument::Indented));
    }

    // A long listing reaches the sink in chunks as it is written, none much over kChunk.
    void streamsInChunks()
    {
        QVector<qsizetype> chunks;
        QByteArray out;
        JsonWriter json([&](const QByteArray& chunk) {
            chunks.append(chunk.size());
            out += chunk;
        });
        json.beginArray();
        const QString text(200, u'x');
        for (int i = 0; i < 5000; ++i)
            json.value(text);
        QVERIFY2(chunks.size() >= 10, "nothing reached the sink before the end");
        json.endArray();
        for (qsizetype size : std::as_const(chunks))
            QVERIFY(size < JsonWriter::kChunk + 1024);
        QCOMPARE(QJsonDocument::fromJson(out).array().size(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
