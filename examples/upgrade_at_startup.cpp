// SPDX-License-Identifier: Apache-2.0
// An application that brings its database to the newest schema when it starts, as the
// Org Archivist backend did in development. Usage: DATABASE_URL=... upgrade_at_startup CONFIG
// The URL comes from the environment, never the command line, where every user of the
// machine could read its password (ps); on PostgreSQL the password may also stay out of the
// URL altogether, in PGPASSWORD or a PGPASSFILE that libpq reads.
#include "common/error.h"
#include "run/migrationrunner.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString url = qEnvironmentVariable("DATABASE_URL");
    if (args.size() != 2 || url.isEmpty()) {
        std::fprintf(stderr, "usage: DATABASE_URL=... upgrade_at_startup CONFIG\n");
        return 2;
    }

    retort::RunRequest request;
    request.configPath = args[1]; // the project's retort.ini
    request.databaseUrl = url;    // e.g. sqlite:///app.db or postgresql://app@db/app
    request.target = QStringLiteral("heads");

    retort::MigrationRunner runner; // opens its own connection in this thread
    runner.setSink([](const retort::RunEvent& event) {
        if (event.type == retort::RunEvent::Type::StepFinished)
            std::printf("applied %s\n", qPrintable(event.revision));
    });
    try {
        const retort::RunResult result = runner.run(request);
        std::printf("database at %s\n", qPrintable(result.headsAfter.join(QStringLiteral(", "))));
    } catch (const retort::Error& error) {
        std::fprintf(stderr, "cannot upgrade the database: %s\n", error.what());
        return 1;
    }
    return 0; // ...and the application starts here
}
