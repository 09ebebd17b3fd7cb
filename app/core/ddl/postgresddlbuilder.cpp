// SPDX-License-Identifier: Apache-2.0
#include "ddl/postgresddlbuilder.h"

#include <algorithm>

namespace retort {

namespace {

using Object = SchemaChange::Object;
using Action = SchemaChange::Action;

bool effectiveNullable(const Column& column, const Table& table)
{
    return column.nullable && !table.primaryKey.columns.contains(column.name);
}

// The normalised type without its "(n, m)": whether a value needs an explicit cast.
QString baseType(const QString& type)
{
    QString text = SchemaDiff::normalizeType(type);
    const qsizetype open = text.indexOf(u'(');
    const qsizetype close = text.indexOf(u')', open);
    if (open >= 0 && close > open)
        text.remove(open, close - open + 1);
    return text;
}

bool usesEnum(const Column& column, const EnumType& type)
{
    QString name = column.type;
    while (name.endsWith(QLatin1String("[]")))
        name.chop(2);
    name.remove(u'"');
    return name == type.name || name == type.schema + u'.' + type.name;
}

QString sequenceOptions(const DdlWriter& writer, const Sequence& s)
{
    return QStringLiteral(" AS %1 INCREMENT BY %2 MINVALUE %3 MAXVALUE %4 START WITH %5 CACHE %6")
               .arg(writer.type(s.type, writer.nameOf(s)))
               .arg(s.increment)
               .arg(s.minValue)
               .arg(s.maxValue)
               .arg(s.start)
               .arg(s.cache) +
           (s.cycle ? QStringLiteral(" CYCLE") : QStringLiteral(" NO CYCLE"));
}

bool sameExceptOwner(Sequence a, const Sequence& b)
{
    a.ownedBy = b.ownedBy;
    return a == b;
}

QString labelList(const QStringList& labels)
{
    QStringList literals;
    for (const QString& label : labels)
        literals.append(DdlWriter::literal(label));
    return u'(' + literals.join(QStringLiteral(", ")) + u')';
}

bool isConstraint(Object object)
{
    return object == Object::PrimaryKey || object == Object::Unique || object == Object::Check;
}

} // namespace

void PostgresDdlBuilder::generate()
{
    collectKeptTables();
    collectRebuiltKeys();
    dropViews(tablesWithRetypedColumns());
    dropForeignKeys();
    dropTables();
    dropConstraintsAndIndexes();
    dropColumns();
    createEnums();
    createSequences();
    createTables();
    addColumns();
    alterColumns();
    addConstraintsAndIndexes();
    addForeignKeys();
    ownSequences();
    dropSequencesAndEnums();
    createViews();
    comments();
}

void PostgresDdlBuilder::collectKeptTables()
{
    const QHash<QString, QVector<const SchemaChange*>> byTable = tableChanges();
    QVector<const Table*> changed;
    for (const Table& table : m_to.tables) {
        if (byTable.contains(qualifiedName(table)))
            changed.append(&table);
    }
    for (const Table* to : SchemaDependencies::creationOrder(changed)) {
        const QString key = qualifiedName(*to);
        m_kept.append({findTable(m_from, key), to, byTable.value(key)});
    }
}

// A primary key or unique constraint cannot be dropped while a foreign key references it.
void PostgresDdlBuilder::collectRebuiltKeys()
{
    QSet<QString> retargeted; // tables whose primary key or unique constraints go or change
    QSet<QString> changedKeys;
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const SchemaChange* change : kept.changes) {
            if ((change->object == Object::PrimaryKey || change->object == Object::Unique) &&
                change->action != Action::Added)
                retargeted.insert(change->table);
            if (change->object == Object::ForeignKey)
                changedKeys.insert(change->table + u'\n' + change->name);
        }
    }
    if (retargeted.isEmpty())
        return;
    for (const Table& to : m_to.tables) {
        const Table* from = findTable(m_from, qualifiedName(to));
        if (!from)
            continue;
        for (const ForeignKey& key : from->foreignKeys) {
            const QString target =
                qualifiedName(key.referencedSchema.isEmpty() ? from->schema : key.referencedSchema,
                              key.referencedTable);
            if (retargeted.contains(target) && byName(to.foreignKeys, key.name) &&
                !changedKeys.contains(qualifiedName(to) + u'\n' + key.name))
                m_rebuiltKeys.append({from, &to, key.name});
        }
    }
}

