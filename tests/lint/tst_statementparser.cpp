// SPDX-License-Identifier: Apache-2.0
// The lint's reading of SQL: tokens per dialect, the statement model the rules work on,
// column types, where findings point (line, column, statement span), and that no input makes
// it stumble.
#include "lint/scriptlinter.h"
#include "lint/sqllint.h"
#include "lint/sqltokenizer.h"
#include "lint/sqltype.h"
#include "lint/statementparser.h"
#include "scripts/nativescript.h"
#include "scripts/scriptdirectory.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QtTest>

using namespace retort;

namespace {

QStringList texts(const QVector<SqlToken>& tokens)
{
    QStringList result;
    for (const SqlToken& token : tokens)
        result << token.text;
    return result;
}

} // namespace

class TestStatementParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensFollowTheDialect_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QStringList>("tokens");
        const auto row = [](const char* name, const char* sql, Dialect dialect, QStringList tokens) {
            QTest::newRow(name) << QString::fromUtf8(sql) << int(dialect) << tokens;
        };
        row("postgres quotes", "SELECT \"a\"\"b\", E'it\\'s', $x$ ; $x$", Dialect::PostgreSql,
            {QStringLiteral("SELECT"), QStringLiteral("a\"b"), QStringLiteral(","),
             QStringLiteral("it's"), QStringLiteral(","), QStringLiteral(" ; ")});
        row("postgres nested comment", "a /* x /* y */ z */ b", Dialect::PostgreSql,
            {QStringLiteral("a"), QStringLiteral("b")});
        row("mysql quotes", "SELECT `t``x`, \"s\\\"\" # comment", Dialect::MySql,
            {QStringLiteral("SELECT"), QStringLiteral("t`x"), QStringLiteral(","),
             QStringLiteral("s\"")});
        row("mysql dash", "5--1\n-- c\nx", Dialect::MySql,
            {QStringLiteral("5"), QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("1"),
             QStringLiteral("x")});
        row("mysql versioned comment", "ALTER TABLE t /*!80013 ALGORITHM=INSTANT */", Dialect::MySql,
            {QStringLiteral("ALTER"), QStringLiteral("TABLE"), QStringLiteral("t"),
             QStringLiteral("ALGORITHM"), QStringLiteral("="), QStringLiteral("INSTANT")});
        row("sqlite brackets", "DROP TABLE [my table]", Dialect::Sqlite,
            {QStringLiteral("DROP"), QStringLiteral("TABLE"), QStringLiteral("my table")});
        row("unterminated", "SELECT 'abc", Dialect::PostgreSql,
            {QStringLiteral("SELECT"), QStringLiteral("abc")});
    }

    void tokensFollowTheDialect()
    {
        QFETCH(QString, sql);
        QFETCH(int, dialect);
        QFETCH(QStringList, tokens);
        const QVector<SqlToken> read = SqlTokenizer::tokenize(sql, Dialect(dialect));
        QCOMPARE(texts(read), tokens);
        for (const SqlToken& token : read)
            QVERIFY(token.begin >= 0 && token.begin < token.end && token.end <= sql.size());
    }

    void statementModel()
    {
        LintStatement s = StatementParser::parse(
            QStringLiteral("CREATE TABLE IF NOT EXISTS app.t (id BIGINT GENERATED ALWAYS AS IDENTITY, "
                           "\"Name\" varchar(20) NOT NULL DEFAULT 'x', at timestamp with time zone "
                           "DEFAULT now(), u uuid DEFAULT gen_random_uuid(), CONSTRAINT pk PRIMARY "
                           "KEY (id), UNIQUE (\"Name\"))"),
            Dialect::PostgreSql);
        QCOMPARE(s.kind, LintStatement::CreateTable);
        QCOMPARE(s.tables, QStringList{QStringLiteral("t")});
        QVERIFY(s.ifNotExists);
        QCOMPARE(s.columns.size(), 4);
        QVERIFY(s.columns[0].identity);
        QCOMPARE(s.columns[1].name, QStringLiteral("name"));
        QCOMPARE(s.columns[1].type, QStringLiteral("varchar(20)"));
        QVERIFY(s.columns[1].notNull);
        QCOMPARE(s.columns[1].defaultKind, DefaultKind::Constant);
        QCOMPARE(s.columns[2].type, QStringLiteral("timestamp with time zone"));
        QCOMPARE(s.columns[2].defaultKind, DefaultKind::Stable);
        QCOMPARE(s.columns[3].defaultKind, DefaultKind::Volatile);
        QCOMPARE(s.constraints.size(), 2);
        QCOMPARE(s.constraints[0].kind, ConstraintDef::Kind::PrimaryKey);
        QCOMPARE(s.constraints[0].name, QStringLiteral("pk"));
        QCOMPARE(s.constraints[1].columns, QStringList{QStringLiteral("name")});

        s = StatementParser::parse(
            QStringLiteral("ALTER TABLE `t` ADD COLUMN x ENUM('a','b''c') NOT NULL AFTER y, "
                           "MODIFY COLUMN z INT UNSIGNED FIRST, CHANGE old new BIGINT, DROP PRIMARY KEY, "
                           "ADD UNIQUE KEY uk (a, b), CONVERT TO CHARACTER SET utf8mb4, ALGORITHM=INPLACE, "
                           "LOCK = NONE"),
            Dialect::MySql);
        QCOMPARE(s.kind, LintStatement::AlterTable);
        QCOMPARE(s.actions.size(), 8);
        QCOMPARE(s.actions[0].kind, ActionKind::AddColumn);
        QCOMPARE(s.actions[0].column.type, QStringLiteral("enum('a','b''c')"));
        QCOMPARE(SqlType::parse(s.actions[0].column.type).values,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b'c")}));
        QCOMPARE(s.actions[0].column.position, ColumnDef::Position::After);
        QCOMPARE(s.actions[1].kind, ActionKind::ModifyColumn);
        QCOMPARE(s.actions[1].column.position, ColumnDef::Position::First);
        QCOMPARE(s.actions[2].oldName, QStringLiteral("old"));
        QCOMPARE(s.actions[2].column.name, QStringLiteral("new"));
        QCOMPARE(s.actions[3].kind, ActionKind::DropPrimaryKey);
        QCOMPARE(s.actions[4].constraint.kind, ConstraintDef::Kind::Unique);
        QCOMPARE(s.actions[4].constraint.name, QStringLiteral("uk"));
        QCOMPARE(s.actions[4].constraint.columns, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(s.actions[5].kind, ActionKind::ConvertCharset);
        QCOMPARE(s.actions[5].option, QStringLiteral("utf8mb4"));
        QCOMPARE(s.actions[6].option, QStringLiteral("inplace"));
        QCOMPARE(s.actions[7].kind, ActionKind::Lock);

        s = StatementParser::parse(QStringLiteral("SET SESSION lock_wait_timeout = 5, @@session.sql_mode = ''"),
                                   Dialect::MySql);
        QCOMPARE(s.kind, LintStatement::Set);
        QCOMPARE(s.settings, (QStringList{QStringLiteral("lock_wait_timeout"), QStringLiteral("sql_mode")}));
        QCOMPARE(s.settingValues, (QStringList{QStringLiteral("5"), QString()}));

        s = StatementParser::parse(QStringLiteral("INSERT INTO n (a, b) SELECT t.a, b FROM t"),
                                   Dialect::Sqlite);
        QCOMPARE(s.kind, LintStatement::Insert);
        QCOMPARE(s.names, QStringList{QStringLiteral("t")});
        QCOMPARE(s.selected, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));

        s = StatementParser::parse(QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS a, b CASCADE"),
                                   Dialect::PostgreSql);
        QCOMPARE(s.kind, LintStatement::DropIndex);
        QVERIFY(s.concurrently && s.ifExists && s.cascade);
        QCOMPARE(s.names, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(s.keywords, QStringLiteral("DROP INDEX CONCURRENTLY"));
    }

    void columnTypes()
    {
        const auto type = [](const char* text) { return SqlType::parse(QString::fromLatin1(text)); };
        QVERIFY(type("int(11)").sameAs(type("integer")));
        QVERIFY(type("bool").sameAs(type("tinyint(1)")));
        QVERIFY(type("character varying(10)").sameAs(type("varchar(10)")));
        QVERIFY(!type("int").sameAs(type("int unsigned")));
        QVERIFY(type("bigint").narrowsTo(type("int")));
        QVERIFY(type("int").narrowsTo(type("int unsigned")));
        QVERIFY(!type("varchar(10)").narrowsTo(type("text")));
        QVERIFY(type("numeric(10,2)").narrowsTo(type("numeric(10,1)")));
        QVERIFY(type("text").mayFailConvertingTo(type("date")));
        QVERIFY(!type("int").mayFailConvertingTo(type("text")));
        QVERIFY(type("varchar(10)").postgresChangesInPlace(type("text")));
        QVERIFY(!type("text").postgresChangesInPlace(type("varchar(10)")));
        QVERIFY(type("numeric(10,2)").postgresChangesInPlace(type("numeric(12,2)")));
        // MySQL: the length prefix of utf8mb4 VARCHAR grows at 64 characters.
        QVERIFY(type("varchar(10)").mysqlChangesInPlace(type("varchar(63)")));
        QVERIFY(!type("varchar(63)").mysqlChangesInPlace(type("varchar(64)")));
        QVERIFY(type("varchar(100)").mysqlChangesInPlace(type("varchar(1000)")));
        QVERIFY(type("enum('a','b')").mysqlChangesInPlace(type("enum('a','b','c')")));
        QVERIFY(!type("enum('a','b')").mysqlChangesInPlace(type("enum('b','a')")));
    }

    // A finding points at the clause it is about; its statement span covers the statement.
    void positions()
    {
        const QString sql = QStringLiteral("SELECT 1; ALTER TABLE t\n"
                                           "    ADD COLUMN a INT,\n"
                                           "    ALTER COLUMN b SET NOT NULL;\n"
                                           "-- é\n"
                                           "  /* é */ DROP TABLE t; DROP TABLE u");
        LintConfig config;
        config.disable(QStringLiteral("RT404"), QStringLiteral("test"));
        QVector<LintFinding> findings = ScriptLinter::lintSql(sql, Dialect::PostgreSql, config);
        QStringList where;
        for (const LintFinding& f : findings)
            where << QStringLiteral("%1 %2:%3-%4:%5 in %6:%7-%8:%9")
                         .arg(f.code)
                         .arg(f.line)
                         .arg(f.column)
                         .arg(f.endLine)
                         .arg(f.endColumn)
                         .arg(f.statementLine)
                         .arg(f.statementColumn)
                         .arg(f.statementEndLine)
                         .arg(f.statementEndColumn);
        QCOMPARE(where, (QStringList{
                            QStringLiteral("RT203 3:5-3:32 in 1:11-3:32"),
                            QStringLiteral("RT307 3:5-3:32 in 1:11-3:32"),
                            QStringLiteral("RT101 5:11-5:23 in 5:11-5:23"),
                            QStringLiteral("RT101 5:25-5:37 in 5:25-5:37"),
                        }));
        QVERIFY(findings.first().revision.isEmpty());
        QCOMPARE(findings.first().statement,
                 QStringLiteral("ALTER TABLE t\n    ADD COLUMN a INT,\n    ALTER COLUMN b SET NOT NULL"));
    }

    // Every prefix of every statement of every fixture and example script, for every
    // dialect: the lint never crashes, never reads out of range (ASan build), and keeps its
    // positions inside the text.
    void anyTextIsSafe()
    {
        QStringList sources;
        for (const char* root : {RETORT_TEST_DATA "/lint", RETORT_SOURCE_DIR "/migrations/versions"}) {
            QDirIterator files(QString::fromLatin1(root), {QStringLiteral("*.sql")}, QDir::Files,
                               QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                if (!path.contains(QLatin1String("error_")))
                    sources << ScriptDirectory::readText(path);
            }
        }
        QVERIFY(sources.size() > 100);
        int checked = 0;
        for (Dialect dialect : {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql}) {
            LintConfig config;
            config.enable(QStringLiteral("all"), QStringLiteral("test"));
            for (const QString& source : sources) {
                for (const SqlStatement& statement :
                     NativeScript::parse(source, QStringLiteral("x.sql")).statements(Direction::Upgrade, dialect)) {
                    SqlLint lint(dialect, {}, true, config);
                    for (qsizetype length = 1; length <= statement.text.size(); length += 3) {
                        const QString prefix = statement.text.left(length);
                        for (const LintIssue& issue : lint.check(prefix)) {
                            QVERIFY(issue.begin >= 0 && issue.end <= prefix.size());
                            ++checked;
                        }
                    }
                    lint.finish();
                }
            }
        }
        QVERIFY(checked > 0);
        // Random bytes.
        QRandomGenerator random(16);
        const QString alphabet = QStringLiteral("abcdefgh ();,'\"`$[]-/*\n#.=ADDROPALTERTABLECOLUMN");
        for (int i = 0; i < 2000; ++i) {
            QString text;
            for (int j = int(random.bounded(80)); j > 0; --j)
                text += alphabet[int(random.bounded(int(alphabet.size())))];
            for (Dialect dialect : {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql})
                SqlLint(dialect, {}).check(text);
        }
    }
};

QTEST_GUILESS_MAIN(TestStatementParser)
#include "tst_statementparser.moc"
