// SPDX-License-Identifier: Apache-2.0
#include "compare/comparejob.h"

#include "common/error.h"
#include "database/databaseurl.h"
#include "ddl/revisionautogenerator.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace retort::ui {

namespace {

struct Outcome
{
    std::shared_ptr<const SchemaObjectModel::Tree> tree;
    QString error;
};

} // namespace

CompareJob::CompareJob(QObject* parent) : QObject(parent) {}

CompareJob::~CompareJob()
{
    ++m_generation; // a result still on its way finds nobody
}

SchemaComparison CompareJob::run(const Project& project, const QString& databaseUrl,
                                 const CompareSource& from, const CompareSource& to)
{
    if (databaseUrl.isEmpty())
        throw Error(ErrorKind::Config,
                    QCoreApplication::translate("retort::ui::CompareJob",
                                                "No database: connect to one (File > Connect to "
                                                "Database) or set url in the project's settings."));
    const QString fromUrl = from.readerUrl(databaseUrl);
    const QString toUrl = to.readerUrl(databaseUrl);
    const Dialect dialect = DatabaseUrl::parse(toUrl).dialect();
    if (DatabaseUrl::parse(fromUrl).dialect() != dialect)
        throw Error(ErrorKind::Usage,
                    QCoreApplication::translate("retort::ui::CompareJob",
                                                "%1 is %2 and %3 is %4: only schemas of one kind "
                                                "of database compare.")
                        .arg(from.describe(), dialectName(DatabaseUrl::parse(fromUrl).dialect()),
                             to.describe(), dialectName(dialect)));
    // The generated migration names objects as `revision --autogenerate` would for `to`.
    const RevisionAutogenerator autogenerator(project, toUrl);
    const auto read = [&](const CompareSource& side, const QString& url) {
        if (url == toUrl)
            return side.read(autogenerator.reader());
        return side.read(SchemaReader(project, url));
    };
    const Schema fromSchema = read(from, fromUrl);
    const Schema toSchema = read(to, toUrl);
    return SchemaComparison::compare(fromSchema, toSchema, dialect, autogenerator.ddlOptions());
}

void CompareJob::start(const Project& project, const QString& databaseUrl,
                       const CompareSource& from, const CompareSource& to)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    Q_EMIT started();
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // cancelled or replaced
        m_running = false;
        const Outcome outcome = watcher->result();
        if (outcome.tree)
            Q_EMIT finished(outcome.tree);
        else
            Q_EMIT failed(outcome.error);
    });
    watcher->setFuture(QtConcurrent::run([project, databaseUrl, from, to]() -> Outcome {
        try {
            return {SchemaObjectModel::buildTree(
                        std::make_shared<const SchemaComparison>(run(project, databaseUrl, from, to))),
                    {}};
        } catch (const Error& error) {
            return {nullptr, error.message()};
        } catch (const std::exception& error) {
            return {nullptr, QString::fromLocal8Bit(error.what())};
        }
    }));
}

void CompareJob::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_running = false;
    Q_EMIT cancelled();
}

} // namespace retort::ui
