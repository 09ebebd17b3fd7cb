// SPDX-License-Identifier: Apache-2.0
// Writing new revisions: ids become file names, so an id can never lead out of the version
// folder, whether it comes from --rev-id, a script file or an Alembic revision file.
#include "childprocess.h"
#include "common/error.h"
#include "graph/revision.h"
#include "project/project.h"
#include "project/revisionauthor.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;

namespace {

// A native project in `root`/project with no revisions; returns its config.
QString emptyProject(const QTemporaryDir& root)
{
    QDir(root.path()).mkpath(QStringLiteral("project/versions"));
    const QString config = root.filePath(QStringLiteral("project/retort.ini"));
    QFile ini(config);
    if (ini.open(QIODevice::WriteOnly))
        ini.write("[retort]\nversion_locations = versions\nurl = sqlite:///app.db\n");
    return config;
}

// Every file under `root`, relative to it.
QStringList filesUnder(const QString& root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestRevisionAuthor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsStayInsideTheVersionFolder_data();
    void idsStayInsideTheVersionFolder();
    void cliRefusesEscapingIds();
    void scriptFilesWithEscapingIdsAreRefused_data();
    void scriptFilesWithEscapingIdsAreRefused();
};

void TestRevisionAuthor::idsStayInsideTheVersionFolder_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("escape up") << QStringLiteral("../../escaped") << false;
    QTest::newRow("absolute") << QStringLiteral("//tmp/x") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
    QTest::newRow("dots") << QStringLiteral("..") << false;
    QTest::newRow("inner dots") << QStringLiteral("a..b") << false;
    QTest::newRow("hidden") << QStringLiteral(".hidden") << false;
    QTest::newRow("escape sequence") << QStringLiteral("a\x1b[2Jb") << false;
    QTest::newRow("newline") << QStringLiteral("a\nb") << false;
    QTest::newRow("right-to-left override") << QStringLiteral("a\u202eb") << false;
    QTest::newRow("dash (Alembic)") << QStringLiteral("a-b") << false;
    QTest::newRow("hex") << QStringLiteral("ae1027a6acf0") << true;
    QTest::newRow("dot inside") << QStringLiteral("v1.2_add") << true;
    QTest::newRow("word") << QStringLiteral("baseline") << true;
    QTest::newRow("non-ASCII") << QStringLiteral("änderung") << true;
}

void TestRevisionAuthor::idsStayInsideTheVersionFolder()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidRevisionId(id), valid);
    QTemporaryDir root;
    const QString config = emptyProject(root);
    const Project project = Project::open(config);
    NewRevision request;
    request.message = QStringLiteral("x");
    request.revisionId = id;
    try {
        const QString path = RevisionAuthor(project).create(request);
        QVERIFY2(valid, qPrintable(path));
        QCOMPARE(QFileInfo(path).absolutePath(), root.filePath(QStringLiteral("project/versions")));
    } catch (const Error& error) {
        QVERIFY2(!valid, qPrintable(error.message()));
        QCOMPARE(error.kind(), ErrorKind::Usage);
        QVERIFY2(!error.message().contains(QChar(0x1b)) && !error.message().contains(u'\n'),
                 qPrintable(error.message()));
    }
    const QStringList expected =
        valid ? QStringList{QStringLiteral("project/retort.ini"),
                            QStringLiteral("project/versions/") + id + QStringLiteral("_x.sql")}
              : QStringList{QStringLiteral("project/retort.ini")};
    QCOMPARE(filesUnder(root.path()), expected);

    // Branch labels follow the same rules.
    NewRevision labelled;
    labelled.message = QStringLiteral("y");
    labelled.branchLabels = {id + QStringLiteral("_l")};
    labelled.revisionId = QStringLiteral("label0000001");
    labelled.parents = {QStringLiteral("base")};
    bool accepted = true;
    try {
        RevisionAuthor(Project::open(config)).create(labelled);
    } catch (const Error&) {
        accepted = false;
    }
    QCOMPARE(accepted, valid);
}

void TestRevisionAuthor::cliRefusesEscapingIds()
{
    QTemporaryDir root;
    const QString config = emptyProject(root);
    for (const QString& id : {QStringLiteral("../../escaped"), QStringLiteral("//tmp/retort-x")}) {
        const auto run = testsupport::runProgram(
            QStringLiteral(RETORT_CLI), {QStringLiteral("-c"), config, QStringLiteral("revision"),
                                         QStringLiteral("-m"), QStringLiteral("m"),
                                         QStringLiteral("--rev-id"), id});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("cannot be a revision id")), qPrintable(run.err));
    }
    QCOMPARE(filesUnder(root.path()), QStringList{QStringLiteral("project/retort.ini")});
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/retort-x_m.sql")));
}

void TestRevisionAuthor::scriptFilesWithEscapingIdsAreRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("native revision")
        << QStringLiteral("versions/a.sql")
        << QByteArray("-- revision: ../../x\n-- down_revision:\n\n-- +upgrade\n\n-- +downgrade\n");
    QTest::newRow("native parent")
        << QStringLiteral("versions/a.sql")
        << QByteArray("-- revision: a1\n-- down_revision: /tmp/x\n\n-- +upgrade\n\n-- +downgrade\n");
    QTest::newRow("alembic revision")
        << QStringLiteral("versions/a.py")
        << QByteArray("revision = '../../x'\ndown_revision = None\n");
    QTest::newRow("alembic escape sequence")
        << QStringLiteral("versions/a.py")
        << QByteArray("revision = 'a\\x1b[2J'\ndown_revision = None\n");
}

void TestRevisionAuthor::scriptFilesWithEscapingIdsAreRefused()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, text);
    QTemporaryDir root;
    QDir(root.path()).mkpath(QStringLiteral("versions"));
    if (file.endsWith(QLatin1String(".py"))) {
        writeFile(root.filePath(QStringLiteral("alembic.ini")),
                  "[alembic]\nscript_location = %(here)s\n");
    } else {
        writeFile(root.filePath(QStringLiteral("retort.ini")), "[retort]\n");
    }
    writeFile(root.filePath(file), text);
    const QString config = root.filePath(file.endsWith(QLatin1String(".py"))
                                             ? QStringLiteral("alembic.ini")
                                             : QStringLiteral("retort.ini"));
    try {
        Project::open(config);
        QFAIL("an id with a path in it was read");
    } catch (const Error& error) {
        QVERIFY2(error.message().contains(root.filePath(file)), qPrintable(error.message()));
        QCOMPARE(error.kind(), ErrorKind::Script);
        QVERIFY2(!error.message().contains(QChar(0x1b)), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(TestRevisionAuthor)
#include "tst_revisionauthor.moc"
