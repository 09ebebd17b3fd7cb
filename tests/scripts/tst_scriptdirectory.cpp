// SPDX-License-Identifier: Apache-2.0
// Reading a project's scripts from disk: order, which files count, errors, large projects.
#include "common/error.h"
#include "generatedproject.h"
#include "project/project.h"
#include "scripts/scriptdirectory.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;

namespace {

const QString kProjects = QStringLiteral(RETORT_TEST_DATA "/projects");

QStringList fileNames(const QStringList& paths)
{
    QStringList names;
    for (const QString& path : paths)
        names << QDir(kProjects).relativeFilePath(path);
    return names;
}

QByteArray ini(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void appendTo(const QString& path, const QByteArray& text)
{
    QFile file(path);
    if (file.open(QIODevice::Append))
        file.write(text);
}

QString loadError(const QString& configPath)
{
    try {
        Project::open(configPath);
    } catch (const Error& error) {
        return error.message();
    }
    return {};
}

} // namespace

class TestScriptDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alembicFilesInAlembicOrder()
    {
        const ProjectConfig config =
            ProjectConfig::load(kProjects + QStringLiteral("/alembic_shop/alembic.ini"));
        // Files of a folder sorted by name, then its subfolders; no __init__, editor lock
        // files or compiled files.
        QCOMPARE(fileNames(ScriptDirectory::scriptFiles(config.scriptLocations())),
                 QStringList({QStringLiteral("alembic_shop/alembic/versions/1a2b3c4d5e6f_create_products.py"),
                              QStringLiteral("alembic_shop/alembic/versions/2b3c4d5e6f70_add_orders.py"),
                              QStringLiteral("alembic_shop/alembic/versions/3c4d5e6f7081_add_invoices.py"),
                              QStringLiteral("alembic_shop/alembic/versions/2026/4d5e6f708192_add_shipments.py"),
                              QStringLiteral("alembic_shop/alembic/versions/2026/5e6f708192a3_merge.py")}));
    }

    void alembicProjectThatImportsItsOwnPackages()
    {
        // Alembic itself cannot list this history without the project's `shop` package.
        const Project project = Project::open(kProjects + QStringLiteral("/alembic_shop/alembic.ini"));
        const RevisionGraph& graph = project.graph();
        QCOMPARE(graph.count(), 5);
        QCOMPARE(graph.heads().size(), 1);
        QCOMPARE(graph.id(graph.heads().first()), QStringLiteral("5e6f708192a3"));
        QCOMPARE(graph.revision(graph.labelOwner(QStringLiteral("billing"))).id,
                 QStringLiteral("3c4d5e6f7081"));
        QCOMPARE(graph.revision(0).message, QStringLiteral("create products"));
        QVERIFY(graph.isMergePoint(graph.indexOf(QStringLiteral("5e6f708192a3"))));
    }

    void theExampleProjectLoads()
    {
        const Project project =
            Project::open(QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini"));
        const RevisionGraph& graph = project.graph();
        QCOMPARE(graph.count(), 7);
        QCOMPARE(graph.heads().size(), 1);
        QCOMPARE(graph.bases().size(), 1);
        int branchPoints = 0, mergePoints = 0;
        for (int i = 0; i < graph.count(); ++i) {
            branchPoints += graph.isBranchPoint(i);
            mergePoints += graph.isMergePoint(i);
        }
        QCOMPARE(branchPoints, 1);
        QCOMPARE(mergePoints, 1);
    }

    void everyBrokenScriptIsNamed()
    {
        const QString message = loadError(kProjects + QStringLiteral("/native_broken/retort.ini"));
        QVERIFY2(message.contains(QLatin1String("bbbb00000002_no_parent.sql")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("bbbb00000003_typo.sql:2")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("bbbb00000001_fine.sql")), qPrintable(message));
    }

    void cycleNamesItsRevisionsAndFiles()
    {
        const QString message = loadError(kProjects + QStringLiteral("/native_cycle/retort.ini"));
        QVERIFY2(message.contains(QLatin1String("cycle")), qPrintable(message));
        for (const char* id : {"aaaa00000001", "aaaa00000002", "aaaa00000003"})
            QVERIFY2(message.contains(QLatin1String(id)), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("aaaa00000002_two.sql")), qPrintable(message));
    }

    void hiddenAndNonSqlFilesAreSkipped()
    {
        QTemporaryDir dir;
        const QVector<Revision> revisions = testsupport::generatedRevisions(3);
        const QString config = testsupport::writeNativeProject(dir.path(), revisions);
        QFile(dir.filePath(QStringLiteral("versions/.000000000009_swap.sql"))).open(QIODevice::WriteOnly);
        QFile(dir.filePath(QStringLiteral("versions/notes.txt"))).open(QIODevice::WriteOnly);
        QCOMPARE(Project::open(config).graph().count(), 3);
    }

