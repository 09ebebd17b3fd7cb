// SPDX-License-Identifier: Apache-2.0
#include "schema/schemadiff.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <functional>

namespace retort {

namespace {

using Object = SchemaChange::Object;
using Action = SchemaChange::Action;

QString qualified(const QString& schema, const QString& name)
{
    return schema.isEmpty() ? name : schema + u'.' + name;
}

QString orNone(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("none") : text;
}

// "what A -> B", the line every changed attribute gets.
QString changedLine(const QString& what, const QString& from, const QString& to)
{
    return what + u' ' + orNone(from) + QStringLiteral(" -> ") + orNone(to);
}

// A space matters only between two word characters ("not null"); elsewhere ("a > 0" and
// "a>0", "IN (" and "IN(") it is dropped.
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// The end of the quoted run starting at `begin` (a ' or "), doubled quotes included.
qsizetype quotedEnd(const QString& text, qsizetype begin)
{
    const QChar quote = text[begin];
    qsizetype i = begin + 1;
    while (i < text.size()) {
        if (text[i] == quote) {
            if (i + 1 < text.size() && text[i + 1] == quote) {
                i += 2;
                continue;
            }
            return i;
        }
        ++i;
    }
    return text.size() - 1;
}

// Whether the whole of `text` sits inside one pair of parentheses: "(a) + (b)" does not.
bool enclosedInParentheses(const QString& text)
{
    if (text.size() < 2 || text.front() != u'(' || text.back() != u')')
        return false;
    int depth = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\'' || c == u'"') {
            i = quotedEnd(text, i);
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i == text.size() - 1;
        }
    }
    return false;
}

// PostgreSQL gives `x IN ('a', 'b')` on a varchar column back as
// ARRAY['a'::character varying, ...]::text[], and that text, run again, as
// ARRAY['a'::character varying::text, ...]: both mean ARRAY['a'::text, ...]. On a normalised
// expression: casts of a literal array go to its elements, and of two casts in a row on a
// string literal only the last one counts.
QString normalizeLiteralCasts(QString text)
{
    static const QRegularExpression literalArray(QStringLiteral(
        "array\\[((?:'(?:[^']|'')*'(?:::[a-z_ ]+(?:\\([0-9,]*\\))?)*,?)+)\\]::([a-z_ ]+)\\[\\]"));
    static const QRegularExpression element(
        QStringLiteral("'(?:[^']|'')*'(?:::[a-z_ ]+(?:\\([0-9,]*\\))?)*"));
    for (QRegularExpressionMatch match = literalArray.match(text); match.hasMatch();
         match = literalArray.match(text, match.capturedStart())) {
        QStringList elements;
        for (auto it = element.globalMatch(match.captured(1)); it.hasNext();)
            elements.append(it.next().captured() + QStringLiteral("::") + match.captured(2));
        text.replace(match.capturedStart(), match.capturedLength(),
                     QStringLiteral("array[") + elements.join(u',') + u']');
    }
    static const QRegularExpression doubleCast(
        QStringLiteral("('(?:[^']|'')*')::[a-z_ ]+(?:\\([0-9,]*\\))?::"));
    text.replace(doubleCast, QStringLiteral("\\1::"));
    return text;
}

template <typename T> using Pair = std::pair<const T*, const T*>;

// The items of both lists paired by key: those of `from` in their order (with their match in
// `to`, or none), then those only in `to`, in their order.
template <typename T, typename KeyOf>
QVector<Pair<T>> pairUp(const QVector<T>& from, const QVector<T>& to, KeyOf keyOf)
{
    QHash<QString, const T*> inTo;
    for (const T& item : to)
        inTo.insert(keyOf(item), &item);
    QVector<Pair<T>> pairs;
    QSet<QString> seen;
    for (const T& item : from) {
        const QString key = keyOf(item);
        seen.insert(key);
        pairs.append(Pair<T>(&item, inTo.value(key)));
    }
    for (const T& item : to) {
        if (!seen.contains(keyOf(item)))
            pairs.append(Pair<T>(nullptr, &item));
    }
    return pairs;
}

// Appends "what A -> B" to `details` when the normalised forms differ.
void compareText(QStringList& details, const QString& what, const QString& from, const QString& to,
                 const std::function<QString(const QString&)>& normalize = {})
{
    // Normalising is for different spellings: equal texts need none (most of a large schema).
    const bool same = from == to || (normalize && normalize(from) == normalize(to));
    if (!same)
        details.append(changedLine(what, from, to));
}

