// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compare/comparesource.h"
#include "compare/schemaobjectmodel.h"
#include "ddl/schemacomparison.h"
#include "project/project.h"

#include <QObject>
#include <memory>

namespace retort::ui {

// Reads both sides of a comparison and compares them (SchemaReader, SchemaComparison: all in
// core) on a pool thread; the GUI thread only gets the finished result. One comparison at a
// time: starting another or cancel() abandons the one under way, whose result is dropped when
// it arrives (a database read cannot be interrupted, but nobody waits for it: the window stays
// usable and can close at once; the read ends by itself within the connection's timeouts).
class CompareJob : public QObject
{
    Q_OBJECT

public:
    explicit CompareJob(QObject* parent = nullptr);
    ~CompareJob() override;

    // `databaseUrl`: the database in use, whose server also loads the model and replays
    // scripts. The project is copied: the job never reads the caller's.
    void start(const Project& project, const QString& databaseUrl, const CompareSource& from,
               const CompareSource& to);
    void cancel();
    bool isRunning() const { return m_running; }

    // The work itself, for callers already on a worker thread (and tests). Throws Error.
    static SchemaComparison run(const Project& project, const QString& databaseUrl,
                                const CompareSource& from, const CompareSource& to);

Q_SIGNALS:
    void started();
    // The comparison with the object tree's rows, built on the worker too.
    void finished(std::shared_ptr<const retort::ui::SchemaObjectModel::Tree> tree);
    void failed(const QString& message);
    void cancelled();

private:
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace retort::ui
