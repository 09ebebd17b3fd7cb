// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"

#include <QString>
#include <QStringList>

namespace retort {

// How far one SQL statement reaches beyond the database it runs in, told from its text: what
// decides whether it may run in a scratch database (models, replays; see docs/model.md, "What a
// model and a replay may do"). The words are read outside comments; function bodies and
// string literals are searched too for the functions and cluster-wide statements a body could
// run (EXECUTE 'ALTER ROLE ...'), so a body that only mentions one is refused as well. Text
// built at run time out of pieces is not seen: the dev database's transaction (models) and the
// throwaway server's unprivileged user (replays) are what hold then.
struct StatementReach
{
    enum class Kind {
        Database,    // stays inside the database it runs in
        Transaction, // BEGIN, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION, END, ABORT...:
                     // ends or splits the transaction it was given
        Attachment,  // SQLite ATTACH / DETACH: other database files
        ClusterWide, // roles, databases, tablespaces, ALTER SYSTEM, subscriptions: shared by
                     // every database of the server
        Outside      // files, programs, other servers or sessions: COPY ... PROGRAM or to a
                     // file, lo_import/lo_export, pg_read_file, dblink, LOAD, VACUUM (INTO),
                     // PRAGMA settings that touch files, load_extension()
    };

    Kind kind = Kind::Database;
    QString what; // the words that decided, as people write them: "COMMIT", "ALTER ROLE"
    // CREATE ROLE / USER / GROUP: the role's name (unquoted), for replays that make it as a
    // plain role instead; empty otherwise.
    QString createdRole;

    bool staysInside() const { return kind == Kind::Database; }
    // "COMMIT ends the transaction it runs in", for refusals: what the statement would do.
    QString describe() const;

    // `statement` is one statement as StatementSplitter cuts it (no trailing semicolon).
    static StatementReach of(const QString& statement, Dialect dialect);
};

// The words of a statement outside comments and quotes, upper-cased, for telling statements
// apart (quoted identifiers keep their case and quotes). "ALTER TABLE ONLY" ... Exposed for the
// model's own rules (ALTER ... OWNER TO, GRANT) and tests.
QStringList statementWords(const QString& statement);

} // namespace retort