void compareFlag(QStringList& details, const QString& what, bool from, bool to)
{
    if (from != to)
        details.append(changedLine(what, from ? QStringLiteral("yes") : QStringLiteral("no"),
                                   to ? QStringLiteral("yes") : QStringLiteral("no")));
}

QString columnList(const QStringList& columns)
{
    return u'(' + columns.join(QStringLiteral(", ")) + u')';
}

bool effectiveNullable(const Column& column, const Table& table)
{
    return column.nullable && !table.primaryKey.columns.contains(column.name);
}

QString columnDefinition(const Column& column, const Table& table)
{
    QStringList parts{column.type};
    if (!effectiveNullable(column, table))
        parts.append(QStringLiteral("NOT NULL"));
    if (!column.defaultValue.isEmpty())
        parts.append(QStringLiteral("DEFAULT ") + column.defaultValue);
    if (column.identity != IdentityKind::None)
        parts.append(QStringLiteral("identity ") + identityKindName(column.identity));
    if (column.autoIncrement)
        parts.append(QStringLiteral("AUTOINCREMENT"));
    if (column.generated != GeneratedKind::None)
        parts.append(QStringLiteral("GENERATED (%1) %2")
                         .arg(column.generatedExpression, generatedKindName(column.generated)));
    if (!column.collation.isEmpty())
        parts.append(QStringLiteral("COLLATE ") + column.collation);
    return parts.join(u' ');
}

QString elementText(const IndexElement& element)
{
    QString text = element.column.isEmpty() ? SchemaDiff::normalizeExpression(element.expression)
                                            : element.column;
    if (element.descending)
        text += QStringLiteral(" DESC");
    if (!element.nulls.isEmpty())
        text += QStringLiteral(" NULLS ") + element.nulls;
    return text;
}

QString indexDefinition(const Index& index)
{
    QStringList elements;
    for (const IndexElement& element : index.elements)
        elements.append(elementText(element));
    QString text = (index.unique ? QStringLiteral("UNIQUE ") : QString()) + columnList(elements);
    if (!index.include.isEmpty())
        text += QStringLiteral(" INCLUDE ") + columnList(index.include);
    if (!index.where.isEmpty())
        text += QStringLiteral(" WHERE ") + index.where;
    if (!index.method.isEmpty())
        text += QStringLiteral(" USING ") + index.method;
    return text;
}

QString foreignKeyTarget(const ForeignKey& key)
{
    return qualified(key.referencedSchema, key.referencedTable) + columnList(key.referencedColumns);
}

QString foreignKeyDefinition(const ForeignKey& key)
{
    return columnList(key.columns) + QStringLiteral(" -> ") + foreignKeyTarget(key) +
           QStringLiteral(" ON UPDATE ") + key.onUpdate + QStringLiteral(" ON DELETE ") +
           key.onDelete;
}

class Comparer
{
public:
    explicit Comparer(QVector<SchemaChange>& changes) : m_changes(changes) {}

    void tables(const QVector<Table>& from, const QVector<Table>& to);
    void views(const QVector<View>& from, const QVector<View>& to);
    void enums(const QVector<EnumType>& from, const QVector<EnumType>& to);
    void sequences(const QVector<Sequence>& from, const QVector<Sequence>& to);
    void triggers(const QVector<Trigger>& from, const QVector<Trigger>& to);

private:
    SchemaChange& add(Object object, Action action, const QString& table, const QString& name,
                      QStringList details = {})
    {
        m_changes.append({object, action, table, name, std::move(details), {}});
        return m_changes.last();
    }
    // Added or removed when only one side has it; changed when `details` of both differ.
    template <typename T, typename KeyOf, typename Describe, typename Differences>
    void compareParts(Object object, const QString& table, const QVector<T>& from,
                      const QVector<T>& to, KeyOf keyOf, Describe describe,
                      Differences differences);
    void table(const Table& from, const Table& to);
    void columns(const Table& from, const Table& to, const QString& label);
    void constraints(const Table& from, const Table& to, const QString& label);
    void noteTableRenames(const QVector<Table>& from, const QVector<Table>& to, int firstChange);
    // Whole objects (views, sequences) are named by `table`, as tables are.
    void nameWholeObjects(int firstChange)
    {
        for (int i = firstChange; i < m_changes.size(); ++i)
            std::swap(m_changes[i].table, m_changes[i].name);
    }