    void missingVersionFolderIsAConfigError()
    {
        QTemporaryDir dir;
        QFile ini(dir.filePath(QStringLiteral("retort.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[retort]\nversion_locations = nowhere\n");
        ini.close();
        try {
            Project::open(ini.fileName());
            QFAIL("a missing version folder was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Config);
            QVERIFY2(error.message().contains(QLatin1String("nowhere")), qPrintable(error.message()));
        }
    }

    // versions/loop -> . made listing grow without end (2.6 GB after 70 s); a folder reached
    // twice through links without a loop is read once.
    void symbolicLinkLoopIsReported()
    {
        QTemporaryDir dir;
        const QString config =
            testsupport::writeNativeProject(dir.path(), testsupport::generatedRevisions(3));
        const QString versions = dir.filePath(QStringLiteral("versions"));
        QVERIFY(QDir(versions).mkpath(QStringLiteral("sub")));
        QVERIFY(QFile::link(QStringLiteral(".."), versions + QStringLiteral("/sub/up")));
        const ScriptLocations locations{ScriptFormat::Native, config, {versions}, true};
        try {
            ScriptDirectory::scriptFiles(locations);
            QFAIL("a folder loop was listed");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Config);
            QVERIFY2(error.message().contains(versions + QStringLiteral("/sub/up leads back to ") +
                                              versions),
                     qPrintable(error.message()));
        }

        QVERIFY(QFile::remove(versions + QStringLiteral("/sub/up")));
        QVERIFY(QFile::link(QStringLiteral("."), versions + QStringLiteral("/loop")));
        QVERIFY(ini(config).contains("version_locations"));
        appendTo(config, "recursive_version_locations = true\n");
        const QString message = loadError(config);
        QVERIFY2(message.contains(QLatin1String("versions/loop leads back to")), qPrintable(message));

        // Two links to one folder, no loop: its scripts are read once.
        QVERIFY(QFile::remove(versions + QStringLiteral("/loop")));
        QTemporaryDir shared;
        QVERIFY(QFile::link(shared.path(), versions + QStringLiteral("/a")));
        QVERIFY(QFile::link(shared.path(), versions + QStringLiteral("/sub/b")));
        QFile::rename(versions + QStringLiteral("/000000000002_step.sql"),
                      shared.filePath(QStringLiteral("000000000002_step.sql")));
        QCOMPARE(ScriptDirectory::scriptFiles(locations).size(), 3);
        QCOMPARE(Project::open(config).graph().count(), 3);
    }

    // The metadata cache (in $XDG_CACHE_HOME/retort) must never hide an edit.
    void cacheNeverHidesAnEdit()
    {
        QTemporaryDir cacheHome, projectDir;
        qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
        const QString config =
            testsupport::writeNativeProject(projectDir.path(), testsupport::generatedRevisions(3));
        QTest::qWait(3200); // older than the cache's window for same-second writes

        QCOMPARE(Project::open(config).graph().revision(1).message, QStringLiteral("step 2"));
        const QStringList cacheFiles =
            QDir(cacheHome.filePath(QStringLiteral("retort"))).entryList(QDir::Files);
        QCOMPARE(cacheFiles.size(), 1);
        QCOMPARE(Project::open(config).graph().revision(1).message, QStringLiteral("step 2"));

        // Same size, same modification time: the change time still tells.
        const QString second = ScriptDirectory::scriptFiles(ProjectConfig::load(config).scriptLocations()).at(1);
        const QDateTime modified = QFileInfo(second).lastModified();
        QString text = ScriptDirectory::readText(second);
        text.replace(QStringLiteral("message: step 2"), QStringLiteral("message: step X"));
        {
            QFile file(second);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text.toUtf8());
            file.close();
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
        }
        QCOMPARE(Project::open(config).graph().revision(1).message, QStringLiteral("step X"));

        QVERIFY(QFile::remove(ScriptDirectory::scriptFiles(ProjectConfig::load(config).scriptLocations()).at(2)));
        QCOMPARE(Project::open(config).graph().count(), 2);

        // A damaged cache is ignored and rebuilt.
        QFile cache(cacheHome.filePath(QStringLiteral("retort/") + cacheFiles.first()));
        QVERIFY(cache.open(QIODevice::ReadWrite));
        QVERIFY(cache.resize(10));
        cache.close();
        QCOMPARE(Project::open(config).graph().revision(1).message, QStringLiteral("step X"));
        qunsetenv("XDG_CACHE_HOME");
    }

    void generatedProjectsOfBothFormats_data()
    {
        QTest::addColumn<bool>("alembic");
        QTest::newRow("native") << false;
        QTest::newRow("alembic") << true;
    }

    void generatedProjectsOfBothFormats()
    {
        QFETCH(bool, alembic);
        QTemporaryDir dir;
        const QVector<Revision> revisions = testsupport::generatedRevisions(10000);
        const QString config = alembic ? testsupport::writeAlembicProject(dir.path(), revisions)
                                       : testsupport::writeNativeProject(dir.path(), revisions);
        const Project project = Project::open(config);
        QCOMPARE(project.graph().count(), 10000);
        QCOMPARE(project.graph().heads().size(), 1);
        for (int i : {0, 48, 49, 9999}) {
            const Revision& read = project.graph().revision(i);
            QCOMPARE(read.id, revisions[i].id);
            QCOMPARE(read.downRevisions, revisions[i].downRevisions);
            QCOMPARE(read.message, revisions[i].message);
        }
        QCOMPARE(project.graph().history().size(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestScriptDirectory)
#include "tst_scriptdirectory.moc"
