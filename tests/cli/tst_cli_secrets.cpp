// SPDX-License-Identifier: Apache-2.0
// Passwords and the command line: --url-env and --password-prompt keep a password out of the
// process list, and no form of a password (in the URL, a libpq parameter, alembic.ini's
// interpolation, ${...} fragments) is printed, whatever fails.
#include "childprocess.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

namespace {

const QString kExample = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");
const QString kSecret = QStringLiteral("hunter2");
// Nothing listens on port 1: every connection fails at once, after the URL is read.
const QString kUnreachable =
    QStringLiteral("postgresql://someone:hunter2@127.0.0.1:1/nowhere?connect_timeout=2");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// `retort ARGS` in a session of its own (no controlling terminal: --password-prompt reads
// standard input), with `input` on standard input and `environment` added.
Run runRetort(const QStringList& arguments, const QByteArray& input = {},
           const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(QStringLiteral(RETORT_CLI), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qFatal("retort did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestCliSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlFromEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RETORT_TEST_DB"), kUnreachable);
        const Run run = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url-env"),
                                QStringLiteral("RETORT_TEST_DB"), QStringLiteral("current")},
                               {}, environment);
        QCOMPARE(run.exitCode, 4); // the URL was read and tried
        QVERIFY2(run.err.contains(QLatin1String("someone:***@127.0.0.1:1")), qPrintable(run.err));
        QVERIFY(!run.err.contains(kSecret) && !run.out.contains(kSecret));

        const Run unset = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url-env"),
                                  QStringLiteral("RETORT_TEST_NO_SUCH_VARIABLE"),
                                  QStringLiteral("current")});
        QCOMPARE(unset.exitCode, 2);
        QVERIFY2(unset.err.contains(QLatin1String("RETORT_TEST_NO_SUCH_VARIABLE is not set")),
                 qPrintable(unset.err));
        const Run both = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"),
                                 QStringLiteral("sqlite://"), QStringLiteral("--url-env"),
                                 QStringLiteral("RETORT_TEST_DB"), QStringLiteral("current")},
                                {}, environment);
        QCOMPARE(both.exitCode, 2);
    }

    void passwordPrompt()
    {
        const QString url =
            QStringLiteral("postgresql://someone@127.0.0.1:1/nowhere?connect_timeout=2");
        const Run run = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), url,
                                QStringLiteral("--password-prompt"), QStringLiteral("current")},
                               "hunter2\n");
        QCOMPARE(run.exitCode, 4);
        // The typed password was used (the masked URL shows one) and never printed.
        QVERIFY2(run.err.contains(QLatin1String("someone:***@127.0.0.1:1")), qPrintable(run.err));
        QVERIFY(!run.err.contains(kSecret) && !run.out.contains(kSecret));

        const Run nothing = runRetort({QStringLiteral("-c"), kExample, QStringLiteral("--url"), url,
                                    QStringLiteral("--password-prompt"),
                                    QStringLiteral("current")});
        QCOMPARE(nothing.exitCode, 2);
        QVERIFY2(nothing.err.contains(QLatin1String("no password was typed")),
                 qPrintable(nothing.err));
    }

    void noFormOfAPasswordIsPrinted_data()
    {
        QTest::addColumn<QString>("ini");      // file name: retort.ini or alembic.ini
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("url");      // --url, or "" for the config's
        QTest::addColumn<QString>("secret");   // must appear nowhere
        QTest::newRow("alembic.ini percent-encoded")
            << QStringLiteral("alembic.ini")
            << QByteArray("[alembic]\nscript_location = %(here)s\n"
                          "sqlalchemy.url = postgresql://app:hun%40ter2@localhost/app\n")
            << QString() << QStringLiteral("40ter2");
        QTest::newRow("libpq password parameter")
            << QStringLiteral("retort.ini") << QByteArray("[retort]\n")
            << QStringLiteral("postgresql://app@localhost/app?sslmode=require&password=hunter2")
            << kSecret;
        QTest::newRow("${...} in the password")
            << QStringLiteral("retort.ini")
            << QByteArray("[retort]\nurl = postgresql://app:hun${ter2}x@localhost/app\n")
            << QString() << QStringLiteral("ter2");
        QTest::newRow("unset ${...} in the password")
            << QStringLiteral("retort.ini")
            << QByteArray("[retort]\nurl = postgresql://app:hun${TER2_RETORT_TEST}x@localhost/app\n")
            << QString() << QStringLiteral("TER2");
    }

    void noFormOfAPasswordIsPrinted()
    {
        QFETCH(QString, ini);
        QFETCH(QByteArray, text);
        QFETCH(QString, url);
        QFETCH(QString, secret);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("versions")));
        writeFile(dir.filePath(ini), text);
        QStringList arguments{QStringLiteral("-c"), dir.filePath(ini)};
        if (!url.isEmpty())
            arguments << QStringLiteral("--url") << url;
        for (const char* command : {"current", "history"}) {
            const Run run = runRetort(arguments + QStringList{QString::fromLatin1(command),
                                                           QStringLiteral("-v")});
            QVERIFY2(!run.err.contains(secret) && !run.out.contains(secret),
                     qPrintable(run.err + run.out));
            if (qstrcmp(command, "current") == 0)
                QVERIFY2(run.exitCode == 3 || run.exitCode == 4, qPrintable(run.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
