// SPDX-License-Identifier: Apache-2.0
#include "run/versiontable.h"

#include "database/databaseconnection.h"
#include "common/error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace retort {

namespace {

SqlCommand plain(const QString& sql) { return {{sql}, {}, {}}; }

QString databaseError(const QSqlError& error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.text().trimmed() : text;
}

} // namespace

QString SqlCommand::boundSql() const
{
    QString sql = parts.value(0);
    for (int i = 1; i < parts.size(); ++i)
        sql += u'?' + parts[i];
    return sql;
}

QString SqlCommand::literalSql(Dialect dialect) const
{
    QString sql = parts.value(0);
    for (int i = 1; i < parts.size(); ++i)
        sql += quoteLiteral(dialect, values.value(i - 1)) + parts[i];
    return sql;
}

QString quoteIdentifier(Dialect dialect, const QString& name)
{
    const QChar quote = dialect == Dialect::MySql ? u'`' : u'"';
    QString escaped = name;
    escaped.replace(quote, QString(2, quote));
    return quote + escaped + quote;
}

QString quoteLiteral(Dialect dialect, const QVariant& value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toString();
    default:
        break;
    }
    QString text = value.toString();
    text.replace(u'\'', QLatin1String("''"));
    if (dialect == Dialect::MySql)
        text.replace(u'\\', QLatin1String("\\\\"));
    return u'\'' + text + u'\'';
}

namespace {

// Throws unless `ran`, naming `command` and the database's error text.
void checkRan(const QSqlDatabase& db, const QSqlQuery& query, const SqlCommand& command, bool ran)
{
    if (!ran) {
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("VersionTable", "%1: %2").arg(command.literalSql(dialectOf(db)),
                                                 databaseError(query.lastError())));
    }
}

// Throws unless `query` ran `command` (`ran`) and affected as many rows as it expects.
void checkExecuted(const QSqlDatabase& db, const QSqlQuery& query, const SqlCommand& command,
                   bool ran)
{
    checkRan(db, query, command, ran);
    if (!command.expectOneRow.isEmpty() && query.numRowsAffected() != 1) {
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("VersionTable", "%1 was expected to affect one row; it affected %2")
                        .arg(command.expectOneRow)
                        .arg(query.numRowsAffected()));
    }
}

// Executes `query`, prepared from `command`.boundSql(), with `command`'s values.
bool executeWithValues(QSqlQuery& query, const SqlCommand& command)
{
    for (int i = 0; i < command.values.size(); ++i)
        query.bindValue(i, command.values[i]);
    return query.exec();
}

} // namespace

void execute(QSqlDatabase& db, const SqlCommand& command)
{
    QSqlQuery query(db);
    // Without values it is sent as it is, not as a prepared statement.
    const bool ran = command.values.isEmpty()
                         ? query.exec(command.boundSql())
                         : query.prepare(command.boundSql()) && executeWithValues(query, command);
    checkExecuted(db, query, command, ran);
}

void PreparedCommands::execute(const SqlCommand& command)
{
    const QString sql = command.boundSql();
    auto found = m_queries.find(sql);
    if (found == m_queries.end()) {
        QSqlQuery query(m_db);
        checkRan(m_db, query, command, query.prepare(sql));
        found = m_queries.emplace(sql, std::move(query)).first;
    }
    QSqlQuery& query = found->second;
    checkExecuted(m_db, query, command, executeWithValues(query, command));
}

VersionTable::VersionTable(Dialect dialect, QString table, QString schema)
    : m_dialect(dialect), m_table(std::move(table)), m_schema(std::move(schema))
{
}

QString VersionTable::qualify(const QString& table) const
{
    const QString name = quoteIdentifier(m_dialect, table);
    return m_schema.isEmpty() ? name : quoteIdentifier(m_dialect, m_schema) + u'.' + name;
}

SqlCommand VersionTable::createStatement() const
{
    return plain(QStringLiteral("CREATE TABLE %1 (version_num VARCHAR(32) NOT NULL, "
                                "CONSTRAINT %2 PRIMARY KEY (version_num))")
                     .arg(qualifiedName(),
                          quoteIdentifier(m_dialect, m_table + QLatin1String("_pkc"))));
}

