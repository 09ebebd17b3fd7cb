// SPDX-License-Identifier: Apache-2.0
// Lint configuration: the [lint] section of retort.ini (rules on, off, raised; dialects;
// server versions; fail_on), rule selections, and the rules whose findings depend on the
// target server version.
#include "common/error.h"
#include "lint/lintconfig.h"
#include "lint/lintrules.h"
#include "lint/sqllint.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace retort;

namespace {

QStringList codesOf(const QVector<LintIssue>& issues)
{
    QStringList codes;
    for (const LintIssue& issue : issues)
        codes << issue.code;
    return codes;
}

// The codes `statements` give in one script, statement by statement, then the script's own.
QStringList lintCodes(Dialect dialect, const LintConfig& config, const QStringList& statements,
                      bool transactional = true)
{
    // "t" exists before the script, with a nullable column "c" and an enum "e".
    LintSchema before;
    before.editTable(QStringLiteral("t")).columns.insert(QStringLiteral("c"), {QStringLiteral("int")});
    before.editTable(QStringLiteral("t")).columns.insert(
        QStringLiteral("e"), {QStringLiteral("enum('a','b')"), true, false});
    SqlLint lint(dialect, before, transactional, config);
    QStringList codes;
    for (const QString& statement : statements)
        codes += codesOf(lint.check(statement));
    return codes + codesOf(lint.finish());
}

const LintRule& rule(const char* code)
{
    return *LintRules::find(code);
}

} // namespace

class TestLintConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeIni(const QByteArray& lintSection)
    {
        const QString path = m_dir.filePath(QStringLiteral("retort.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write("[retort]\nversion_locations = versions\n\n[lint]\n" + lintSection);
        return path;
    }

private Q_SLOTS:
    void defaults()
    {
        const LintConfig config;
        QCOMPARE(config.dialects, (QVector<Dialect>{Dialect::Sqlite, Dialect::PostgreSql}));
        QCOMPARE(config.target.postgresMajor, 15);
        QCOMPARE(config.failOn, LintFailOn::Error);
        for (const LintRule& each : LintRules::all()) {
            QCOMPARE(config.isEnabled(each), each.enabledByDefault);
            QCOMPARE(config.severity(each), each.severity);
        }
        // The opt-in rules: the style family and the statement timeout.
        QVERIFY(!config.isEnabled(rule("RT601")));
        QVERIFY(!config.isEnabled(rule("RT405")));
        QVERIFY(config.isEnabled(rule("RT404")));
        QVERIFY(config.fails(LintSeverity::Error));
        QVERIFY(!config.fails(LintSeverity::Warning));
    }

    void loadsTheLintSection()
    {
        const LintConfig config = LintConfig::load(writeIni(
            "dialects = postgresql, mysql\npg_version = 10\nmysql_version = mariadb-10.4\n"
            "enable = RT6xx, prefer-identity\ndisable = RT603 RT105\nerror = RT301\n"
            "info = RT404\nfail_on = warning\n"));
        QCOMPARE(config.dialects, (QVector<Dialect>{Dialect::PostgreSql, Dialect::MySql}));
        QCOMPARE(config.target.postgresMajor, 10);
        QVERIFY(config.target.mariadb);
        QVERIFY(config.target.mysqlAtLeast(10, 4, 99));
        QVERIFY(!config.target.mysqlAtLeast(10, 5));
        QCOMPARE(config.failOn, LintFailOn::Warning);
        QVERIFY(config.isEnabled(rule("RT601")));
        QVERIFY(config.isEnabled(rule("RT612")));
        QVERIFY(!config.isEnabled(rule("RT603"))); // disable wins over the family
        QVERIFY(!config.isEnabled(rule("RT105")));
        QCOMPARE(config.severity(rule("RT301")), LintSeverity::Error);
        QCOMPARE(config.severity(rule("RT404")), LintSeverity::Info);
        QVERIFY(config.fails(LintSeverity::Warning));
        QVERIFY(!config.fails(LintSeverity::Info));
        // A severity turns an opt-in rule on.
        QVERIFY(LintConfig::load(writeIni("error = RT405\n")).isEnabled(rule("RT405")));
        // No [lint] section, or no file: the defaults.
        QVERIFY(!LintConfig::load(m_dir.filePath(QStringLiteral("missing.ini"))).isEnabled(rule("RT601")));
    }

    void mistakesNameTheFileAndKey_data()
    {
        QTest::addColumn<QByteArray>("section");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray("enabled = RT601\n")
                                     << QStringLiteral("[lint] enabled: unknown setting");
        QTest::newRow("unknown rule") << QByteArray("disable = RT301, RT998\n")
                                      << QStringLiteral("[lint] disable: unknown lint rule 'RT998'");
        QTest::newRow("unknown family") << QByteArray("enable = RT9xx\n")
                                        << QStringLiteral("unknown lint rule 'RT9xx'");
        QTest::newRow("unknown dialect") << QByteArray("dialects = sqlite, oracle\n")
                                         << QStringLiteral("[lint] dialects: unknown dialect 'oracle'");
        QTest::newRow("bad pg version") << QByteArray("pg_version = latest\n")
                                        << QStringLiteral("[lint] pg_version: 'latest' is not a PostgreSQL version");
        QTest::newRow("bad mysql version") << QByteArray("mysql_version = 8\n")
                                           << QStringLiteral("[lint] mysql_version: '8' is not a MySQL");
        QTest::newRow("bad fail_on") << QByteArray("fail_on = info\n")
                                     << QStringLiteral("[lint] fail_on: expected error or warning");
    }

    void mistakesNameTheFileAndKey()
    {
        QFETCH(QByteArray, section);
        QFETCH(QString, message);
        const QString path = writeIni(section);
        try {
            LintConfig::load(path);
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Config);
            QVERIFY2(error.message().startsWith(path + QStringLiteral(": ")),
                     qPrintable(error.message()));
            QVERIFY2(error.message().contains(message), qPrintable(error.message()));
        }
    }

    void selections()
    {
        QStringList unknown;
        QCOMPARE(LintRules::select(QStringLiteral("RT301 table-rewrite,rt303"), &unknown).size(), 3);
        QVERIFY(unknown.isEmpty());
        QCOMPARE(LintRules::select(QStringLiteral("RT8xx"), &unknown).size(), 4);
        QCOMPARE(LintRules::select(QStringLiteral("all"), &unknown).size(), LintRules::all().size());
        LintRules::select(QStringLiteral("RT301 nonsense RT0xx"), &unknown);
        QCOMPARE(unknown, (QStringList{QStringLiteral("nonsense"), QStringLiteral("RT0xx")}));
        // Command-line mistakes are usage errors.
        LintConfig config;
        try {
            config.enable(QStringLiteral("RT777"), QStringLiteral("--enable"), ErrorKind::Usage);
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Usage);
            QVERIFY(error.message().startsWith(QLatin1String("--enable: unknown lint rule 'RT777'")));
        }
    }

    void targetVersions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mysql");
        QTest::newRow("8.0") << "8.0" << true << "MySQL 8.0";
        QTest::newRow("8.0.28") << "8.0.28" << true << "MySQL 8.0.28";
        QTest::newRow("5.7") << "5.7" << true << "MySQL 5.7";
        QTest::newRow("mariadb-10.11") << "mariadb-10.11" << true << "MariaDB 10.11";
        QTest::newRow("server string") << "10.11.6-MariaDB" << true << "MariaDB 10.11.6";
        QTest::newRow("11.x is MariaDB") << "11.4" << true << "MariaDB 11.4";
        QTest::newRow("no minor") << "8" << false << QString();
        QTest::newRow("words") << "latest" << false << QString();
    }

    void targetVersions()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, mysql);
        LintTarget target;
        QCOMPARE(target.setMySql(text), valid);
        if (valid)
            QCOMPARE(target.mysqlText(), mysql);
        QVERIFY(target.setPostgres(QStringLiteral("9.6")));
        QCOMPARE(target.postgresMajor, 9);
        QVERIFY(!target.setPostgres(QStringLiteral("fifteen")));
        QVERIFY(!target.setPostgres(QStringLiteral("7")));
    }

    // The rules whose findings depend on the PostgreSQL version.
    void postgresVersions()
    {
        LintConfig pg10;
        pg10.target.setPostgres(QStringLiteral("10"));
        LintConfig pg11;
        pg11.target.setPostgres(QStringLiteral("11"));
        LintConfig pg12;
        pg12.target.setPostgres(QStringLiteral("12"));
        for (LintConfig* config : {&pg10, &pg11, &pg12})
            config->disable(QStringLiteral("RT404"), QStringLiteral("test"));
        const QString constantDefault = QStringLiteral("ALTER TABLE t ADD COLUMN d TEXT DEFAULT 'x'");
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg10, {constantDefault}),
                 QStringList{QStringLiteral("RT302")});
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg11, {constantDefault}), QStringList());
        // A volatile default rewrites on every version.
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg11,
                           {QStringLiteral("ALTER TABLE t ADD COLUMN d FLOAT DEFAULT random()")}),
                 QStringList{QStringLiteral("RT302")});
        // ADD VALUE in a transaction fails before 12.
        const QString addValue = QStringLiteral("ALTER TYPE mood ADD VALUE 'x' AFTER 'y'");
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg11, {addValue}), QStringList{QStringLiteral("RT403")});
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg12, {addValue}), QStringList());
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg11, {addValue}, false), QStringList());
        // SET NOT NULL after a validated CHECK (c IS NOT NULL): no scan from 12, no failure ever.
        const QStringList checked = {
            QStringLiteral("ALTER TABLE t ADD CONSTRAINT nn CHECK (c IS NOT NULL) NOT VALID"),
            QStringLiteral("ALTER TABLE t VALIDATE CONSTRAINT nn"),
            QStringLiteral("ALTER TABLE t ALTER COLUMN c SET NOT NULL")};
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg12, checked), QStringList());
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg11, checked), QStringList{QStringLiteral("RT307")});
        // Not validated: both.
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg12, {checked[0], checked[2]}),
                 (QStringList{QStringLiteral("RT203"), QStringLiteral("RT307")}));
        // Identity columns exist from 10.
        LintConfig pg9;
        pg9.target.setPostgres(QStringLiteral("9.6"));
        pg9.enable(QStringLiteral("RT602"), QStringLiteral("test"));
        pg10.enable(QStringLiteral("RT602"), QStringLiteral("test"));
        const QString serial = QStringLiteral("CREATE TABLE n (id SERIAL PRIMARY KEY)");
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg9, {serial}), QStringList());
        QCOMPARE(lintCodes(Dialect::PostgreSql, pg10, {serial}), QStringList{QStringLiteral("RT602")});
    }

    // The rules whose findings depend on the MySQL or MariaDB version.
    void mysqlVersions_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("codes");
        const QStringList rebuild{QStringLiteral("RT702")};
        const QString addLast = QStringLiteral("ALTER TABLE t ADD COLUMN x INT");
        const QString addAfter = QStringLiteral("ALTER TABLE t ADD COLUMN x INT AFTER c");
        const QString drop = QStringLiteral("ALTER TABLE t DROP COLUMN c");
        const QString move = QStringLiteral("ALTER TABLE t MODIFY c INT FIRST");
        QTest::newRow("5.7 add last") << "5.7" << addLast << rebuild;
        QTest::newRow("8.0.11 add last") << "8.0.11" << addLast << rebuild;
        QTest::newRow("8.0.12 add last") << "8.0.12" << addLast << QStringList();
        QTest::newRow("8.0.28 add after") << "8.0.28" << addAfter << rebuild;
        QTest::newRow("8.0.29 add after") << "8.0.29" << addAfter << QStringList();
        QTest::newRow("8.0 add after") << "8.0" << addAfter << QStringList();
        QTest::newRow("8.0.28 drop") << "8.0.28" << drop << (QStringList{QStringLiteral("RT102"), QStringLiteral("RT702")});
        QTest::newRow("8.0.29 drop") << "8.0.29" << drop << QStringList{QStringLiteral("RT102")};
        QTest::newRow("mysql move") << "8.0" << move << rebuild;
        QTest::newRow("mariadb 10.3 add after") << "mariadb-10.3" << addAfter << rebuild;
        QTest::newRow("mariadb 10.4 add after") << "mariadb-10.4" << addAfter << QStringList();
        QTest::newRow("mariadb 10.4 move") << "mariadb-10.4" << move << QStringList();
        QTest::newRow("mariadb 10.2 add last") << "mariadb-10.2" << addLast << rebuild;
        // Copies, whatever the version.
        QTest::newRow("type change") << "8.0" << "ALTER TABLE t MODIFY c BIGINT"
                                     << QStringList{QStringLiteral("RT701")};
        QTest::newRow("same type, other spelling") << "8.0" << "ALTER TABLE t MODIFY c INT(11)"
                                                   << QStringList();
        QTest::newRow("not null") << "8.0" << "ALTER TABLE t MODIFY c INT NOT NULL"
                                  << (QStringList{QStringLiteral("RT203"), QStringLiteral("RT702")});
        QTest::newRow("inplace copy fails") << "8.0" << "ALTER TABLE t MODIFY c BIGINT, ALGORITHM=INPLACE"
                                            << QStringList{QStringLiteral("RT701")};
        QTest::newRow("explicit copy") << "8.0" << "ALTER TABLE t ADD COLUMN x INT, ALGORITHM=COPY"
                                       << QStringList{QStringLiteral("RT701")};
        QTest::newRow("foreign key") << "8.0" << "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES u (id)"
                                     << QStringList{QStringLiteral("RT701")};
        QTest::newRow("drop primary key") << "8.0" << "ALTER TABLE t DROP PRIMARY KEY"
                                          << QStringList{QStringLiteral("RT701")};
        QTest::newRow("swap primary key") << "8.0" << "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (c)"
                                          << (QStringList{QStringLiteral("RT202"), QStringLiteral("RT702")});
        QTest::newRow("enum appended") << "8.0" << "ALTER TABLE t MODIFY e ENUM('a','b','c') NOT NULL"
                                       << QStringList();
        QTest::newRow("enum removed") << "8.0" << "ALTER TABLE t MODIFY e ENUM('a') NOT NULL"
                                      << QStringList{QStringLiteral("RT703")};
        // Leaving out NOT NULL makes the column nullable: clients see NULLs, MySQL rebuilds.
        QTest::newRow("enum appended, nullable") << "8.0" << "ALTER TABLE t MODIFY e ENUM('a','b','c')"
                                                 << (QStringList{QStringLiteral("RT503"), QStringLiteral("RT702")});
        QTest::newRow("enum inserted") << "8.0" << "ALTER TABLE t MODIFY e ENUM('x','a','b') NOT NULL"
                                       << QStringList{QStringLiteral("RT704")};
        QTest::newRow("not null without default") << "8.0" << "ALTER TABLE t ADD COLUMN r INT NOT NULL"
                                                  << QStringList{QStringLiteral("RT705")};
        QTest::newRow("long identifier") << "8.0"
                                         << "ALTER TABLE t ADD COLUMN a_very_long_column_name_that_mysql_refuses_since_it_has_more_than_64 INT"
                                         << QStringList{QStringLiteral("RT504")};
    }

    void mysqlVersions()
    {
        QFETCH(QString, version);
        QFETCH(QString, sql);
        QFETCH(QStringList, codes);
        LintConfig config;
        QVERIFY(config.target.setMySql(version));
        config.disable(QStringLiteral("RT404"), QStringLiteral("test"));
        QCOMPARE(lintCodes(Dialect::MySql, config, {sql}), codes);
    }

    // foreign_key_checks = 0 lets MySQL add a foreign key in place.
    void foreignKeyChecksOff()
    {
        LintConfig config;
        config.disable(QStringLiteral("RT404"), QStringLiteral("test"));
        QCOMPARE(lintCodes(Dialect::MySql, config,
                           {QStringLiteral("SET foreign_key_checks = 0"),
                            QStringLiteral("ALTER TABLE t ADD FOREIGN KEY (c) REFERENCES u (id)")}),
                 QStringList());
    }

    // RT404: once per script, at the first locking statement; a SET before it is enough.
    void lockTimeout()
    {
        const LintConfig config;
        QCOMPARE(lintCodes(Dialect::PostgreSql, config,
                           {QStringLiteral("ALTER TABLE t ADD COLUMN a TEXT"),
                            QStringLiteral("ALTER TABLE t ADD COLUMN b TEXT")}),
                 QStringList{QStringLiteral("RT404")});
        for (const char* set : {"SET lock_timeout = '2s'", "SET LOCAL lock_timeout TO 2000",
                                "SELECT set_config('lock_timeout', '2s', true)"})
            QCOMPARE(lintCodes(Dialect::PostgreSql, config,
                               {QString::fromLatin1(set), QStringLiteral("ALTER TABLE t ADD COLUMN a TEXT")}),
                     QStringList());
        QCOMPARE(lintCodes(Dialect::PostgreSql, config,
                           {QStringLiteral("SET lock_timeout = 0"),
                            QStringLiteral("ALTER TABLE t ADD COLUMN a TEXT")}),
                 QStringList{QStringLiteral("RT404")});
        QCOMPARE(lintCodes(Dialect::MySql, config,
                           {QStringLiteral("SET SESSION lock_wait_timeout = 5, foreign_key_checks = 1"),
                            QStringLiteral("ALTER TABLE t ADD COLUMN a TEXT")}),
                 QStringList());
        // New tables and concurrent builds wait for nobody.
        QCOMPARE(lintCodes(Dialect::PostgreSql, config,
                           {QStringLiteral("CREATE TABLE n (id INT)"),
                            QStringLiteral("ALTER TABLE n ADD COLUMN a TEXT")}),
                 QStringList());
        QCOMPARE(lintCodes(Dialect::PostgreSql, config,
                           {QStringLiteral("CREATE INDEX CONCURRENTLY ix ON t (c)")}, false),
                 QStringList());
        // SQLite has no such setting: not for it.
        QCOMPARE(lintCodes(Dialect::Sqlite, config, {QStringLiteral("ALTER TABLE t ADD COLUMN a TEXT")}),
                 QStringList());
    }

    void transactionsInScripts()
    {
        const LintConfig config;
        QCOMPARE(lintCodes(Dialect::PostgreSql, config,
                           {QStringLiteral("BEGIN"), QStringLiteral("CREATE TABLE n (id INT)")}, false),
                 QStringList{QStringLiteral("RT401")});
        QCOMPARE(lintCodes(Dialect::PostgreSql, config,
                           {QStringLiteral("START TRANSACTION"), QStringLiteral("BEGIN"),
                            QStringLiteral("COMMIT")},
                           false),
                 QStringList{QStringLiteral("RT402")});
        QCOMPARE(lintCodes(Dialect::Sqlite, config,
                           {QStringLiteral("BEGIN IMMEDIATE"), QStringLiteral("VACUUM"),
                            QStringLiteral("END TRANSACTION")},
                           false),
                 QStringList{QStringLiteral("RT403")});
    }
};

QTEST_GUILESS_MAIN(TestLintConfig)
#include "tst_lintconfig.moc"
