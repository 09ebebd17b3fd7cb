// SPDX-License-Identifier: Apache-2.0
// Shared by tst_ddlgenerator and tst_ddlgenerator_postgres: the cases of tests/data/ddl/<case>/
// (from.sql and to.sql are models, data.sql rows put in before the change, <dialect>.sql the
// expected DDL), and a scratch project that autogenerates, upgrades and downgrades them with
// the real runner.
#pragma once

#include "database/databaseconnection.h"
#include "ddl/ddlgenerator.h"
#include "ddl/ddlwriter.h"
#include "ddl/revisionautogenerator.h"
#include "runnertesting.h"
#include "schema/devdatabase.h"
#include "schemadifftesthelpers.h"
#include "scripts/statementsplitter.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

namespace retort::ddltest {

inline const QString kDdlCases = QStringLiteral(RETORT_TEST_DATA "/ddl");

inline QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

inline QString casePath(const QString& name, const QString& file)
{
    return kDdlCases + u'/' + name + u'/' + file;
}

// The cases with expected DDL for `dialect`.
inline QStringList casesFor(Dialect dialect)
{
    QStringList cases;
    const QDir root(kDdlCases);
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(casePath(name, dialectName(dialect) + QStringLiteral(".sql"))))
            cases.append(name);
    }
    return cases;
}

// The upgrade and the downgrade of a case as one text, the form of the golden files. The
// models load in `dev` (one temporary database for all cases of a test).
inline QString generatedText(const QString& name, const DatabaseUrl& server, DevDatabase& dev)
{
    const SchemaReadOptions options;
    const Schema from = SchemaModel::load(casePath(name, QStringLiteral("from.sql")), dev, options);
    const Schema to = SchemaModel::load(casePath(name, QStringLiteral("to.sql")), dev, options);
    const DdlGenerator generator(server.dialect());
    return QStringLiteral("-- +upgrade\n") + DdlGenerator::render(generator.generate(from, to)) +
           QStringLiteral("\n-- +downgrade\n") + DdlGenerator::render(generator.generate(to, from));
}

// Runs `sql` (several statements) on `url`; the first failure as "statement: error".
inline QString runSql(const QString& url, const QString& sql)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("ddltest"));
    const Dialect dialect = connection.dialect();
    for (const SqlStatement& statement : StatementSplitter::split(sql, dialect)) {
        QSqlQuery query(connection.db());
        if (!query.exec(statement.text))
            return statement.text + QStringLiteral(": ") + query.lastError().text();
    }
    return {};
}

// Every row of the columns `from` and `to` share, of every table both have, as text.
inline QStringList rows(const QString& url, const Schema& from, const Schema& to)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("ddlrows"));
    QStringList result;
    for (const Table& table : from.tables) {
        const Table* other = to.table(table.schema, table.name);
        if (!other)
            continue;
        QStringList columns;
        for (const Column& column : table.columns) {
            if (other->column(column.name))
                columns.append(DdlWriter::quote(column.name));
        }
        const QString list = columns.join(QStringLiteral(", "));
        QSqlQuery query(connection.db());
        if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %1")
                            .arg(list, DdlWriter::quote(table.name)))) {
            result.append(query.lastError().text());
            continue;
        }
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
            result.append(table.name + QStringLiteral(": ") + values.join(QStringLiteral(" | ")));
        }
    }
    return result;
}

// A native project in a temporary folder whose model the test sets, for the real
// autogenerate / upgrade / downgrade / check cycle. `devUrl` is where models load and the
// scripts replay (the test server itself, rather than a throwaway local server per replay:
// these tests are about the DDL; tst_devdatabase_postgres covers the dev database).
class ScratchProject
{
public:
    explicit ScratchProject(QString url, QString devUrl = {})
        : m_url(std::move(url)),
          m_dev(std::make_shared<DevDatabase>(DatabaseUrl::parse(m_url), devUrl))
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("versions"));
        QFile ini(configPath());
        if (ini.open(QIODevice::WriteOnly))
            ini.write("[retort]\nscript_location = .\nversion_locations = versions\n"
                      "model = model.sql\n");
    }

    QString configPath() const { return m_dir.filePath(QStringLiteral("retort.ini")); }
    QString folder() const { return m_dir.path(); }
    const QString& url() const { return m_url; }

    void setModel(const QString& text) const
    {
        QFile file(m_dir.filePath(QStringLiteral("model.sql")));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(text.toUtf8());
    }

    // A new revision `id` on the current head, autogenerated from the model.
    AutogeneratedRevision autogenerate(const QString& id) const
    {
        const Project project = Project::open(configPath());
        NewRevision request;
        request.message = QStringLiteral("autogenerated ") + id;
        request.revisionId = id;
        return RevisionAutogenerator(project, m_url, m_dev).create(request);
    }

    void migrate(Direction direction, const QString& target) const
    {
        testsupport::runSync(testsupport::runRequest(configPath(), m_url, direction, target));
    }

    Schema database() const
    {
        const Project project = Project::open(configPath());
        return SchemaReader(project, m_url, m_dev).database();
    }

    Schema model() const
    {
        const Project project = Project::open(configPath());
        return SchemaReader(project, m_url, m_dev).model();
    }

    // `retort check`: the differences between the database and the model.
    QString check() const
    {
        const Project project = Project::open(configPath());
        const SchemaReader reader(project, m_url, m_dev);
        const auto [database, model] = reader.readBoth({SchemaSource::Kind::Database, {}},
                                                       {SchemaSource::Kind::Model, {}});
        return SchemaDiff::compare(database, model).toText();
    }