    QVector<SchemaChange>& m_changes;
};

template <typename T, typename KeyOf, typename Describe, typename Differences>
void Comparer::compareParts(Object object, const QString& table, const QVector<T>& from,
                            const QVector<T>& to, KeyOf keyOf, Describe describe,
                            Differences differences)
{
    for (const auto& [a, b] : pairUp(from, to, keyOf)) {
        if (!b)
            add(object, Action::Removed, table, keyOf(*a), {describe(*a)});
        else if (!a)
            add(object, Action::Added, table, keyOf(*b), {describe(*b)});
        else if (const QStringList details = differences(*a, *b); !details.isEmpty())
            add(object, Action::Changed, table, keyOf(*a), details);
    }
}

void Comparer::tables(const QVector<Table>& from, const QVector<Table>& to)
{
    const int firstChange = int(m_changes.size());
    const auto key = [](const Table& t) { return qualified(t.schema, t.name); };
    for (const auto& [a, b] : pairUp(from, to, key)) {
        if (!b) {
            add(Object::Table, Action::Removed, key(*a), {});
        } else if (!a) {
            QStringList columns;
            for (const Column& column : b->columns)
                columns.append(column.name + u' ' + columnDefinition(column, *b));
            add(Object::Table, Action::Added, key(*b), {}, columns);
        } else {
            table(*a, *b);
        }
    }
    noteTableRenames(from, to, firstChange);
}

void Comparer::table(const Table& from, const Table& to)
{
    if (from == to)
        return; // identical in every part: nothing to normalise
    const QString label = qualified(to.schema, to.name);
    QStringList details;
    compareFlag(details, QStringLiteral("WITHOUT ROWID"), from.withoutRowid, to.withoutRowid);
    compareText(details, QStringLiteral("comment"), from.comment, to.comment);
    if (!details.isEmpty())
        add(Object::Table, Action::Changed, label, {}, details);
    columns(from, to, label);
    constraints(from, to, label);
}

void Comparer::columns(const Table& from, const Table& to, const QString& label)
{
    const int firstChange = int(m_changes.size());
    compareParts(
        Object::Column, label, from.columns, to.columns, [](const Column& c) { return c.name; },
        [&](const Column& c) { return columnDefinition(c, from.column(c.name) == &c ? from : to); },
        [&](const Column& a, const Column& b) {
            QStringList d;
            compareText(d, QStringLiteral("type"), a.type, b.type, SchemaDiff::normalizeType);
            if (effectiveNullable(a, from) != effectiveNullable(b, to))
                d.append(effectiveNullable(b, to) ? QStringLiteral("NOT NULL -> nullable")
                                                  : QStringLiteral("nullable -> NOT NULL"));
            compareText(d, QStringLiteral("default"), a.defaultValue, b.defaultValue,
                        SchemaDiff::normalizeDefault);
            compareText(d, QStringLiteral("identity"), identityKindName(a.identity),
                        identityKindName(b.identity));
            compareFlag(d, QStringLiteral("AUTOINCREMENT"), a.autoIncrement, b.autoIncrement);
            compareText(d, QStringLiteral("generated"), generatedKindName(a.generated),
                        generatedKindName(b.generated));
            compareText(d, QStringLiteral("generated expression"), a.generatedExpression,
                        b.generatedExpression, SchemaDiff::normalizeExpression);
            compareText(d, QStringLiteral("collation"), a.collation, b.collation,
                        [](const QString& c) { return c.toLower(); });
            compareText(d, QStringLiteral("comment"), a.comment, b.comment);
            return d;
        });

    // A column dropped and another of the same type added may be a rename.
    for (int i = firstChange; i < m_changes.size(); ++i) {
        SchemaChange& added = m_changes[i];
        if (added.object != Object::Column || added.action != Action::Added)
            continue;
        const QString type = SchemaDiff::normalizeType(to.column(added.name)->type);
        QStringList candidates;
        for (int j = firstChange; j < m_changes.size(); ++j) {
            const SchemaChange& removed = m_changes.at(j);
            if (removed.object == Object::Column && removed.action == Action::Removed &&
                SchemaDiff::normalizeType(from.column(removed.name)->type) == type)
                candidates.append(removed.name);
        }
        if (!candidates.isEmpty())
            added.note = QStringLiteral("possibly a rename of %1 (same type); not assumed")
                             .arg(candidates.join(QStringLiteral(" or ")));
    }
}

