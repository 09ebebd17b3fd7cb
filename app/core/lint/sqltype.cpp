// SPDX-License-Identifier: Apache-2.0
#include "lint/sqltype.h"

#include <QHash>

namespace retort {

namespace {

// The quoted members of "enum('a','b')": strings with '' for a quote.
QStringList quotedValues(const QString& arguments)
{
    QStringList values;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] != u'\'')
            continue;
        QString value;
        for (++i; i < arguments.size(); ++i) {
            if (arguments[i] == u'\'') {
                if (i + 1 < arguments.size() && arguments[i + 1] == u'\'') {
                    value += u'\'';
                    ++i;
                    continue;
                }
                break;
            }
            value += arguments[i];
        }
        values << value;
    }
    return values;
}

struct Known
{
    SqlType::Family family;
    int size;
};

const QHash<QString, Known>& knownTypes()
{
    using T = SqlType;
    static const QHash<QString, Known> known = {
        {QStringLiteral("tinyint"), {T::Integer, 1}},
        {QStringLiteral("smallint"), {T::Integer, 2}},
        {QStringLiteral("int2"), {T::Integer, 2}},
        {QStringLiteral("smallserial"), {T::Integer, 2}},
        {QStringLiteral("mediumint"), {T::Integer, 3}},
        {QStringLiteral("integer"), {T::Integer, 4}},
        {QStringLiteral("int"), {T::Integer, 4}},
        {QStringLiteral("int4"), {T::Integer, 4}},
        {QStringLiteral("serial"), {T::Integer, 4}},
        {QStringLiteral("bigint"), {T::Integer, 8}},
        {QStringLiteral("int8"), {T::Integer, 8}},
        {QStringLiteral("bigserial"), {T::Integer, 8}},
        {QStringLiteral("real"), {T::Float, 4}},
        {QStringLiteral("float4"), {T::Float, 4}},
        {QStringLiteral("double precision"), {T::Float, 8}},
        {QStringLiteral("double"), {T::Float, 8}},
        {QStringLiteral("float8"), {T::Float, 8}},
        {QStringLiteral("text"), {T::Text, -1}},
        {QStringLiteral("tinytext"), {T::Text, 255}},
        {QStringLiteral("mediumtext"), {T::Text, 16777215}},
        {QStringLiteral("longtext"), {T::Text, -1}},
        {QStringLiteral("timestamp"), {T::Timestamp, -1}},
        {QStringLiteral("timestamptz"), {T::Timestamp, -1}},
        {QStringLiteral("timestamp with time zone"), {T::Timestamp, -1}},
        {QStringLiteral("timestamp without time zone"), {T::Timestamp, -1}},
        {QStringLiteral("datetime"), {T::Timestamp, -1}},
        {QStringLiteral("date"), {T::Date, -1}},
    };
    return known;
}

// Spellings of one type, for sameAs().
QString canonicalBase(const QString& base)
{
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("int"), QStringLiteral("integer")},
        {QStringLiteral("int4"), QStringLiteral("integer")},
        {QStringLiteral("int2"), QStringLiteral("smallint")},
        {QStringLiteral("int8"), QStringLiteral("bigint")},
        {QStringLiteral("float4"), QStringLiteral("real")},
        {QStringLiteral("float8"), QStringLiteral("double precision")},
        {QStringLiteral("double"), QStringLiteral("double precision")},
        {QStringLiteral("decimal"), QStringLiteral("numeric")},
        {QStringLiteral("character varying"), QStringLiteral("varchar")},
        {QStringLiteral("character"), QStringLiteral("char")},
        {QStringLiteral("bpchar"), QStringLiteral("char")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("timestamptz"), QStringLiteral("timestamp with time zone")},
        {QStringLiteral("timestamp without time zone"), QStringLiteral("timestamp")},
    };
    return aliases.value(base, base);
}

} // namespace

