// SPDX-License-Identifier: Apache-2.0
#include "schema/modelscript.h"

#include "common/error.h"
#include "schema/schemamodel.h"
#include "schema/statementreach.h"

#include <QCoreApplication>
#include <QSet>

namespace retort {

namespace {

[[noreturn]] void failAt(const QString& path, int line, const QString& message)
{
    throw Error(ErrorKind::Script, QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message));
}

// pg_dump (15.14 and later) brackets its output in "\restrict KEY" ... "\unrestrict KEY", psql
// meta-commands that keep a malicious server from smuggling others in; they are no SQL.
QString withoutMetaCommands(const QString& text, const QString& path)
{
    QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QStringView line = QStringView(lines.at(i)).trimmed();
        if (line.size() < 2 || line[0] != u'\\' || !line[1].isLetter())
            continue;
        if (line.startsWith(QLatin1String("\\restrict")) ||
            line.startsWith(QLatin1String("\\unrestrict"))) {
            lines[i].clear();
            continue;
        }
        failAt(path, i + 1,
               QCoreApplication::translate("retort", "'%1' is a psql command, not SQL: a model "
                                                     "holds SQL statements only")
                   .arg(line.toString().section(u' ', 0, 0)));
    }
    return lines.join(u'\n');
}

// Ownership and privileges: a compared schema holds neither, and the roles they name need
// not exist where the model loads.
bool isLeftOut(const QStringList& words)
{
    const QString first = words.value(0);
    if (first == u"GRANT" || first == u"REVOKE")
        return true;
    if (first == u"ALTER" && words.size() >= 3 && words.at(words.size() - 3) == u"OWNER" &&
        words.at(words.size() - 2) == u"TO")
        return true;
    if ((first == u"SET" || first == u"RESET") &&
        (words.value(1) == u"ROLE" ||
         (words.value(1) == u"SESSION" && words.value(2) == u"AUTHORIZATION")))
        return true;
    return (first == u"SET" || first == u"RESET") && words.value(1) == u"LOCAL" &&
           words.value(2) == u"ROLE";
}

// pg_dump's "SELECT pg_catalog.set_config('search_path', '', false)": the only query a model
// may run.
bool isSetConfig(const QStringList& words)
{
    QStringList rest = words.mid(1);
    if (rest.value(0) == u"PG_CATALOG" && rest.value(1) == u".")
        rest = rest.mid(2);
    return rest.value(0) == u"SET_CONFIG" && rest.value(1) == u"(" &&
           !rest.contains(QStringLiteral("FROM")) && !rest.contains(QStringLiteral(";"));
}

// What a model may say: the schema, and settings for the session that reads it.
bool isSchemaStatement(const QStringList& words)
{
    static const QSet<QString> allowed = {
        QStringLiteral("CREATE"), QStringLiteral("ALTER"), QStringLiteral("DROP"),
        QStringLiteral("COMMENT"), QStringLiteral("SET"), QStringLiteral("RESET"),
        QStringLiteral("PRAGMA"), QStringLiteral("ANALYZE"), QStringLiteral("SECURITY")};
    const QString first = words.value(0);
    return allowed.contains(first) || (first == u"SELECT" && isSetConfig(words));
}

} // namespace

ModelScript ModelScript::parse(const QString& text, Dialect dialect, const QString& path)
{
    const QString sql = withoutMetaCommands(SchemaModel::textFor(text, dialect, path), path);
    ModelScript script;
    for (const SqlStatement& statement : StatementSplitter::split(sql, dialect, path)) {
        const StatementReach reach = StatementReach::of(statement.text, dialect);
        if (!reach.staysInside())
            failAt(path, statement.line,
                   QCoreApplication::translate("retort", "%1: a model may only describe the "
                                                         "schema of the database it loads in")
                       .arg(reach.describe()));
        const QStringList words = statementWords(statement.text);
        if (isLeftOut(words)) {
            ++script.leftOut;
            continue;
        }
        if (!isSchemaStatement(words))
            failAt(path, statement.line,
                   QCoreApplication::translate("retort", "%1 is not a schema statement: a model "
                                                         "holds DDL (CREATE, ALTER, COMMENT, "
                                                         "SET), no data and no code to run")
                       .arg(words.value(0)));
        script.statements.append(statement);
    }
    return script;
}

} // namespace retort