void Comparer::constraints(const Table& from, const Table& to, const QString& label)
{
    const PrimaryKey& pkA = from.primaryKey;
    const PrimaryKey& pkB = to.primaryKey;
    const auto pkText = [](const PrimaryKey& pk) -> QString {
        return (pk.name.isEmpty() ? QString() : pk.name + u' ') + columnList(pk.columns);
    };
    if (pkA.columns.isEmpty() != pkB.columns.isEmpty()) {
        const bool added = pkA.columns.isEmpty();
        add(Object::PrimaryKey, added ? Action::Added : Action::Removed, label,
            added ? pkB.name : pkA.name, {pkText(added ? pkB : pkA)});
    } else if (pkA != pkB) {
        add(Object::PrimaryKey, Action::Changed, label, pkB.name,
            {changedLine(QStringLiteral("primary key"), pkText(pkA), pkText(pkB))});
    }

    compareParts(
        Object::Unique, label, from.uniqueConstraints, to.uniqueConstraints,
        [](const UniqueConstraint& u) { return SchemaDiff::partKey(u); },
        [](const UniqueConstraint& u) { return columnList(u.columns); },
        [](const UniqueConstraint& a, const UniqueConstraint& b) {
            QStringList d;
            compareText(d, QStringLiteral("columns"), columnList(a.columns), columnList(b.columns));
            compareFlag(d, QStringLiteral("deferrable"), a.deferrable, b.deferrable);
            compareFlag(d, QStringLiteral("initially deferred"), a.initiallyDeferred,
                        b.initiallyDeferred);
            return d;
        });

    compareParts(
        Object::ForeignKey, label, from.foreignKeys, to.foreignKeys,
        [](const ForeignKey& f) { return SchemaDiff::partKey(f); },
        foreignKeyDefinition,
        [](const ForeignKey& a, const ForeignKey& b) {
            QStringList d;
            compareText(d, QStringLiteral("columns"), columnList(a.columns), columnList(b.columns));
            compareText(d, QStringLiteral("target"), foreignKeyTarget(a), foreignKeyTarget(b));
            compareText(d, QStringLiteral("ON UPDATE"), a.onUpdate, b.onUpdate);
            compareText(d, QStringLiteral("ON DELETE"), a.onDelete, b.onDelete);
            compareText(d, QStringLiteral("MATCH"), a.match, b.match);
            compareFlag(d, QStringLiteral("deferrable"), a.deferrable, b.deferrable);
            compareFlag(d, QStringLiteral("initially deferred"), a.initiallyDeferred,
                        b.initiallyDeferred);
            return d;
        });

    compareParts(
        Object::Check, label, from.checks, to.checks,
        [](const CheckConstraint& c) { return SchemaDiff::partKey(c); },
        [](const CheckConstraint& c) { return c.expression; },
        [](const CheckConstraint& a, const CheckConstraint& b) {
            QStringList d;
            compareText(d, QStringLiteral("expression"), a.expression, b.expression,
                        SchemaDiff::normalizeExpression);
            return d;
        });

    compareParts(
        Object::Index, label, from.indexes, to.indexes, [](const Index& i) { return i.name; },
        indexDefinition,
        [](const Index& a, const Index& b) {
            QStringList d;
            compareText(d, QStringLiteral("definition"), indexDefinition(a), indexDefinition(b),
                        SchemaDiff::normalizeExpression);
            return d;
        });
}

// A removed table and an added one with the same columns (names and types) may be a rename.
void Comparer::noteTableRenames(const QVector<Table>& from, const QVector<Table>& to,
                                int firstChange)
{
    const auto signature = [](const Table& table) {
        QStringList columns;
        for (const Column& column : table.columns)
            columns.append(column.name + u' ' + SchemaDiff::normalizeType(column.type));
        columns.sort();
        return columns;
    };
    const auto find = [](const QVector<Table>& tables, const QString& label) {
        for (const Table& table : tables) {
            if (qualified(table.schema, table.name) == label)
                return &table;
        }
        return static_cast<const Table*>(nullptr);
    };
    for (int i = firstChange; i < m_changes.size(); ++i) {
        SchemaChange& added = m_changes[i];
        if (added.object != Object::Table || added.action != Action::Added)
            continue;
        const QStringList columns = signature(*find(to, added.table));
        QStringList candidates;
        for (int j = firstChange; j < m_changes.size(); ++j) {
            const SchemaChange& removed = m_changes.at(j);
            if (removed.object == Object::Table && removed.action == Action::Removed &&
                signature(*find(from, removed.table)) == columns)
                candidates.append(removed.table);
        }
        if (!candidates.isEmpty())
            added.note = QStringLiteral("possibly a rename of %1 (same columns); not assumed")
                             .arg(candidates.join(QStringLiteral(" or ")));
    }
}

