// SPDX-License-Identifier: Apache-2.0
#include "run/wholerunlocks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

namespace retort {

namespace {

// The statement without leading comments, its words upper-cased and spaces collapsed.
QString normalized(const QString& text)
{
    static const QRegularExpression leadingComments(
        QStringLiteral("^(\\s*(--[^\\n]*(\\n|$)|/\\*.*?\\*/))*\\s*"),
        QRegularExpression::DotMatchesEverythingOption);
    QString body = text;
    body.remove(leadingComments);
    return body.simplified().toUpper();
}

// How many names a "DROP <kind> [IF EXISTS] a, b, c [CASCADE]" lists.
int namesListed(const QString& statement, qsizetype after)
{
    static const QRegularExpression trailer(QStringLiteral("\\s+(CASCADE|RESTRICT)\\s*$"));
    QString names = statement.mid(after);
    names.remove(trailer);
    return int(names.count(u',')) + 1;
}

// Indexes a CREATE or ALTER TABLE adds and tables it references. (Patterns are compiled once:
// compiling one per statement was most of a 300-step plan's check.)
int constraintObjects(const QString& statement)
{
    static const QRegularExpression pattern(QStringLiteral("\\b(PRIMARY KEY|UNIQUE|REFERENCES)\\b"));
    int count = 0;
    for (auto it = pattern.globalMatch(statement); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

QString WholeRunLocks::Capacity::describe() const
{
    return QStringLiteral("max_locks_per_transaction (%1) x (max_connections (%2) + "
                          "max_prepared_transactions (%3)) = %4")
        .arg(maxLocksPerTransaction)
        .arg(maxConnections)
        .arg(maxPreparedTransactions)
        .arg(objects());
}

int WholeRunLocks::estimate(const SqlStatement& statement)
{
    const QString s = normalized(statement.text);
    static const QRegularExpression drop(QStringLiteral(
        "^DROP (TABLE|VIEW|MATERIALIZED VIEW|INDEX|SEQUENCE|TYPE|DOMAIN)( CONCURRENTLY)?"
        "( IF EXISTS)? "));
    if (const QRegularExpressionMatch match = drop.match(s); match.hasMatch()) {
        const QString kind = match.captured(1);
        // A table or view comes with its row type and that type's array type; an index is
        // locked with its table.
        const int perName = kind.endsWith(QLatin1String("TABLE")) || kind.endsWith(QLatin1String("VIEW"))
                                ? 3
                                : kind == QLatin1String("INDEX") ? 2 : 1;
        return perName * namesListed(s, match.capturedEnd());
    }
    if (s.startsWith(QLatin1String("CREATE TABLE")) || s.startsWith(QLatin1String("ALTER TABLE"))) {
        // The table, and each index or referenced table its constraints add.
        return 1 + constraintObjects(s);
    }
    if (s.startsWith(QLatin1String("CREATE INDEX")) || s.startsWith(QLatin1String("CREATE UNIQUE INDEX")))
        return 2; // the new index and its table
    if (s.startsWith(QLatin1String("TRUNCATE")))
        return namesListed(s, s.indexOf(u' '));
    if (s.startsWith(QLatin1String("CREATE ")) || s.startsWith(QLatin1String("ALTER ")) ||
        s.startsWith(QLatin1String("DROP ")) || s.startsWith(QLatin1String("COMMENT ON")))
        return 1;
    return 0;
}

std::optional<WholeRunLocks::Capacity> WholeRunLocks::capacity(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT current_setting('max_locks_per_transaction'), "
                                   "current_setting('max_connections'), "
                                   "current_setting('max_prepared_transactions')")) ||
        !query.next()) {
        return std::nullopt;
    }
    return Capacity{query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt()};
}

bool WholeRunLocks::isLockTableFull(const QString& sqlState, const QString& text)
{
    return sqlState == QLatin1String("53200") ||
           text.contains(QLatin1String("out of shared memory"), Qt::CaseInsensitive);
}

QString WholeRunLocks::refusal(qint64 objects, int steps, const Capacity& capacity)
{
    return QCoreApplication::translate(
               "WholeRunLocks",
               "not started: these %1 steps in one transaction would keep about %2 objects "
               "locked until the end, more than PostgreSQL's lock table is sure to hold for all "
               "sessions together: %3. It would fail with \"out of shared memory\". Run with one "
               "transaction per migration (--transaction-per-migration, or "
               "transaction_per_migration = true in retort.ini), or raise "
               "max_locks_per_transaction on the server (needs a restart)")
        .arg(steps)
        .arg(objects)
        .arg(capacity.describe());
}

QString WholeRunLocks::failureAdvice(const std::optional<Capacity>& capacity)
{
    return QCoreApplication::translate(
               "WholeRunLocks",
               "\nPostgreSQL's lock table is full: the whole-run transaction keeps every object "
               "it touched locked until it ends, and the table holds %1 for all sessions "
               "together. Run with one transaction per migration (--transaction-per-migration, "
               "or transaction_per_migration = true in retort.ini), or raise "
               "max_locks_per_transaction on the server (needs a restart).")
        .arg(capacity ? capacity->describe()
                      : QStringLiteral("max_locks_per_transaction x (max_connections + "
                                       "max_prepared_transactions) objects"));
}

} // namespace retort
