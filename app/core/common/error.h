// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <exception>

namespace retort {

// What went wrong, coarsely: the CLI maps each kind to its own exit code.
enum class ErrorKind {
    Usage,    // a command line or argument the user must correct
    Config,   // retort.ini / alembic.ini / database URL
    Script,   // a migration script that cannot be read
    Graph,    // the revision graph or a revision name that cannot be resolved
    Database, // connecting to or running against a database
    Lock,     // another runner holds the migration lock
    Cancelled // the user cancelled a run
};

// The engine's one exception type. Messages are for people: they name the file, line,
// revision or statement involved.
class Error : public std::exception
{
public:
    Error(ErrorKind kind, QString message)
        : m_kind(kind), m_message(std::move(message)), m_utf8(m_message.toUtf8())
    {
    }

    ErrorKind kind() const { return m_kind; }
    const QString& message() const { return m_message; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    ErrorKind m_kind;
    QString m_message;
    QByteArray m_utf8;
};

} // namespace retort
