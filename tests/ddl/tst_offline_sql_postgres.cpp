// SPDX-License-Identifier: Apache-2.0
// Offline SQL on PostgreSQL, through the real CLI: `retort upgrade --sql FROM:TO --json` reports
// exactly the statements an online run executes (same text, same script file:line, same
// order), and the script it prints, replayed on an empty database, gives the same schema and
// version rows as the online run.
#include "runnertesting.h"
#include "childprocess.h"
#include "database/databaseconnection.h"
#include "generatedproject.h"
#include "scratchpostgres.h"
#include "scripts/statementsplitter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using testsupport::ProcessOutput;

namespace {

// Never connected to: offline runs must not even try (nothing listens on port 1).
const QString kUnreachable = QStringLiteral("postgresql://nobody:secret@127.0.0.1:1/never");

ProcessOutput runRetort(const QString& config, const QString& url, const QStringList& command)
{
    return testsupport::runProgram(QStringLiteral(RETORT_CLI),
                                   QStringList{QStringLiteral("-c"), config, QStringLiteral("--url"), url}
                                       + command);
}

// The statement events of a --json run: "file:line statement" (no location: Retort's own).
QStringList statements(const ProcessOutput& run)
{
    QStringList list;
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        if (event.value(QStringLiteral("event")).toString() == QLatin1String("statement")) {
            list.append(event.value(QStringLiteral("location")).toString() + u' '
                        + event.value(QStringLiteral("statement")).toString());
        }
    }
    return list;
}

// Columns, constraints, indexes and version rows; Retort's history table left out (offline
// scripts do not write it).
QString schema(const QString& url)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("schema"));
    QStringList out = testsupport::queryStrings(
        connection.db(),
        QStringLiteral("SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || "
                       "is_nullable || ' ' || coalesce(column_default, '') FROM "
                       "information_schema.columns WHERE table_schema = 'public' AND table_name "
                       "<> 'retort_history' UNION ALL SELECT conrelid::regclass || ' ' || conname "
                       "|| ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace "
                       "= 'public'::regnamespace AND conrelid::regclass::text <> 'retort_history' UNION "
                       "ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND "
                       "tablename <> 'retort_history' ORDER BY 1"));
    out += testsupport::queryStrings(connection.db(), QStringLiteral("SELECT 'version ' || version_num FROM "
                                                   "alembic_version ORDER BY 1"));
    return out.join(u'\n');
}

// Runs an offline script as psql would: statement by statement, in one session.
bool replay(const QString& url, const QString& script, QString* failure)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("replay"));
    const QVector<SqlStatement> parts =
        StatementSplitter::split(script, Dialect::PostgreSql, QStringLiteral("offline.sql"));
    for (const SqlStatement& statement : parts) {
        QSqlQuery query(connection.db());
        if (!query.exec(statement.text)) {
            *failure = statement.text + QStringLiteral(": ") + query.lastError().text();
            return false;
        }
    }
    return !parts.isEmpty();
}

} // namespace

class TestOfflineSqlPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offlineEqualsOnline_data();
    void offlineEqualsOnline();

private:
    QTemporaryDir m_dir;
    QString m_generated;
};

void TestOfflineSqlPostgres::initTestCase()
{
    m_generated = testsupport::writeNativeProject(m_dir.filePath(QStringLiteral("generated")),
                                                  testsupport::generatedRevisions(120));
}

void TestOfflineSqlPostgres::offlineEqualsOnline_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("from");   // where the database is first brought, online
    QTest::addColumn<QString>("target");
    const QString example = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");
    const QString branchy = QStringLiteral(RETORT_TEST_DATA "/runner/branchy/retort.ini");
    QTest::newRow("example base:heads") << example << QStringLiteral("base") << QStringLiteral("heads");
    QTest::newRow("branchy base:heads") << branchy << QStringLiteral("base") << QStringLiteral("heads");
    QTest::newRow("branchy left:heads") << branchy << QStringLiteral("bbbb00000002") << QStringLiteral("heads");
    QTest::newRow("generated base:heads") << m_generated << QStringLiteral("base") << QStringLiteral("heads");
}

void TestOfflineSqlPostgres::offlineEqualsOnline()
{
    QFETCH(QString, config);
    QFETCH(QString, from);
    QFETCH(QString, target);
    testsupport::ScratchPostgres online(QStringLiteral("tst_offline_online"));
    testsupport::ScratchPostgres replayed(QStringLiteral("tst_offline_replay"));
    QVERIFY2(online.isValid() && replayed.isValid(), "no PostgreSQL server: run through ctest");
    const QString range = from + u':' + target;

    const ProcessOutput offline = runRetort(config, kUnreachable, {QStringLiteral("upgrade"), QStringLiteral("--sql"),
                                                                range, QStringLiteral("--json")});
    QVERIFY2(offline.ok(), qPrintable(offline.description));
    const ProcessOutput script = runRetort(config, kUnreachable, {QStringLiteral("upgrade"), QStringLiteral("--sql"),
                                                               range});
    QVERIFY2(script.ok(), qPrintable(script.description));

    // Both databases brought to `from` online first; only the second run is compared.
    for (const QString& url : {online.url(), replayed.url()}) {
        if (from == QLatin1String("base"))
            continue;
        const ProcessOutput first = runRetort(config, url, {QStringLiteral("upgrade"), from});
        QVERIFY2(first.ok(), qPrintable(first.description));
    }
    const ProcessOutput ran = runRetort(config, online.url(), {QStringLiteral("upgrade"), target,
                                                            QStringLiteral("--json")});
    QVERIFY2(ran.ok(), qPrintable(ran.description));
    const QStringList onlineStatements = statements(ran);
    QVERIFY(onlineStatements.size() > 3);
    QCOMPARE(statements(offline), onlineStatements);

    QString failure;
    QVERIFY2(replay(replayed.url(), script.out, &failure), qPrintable(failure));
    QCOMPARE(schema(replayed.url()), schema(online.url()));
}

QTEST_GUILESS_MAIN(TestOfflineSqlPostgres)
#include "tst_offline_sql_postgres.moc"