private:
    QTemporaryDir m_dir;
    QString m_url;
    std::shared_ptr<DevDatabase> m_dev; // one model database for the whole cycle
};

// The model text of a case file for `dialect` ("-- +dialect" sections resolved).
inline QString caseModel(const QString& name, const QString& file, Dialect dialect)
{
    const QString path = casePath(name, file);
    return SchemaModel::textFor(readText(path), dialect, path);
}

// The whole cycle for one case: autogenerate from.sql from nothing, upgrade, put data.sql
// in, autogenerate to.sql, upgrade (the database must then equal the model, the rows must
// survive), downgrade (the schema must be exactly what it was, the rows still there).
inline void roundTrip(const QString& name, const QString& url, Dialect dialect)
{
    ScratchProject project(url, dialect == Dialect::PostgreSql ? url : QString());
    project.setModel(caseModel(name, QStringLiteral("from.sql"), dialect));
    RETORT_SCHEMADIFF_VERIFY_RUNS(project.autogenerate(QStringLiteral("r1")));
    RETORT_SCHEMADIFF_VERIFY_RUNS(project.migrate(Direction::Upgrade, QStringLiteral("head")));
    QCOMPARE(project.check(), QString());
    const Schema before = project.database();
    const QString data = caseModel(name, QStringLiteral("data.sql"), dialect);
    if (!data.trimmed().isEmpty()) {
        const QString failure = runSql(url, data);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    project.setModel(caseModel(name, QStringLiteral("to.sql"), dialect));
    AutogeneratedRevision second;
    RETORT_SCHEMADIFF_VERIFY_RUNS(second = project.autogenerate(QStringLiteral("r2")));
    QVERIFY2(!second.diff.isEmpty(), "the case must change something");
    QVERIFY(!second.upgrade.isEmpty());
    QVERIFY(!second.downgrade.isEmpty());
    const QString script = readText(second.path);
    QVERIFY2(script.contains(second.upgrade.first().sql), qPrintable(script));
    const Schema target = project.model();
    const QStringList rowsBefore = rows(url, before, target);

    RETORT_SCHEMADIFF_VERIFY_RUNS(project.migrate(Direction::Upgrade, QStringLiteral("head")));
    QCOMPARE(project.check(), QString());
    QCOMPARE(rows(url, before, target), rowsBefore);

    RETORT_SCHEMADIFF_VERIFY_RUNS(project.migrate(Direction::Downgrade, QStringLiteral("r1")));
    const Schema restored = project.database();
    QCOMPARE(restored.toJsonText(), before.toJsonText());
    QVERIFY(restored == before); // triggers too, which the JSON leaves out
    QCOMPARE(rows(url, before, target), rowsBefore);
}

// The example project (migrations/) copied into `dir`, so that new scripts land there.
inline QString copyExampleProject(const QTemporaryDir& dir)
{
    const QDir source(QStringLiteral(RETORT_SOURCE_DIR "/migrations"));
    QDir target(dir.path());
    target.mkpath(QStringLiteral("versions"));
    for (const QString& name : {QStringLiteral("retort.ini"), QStringLiteral("model.sql")})
        QFile::copy(source.filePath(name), target.filePath(name));
    const QDir versions(source.filePath(QStringLiteral("versions")));
    for (const QString& name : versions.entryList({QStringLiteral("*.sql")}, QDir::Files))
        QFile::copy(versions.filePath(name), target.filePath(QStringLiteral("versions/") + name));
    return target.filePath(QStringLiteral("retort.ini"));
}

} // namespace retort::ddltest