QVector<SqlCommand> VersionTable::statements(const VersionChange& change) const
{
    const QString table = qualifiedName();
    QVector<SqlCommand> result;
    for (const VersionRowChange& row : change.rows) {
        switch (row.kind) {
        case VersionRowChange::Kind::Insert:
            result.append({{QStringLiteral("INSERT INTO %1 (version_num) VALUES (").arg(table),
                            QStringLiteral(")")},
                           {row.to},
                           {}});
            break;
        case VersionRowChange::Kind::Delete:
            result.append({{QStringLiteral("DELETE FROM %1 WHERE version_num = ").arg(table), {}},
                           {row.from},
                           QStringLiteral("deleting version %1 from %2").arg(row.from, m_table)});
            break;
        case VersionRowChange::Kind::Update:
            result.append(
                {{QStringLiteral("UPDATE %1 SET version_num = ").arg(table),
                  QStringLiteral(" WHERE version_num = "), {}},
                 {row.to, row.from},
                 QStringLiteral("updating version %1 to %2 in %3").arg(row.from, row.to, m_table)});
            break;
        }
    }
    return result;
}

bool VersionTable::exists(QSqlDatabase& db, const QString& table) const
{
    const QString name = table.isEmpty() ? m_table : table;
    SqlCommand probe;
    switch (m_dialect) {
    case Dialect::Sqlite:
        probe = {{QStringLiteral("SELECT 1 FROM %1.sqlite_master WHERE type = 'table' AND name = ")
                      .arg(quoteIdentifier(m_dialect, m_schema.isEmpty() ? QStringLiteral("main")
                                                                         : m_schema)),
                  {}},
                 {name},
                 {}};
        break;
    case Dialect::PostgreSql:
        if (m_schema.isEmpty()) {
            // The table an unqualified name finds: the search path decides.
            probe = {{QStringLiteral("SELECT 1 FROM pg_catalog.pg_class c WHERE c.relkind IN "
                                     "('r', 'p') AND pg_catalog.pg_table_is_visible(c.oid) AND "
                                     "c.relname = "),
                      {}},
                     {name},
                     {}};
        } else {
            probe = {{QStringLiteral("SELECT 1 FROM pg_catalog.pg_class c JOIN "
                                     "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
                                     "c.relkind IN ('r', 'p') AND c.relname = "),
                      QStringLiteral(" AND n.nspname = "), {}},
                     {name, m_schema},
                     {}};
        }
        break;
    case Dialect::MySql:
        probe = {{QStringLiteral("SELECT 1 FROM information_schema.tables WHERE table_name = "),
                  m_schema.isEmpty() ? QStringLiteral(" AND table_schema = DATABASE()")
                                     : QStringLiteral(" AND table_schema = "),
                  {}},
                 {name},
                 {}};
        if (m_schema.isEmpty())
            probe.parts.removeLast();
        else
            probe.values.append(m_schema);
        break;
    }
    QSqlQuery query(db);
    query.prepare(probe.boundSql());
    for (const QVariant& value : std::as_const(probe.values))
        query.addBindValue(value);
    if (!query.exec()) {
        throw Error(ErrorKind::Database, QCoreApplication::translate("VersionTable", "cannot look up table %1: %2")
                                             .arg(name, databaseError(query.lastError())));
    }
    return query.next();
}

QStringList VersionTable::readHeads(QSqlDatabase& db) const
{
    return exists(db) ? readExistingHeads(db) : QStringList();
}

QStringList VersionTable::readExistingHeads(QSqlDatabase& db) const
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT version_num FROM %1").arg(qualifiedName()))) {
        throw Error(ErrorKind::Database, QCoreApplication::translate("VersionTable", "cannot read %1: %2")
                                             .arg(m_table, databaseError(query.lastError())));
    }
    QStringList heads;
    while (query.next())
        heads.append(query.value(0).toString());
    std::sort(heads.begin(), heads.end());
    return heads;
}

bool VersionTable::ensureExists(QSqlDatabase& db) const
{
    if (exists(db))
        return false;
    execute(db, createStatement());
    return true;
}

void VersionTable::apply(QSqlDatabase& db, const VersionChange& change) const
{
    const QVector<SqlCommand> commands = statements(change);
    for (const SqlCommand& command : commands)
        execute(db, command);
}

} // namespace retort