// Tables a view may no longer compile against while they change: PostgreSQL refuses to
// drop or retype a column a view uses.
QSet<QString> PostgresDdlBuilder::tablesWithRetypedColumns() const
{
    QSet<QString> tables;
    for (const Table* table : tablesOnlyIn(m_from, m_to))
        tables.insert(table->name);
    for (const KeptTable& kept : m_kept) {
        for (const SchemaChange* change : kept.changes) {
            if (change->object != Object::Column || change->action == Action::Added)
                continue;
            const Column* from = kept.from->column(change->name);
            const Column* to = kept.to->column(change->name);
            if (!to ||
                SchemaDiff::normalizeType(from->type) != SchemaDiff::normalizeType(to->type) ||
                from->collation != to->collation || from->generated != to->generated ||
                from->generatedExpression != to->generatedExpression)
                tables.insert(kept.to->name);
        }
    }
    for (const SchemaChange* change : changes(Object::Enum, Action::Changed)) {
        const EnumType* type = findObject(m_from.enums, change->table);
        for (const Table& table : m_from.tables) {
            for (const Column& column : table.columns) {
                if (usesEnum(column, *type))
                    tables.insert(table.name);
            }
        }
    }
    return tables;
}

QString PostgresDdlBuilder::alter(const Table& table) const
{
    return QStringLiteral("ALTER TABLE ") + m_writer.nameOf(table);
}

QString PostgresDdlBuilder::constraintClause(const Table& table, Object object,
                                             const QString& name) const
{
    switch (object) {
    case Object::PrimaryKey:
        return m_writer.primaryKeyClause(table.primaryKey);
    case Object::Unique:
        return m_writer.uniqueClause(*byName(table.uniqueConstraints, name));
    case Object::Check:
        return m_writer.checkClause(*byName(table.checks, name));
    case Object::ForeignKey:
        return m_writer.foreignKeyClause(*byName(table.foreignKeys, name), table);
    default:
        return {};
    }
}

void PostgresDdlBuilder::dropForeignKeys()
{
    const auto drop = [this](const Table& table, const QString& name) {
        add(alter(table) + QStringLiteral(" DROP CONSTRAINT ") + DdlWriter::quote(name));
    };
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const SchemaChange* change : kept.changes) {
            if (change->object == Object::ForeignKey && change->action != Action::Added)
                drop(*kept.from, change->name);
        }
    }
    for (const RebuiltKey& key : std::as_const(m_rebuiltKeys))
        drop(*key.from, key.name);
    QVector<SchemaDependencies::DeferredKey> cycles;
    tablesOnlyIn(m_from, m_to, &cycles);
    for (const SchemaDependencies::DeferredKey& key : std::as_const(cycles))
        drop(*key.table, key.key.name);
}

void PostgresDdlBuilder::dropTables()
{
    const QVector<const Table*> removed = tablesOnlyIn(m_from, m_to);
    for (auto it = removed.rbegin(); it != removed.rend(); ++it)
        add(m_writer.dropTable(**it));
}

void PostgresDdlBuilder::dropConstraintsAndIndexes()
{
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const SchemaChange* change : kept.changes) {
            if (change->action == Action::Added)
                continue;
            if (change->object == Object::Index) {
                add(m_writer.dropIndex(*byName(kept.from->indexes, change->name), *kept.from));
            } else if (isConstraint(change->object)) {
                const QString name = change->object == Object::PrimaryKey
                                         ? kept.from->primaryKey.name
                                         : change->name;
                add(alter(*kept.from) + QStringLiteral(" DROP CONSTRAINT ") +
                    DdlWriter::quote(name));
            }
        }
    }
}

void PostgresDdlBuilder::dropColumns()
{
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const Column& column : kept.from->columns) {
            if (!kept.to->column(column.name))
                add(alter(*kept.from) + QStringLiteral(" DROP COLUMN ") +
                    DdlWriter::quote(column.name));
        }
    }
}

void PostgresDdlBuilder::createEnums()
{
    for (const SchemaChange* change : changes(Object::Enum)) {
        const EnumType* from = findObject(m_from.enums, change->table);
        const EnumType* to = findObject(m_to.enums, change->table);
        if (change->action == Action::Added)
            add(QStringLiteral("CREATE TYPE ") + m_writer.nameOf(*to) +
                QStringLiteral(" AS ENUM ") + labelList(to->labels));
        else if (change->action == Action::ValuesAdded)
            addEnumValues(*from, *to);
        else if (change->action == Action::Changed)
            recreateEnum(*from, *to);
    }
}

