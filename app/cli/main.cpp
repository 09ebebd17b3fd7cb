// SPDX-License-Identifier: Apache-2.0
// retort: the command line. Everything it does is in retort_core; this only dispatches.
#include "cli.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retort"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return retort::cli::Cli(out, err).run(QCoreApplication::arguments());
}