void Comparer::views(const QVector<View>& from, const QVector<View>& to)
{
    const int firstChange = int(m_changes.size());
    compareParts(
        Object::View, {}, from, to, [](const View& v) { return qualified(v.schema, v.name); },
        [](const View& v) { return v.definition; },
        [](const View& a, const View& b) {
            QStringList d;
            compareText(d, QStringLiteral("columns"), a.columns.join(QStringLiteral(", ")),
                        b.columns.join(QStringLiteral(", ")));
            compareText(d, QStringLiteral("definition"), a.definition, b.definition,
                        SchemaDiff::normalizeExpression);
            compareFlag(d, QStringLiteral("materialized"), a.materialized, b.materialized);
            return d;
        });
    nameWholeObjects(firstChange);
}

// Whether `to` holds every label of `from`, in the same order, and more.
bool onlyLabelsAdded(const QStringList& from, const QStringList& to)
{
    qsizetype at = 0;
    for (const QString& label : to) {
        if (at < from.size() && from.at(at) == label)
            ++at;
    }
    return at == from.size() && to.size() > from.size();
}

void Comparer::enums(const QVector<EnumType>& from, const QVector<EnumType>& to)
{
    const auto key = [](const EnumType& e) { return qualified(e.schema, e.name); };
    const auto labels = [](const EnumType& e) { return e.labels.join(QStringLiteral(", ")); };
    for (const auto& [a, b] : pairUp(from, to, key)) {
        if (!b) {
            add(Object::Enum, Action::Removed, key(*a), {}, {labels(*a)});
        } else if (!a) {
            add(Object::Enum, Action::Added, key(*b), {}, {labels(*b)});
        } else if (onlyLabelsAdded(a->labels, b->labels)) {
            QStringList added;
            for (const QString& label : b->labels) {
                if (!a->labels.contains(label))
                    added.append(label);
            }
            add(Object::Enum, Action::ValuesAdded, key(*b), {}, added);
        } else if (a->labels != b->labels) {
            add(Object::Enum, Action::Changed, key(*b), {},
                {changedLine(QStringLiteral("values"), labels(*a), labels(*b))});
        }
    }
}

void Comparer::sequences(const QVector<Sequence>& from, const QVector<Sequence>& to)
{
    const auto number = [](qint64 value) { return QString::number(value); };
    const int firstChange = int(m_changes.size());
    compareParts(
        Object::Sequence, {}, from, to,
        [](const Sequence& s) { return qualified(s.schema, s.name); },
        [](const Sequence& s) { return s.type; },
        [&](const Sequence& a, const Sequence& b) {
            QStringList d;
            compareText(d, QStringLiteral("type"), a.type, b.type, SchemaDiff::normalizeType);
            compareText(d, QStringLiteral("start"), number(a.start), number(b.start));
            compareText(d, QStringLiteral("increment"), number(a.increment), number(b.increment));
            compareText(d, QStringLiteral("min"), number(a.minValue), number(b.minValue));
            compareText(d, QStringLiteral("max"), number(a.maxValue), number(b.maxValue));
            compareText(d, QStringLiteral("cache"), number(a.cache), number(b.cache));
            compareFlag(d, QStringLiteral("cycle"), a.cycle, b.cycle);
            compareText(d, QStringLiteral("owned by"), a.ownedBy, b.ownedBy);
            return d;
        });
    nameWholeObjects(firstChange);
}

void Comparer::triggers(const QVector<Trigger>& from, const QVector<Trigger>& to)
{
    const int firstChange = int(m_changes.size());
    compareParts(
        Object::Trigger, {}, from, to, [](const Trigger& t) { return qualified(t.schema, t.name); },
        [](const Trigger& t) { return QStringLiteral("on ") + t.table; },
        [](const Trigger& a, const Trigger& b) {
            QStringList d;
            compareText(d, QStringLiteral("definition"), a.definition, b.definition,
                        SchemaDiff::normalizeExpression);
            return d;
        });
    nameWholeObjects(firstChange);
}