// ADD VALUE keeps the order of `to`: new labels before the first old one go BEFORE it, the
// others AFTER their predecessor. (A value added in a transaction can only be used after
// COMMIT.)
void PostgresDdlBuilder::addEnumValues(const EnumType& from, const EnumType& to)
{
    const QString alterType =
        QStringLiteral("ALTER TYPE ") + m_writer.nameOf(to) + QStringLiteral(" ADD VALUE ");
    const auto firstOld =
        std::find_if(to.labels.cbegin(), to.labels.cend(),
                     [&](const QString& label) { return from.labels.contains(label); });
    for (auto it = to.labels.cbegin(); it != to.labels.cend(); ++it) {
        if (from.labels.contains(*it))
            continue;
        QString position;
        if (it < firstOld)
            position = QStringLiteral(" BEFORE ") + DdlWriter::literal(*firstOld);
        else if (it != to.labels.cbegin())
            position = QStringLiteral(" AFTER ") + DdlWriter::literal(*(it - 1));
        add(alterType + DdlWriter::literal(*it) + position);
    }
}

// PostgreSQL cannot remove or reorder enum values: a new type takes the old one's place and
// every column using it is converted through text.
void PostgresDdlBuilder::recreateEnum(const EnumType& from, const EnumType& to)
{
    const QString old = QStringLiteral("_retort_old_") + from.name;
    QStringList lost;
    for (const QString& label : from.labels) {
        if (!to.labels.contains(label))
            lost.append(label);
    }
    QStringList comments;
    if (!lost.isEmpty())
        comments.append(QStringLiteral("retort: destructive: enum %1 loses %2: rows holding them "
                                       "make the conversion fail")
                            .arg(m_writer.nameOf(to), labelList(lost)));
    add(QStringLiteral("ALTER TYPE ") + m_writer.nameOf(from) + QStringLiteral(" RENAME TO ") +
            DdlWriter::quote(old),
        comments);
    add(QStringLiteral("CREATE TYPE ") + m_writer.nameOf(to) + QStringLiteral(" AS ENUM ") +
        labelList(to.labels));
    for (const Table& toTable : m_to.tables) {
        const Table* fromTable = findTable(m_from, qualifiedName(toTable));
        if (!fromTable)
            continue;
        for (const Column& column : fromTable->columns) {
            const Column* target = toTable.column(column.name);
            if (!usesEnum(column, from) || !target || !usesEnum(*target, to))
                continue;
            const QString alterColumn =
                alter(toTable) + QStringLiteral(" ALTER COLUMN ") + DdlWriter::quote(column.name);
            const QString array =
                column.type.endsWith(QLatin1String("[]")) ? QStringLiteral("[]") : QString();
            if (!column.defaultValue.isEmpty())
                add(alterColumn + QStringLiteral(" DROP DEFAULT"));
            const QString type = m_writer.type(
                target->type, m_writer.nameOf(toTable) + u'.' + DdlWriter::quote(column.name));
            add(alterColumn + QStringLiteral(" TYPE ") + type + QStringLiteral(" USING ") +
                DdlWriter::quote(column.name) + QStringLiteral("::text") + array +
                QStringLiteral("::") + type);
            if (!target->defaultValue.isEmpty())
                add(alterColumn + u' ' + QStringLiteral("SET ") +
                    DdlWriter::defaultClause(target->defaultValue));
        }
    }
    add(QStringLiteral("DROP TYPE ") + m_writer.name(from.schema, old));
}

void PostgresDdlBuilder::createSequences()
{
    for (const Sequence& sequence : m_to.sequences) {
        const Sequence* old = findObject(m_from.sequences, qualifiedName(sequence));
        if (!old)
            add(QStringLiteral("CREATE SEQUENCE ") + m_writer.nameOf(sequence) +
                sequenceOptions(m_writer, sequence));
        else if (!sameExceptOwner(*old, sequence))
            add(QStringLiteral("ALTER SEQUENCE ") + m_writer.nameOf(sequence) +
                sequenceOptions(m_writer, sequence));
    }
}

