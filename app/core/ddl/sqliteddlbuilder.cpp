// SPDX-License-Identifier: Apache-2.0
#include "ddl/sqliteddlbuilder.h"

#include "ddl/sqlitetablerebuild.h"

#include <algorithm>

namespace retort {

namespace {

bool isKeyColumn(const Column& column, const Table& table)
{
    return table.primaryKey.columns.contains(column.name);
}

// ADD COLUMN takes a constant default only: no CURRENT_TIME/DATE/TIMESTAMP, no expression.
bool isConstantDefault(const QString& expression)
{
    const QString clause = DdlWriter::defaultClause(expression);
    return !clause.startsWith(QLatin1String("DEFAULT (")) &&
           !expression.trimmed().startsWith(QLatin1String("current_"), Qt::CaseInsensitive);
}

// The order ADD COLUMN and DROP COLUMN leave: the columns kept, then the added ones.
bool keepsColumnOrder(const Table& from, const Table& to)
{
    QStringList expected;
    for (const Column& column : from.columns) {
        if (to.column(column.name))
            expected.append(column.name);
    }
    QStringList actual;
    for (const Column& column : to.columns) {
        actual.append(column.name);
        if (!from.column(column.name))
            expected.append(column.name);
    }
    return expected == actual;
}

} // namespace

bool SqliteDdlBuilder::canAddColumn(const Column& column, const Table& table)
{
    if (isKeyColumn(column, table) || column.generated == GeneratedKind::Stored)
        return false;
    if (column.generated == GeneratedKind::Virtual)
        return true;
    const QString& value = column.defaultValue;
    if (!value.isEmpty() && !isConstantDefault(value))
        return false;
    return column.nullable ||
           (!value.isEmpty() && value.compare(QLatin1String("NULL"), Qt::CaseInsensitive) != 0);
}

// DROP COLUMN refuses a column that a key, a constraint, an index or another column uses.
bool SqliteDdlBuilder::canDropColumn(const Column& column, const Table& table)
{
    const auto uses = [&column](const QStringList& columns) {
        return columns.contains(column.name, Qt::CaseInsensitive);
    };
    const auto mentions = [&column](const QString& sql) {
        return SchemaDependencies::mentions(sql, column.name);
    };
    if (isKeyColumn(column, table))
        return false;
    for (const UniqueConstraint& unique : table.uniqueConstraints) {
        if (uses(unique.columns))
            return false;
    }
    for (const ForeignKey& key : table.foreignKeys) {
        if (uses(key.columns))
            return false;
    }
    for (const CheckConstraint& check : table.checks) {
        if (mentions(check.expression))
            return false;
    }
    return std::none_of(table.columns.cbegin(), table.columns.cend(), [&](const Column& other) {
        return other.name != column.name && mentions(other.generatedExpression);
    });
}

bool SqliteDdlBuilder::altersInPlace(const Table& from, const Table& to,
                                     const QVector<const SchemaChange*>& changes) const
{
    for (const SchemaChange* change : changes) {
        if (change->object == Object::Index)
            continue;
        if (change->object != Object::Column)
            return false;
        if (change->action == Action::Added && canAddColumn(*to.column(change->name), to))
            continue;
        if (change->action == Action::Removed && canDropColumn(*from.column(change->name), from))
            continue;
        return false;
    }
    return keepsColumnOrder(from, to);
}

void SqliteDdlBuilder::generate()
{
    struct Work
    {
        const Table* from;
        const Table* to;
        bool rebuild;
    };
    const QHash<QString, QVector<const SchemaChange*>> byTable = tableChanges();
    const QVector<const Table*> removed = tablesOnlyIn(m_from, m_to);
    const QVector<const Table*> added = tablesOnlyIn(m_to, m_from);
    QSet<QString> altered; // tables whose views and triggers go away while they change
    for (const Table* table : removed)
        altered.insert(table->name);

    QVector<const Table*> changed;
    for (const Table& table : m_to.tables) {
        if (byTable.contains(qualifiedName(table)))
            changed.append(&table);
    }
    QVector<Work> work;
    for (const Table* to : SchemaDependencies::creationOrder(changed)) {
        const QString key = qualifiedName(*to);
        const Table* from = findTable(m_from, key);
        const QVector<const SchemaChange*>& tableChanges = byTable[key];
        const bool rebuild = !altersInPlace(*from, *to, tableChanges);
        const bool dropsColumns =
            std::any_of(tableChanges.cbegin(), tableChanges.cend(), [](const SchemaChange* c) {
                return c->object == Object::Column && c->action == Action::Removed;
            });
        if (rebuild || dropsColumns)
            altered.insert(to->name);
        work.append({from, to, rebuild});
    }

    dropTriggers(altered);
    dropViews(altered);
    for (auto it = removed.rbegin(); it != removed.rend(); ++it)
        add(m_writer.dropTable(**it));
    for (const Table* table : added) {
        add(m_writer.createTable(*table));
        createIndexes(*table);
    }
    if (std::any_of(work.cbegin(), work.cend(), [](const Work& w) { return w.rebuild; })) {
        // PRAGMA foreign_keys cannot change inside the migration's transaction (the runner
        // turns it off around the run); deferring the checks to COMMIT lets a rebuilt table be
        // dropped and renamed while other tables' rows point at it, where foreign keys are on.
        addQuiet(QStringLiteral("PRAGMA defer_foreign_keys = ON"),
                 {QStringLiteral("retort: foreign keys are checked at COMMIT, after the table "
                                 "rebuilds below")});
    }
    for (const Work& w : std::as_const(work)) {
        if (w.rebuild)
            rebuild(*w.from, *w.to);
        else
            alterInPlace(*w.from, *w.to, byTable[qualifiedName(*w.to)]);
    }
    createTriggers();
    createViews();
}

void SqliteDdlBuilder::rebuild(const Table& from, const Table& to)
{
    for (const DdlStatement& statement : SqliteTableRebuild(m_writer, from, to).statements())
        addQuiet(statement.sql, statement.comments);
    createIndexes(to);
}

void SqliteDdlBuilder::alterInPlace(const Table& from, const Table& to,
                                    const QVector<const SchemaChange*>& changes)
{
    const QString alter = QStringLiteral("ALTER TABLE ") + m_writer.nameOf(to);
    for (const SchemaChange* change : changes) {
        if (change->object == Object::Index && change->action != Action::Added)
            add(m_writer.dropIndex(*byName(from.indexes, change->name), from));
    }
    for (const SchemaChange* change : changes) {
        if (change->object == Object::Column && change->action == Action::Removed)
            add(alter + QStringLiteral(" DROP COLUMN ") + DdlWriter::quote(change->name));
    }
    for (const Column& column : to.columns) {
        if (!from.column(column.name))
            add(alter + QStringLiteral(" ADD COLUMN ") + m_writer.columnDefinition(column, to));
    }
    for (const SchemaChange* change : changes) {
        if (change->object == Object::Index && change->action != Action::Removed)
            add(m_writer.createIndex(*byName(to.indexes, change->name), to));
    }
}

void SqliteDdlBuilder::createIndexes(const Table& table)
{
    for (const Index& index : table.indexes)
        add(m_writer.createIndex(index, table));
}

void SqliteDdlBuilder::dropTriggers(const QSet<QString>& alteredTables)
{
    for (const SchemaChange* change : changes(Object::Trigger)) {
        if (change->action != Action::Added)
            m_droppedTriggers.insert(change->table);
    }
    for (const Trigger& trigger : m_from.triggers) {
        const bool affected =
            alteredTables.contains(trigger.table) ||
            std::any_of(alteredTables.cbegin(), alteredTables.cend(), [&](const QString& table) {
                return SchemaDependencies::mentions(trigger.definition, table);
            });
        if (affected)
            m_droppedTriggers.insert(qualifiedName(trigger));
    }
    for (const Trigger& trigger : m_from.triggers) {
        if (m_droppedTriggers.contains(qualifiedName(trigger)))
            add(QStringLiteral("DROP TRIGGER ") + m_writer.nameOf(trigger));
    }
}

void SqliteDdlBuilder::createTriggers()
{
    for (const Trigger& trigger : m_to.triggers) {
        const QString key = qualifiedName(trigger);
        if (m_droppedTriggers.contains(key) || !findObject(m_from.triggers, key))
            add(trigger.definition);
    }
}

} // namespace retort
