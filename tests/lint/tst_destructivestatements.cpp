// SPDX-License-Identifier: Apache-2.0
// What a run's confirmation counts as destroying data: the statements of the whole run judged
// in order, so that tables the run made itself and drops again do not count, and a SQLite
// table rebuild counts as the columns it loses, as `retort lint --downgrade` says too.
#include "graph/revisiongraph.h"
#include "lint/destructivestatements.h"
#include "lint/scriptlinter.h"
#include "project/project.h"
#include "run/migrationrunner.h"

#include <QtTest>

using namespace retort;

namespace {

const QString kExample = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");
const QString kHead = QStringLiteral("5f7d2a6c8e13");

QStringList described(const QVector<DestructiveStatement>& found)
{
    QStringList lines;
    for (const DestructiveStatement& statement : found)
        lines << QStringLiteral("%1 %2").arg(statement.line).arg(statement.messages.join(QStringLiteral("; ")));
    return lines;
}

} // namespace

class TestDestructiveStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesTheSqlCreatedDoNotCount()
    {
        const QString sql = QStringLiteral("CREATE TEMP TABLE rebuild_guard (x INTEGER);\n"
                                           "INSERT INTO rebuild_guard (x) SELECT 1;\n"
                                           "DROP TABLE temp.rebuild_guard;\n"
                                           "DROP TABLE old_things;\n"
                                           "DELETE FROM alembic_version WHERE version_num = 'a1';\n");
        const QVector<DestructiveStatement> found =
            destructiveStatements(sql, Dialect::Sqlite, QStringLiteral("alembic_version"));
        QCOMPARE(described(found),
                 QStringList{QStringLiteral("4 DROP TABLE \"old_things\" deletes the table and every row in it")});
        QCOMPARE(found.first().effect, QStringLiteral("drops a table"));
    }

    void rebuildCountsAsTheColumnsItLoses()
    {
        LintSchema before;
        LintTable& notes = before.editTable(QStringLiteral("notes"));
        notes.columns.insert(QStringLiteral("id"), {QStringLiteral("integer")});
        notes.columns.insert(QStringLiteral("body"), {QStringLiteral("text")});
        notes.columns.insert(QStringLiteral("owner_id"), {QStringLiteral("integer")});
        notes.columns.insert(QStringLiteral("status"), {QStringLiteral("text")});
        const QString sql = QStringLiteral("CREATE TABLE notes_new (id INTEGER PRIMARY KEY, body TEXT);\n"
                                           "INSERT INTO notes_new (id, body) SELECT id, body FROM notes;\n"
                                           "DROP TABLE notes;\n"
                                           "ALTER TABLE notes_new RENAME TO notes;\n");
        const QVector<DestructiveStatement> found =
            destructiveStatements(sql, Dialect::Sqlite, QStringLiteral("alembic_version"), before);
        QCOMPARE(described(found), QStringList{QStringLiteral("3 rebuilding \"notes\" drops column \"owner_id\"; "
                                                              "rebuilding \"notes\" drops column \"status\"")});
        QCOMPARE(found.first().effect, QStringLiteral("drops a column"));
    }

    // A copy that leaves rows behind is no rebuild: the drop loses them. A copy of every
    // column (SELECT *) loses nothing.
    void rebuildCopiesEveryRowOrItIsADrop_data()
    {
        QTest::addColumn<QString>("copy");
        QTest::addColumn<QStringList>("expected");
        const QStringList dropped{QStringLiteral("3 DROP TABLE \"notes\" deletes the table and every row in it")};
        QTest::newRow("where") << QStringLiteral("INSERT INTO notes_new SELECT * FROM notes WHERE id > 10;") << dropped;
        QTest::newRow("limit") << QStringLiteral("INSERT INTO notes_new SELECT * FROM notes LIMIT 5;") << dropped;
        QTest::newRow("join") << QStringLiteral("INSERT INTO notes_new SELECT notes.* FROM notes JOIN u ON u.id = notes.id;")
                              << dropped;
        QTest::newRow("every column") << QStringLiteral("INSERT INTO notes_new SELECT * FROM notes;") << QStringList();
        QTest::newRow("unknown columns") << QStringLiteral("INSERT INTO notes_new (id) SELECT id FROM notes;")
                                         << QStringList{QStringLiteral("3 rebuilding \"notes\" drops the columns it does not copy")};
    }

    void rebuildCopiesEveryRowOrItIsADrop()
    {
        QFETCH(QString, copy);
        QFETCH(QStringList, expected);
        const QString sql = QStringLiteral("CREATE TABLE notes_new (id INTEGER PRIMARY KEY, body TEXT);\n") + copy +
                            QStringLiteral("\nDROP TABLE notes;\nALTER TABLE notes_new RENAME TO notes;\n");
        QCOMPARE(described(destructiveStatements(sql, Dialect::Sqlite, QStringLiteral("alembic_version"))),
                 expected);
    }

    // The example's SQLite downgrade of its head rebuilds two tables behind a temporary guard
    // table: the lint and the confirmation both name the five columns it loses, nothing else.
    void exampleDowngradeAgreesWithLint()
    {
        const Project project = Project::open(kExample);
        const RevisionGraph& graph = project.graph();
        const int head = graph.indexOf(kHead);
        LintOptions options;
        options.dialects = {Dialect::Sqlite};
        options.downgrade = true;
        ScriptLinter linter(graph);
        QStringList linted;
        for (const LintFinding& finding : linter.lint({head}, options)) {
            if (finding.direction == Direction::Downgrade && finding.code.startsWith(QLatin1String("RT1")))
                linted << finding.message;
        }
        const QStringList lost{QStringLiteral("rebuilding \"conversations\" drops column \"is_archived\""),
                               QStringLiteral("rebuilding \"conversations\" drops column \"title\""),
                               QStringLiteral("rebuilding \"conversations\" drops column \"user_id\""),
                               QStringLiteral("rebuilding \"documents\" drops column \"owner_id\""),
                               QStringLiteral("rebuilding \"documents\" drops column \"status\"")};
        QCOMPARE(linted, lost);

        RunRequest request;
        request.project = project;
        request.databaseUrl = QStringLiteral("sqlite:///unused.db");
        request.offline = true;
        request.offlineFrom = kHead;
        request.direction = Direction::Downgrade;
        request.target = QStringLiteral("-1");
        MigrationRunner runner;
        const RunResult result = runner.run(request);
        QStringList confirmed;
        for (const DestructiveStatement& statement :
             destructiveStatements(result.sql, Dialect::Sqlite, QStringLiteral("alembic_version"),
                                   linter.schemaAt({head}, Dialect::Sqlite)))
            confirmed << statement.messages;
        QCOMPARE(confirmed, lost);
    }
};

QTEST_GUILESS_MAIN(TestDestructiveStatements)
#include "tst_destructivestatements.moc"