void PostgresDdlBuilder::createTables()
{
    for (const Table* table : tablesOnlyIn(m_to, m_from, &m_deferredKeys)) {
        QStringList leaveOut;
        for (const SchemaDependencies::DeferredKey& key : std::as_const(m_deferredKeys)) {
            if (key.table == table)
                leaveOut.append(key.key.name);
        }
        add(m_writer.createTable(*table, {}, leaveOut));
    }
}

void PostgresDdlBuilder::addColumns()
{
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const Column& column : kept.to->columns) {
            if (!kept.from->column(column.name))
                add(alter(*kept.to) + QStringLiteral(" ADD COLUMN ") +
                    m_writer.columnDefinition(column, *kept.to));
        }
    }
}

void PostgresDdlBuilder::alterColumns()
{
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const SchemaChange* change : kept.changes) {
            if (change->object == Object::Column && change->action == Action::Changed)
                alterColumn(kept, *kept.from->column(change->name), *kept.to->column(change->name));
        }
    }
}

void PostgresDdlBuilder::alterColumn(const KeptTable& table, const Column& from, const Column& to)
{
    const QString column =
        alter(*table.to) + QStringLiteral(" ALTER COLUMN ") + DdlWriter::quote(to.name) + u' ';
    const bool generatedChanged = from.generated != to.generated ||
                                  SchemaDiff::normalizeExpression(from.generatedExpression) !=
                                      SchemaDiff::normalizeExpression(to.generatedExpression);
    if (generatedChanged && to.generated != GeneratedKind::None) {
        // Only DROP EXPRESSION exists: any other change of a generated column remakes it.
        add(alter(*table.to) + QStringLiteral(" DROP COLUMN ") + DdlWriter::quote(to.name));
        add(alter(*table.to) + QStringLiteral(" ADD COLUMN ") +
            m_writer.columnDefinition(to, *table.to));
        return;
    }
    if (generatedChanged)
        add(column + QStringLiteral("DROP EXPRESSION"));
    const bool retyped =
        SchemaDiff::normalizeType(from.type) != SchemaDiff::normalizeType(to.type) ||
        from.collation.compare(to.collation, Qt::CaseInsensitive) != 0;
    const bool defaultChanged = SchemaDiff::normalizeDefault(from.defaultValue) !=
                                SchemaDiff::normalizeDefault(to.defaultValue);
    // A default that needs a cast of its own would stop ALTER TYPE ... USING.
    const bool recast = retyped && baseType(from.type) != baseType(to.type);
    const bool dropDefault = !from.defaultValue.isEmpty() &&
                             (recast || (defaultChanged && to.defaultValue.isEmpty()));
    if (from.identity != IdentityKind::None && to.identity == IdentityKind::None)
        add(column + QStringLiteral("DROP IDENTITY"));
    if (dropDefault)
        add(column + QStringLiteral("DROP DEFAULT"));
    if (retyped) {
        const QString type =
            m_writer.type(to.type, m_writer.nameOf(*table.to) + u'.' + DdlWriter::quote(to.name));
        QString sql = column + QStringLiteral("TYPE ") + type;
        if (!to.collation.isEmpty())
            sql += QStringLiteral(" COLLATE ") + DdlWriter::quote(to.collation);
        if (recast)
            sql += QStringLiteral(" USING ") + DdlWriter::quote(to.name) + QStringLiteral("::") +
                   type;
        add(sql);
    }
    const bool nullable = effectiveNullable(to, *table.to);
    if (effectiveNullable(from, *table.from) != nullable)
        add(column + (nullable ? QStringLiteral("DROP NOT NULL") : QStringLiteral("SET NOT NULL")));
    if (!to.defaultValue.isEmpty() && (defaultChanged || dropDefault))
        add(column + QStringLiteral("SET ") + DdlWriter::defaultClause(to.defaultValue));
    if (to.identity != IdentityKind::None && to.identity != from.identity) {
        const QString kind = to.identity == IdentityKind::Always ? QStringLiteral("ALWAYS")
                                                                 : QStringLiteral("BY DEFAULT");
        const QString change = from.identity == IdentityKind::None
                                   ? QStringLiteral("ADD GENERATED %1 AS IDENTITY").arg(kind)
                                   : QStringLiteral("SET GENERATED ") + kind;
        add(column + change);
    }
}

