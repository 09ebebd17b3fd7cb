// SPDX-License-Identifier: Apache-2.0
#include "lint/lintschema.h"

#include "lint/statementmodel.h"

namespace retort {

namespace {

LintColumn columnOf(const ColumnDef& definition)
{
    return {definition.type, definition.notNull, definition.primaryKey || definition.unique};
}

void markKeys(LintTable& table, const ConstraintDef& constraint)
{
    if (constraint.kind != ConstraintDef::Kind::PrimaryKey &&
        constraint.kind != ConstraintDef::Kind::Unique)
        return;
    for (const QString& name : constraint.columns) {
        auto column = table.columns.find(name);
        if (column == table.columns.end())
            continue;
        column->key = true;
        if (constraint.kind == ConstraintDef::Kind::PrimaryKey)
            column->notNull = true;
    }
}

} // namespace

const LintColumn* LintSchema::column(const QString& table, const QString& column) const
{
    const LintTable* found = m_tables.find(table);
    if (!found)
        return nullptr;
    const auto col = found->columns.constFind(column);
    return col == found->columns.constEnd() ? nullptr : &*col;
}

QString LintSchema::tableOfIndex(const QString& index) const
{
    const QString* table = m_indexTables.find(index);
    return table ? *table : QString();
}

void LintSchema::unite(const LintSchema& other)
{
    m_tables.unite(other.m_tables);
    m_indexTables.unite(other.m_indexTables);
    m_tables.compactIfLarge();
    m_indexTables.compactIfLarge();
}

void LintSchema::dropTable(const QString& name)
{
    if (const LintTable* table = m_tables.find(name)) {
        for (auto it = table->indexes.cbegin(); it != table->indexes.cend(); ++it)
            m_indexTables.remove(it.key());
    }
    m_tables.remove(name);
}

void LintSchema::renameTable(const QString& from, const QString& to)
{
    const LintTable* table = m_tables.find(from);
    if (!table)
        return;
    const LintTable moved = *table;
    for (auto it = moved.indexes.cbegin(); it != moved.indexes.cend(); ++it)
        m_indexTables.insert(it.key(), to);
    m_tables.remove(from);
    m_tables.insert(to, moved);
}

void LintSchema::applyAlter(const LintStatement& statement)
{
    QString current = statement.tables.value(0);
    for (const AlterAction& action : statement.actions) {
        if (action.kind == ActionKind::RenameTable) {
            renameTable(current, action.newName);
            current = action.newName;
            continue;
        }
        const QString& name = action.column.name;
        const ConstraintDef& constraint = action.constraint;
        switch (action.kind) {
        case ActionKind::AddColumn:
            editTable(current).columns.insert(name, columnOf(action.column));
            break;
        case ActionKind::DropColumn:
            editTable(current).columns.remove(name);
            break;
        case ActionKind::AlterType:
            editTable(current).columns[name].type = action.type;
            break;
        case ActionKind::ModifyColumn: {
            LintTable& table = editTable(current);
            table.columns.remove(action.oldName);
            table.columns.insert(name, columnOf(action.column));
            break;
        }
        case ActionKind::SetNotNull:
        case ActionKind::DropNotNull: {
            LintTable& table = editTable(current);
            if (auto column = table.columns.find(name); column != table.columns.end())
                column->notNull = action.kind == ActionKind::SetNotNull;
            break;
        }
        case ActionKind::AddConstraint: {
            LintTable& table = editTable(current);
            markKeys(table, constraint);
            if (const QString& checked = constraint.notNullColumn; !checked.isEmpty()) {
                table.notNullChecks.insert(constraint.name, checked);
                if (!constraint.notValid && table.columns.contains(checked))
                    table.columns[checked].checkedNotNull = true;
            }
            if (constraint.kind == ConstraintDef::Kind::Index ||
                constraint.kind == ConstraintDef::Kind::Unique) {
                table.indexes.insert(constraint.name, constraint.columns);
                m_indexTables.insert(constraint.name, current);
            }
            break;
        }
        case ActionKind::ValidateConstraint:
        case ActionKind::DropConstraint: {
            LintTable& table = editTable(current);
            const QString checked = table.notNullChecks.value(constraint.name);
            if (!checked.isEmpty() && table.columns.contains(checked))
                table.columns[checked].checkedNotNull =
                    action.kind == ActionKind::ValidateConstraint;
            if (action.kind == ActionKind::DropConstraint)
                table.notNullChecks.remove(constraint.name);
            break;
        }
        case ActionKind::DropIndex:
            editTable(current).indexes.remove(constraint.name);
            m_indexTables.remove(constraint.name);
            break;
        case ActionKind::RenameColumn: {
            LintTable& table = editTable(current);
            if (table.columns.contains(action.oldName))
                table.columns.insert(action.newName, table.columns.take(action.oldName));
            break;
        }
        default:
            break;
        }
    }
}

void LintSchema::apply(const LintStatement& statement)
{
    applyStatement(statement);
    m_tables.compactIfLarge();
    m_indexTables.compactIfLarge();
}

void LintSchema::applyStatement(const LintStatement& statement)
{
    const QString table = statement.tables.value(0);
    switch (statement.kind) {
    case LintStatement::CreateTable: {
        if (statement.ifNotExists && hasTable(table))
            return;
        dropTable(table);
        LintTable created;
        for (const ColumnDef& column : statement.columns)
            created.columns.insert(column.name, columnOf(column));
        for (const ConstraintDef& constraint : statement.constraints)
            markKeys(created, constraint);
        m_tables.insert(table, created);
        break;
    }
    case LintStatement::CreateIndex:
        if (!statement.name.isEmpty()) {
            editTable(table).indexes.insert(statement.name, statement.constraints.value(0).columns);
            m_indexTables.insert(statement.name, table);
        }
        break;
    case LintStatement::DropTable:
        for (const QString& name : statement.tables)
            dropTable(name);
        break;
    case LintStatement::DropIndex:
        for (const QString& name : statement.names) {
            const QString owner = tableOfIndex(name);
            if (!owner.isEmpty() && hasTable(owner))
                editTable(owner).indexes.remove(name);
            m_indexTables.remove(name);
        }
        break;
    case LintStatement::RenameTable:
        for (int i = 0; i + 1 < statement.tables.size(); i += 2)
            renameTable(statement.tables[i], statement.tables[i + 1]);
        break;
    case LintStatement::AlterTable:
        applyAlter(statement);
        break;
    default:
        break;
    }
}

} // namespace retort