QString objectName(Object object)
{
    switch (object) {
    case Object::Table:
        return QStringLiteral("table");
    case Object::Column:
        return QStringLiteral("column");
    case Object::PrimaryKey:
        return QStringLiteral("primary-key");
    case Object::Unique:
        return QStringLiteral("unique");
    case Object::ForeignKey:
        return QStringLiteral("foreign-key");
    case Object::Check:
        return QStringLiteral("check");
    case Object::Index:
        return QStringLiteral("index");
    case Object::View:
        return QStringLiteral("view");
    case Object::Enum:
        return QStringLiteral("enum");
    case Object::Sequence:
        return QStringLiteral("sequence");
    case Object::Trigger:
        return QStringLiteral("trigger");
    }
    return {};
}

QString actionName(Action action)
{
    switch (action) {
    case Action::Added:
        return QStringLiteral("added");
    case Action::Removed:
        return QStringLiteral("removed");
    case Action::Changed:
        return QStringLiteral("changed");
    case Action::ValuesAdded:
        return QStringLiteral("values-added");
    }
    return {};
}

} // namespace

QString SchemaDiff::partKey(const UniqueConstraint& unique)
{
    return unique.name.isEmpty() ? columnList(unique.columns) : unique.name;
}

QString SchemaDiff::partKey(const ForeignKey& key)
{
    return key.name.isEmpty() ? columnList(key.columns) + QStringLiteral(" -> ") + foreignKeyTarget(key)
                              : key.name;
}

QString SchemaDiff::partKey(const CheckConstraint& check)
{
    return check.name.isEmpty() ? SchemaDiff::normalizeExpression(check.expression) : check.name;
}

QString SchemaChange::kindName() const
{
    return objectName(object) + u'-' + actionName(action);
}

QString SchemaChange::objectName(Object object)
{
    return retort::objectName(object);
}

QString SchemaChange::key(Object object, const QString& table, const QString& name)
{
    const QString path = name.isEmpty() || object == Object::PrimaryKey ? table : table + u'.' + name;
    return retort::objectName(object) + u':' + path;
}

QString SchemaChange::key() const
{
    return key(object, table, name);
}

QString SchemaChange::path() const
{
    return name.isEmpty() ? table : table + u'.' + name;
}

QString SchemaChange::toText() const
{
    QString text = QString(kindName()).replace(u'-', u' ') + QStringLiteral(": ") + path();
    if (!details.isEmpty()) // on one line: view definitions come back on several
        text += QStringLiteral(" (") + details.join(QStringLiteral("; ")).simplified() + u')';
    return text;
}

QJsonObject SchemaChange::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName()}, {QStringLiteral("table"), table}};
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!details.isEmpty())
        o.insert(QStringLiteral("details"), QJsonArray::fromStringList(details));
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

SchemaDiff SchemaDiff::compare(const Schema& from, const Schema& to)
{
    SchemaDiff diff;
    Comparer comparer(diff.m_changes);
    comparer.enums(from.enums, to.enums);
    comparer.sequences(from.sequences, to.sequences);
    comparer.tables(from.tables, to.tables);
    comparer.views(from.views, to.views);
    comparer.triggers(from.triggers, to.triggers);
    diff.dropImpliedSequences(from, to);
    return diff;
}

// A serial column's sequence comes and goes with its table: listing it too says nothing new.
void SchemaDiff::dropImpliedSequences(const Schema& from, const Schema& to)
{
    QSet<QString> tablesAddedOrRemoved;
    for (const SchemaChange& change : std::as_const(m_changes)) {
        if (change.object == Object::Table && change.action != Action::Changed)
            tablesAddedOrRemoved.insert(change.table);
    }
    const auto ownerTable = [](const Sequence& sequence) {
        return qualified(sequence.schema, sequence.ownedBy.section(u'.', 0, 0));
    };
    QSet<QString> implied;
    for (const QVector<Sequence>* sequences : {&from.sequences, &to.sequences}) {
        for (const Sequence& sequence : *sequences) {
            if (!sequence.ownedBy.isEmpty() && tablesAddedOrRemoved.contains(ownerTable(sequence)))
                implied.insert(qualified(sequence.schema, sequence.name));
        }
    }
    m_changes.removeIf([&](const SchemaChange& change) {
        return change.object == Object::Sequence && change.action != Action::Changed &&
               implied.contains(change.table);
    });
}