void PostgresDdlBuilder::addConstraintsAndIndexes()
{
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const SchemaChange* change : kept.changes) {
            if (change->action == Action::Removed)
                continue;
            if (change->object == Object::Index)
                add(m_writer.createIndex(*byName(kept.to->indexes, change->name), *kept.to));
            else if (isConstraint(change->object))
                add(alter(*kept.to) + QStringLiteral(" ADD ") +
                    constraintClause(*kept.to, change->object, change->name));
        }
    }
    for (const Table* table : tablesOnlyIn(m_to, m_from)) {
        for (const Index& index : table->indexes)
            add(m_writer.createIndex(index, *table));
    }
}

void PostgresDdlBuilder::addForeignKeys()
{
    const auto addKey = [this](const Table& table, const QString& name) {
        add(alter(table) + QStringLiteral(" ADD ") +
            constraintClause(table, Object::ForeignKey, name));
    };
    for (const KeptTable& kept : std::as_const(m_kept)) {
        for (const SchemaChange* change : kept.changes) {
            if (change->object == Object::ForeignKey && change->action != Action::Removed)
                addKey(*kept.to, change->name);
        }
    }
    for (const RebuiltKey& key : std::as_const(m_rebuiltKeys))
        addKey(*key.to, key.name);
    for (const SchemaDependencies::DeferredKey& key : std::as_const(m_deferredKeys))
        addKey(*key.table, key.key.name);
}

void PostgresDdlBuilder::ownSequences()
{
    for (const Sequence& sequence : m_to.sequences) {
        const Sequence* old = findObject(m_from.sequences, qualifiedName(sequence));
        const QString oldOwner = old ? old->ownedBy : QString();
        if (sequence.ownedBy == oldOwner)
            continue;
        const QString owner =
            sequence.ownedBy.isEmpty()
                ? QStringLiteral("NONE")
                : m_writer.name(sequence.schema, sequence.ownedBy.section(u'.', 0, 0)) + u'.' +
                      DdlWriter::quote(sequence.ownedBy.section(u'.', 1));
        add(QStringLiteral("ALTER SEQUENCE ") + m_writer.nameOf(sequence) +
            QStringLiteral(" OWNED BY ") + owner);
    }
}

// A sequence owned by a dropped table or column went with it.
void PostgresDdlBuilder::dropSequencesAndEnums()
{
    for (const Sequence& sequence : m_from.sequences) {
        if (findObject(m_to.sequences, qualifiedName(sequence)))
            continue;
        if (!sequence.ownedBy.isEmpty()) {
            const Table* owner = findTable(
                m_to, qualifiedName(sequence.schema, sequence.ownedBy.section(u'.', 0, 0)));
            if (!owner || !owner->column(sequence.ownedBy.section(u'.', 1)))
                continue;
        }
        add(QStringLiteral("DROP SEQUENCE ") + m_writer.nameOf(sequence));
    }
    for (const SchemaChange* change : changes(Object::Enum, Action::Removed))
        add(QStringLiteral("DROP TYPE ") +
            m_writer.nameOf(*findObject(m_from.enums, change->table)));
}

void PostgresDdlBuilder::comment(const QString& what, const QString& text, bool unset)
{
    if (text.isEmpty() && !unset)
        return;
    add(QStringLiteral("COMMENT ON ") + what + QStringLiteral(" IS ") +
        (text.isEmpty() ? QStringLiteral("NULL") : DdlWriter::literal(text)));
}

void PostgresDdlBuilder::comments()
{
    const auto columnComments = [this](const Table& table, const Table* old) {
        for (const Column& column : table.columns) {
            const Column* before = old ? old->column(column.name) : nullptr;
            const QString previous = before ? before->comment : QString();
            if (column.comment != previous)
                comment(QStringLiteral("COLUMN ") + m_writer.nameOf(table) + u'.' +
                            DdlWriter::quote(column.name),
                        column.comment, before != nullptr);
        }
    };
    for (const Table* table : tablesOnlyIn(m_to, m_from)) {
        comment(QStringLiteral("TABLE ") + m_writer.nameOf(*table), table->comment, false);
        columnComments(*table, nullptr);
    }
    for (const KeptTable& kept : std::as_const(m_kept)) {
        if (kept.from->comment != kept.to->comment)
            comment(QStringLiteral("TABLE ") + m_writer.nameOf(*kept.to), kept.to->comment, true);
        columnComments(*kept.to, kept.from);
    }
}

} // namespace retort