SqlType SqlType::parse(const QString& type)
{
    SqlType info;
    info.text = type.simplified();
    QString rest = info.text;
    if (rest.endsWith(QLatin1String("[]"))) {
        info.array = true;
        rest.chop(2);
    }
    const qsizetype open = rest.indexOf(u'(');
    const qsizetype close = rest.lastIndexOf(u')');
    QString arguments;
    if (open >= 0) {
        arguments = rest.mid(open + 1, (close > open ? close : rest.size()) - open - 1);
        rest = rest.left(open) + (close > open ? rest.mid(close + 1) : QString());
    }
    rest = rest.simplified();
    for (const QLatin1String flag : {QLatin1String(" unsigned"), QLatin1String(" zerofill"),
                                     QLatin1String(" signed")}) {
        if (rest.endsWith(flag)) {
            info.isUnsigned = info.isUnsigned || flag != QLatin1String(" signed");
            rest.chop(flag.size());
        }
    }
    info.base = rest.trimmed();
    QVector<int> numbers;
    if (!arguments.isEmpty() && !arguments.contains(u'\'')) {
        for (const QString& part : arguments.split(u','))
            numbers.append(part.trimmed().toInt());
    }
    const auto number = [&](int i, int fallback) {
        return i < numbers.size() ? numbers[i] : fallback;
    };
    const QString& base = info.base;
    if (const auto known = knownTypes().constFind(base); known != knownTypes().constEnd()) {
        info.family = known->family;
        info.size = known->size;
        if (base == QLatin1String("tinyint") && number(0, 4) == 1)
            info.base = QStringLiteral("boolean"); // MySQL's BOOL is tinyint(1)
    } else if (base == QLatin1String("float")) {
        info.family = Float;
        info.size = number(0, 53) <= 24 ? 4 : 8;
    } else if (base == QLatin1String("numeric") || base == QLatin1String("decimal")) {
        info.family = Numeric;
        info.size = number(0, -1);
        info.scale = number(1, info.size < 0 ? -1 : 0);
    } else if (base == QLatin1String("varchar") || base == QLatin1String("character varying") ||
               base == QLatin1String("nvarchar")) {
        info.family = Text;
        info.size = number(0, -1);
    } else if (base == QLatin1String("char") || base == QLatin1String("character") ||
               base == QLatin1String("bpchar") || base == QLatin1String("nchar")) {
        info.family = FixedChar;
        info.size = number(0, 1);
    } else if (base == QLatin1String("enum") || base == QLatin1String("set")) {
        info.family = base == QLatin1String("enum") ? Enum : Set;
        info.values = quotedValues(arguments);
    } else if (base == QLatin1String("bool") || base == QLatin1String("boolean")) {
        info.base = QStringLiteral("boolean");
    }
    return info;
}

QString SqlType::canonical() const
{
    QString result = canonicalBase(base);
    if (result == QLatin1String("boolean"))
        return result;
    if (family == Integer || family == Float)
        result += QString::number(size); // MySQL's int(11): 11 is a display width
    else if (family == Numeric)
        result += u'(' + QString::number(size) + u',' + QString::number(scale) + u')';
    else if (family == Text || family == FixedChar)
        result += u'(' + QString::number(size) + u')';
    else if (family == Enum || family == Set)
        result += u'(' + values.join(u'\x1f') + u')';
    else if (text.contains(u'('))
        result = text;
    if (isUnsigned)
        result += QStringLiteral(" unsigned");
    if (array)
        result += QStringLiteral("[]");
    return result;
}

bool SqlType::sameAs(const SqlType& other) const
{
    return text == other.text || canonical() == other.canonical();
}

bool SqlType::narrowsTo(const SqlType& to) const
{
    if (isTextual() && to.isTextual())
        return to.size >= 0 && (size < 0 || to.size < size);
    if (family == to.family && (family == Integer || family == Float))
        return to.size < size || (family == Integer && isUnsigned != to.isUnsigned);
    if ((family == Numeric || family == Float) && to.family == Integer)
        return true;
    if (family == Numeric && to.family == Numeric) {
        if (to.size < 0)
            return false;
        return size < 0 || to.scale < scale || to.size - to.scale < size - scale;
    }
    return family == Timestamp && to.family == Date;
}

bool SqlType::mayFailConvertingTo(const SqlType& to) const
{
    // Text holds anything; a number, date or enum column takes only values of its kind.
    if (!isTextual() || to.isTextual())
        return false;
    return to.family != Other || to.base == QLatin1String("uuid") ||
           to.base == QLatin1String("json") || to.base == QLatin1String("jsonb") ||
           to.base == QLatin1String("boolean");
}

bool SqlType::postgresChangesInPlace(const SqlType& to) const
{
    if (sameAs(to))
        return true;
    if (array != to.array)
        return false;
    if (family == Text && to.family == Text)
        return to.size < 0 || (size >= 0 && to.size >= size);
    if (family == Numeric && to.family == Numeric)
        return to.size < 0 || (size >= 0 && to.size >= size && to.scale == scale);
    // timestamp to timestamptz is in place when the session time zone is UTC (PostgreSQL
    // 12+); lint cannot know the time zone, so it counts as a rewrite.
    return false;
}

bool SqlType::mysqlChangesInPlace(const SqlType& to) const
{
    if (sameAs(to))
        return true;
    if (family == Text && to.family == Text && canonicalBase(base) == QLatin1String("varchar") &&
        canonicalBase(to.base) == QLatin1String("varchar")) {
        const auto prefixBytes = [](int length) { return length * 4 < 256 ? 1 : 2; };
        return size >= 0 && to.size >= size && prefixBytes(size) == prefixBytes(to.size);
    }
    if ((family == Enum || family == Set) && family == to.family)
        return to.values.size() >= values.size() && to.values.mid(0, values.size()) == values;
    return false;
}

} // namespace retort