QString SchemaDiff::toText() const
{
    QString text;
    for (const SchemaChange& change : m_changes) {
        text += change.toText() + u'\n';
        if (!change.note.isEmpty())
            text += QStringLiteral("    note: ") + change.note + u'\n';
    }
    return text;
}

QJsonObject SchemaDiff::toJson() const
{
    QJsonArray changes;
    for (const SchemaChange& change : m_changes)
        changes.append(change.toJson());
    return {{QStringLiteral("equal"), isEmpty()}, {QStringLiteral("changes"), changes}};
}

QString SchemaDiff::normalizeExpression(const QString& expression)
{
    QString out;
    out.reserve(expression.size());
    bool pendingSpace = false;
    const auto flushSpace = [&](QChar next) {
        if (pendingSpace && !out.isEmpty() && isWordChar(out.back()) && isWordChar(next))
            out += u' ';
        pendingSpace = false;
    };
    for (qsizetype i = 0; i < expression.size(); ++i) {
        const QChar c = expression[i];
        if (c.isSpace()) {
            pendingSpace = true;
        } else if (c == u'\'' || c == u'"') {
            flushSpace(c);
            const qsizetype end = quotedEnd(expression, i);
            out += QStringView(expression).mid(i, end - i + 1);
            i = end;
        } else {
            flushSpace(c);
            out += c.toLower();
        }
    }
    return normalizeLiteralCasts(out);
}

QString SchemaDiff::normalizeType(const QString& type)
{
    static const QHash<QString, QString> synonyms = {
        {QStringLiteral("character varying"), QStringLiteral("varchar")},
        {QStringLiteral("char varying"), QStringLiteral("varchar")},
        {QStringLiteral("character"), QStringLiteral("char")},
        {QStringLiteral("int"), QStringLiteral("integer")},
        {QStringLiteral("int4"), QStringLiteral("integer")},
        {QStringLiteral("int8"), QStringLiteral("bigint")},
        {QStringLiteral("int2"), QStringLiteral("smallint")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("float8"), QStringLiteral("double precision")},
        {QStringLiteral("float4"), QStringLiteral("real")},
        {QStringLiteral("decimal"), QStringLiteral("numeric")},
        {QStringLiteral("timestamp without time zone"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamptz"), QStringLiteral("timestamp with time zone")},
        {QStringLiteral("time without time zone"), QStringLiteral("time")},
        {QStringLiteral("timetz"), QStringLiteral("time with time zone")},
    };
    // The words without their "(n, m)" (which may sit in the middle: timestamp(3) with time
    // zone) and the array suffix, mapped to one spelling.
    QString words = type.toLower();
    QString parameters;
    static const QRegularExpression parameterPattern(QStringLiteral("\\([^)]*\\)"));
    if (const QRegularExpressionMatch match = parameterPattern.match(words); match.hasMatch()) {
        parameters = normalizeExpression(match.captured());
        words.remove(match.capturedStart(), match.capturedLength());
    }
    words = words.simplified();
    QString array;
    while (words.endsWith(QLatin1String("[]"))) {
        array += QStringLiteral("[]");
        words.chop(2);
    }
    return synonyms.value(words, words) + parameters + array;
}

QString SchemaDiff::normalizeDefault(const QString& expression)
{
    QString text = normalizeExpression(expression);
    // A literal with a cast to its own column's type: 'x'::character varying, 0::numeric.
    static const QRegularExpression cast(QStringLiteral(
        "^('(?:[^']|'')*'|-?[0-9.]+|true|false)::[a-z][a-z0-9_ ]*(\\([0-9,]*\\))?(\\[\\])?$"));
    for (;;) {
        if (enclosedInParentheses(text)) {
            text = text.mid(1, text.size() - 2);
        } else if (const QRegularExpressionMatch match = cast.match(text); match.hasMatch()) {
            text = match.captured(1);
        } else {
            break;
        }
    }
    if (text == QLatin1String("now()") || text == QLatin1String("transaction_timestamp()"))
        return QStringLiteral("current_timestamp");
    return text;
}

} // namespace retort
