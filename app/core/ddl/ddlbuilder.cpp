// SPDX-License-Identifier: Apache-2.0
#include "ddl/ddlbuilder.h"

#include "common/error.h"
#include "common/singleline.h"
#include "ddl/schemadependencies.h"
#include "scripts/statementsplitter.h"

#include <QHash>

namespace retort {

DdlBuilder::DdlBuilder(const DdlWriter& writer, const Schema& from, const Schema& to)
    : m_writer(writer), m_from(from), m_to(to), m_diff(SchemaDiff::compare(from, to)),
      m_warnings(writer.dialect(), from)
{
}

QVector<DdlStatement> DdlBuilder::build()
{
    m_statements.clear();
    m_droppedViews.clear();
    if (!m_diff.isEmpty())
        generate();
    return m_statements;
}

QVector<const SchemaChange*> DdlBuilder::changes(Object object) const
{
    QVector<const SchemaChange*> found;
    for (const SchemaChange& change : m_diff.changes()) {
        if (change.object == object)
            found.append(&change);
    }
    return found;
}

QVector<const SchemaChange*> DdlBuilder::changes(Object object, Action action) const
{
    QVector<const SchemaChange*> found;
    for (const SchemaChange* change : changes(object)) {
        if (change->action == action)
            found.append(change);
    }
    return found;
}

QHash<QString, QVector<const SchemaChange*>> DdlBuilder::tableChanges() const
{
    QHash<QString, QVector<const SchemaChange*>> byTable;
    for (const SchemaChange& change : m_diff.changes()) {
        switch (change.object) {
        case Object::Table:
            if (change.action == Action::Changed)
                byTable[change.table].append(&change);
            break;
        case Object::Column:
        case Object::PrimaryKey:
        case Object::Unique:
        case Object::ForeignKey:
        case Object::Check:
        case Object::Index:
            byTable[change.table].append(&change);
            break;
        default:
            break;
        }
    }
    return byTable;
}

const Table* DdlBuilder::findTable(const Schema& schema, const QString& qualified)
{
    return findObject(schema.tables, qualified);
}

void DdlBuilder::checkOneStatement(const QString& sql) const
{
    // Expressions, view bodies and trigger texts come from the database or the model as they
    // are. A database whose schema text was edited (SQLite's writable_schema keeps whatever
    // follows a statement, a server answers what it likes) must not turn one statement into
    // several: the statement and its closing ';' must split back into exactly itself.
    bool one = false;
    try {
        const QVector<SqlStatement> split =
            StatementSplitter::split(sql + QStringLiteral(";\n"), m_writer.dialect());
        one = split.size() == 1 && split.first().text == sql.trimmed();
    } catch (const Error&) {
        one = false; // an unterminated quote or comment
    }
    if (!one) {
        throw Error(ErrorKind::Database,
                    QStringLiteral("refusing to write DDL from a schema text that does not form "
                                   "one statement (edited schema text in the database or "
                                   "model?): %1")
                        .arg(singleLine(sql.left(300))));
    }
}

void DdlBuilder::add(const QString& sql, QStringList comments)
{
    checkOneStatement(sql);
    comments += m_warnings.check(sql);
    m_statements.append({comments, sql});
}

void DdlBuilder::addQuiet(const QString& sql, QStringList comments)
{
    checkOneStatement(sql);
    m_warnings.pass(sql);
    m_statements.append({comments, sql});
}

QVector<const Table*> DdlBuilder::tablesOnlyIn(const Schema& schema, const Schema& other,
                                               QVector<SchemaDependencies::DeferredKey>* deferred)
{
    QVector<const Table*> tables;
    for (const Table& table : schema.tables) {
        if (!findTable(other, qualifiedName(table)))
            tables.append(&table);
    }
    return SchemaDependencies::creationOrder(tables, deferred);
}

void DdlBuilder::dropViews(const QSet<QString>& alteredTables)
{
    QSet<QString> names = alteredTables;
    for (const SchemaChange* change : changes(Object::View)) {
        if (change->action != Action::Added) {
            m_droppedViews.insert(change->table);
            names.insert(findObject(m_from.views, change->table)->name);
        }
    }
    m_droppedViews += SchemaDependencies::dependentViews(m_from, names);
    QVector<const View*> views;
    for (const View& view : m_from.views) {
        if (m_droppedViews.contains(qualifiedName(view)))
            views.append(&view);
    }
    const QVector<const View*> order = SchemaDependencies::viewOrder(views);
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        add(m_writer.dropView(**it));
}

void DdlBuilder::createViews()
{
    QSet<QString> wanted = m_droppedViews;
    for (const SchemaChange* change : changes(Object::View, Action::Added))
        wanted.insert(change->table);
    QVector<const View*> views;
    for (const View& view : m_to.views) {
        if (wanted.contains(qualifiedName(view)))
            views.append(&view);
    }
    for (const View* view : SchemaDependencies::viewOrder(views))
        add(m_writer.createView(*view));
}

} // namespace retort
