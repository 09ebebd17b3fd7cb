// SPDX-License-Identifier: Apache-2.0
#include "schema/postgresintrospector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QVariant>

namespace retort {

namespace {

const QLatin1String notFromExtension(
    "NOT EXISTS (SELECT 1 FROM pg_depend AS x WHERE x.objid = %1 AND x.deptype = 'e')");

QString tableKey(const QString& schemaName, const QString& name)
{
    return schemaName + QChar(0) + name;
}

QJsonArray jsonArray(const QVariant& value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

QStringList jsonStrings(const QVariant& value)
{
    QStringList result;
    for (const QJsonValue& item : jsonArray(value))
        result.append(item.toString());
    return result;
}

// pg_constraint.confupdtype / confdeltype.
QString referentialAction(const QString& code)
{
    switch (code.isEmpty() ? u'a' : code.at(0).unicode()) {
    case u'r':
        return QStringLiteral("RESTRICT");
    case u'c':
        return QStringLiteral("CASCADE");
    case u'n':
        return QStringLiteral("SET NULL");
    case u'd':
        return QStringLiteral("SET DEFAULT");
    default:
        return QStringLiteral("NO ACTION");
    }
}

QString matchType(const QString& code)
{
    if (code == QLatin1String("f"))
        return QStringLiteral("FULL");
    if (code == QLatin1String("p"))
        return QStringLiteral("PARTIAL");
    return QStringLiteral("SIMPLE");
}

// "CHECK (expr) [NO INHERIT] [NOT VALID]" -> "expr".
QString checkExpression(QString definition)
{
    for (const QLatin1String suffix : {QLatin1String(" NOT VALID"), QLatin1String(" NO INHERIT")}) {
        if (definition.endsWith(suffix))
            definition.chop(suffix.size());
    }
    const QLatin1String prefix("CHECK (");
    if (definition.startsWith(prefix) && definition.endsWith(u')'))
        return definition.mid(prefix.size(), definition.size() - prefix.size() - 1);
    return definition;
}

IdentityKind identityKind(const QString& code)
{
    if (code == QLatin1String("a"))
        return IdentityKind::Always;
    if (code == QLatin1String("d"))
        return IdentityKind::ByDefault;
    return IdentityKind::None;
}

// The ordering of one index key from its pg_index.indoption bits.
IndexElement indexElement(int option)
{
    IndexElement element;
    element.descending = option & 1;      // INDOPTION_DESC
    const bool nullsFirst = option & 2;   // INDOPTION_NULLS_FIRST
    if (nullsFirst != element.descending) // the default is NULLS FIRST only for DESC
        element.nulls = nullsFirst ? QStringLiteral("FIRST") : QStringLiteral("LAST");
    return element;
}

// The numbers of an int2[] ("{1,2}") or int2vector ("1 2") in text form.
QStringList attributeNumbers(const QString& text)
{
    QString list = text;
    list.remove(u'{').remove(u'}').replace(u',', u' ');
    return list.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

PostgresIntrospector::PostgresIntrospector(QSqlDatabase& db, IntrospectionOptions options)
    : m_queries(db), m_options(std::move(options))
{
}

Schema PostgresIntrospector::read()
{
    m_tableIndex.clear();
    m_columnNames.clear();
    Schema schema;
    m_schema = &schema;
    readTables(schema);
    readConstraints();
    readIndexes();
    readViews(schema);
    readEnums(schema);
    readSequences(schema);
    readComments();
    schema.normalize();
    m_schema = nullptr;
    return schema;
}

QString PostgresIntrospector::namespaceFilter() const
{
    if (m_options.schemas.isEmpty()) {
        return QStringLiteral("n.nspname NOT IN ('pg_catalog', 'information_schema') "
                              "AND n.nspname NOT LIKE 'pg\\_%'");
    }
    // The names travel as one JSON array, dollar-quoted with a tag the text does not hold:
    // never spliced into the SQL as names, and one round trip per query (a bound value costs
    // QPSQL three: PREPARE, EXECUTE, DEALLOCATE).
    const QString names = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(m_options.schemas)).toJson(QJsonDocument::Compact));
    QString tag = QStringLiteral("$retort$");
    for (int n = 0; names.contains(tag); ++n)
        tag = QStringLiteral("$retort%1$").arg(n);
    return QStringLiteral("n.nspname IN (SELECT json_array_elements_text(CAST(%1%2%1 AS json)))")
        .arg(tag, names);
}

QSqlQuery PostgresIntrospector::run(const QString& what, const QString& sql)
{
    return m_queries.run(what, sql.arg(namespaceFilter()));
}

Table* PostgresIntrospector::table(const QString& key)
{
    const int index = m_tableIndex.value(key, -1);
    return index < 0 ? nullptr : &m_schema->tables[index];
}

void PostgresIntrospector::readTables(Schema& schema)
{
    // No ORDER BY: sorting here costs more than the rest of the query; rows are grouped and
    // columns put in attnum order below.
    QSqlQuery query =
        run(QStringLiteral("tables and columns"),
            QStringLiteral(
                "SELECT n.nspname, c.relname, a.attnum, a.attname, "
                "format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                "pg_get_expr(d.adbin, d.adrelid, true), a.attidentity::text, a.attgenerated::text, "
                "CASE WHEN a.attcollation <> t.typcollation THEN co.collname END "
                "FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                "LEFT JOIN pg_attribute AS a "
                "  ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                "LEFT JOIN pg_type AS t ON t.oid = a.atttypid "
                "LEFT JOIN pg_attrdef AS d ON d.adrelid = c.oid AND d.adnum = a.attnum "
                "LEFT JOIN pg_collation AS co ON co.oid = a.attcollation "
                "WHERE c.relkind IN ('r', 'p') AND %1 AND ") +
                QString(notFromExtension).arg(QLatin1String("c.oid")));
    QHash<int, QMap<int, Column>> columns; // table index -> attnum -> column
    while (query.next()) {
        const QString schemaName = query.value(0).toString();
        const QString name = query.value(1).toString();
        const QString key = tableKey(schemaName, name);
        if (!query.value(2).isNull()) // excluded tables too: foreign keys may point at them
            m_columnNames[key].insert(query.value(2).toInt(), query.value(3).toString());
        if (m_options.excludedTables.contains(name))
            continue;
        int index = m_tableIndex.value(key, -1);
        if (index < 0) {
            index = int(schema.tables.size());
            m_tableIndex.insert(key, index);
            Table table;
            table.schema = schemaName;
            table.name = name;
            schema.tables.append(table);
        }
        if (query.value(2).isNull())
            continue; // a table without columns
        Column column;
        column.name = query.value(3).toString();
        column.type = query.value(4).toString();
        column.nullable = !query.value(5).toBool();
        column.identity = identityKind(query.value(7).toString());
        const QString expression = query.value(6).toString();
        if (query.value(8).toString() == QLatin1String("s")) {
            column.generated = GeneratedKind::Stored;
            column.generatedExpression = expression;
        } else {
            column.defaultValue = expression;
        }
        column.collation = query.value(9).toString();
        columns[index].insert(query.value(2).toInt(), column);
    }
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        schema.tables[it.key()].columns = it.value().values().toVector();
}

QStringList PostgresIntrospector::columnNames(const QString& key, const QString& numbers) const
{
    const QHash<int, QString> names = m_columnNames.value(key);
    QStringList result;
    for (const QString& number : attributeNumbers(numbers))
        result.append(names.value(number.toInt()));
    return result;
}

void PostgresIntrospector::readConstraints()
{
    // Column numbers are mapped to names here, from the first query. Only a foreign key into
    // another schema (which may not have been read) asks the server for the names.
    QSqlQuery query =
        run(QStringLiteral("constraints"),
            QStringLiteral(
                "SELECT n.nspname, c.relname, con.conname, con.contype::text, con.conkey::text, "
                "fn.nspname, fc.relname, con.confkey::text, "
                "CASE WHEN fc.relnamespace <> c.relnamespace THEN ("
                "  SELECT json_agg(a.attname ORDER BY k.ord) "
                "  FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord) "
                "  JOIN pg_attribute AS a ON a.attrelid = con.confrelid AND a.attnum = k.num) END, "
                "con.confupdtype::text, con.confdeltype::text, con.confmatchtype::text, "
                "con.condeferrable, con.condeferred, "
                "CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END "
                "FROM pg_constraint AS con JOIN pg_class AS c ON c.oid = con.conrelid "
                "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                "LEFT JOIN pg_class AS fc ON fc.oid = con.confrelid "
                "LEFT JOIN pg_namespace AS fn ON fn.oid = fc.relnamespace "
                "WHERE con.contype IN ('p', 'u', 'f', 'c') AND %1"));
    while (query.next()) {
        const QString key = tableKey(query.value(0).toString(), query.value(1).toString());
        Table* t = table(key);
        if (!t)
            continue;
        const QString name = query.value(2).toString();
        const QString type = query.value(3).toString();
        const QStringList columns = columnNames(key, query.value(4).toString());
        const bool deferrable = query.value(12).toBool();
        const bool initiallyDeferred = query.value(13).toBool();
        if (type == QLatin1String("p")) {
            t->primaryKey = {name, columns};
        } else if (type == QLatin1String("u")) {
            t->uniqueConstraints.append({name, columns, deferrable, initiallyDeferred});
        } else if (type == QLatin1String("c")) {
            t->checks.append({name, checkExpression(query.value(14).toString())});
        } else {
            ForeignKey fk;
            fk.name = name;
            fk.columns = columns;
            const QString targetSchema = query.value(5).toString();
            fk.referencedSchema = targetSchema == t->schema ? QString() : targetSchema;
            fk.referencedTable = query.value(6).toString();
            fk.referencedColumns = query.value(8).isNull()
                                       ? columnNames(tableKey(targetSchema, fk.referencedTable),
                                                     query.value(7).toString())
                                       : jsonStrings(query.value(8));
            fk.onUpdate = referentialAction(query.value(9).toString());
            fk.onDelete = referentialAction(query.value(10).toString());
            fk.match = matchType(query.value(11).toString());
            fk.deferrable = deferrable;
            fk.initiallyDeferred = initiallyDeferred;
            t->foreignKeys.append(fk);
        }
    }
}

void PostgresIntrospector::readIndexes()
{
    // Indexes that back a primary key, unique or exclusion constraint are the constraint's.
    // pg_get_indexdef() runs only for indexes with expressions (indkey 0).
    QSqlQuery query = run(
        QStringLiteral("indexes"),
        QStringLiteral("SELECT n.nspname, c.relname, ic.relname, i.indisunique, am.amname, "
                       "pg_get_expr(i.indpred, i.indrelid, true), i.indnkeyatts, i.indkey::text, "
                       "i.indoption::text, CASE WHEN 0 = ANY (i.indkey) THEN ("
                       "  SELECT json_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k)"
                       "  FROM generate_series(1, i.indnatts) AS k) END "
                       "FROM pg_index AS i JOIN pg_class AS ic ON ic.oid = i.indexrelid "
                       "JOIN pg_class AS c ON c.oid = i.indrelid "
                       "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                       "JOIN pg_am AS am ON am.oid = ic.relam "
                       "WHERE c.relkind IN ('r', 'p') AND %1 AND NOT EXISTS ("
                       "  SELECT 1 FROM pg_constraint AS con WHERE con.conindid = i.indexrelid"
                       "  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))"));
    while (query.next()) {
        const QString key = tableKey(query.value(0).toString(), query.value(1).toString());
        Table* t = table(key);
        if (!t)
            continue;
        Index index;
        index.name = query.value(2).toString();
        index.unique = query.value(3).toBool();
        index.method = query.value(4).toString();
        index.where = query.value(5).toString();
        const int keyCount = query.value(6).toInt();
        const QStringList numbers = attributeNumbers(query.value(7).toString());
        const QStringList options = attributeNumbers(query.value(8).toString());
        const QStringList expressions = jsonStrings(query.value(9));
        const QHash<int, QString> names = m_columnNames.value(key);
        for (int k = 0; k < numbers.size(); ++k) {
            const int number = numbers[k].toInt();
            if (k >= keyCount) {
                index.include.append(names.value(number));
                continue;
            }
            IndexElement element = indexElement(options.value(k).toInt());
            if (number == 0)
                element.expression = expressions.value(k);
            else
                element.column = names.value(number);
            index.elements.append(element);
        }
        t->indexes.append(index);
    }
}

void PostgresIntrospector::readViews(Schema& schema)
{
    QSqlQuery query =
        run(QStringLiteral("views"),
            QStringLiteral("SELECT n.nspname, c.relname, pg_get_viewdef(c.oid, true), "
                           "c.relkind = 'm' FROM pg_class AS c "
                           "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                           "WHERE c.relkind IN ('v', 'm') AND %1 AND ") +
                QString(notFromExtension).arg(QLatin1String("c.oid")));
    while (query.next()) {
        QString definition = query.value(2).toString().trimmed();
        if (definition.endsWith(u';'))
            definition.chop(1);
        schema.views.append({query.value(0).toString(),
                             query.value(1).toString(),
                             {},
                             definition,
                             query.value(3).toBool()});
    }
}

void PostgresIntrospector::readEnums(Schema& schema)
{
    QSqlQuery query =
        run(QStringLiteral("enums"),
            QStringLiteral("SELECT n.nspname, t.typname, (SELECT json_agg(e.enumlabel "
                           "ORDER BY e.enumsortorder) FROM pg_enum AS e WHERE e.enumtypid = t.oid) "
                           "FROM pg_type AS t JOIN pg_namespace AS n ON n.oid = t.typnamespace "
                           "WHERE t.typtype = 'e' AND %1 AND ") +
                QString(notFromExtension).arg(QLatin1String("t.oid")));
    while (query.next()) {
        schema.enums.append(
            {query.value(0).toString(), query.value(1).toString(), jsonStrings(query.value(2))});
    }
}

void PostgresIntrospector::readSequences(Schema& schema)
{
    // An identity column's sequence (dependency 'i') is part of the column; a serial's
    // (dependency 'a', OWNED BY) is listed with its owner.
    QSqlQuery query = run(
        QStringLiteral("sequences"),
        QStringLiteral("SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, "
                       "s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, oc.relname, "
                       "oa.attname FROM pg_sequence AS s JOIN pg_class AS c ON c.oid = s.seqrelid "
                       "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                       "LEFT JOIN pg_depend AS d ON d.classid = 'pg_class'::regclass "
                       "  AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass "
                       "  AND d.deptype IN ('a', 'i') "
                       "LEFT JOIN pg_class AS oc ON oc.oid = d.refobjid "
                       "LEFT JOIN pg_attribute AS oa "
                       "  ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid "
                       "WHERE %1 AND (d.deptype IS NULL OR d.deptype = 'a') AND ") +
            QString(notFromExtension).arg(QLatin1String("c.oid")));
    while (query.next()) {
        Sequence s;
        s.schema = query.value(0).toString();
        s.name = query.value(1).toString();
        s.type = query.value(2).toString();
        s.start = query.value(3).toLongLong();
        s.increment = query.value(4).toLongLong();
        s.minValue = query.value(5).toLongLong();
        s.maxValue = query.value(6).toLongLong();
        s.cache = query.value(7).toLongLong();
        s.cycle = query.value(8).toBool();
        if (!query.value(9).isNull())
            s.ownedBy = query.value(9).toString() + u'.' + query.value(10).toString();
        schema.sequences.append(s);
    }
}

void PostgresIntrospector::readComments()
{
    QSqlQuery query =
        run(QStringLiteral("comments"),
            QStringLiteral("SELECT n.nspname, c.relname, a.attname, d.description "
                           "FROM pg_description AS d "
                           "JOIN pg_class AS c ON c.oid = d.objoid "
                           "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                           "LEFT JOIN pg_attribute AS a "
                           "  ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0 "
                           "WHERE d.classoid = 'pg_class'::regclass AND c.relkind IN ('r', 'p') "
                           "AND %1"));
    while (query.next()) {
        Table* t = table(tableKey(query.value(0).toString(), query.value(1).toString()));
        if (!t)
            continue;
        if (query.value(2).isNull()) {
            t->comment = query.value(3).toString();
        } else if (Column* column = t->column(query.value(2).toString())) {
            column->comment = query.value(3).toString();
        }
    }
}

} // namespace retort
