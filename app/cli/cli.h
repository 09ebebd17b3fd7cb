// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>
#include <QTextStream>

namespace retort::cli {

// The `retort` command line: global options, subcommand dispatch, and turning engine
// errors into messages and exit codes.
class Cli
{
public:
    Cli(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}
    // `arguments` as from QCoreApplication::arguments(). Returns the exit code.
    int run(const QStringList& arguments);

private:
    void printUsage(QTextStream& stream) const;

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace retort::cli
