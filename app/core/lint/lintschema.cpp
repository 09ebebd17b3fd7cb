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

void dropIndexesOf(LintSchema& schema, const QString& table)
{
    for (auto it = schema.indexes.begin(); it != schema.indexes.end();) {
        if (it->table == table)
            it = schema.indexes.erase(it);
        else
            ++it;
    }
}

void applyAlter(LintSchema& schema, const LintStatement& statement)
{
    QString current = statement.tables.value(0);
    for (const AlterAction& action : statement.actions) {
        LintTable& table = schema.tables[current];
        const QString& name = action.column.name;
        switch (action.kind) {
        case ActionKind::AddColumn:
            table.columns.insert(name, columnOf(action.column));
            break;
        case ActionKind::DropColumn:
            table.columns.remove(name);
            break;
        case ActionKind::AlterType:
            table.columns[name].type = action.type;
            break;
        case ActionKind::ModifyColumn:
            table.columns.remove(action.oldName);
            table.columns.insert(name, columnOf(action.column));
            break;
        case ActionKind::SetNotNull:
        case ActionKind::DropNotNull:
            if (auto column = table.columns.find(name); column != table.columns.end())
                column->notNull = action.kind == ActionKind::SetNotNull;
            break;
        case ActionKind::AddConstraint:
            markKeys(table, action.constraint);
            if (const QString& checked = action.constraint.notNullColumn; !checked.isEmpty()) {
                table.notNullChecks.insert(action.constraint.name, checked);
                if (!action.constraint.notValid && table.columns.contains(checked))
                    table.columns[checked].checkedNotNull = true;
            }
            if (action.constraint.kind == ConstraintDef::Kind::Index ||
                action.constraint.kind == ConstraintDef::Kind::Unique)
                schema.indexes.insert(action.constraint.name,
                                      {current, action.constraint.columns});
            break;
        case ActionKind::ValidateConstraint:
        case ActionKind::DropConstraint: {
            const QString checked = table.notNullChecks.value(action.constraint.name);
            if (!checked.isEmpty() && table.columns.contains(checked))
                table.columns[checked].checkedNotNull =
                    action.kind == ActionKind::ValidateConstraint;
            if (action.kind == ActionKind::DropConstraint)
                table.notNullChecks.remove(action.constraint.name);
            break;
        }
        case ActionKind::DropIndex:
            schema.indexes.remove(action.constraint.name);
            break;
        case ActionKind::RenameColumn:
            if (table.columns.contains(action.oldName))
                table.columns.insert(action.newName, table.columns.take(action.oldName));
            break;
        case ActionKind::RenameTable: {
            const LintTable moved = schema.tables.take(current);
            schema.tables.insert(action.newName, moved);
            for (LintIndex& index : schema.indexes) {
                if (index.table == current)
                    index.table = action.newName;
            }
            current = action.newName;
            break;
        }
        default:
            break;
        }
    }
}

} // namespace

const LintColumn* LintSchema::column(const QString& table, const QString& column) const
{
    const auto found = tables.constFind(table);
    if (found == tables.constEnd())
        return nullptr;
    const auto col = found->columns.constFind(column);
    return col == found->columns.constEnd() ? nullptr : &*col;
}

void LintSchema::unite(const LintSchema& other)
{
    if (tables.isEmpty() && indexes.isEmpty()) {
        *this = other;
        return;
    }
    for (auto it = other.tables.cbegin(); it != other.tables.cend(); ++it) {
        if (!tables.contains(it.key()))
            tables.insert(it.key(), it.value());
    }
    for (auto it = other.indexes.cbegin(); it != other.indexes.cend(); ++it) {
        if (!indexes.contains(it.key()))
            indexes.insert(it.key(), it.value());
    }
}

void LintSchema::apply(const LintStatement& statement)
{
    const QString table = statement.tables.value(0);
    switch (statement.kind) {
    case LintStatement::CreateTable: {
        if (statement.ifNotExists && hasTable(table))
            return;
        LintTable created;
        for (const ColumnDef& column : statement.columns)
            created.columns.insert(column.name, columnOf(column));
        for (const ConstraintDef& constraint : statement.constraints)
            markKeys(created, constraint);
        tables.insert(table, created);
        break;
    }
    case LintStatement::CreateIndex:
        if (!statement.name.isEmpty())
            indexes.insert(statement.name, {table, statement.constraints.value(0).columns});
        break;
    case LintStatement::DropTable:
        for (const QString& name : statement.tables) {
            tables.remove(name);
            dropIndexesOf(*this, name);
        }
        break;
    case LintStatement::DropIndex:
        for (const QString& name : statement.names)
            indexes.remove(name);
        break;
    case LintStatement::RenameTable:
        for (int i = 0; i + 1 < statement.tables.size(); i += 2) {
            if (hasTable(statement.tables[i]))
                tables.insert(statement.tables[i + 1], tables.take(statement.tables[i]));
        }
        break;
    case LintStatement::AlterTable:
        applyAlter(*this, statement);
        break;
    default:
        break;
    }
}

} // namespace retort
