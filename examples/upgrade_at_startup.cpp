// SPDX-License-Identifier: Apache-2.0
// An application that brings its database to the newest schema when it starts, as the
// Org Archivist backend did in development. Usage: upgrade_at_startup CONFIG DATABASE_URL
#include "common/error.h"
#include "run/migrationrunner.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: upgrade_at_startup CONFIG DATABASE_URL\n");
        return 2;
    }

    retort::RunRequest request;
    request.configPath = args[1];  // the project's retort.ini
    request.databaseUrl = args[2]; // e.g. sqlite:///app.db or postgresql://...
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
