// SPDX-License-Identifier: Apache-2.0
// The embedding example in examples/ works, and the README shows it word for word.
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradeAtStartupBringsTheDatabaseToHead()
    {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("app.db"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("sqlite:///") + database);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(UPGRADE_AT_STARTUP),
                      {QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QCOMPARE(out.count(QLatin1String("applied ")), 7);
        QVERIFY(out.contains(QLatin1String("database at 5f7d2a6c8e13")));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(database);
            QVERIFY(db.open());
            QSqlQuery query(QStringLiteral("SELECT version_num FROM alembic_version"), db);
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("5f7d2a6c8e13"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));

        // A second start finds nothing to do.
        process.start(QStringLiteral(UPGRADE_AT_STARTUP),
                      {QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("applied")));
    }

    void readmeShowsTheExample()
    {
        const QString readme = readFile(QStringLiteral(RETORT_SOURCE_DIR "/README.md"));
        QString example = readFile(QStringLiteral(RETORT_SOURCE_DIR "/examples/upgrade_at_startup.cpp"));
        // The README leaves out the licence line.
        example = example.section(u'\n', 1);
        QVERIFY(!example.isEmpty());
        QVERIFY2(readme.contains(QStringLiteral("```cpp\n") + example + QStringLiteral("```")),
                 "README.md must show examples/upgrade_at_startup.cpp (after its first line) verbatim");
    }
};

QTEST_GUILESS_MAIN(TestExamples)
#include "tst_examples.moc"
