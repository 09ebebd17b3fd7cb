// SPDX-License-Identifier: Apache-2.0
#include "schema/statementreach.h"

#include <QCoreApplication>
#include <QSet>

namespace retort {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// A statement cut into what the rules look at.
struct Lexed
{
    QStringList words;         // top level: upper-cased words, "\"quoted\"" identifiers,
                               // one-character punctuation, '' for a string literal
    QStringList quotedWords;   // upper-cased words inside string literals and dollar quotes
};

void addWordsOf(QStringView text, QStringList& out)
{
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isWordChar(text[i]) || text[i] == u'$') {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && isWordChar(text[i]) && text[i] != u'$')
            ++i;
        out.append(text.mid(start, i - start).toString().toUpper());
    }
}

// The end of a quoted run starting at `i` (on the opening quote), past the closing quote.
qsizetype endOfQuote(QStringView s, qsizetype i, QChar close, bool backslashEscapes)
{
    for (++i; i < s.size(); ++i) {
        if (backslashEscapes && s[i] == u'\\') {
            ++i;
        } else if (s[i] == close) {
            if (i + 1 < s.size() && s[i + 1] == close)
                ++i; // a doubled quote stands for itself
            else
                return i + 1;
        }
    }
    return s.size();
}

// A PostgreSQL dollar-quote opening tag ($$ or $tag$) at `i`, or an empty view.
QStringView dollarTag(QStringView s, qsizetype i)
{
    if (s[i] != u'$' || (i > 0 && isWordChar(s[i - 1])))
        return {};
    qsizetype j = i + 1;
    while (j < s.size() && (s[j].isLetterOrNumber() || s[j] == u'_'))
        ++j;
    if (j >= s.size() || s[j] != u'$' || (j > i + 1 && s[i + 1].isDigit()))
        return {};
    return s.mid(i, j - i + 1);
}

Lexed lex(QStringView s)
{
    Lexed out;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        const QChar next = i + 1 < s.size() ? s[i + 1] : QChar();
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && next == u'-') {
            while (i < s.size() && s[i] != u'\n')
                ++i;
        } else if (c == u'/' && next == u'*') {
            int depth = 0; // PostgreSQL nests block comments
            while (i < s.size()) {
                if (s[i] == u'/' && i + 1 < s.size() && s[i + 1] == u'*') {
                    ++depth;
                    i += 2;
                } else if (s[i] == u'*' && i + 1 < s.size() && s[i + 1] == u'/') {
                    i += 2;
                    if (--depth == 0)
                        break;
                } else {
                    ++i;
                }
            }
        } else if (c == u'\'') {
            const bool escapes = i > 0 && (s[i - 1] == u'E' || s[i - 1] == u'e');
            const qsizetype end = endOfQuote(s, i, u'\'', escapes);
            addWordsOf(s.mid(i + 1, end - i - 1), out.quotedWords);
            out.words.append(QStringLiteral("''"));
            i = end;
        } else if (c == u'"' || c == u'`') {
            const qsizetype end = endOfQuote(s, i, c, false);
            out.words.append(u'"' + s.mid(i + 1, qMax<qsizetype>(0, end - i - 2)).toString() + u'"');
            i = end;
        } else if (c == u'[') {
            const qsizetype end = s.indexOf(u']', i);
            const qsizetype stop = end < 0 ? s.size() : end + 1;
            out.words.append(u'"' + s.mid(i + 1, stop - i - 2).toString() + u'"');
            i = stop;
        } else if (const QStringView tag = dollarTag(s, i); !tag.isEmpty()) {
            const qsizetype close = s.indexOf(tag, i + tag.size());
            const qsizetype bodyEnd = close < 0 ? s.size() : close;
            addWordsOf(s.mid(i + tag.size(), bodyEnd - i - tag.size()), out.quotedWords);
            out.words.append(QStringLiteral("''"));
            i = close < 0 ? s.size() : close + tag.size();
        } else if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < s.size() && isWordChar(s[i]))
                ++i;
            QString word = s.mid(start, i - start).toString().toUpper();
            // E'...' strings: the E is part of the literal, not a word.
            if (word == u"E" && i < s.size() && s[i] == u'\'')
                continue;
            out.words.append(word);
        } else {
            out.words.append(QString(c));
            ++i;
        }
    }
    return out;
}

QString word(const QStringList& words, int index)
{
    return index < words.size() ? words.at(index) : QString();
}

// The object kinds whose CREATE / ALTER / DROP reach every database of a server.
bool isClusterObject(const QStringList& words, int index)
{
    static const QSet<QString> kinds = {QStringLiteral("ROLE"), QStringLiteral("USER"),
                                        QStringLiteral("GROUP"), QStringLiteral("DATABASE"),
                                        QStringLiteral("TABLESPACE"),
                                        QStringLiteral("SUBSCRIPTION")};
    const QString kind = word(words, index);
    if (!kinds.contains(kind))
        return false;
    return !(kind == u"USER" && word(words, index + 1) == u"MAPPING"); // per database
}

// Functions that read or write server files, run programs, reach other servers or signal
// other sessions.
const QSet<QString>& outsideFunctions()
{
    static const QSet<QString> names = {
        QStringLiteral("LO_IMPORT"),       QStringLiteral("LO_EXPORT"),
        QStringLiteral("PG_READ_FILE"),    QStringLiteral("PG_READ_BINARY_FILE"),
        QStringLiteral("PG_LS_DIR"),       QStringLiteral("PG_STAT_FILE"),
        QStringLiteral("PG_LS_LOGDIR"),    QStringLiteral("PG_LS_WALDIR"),
        QStringLiteral("PG_LS_TMPDIR"),    QStringLiteral("PG_LS_ARCHIVE_STATUSDIR"),
        QStringLiteral("PG_FILE_WRITE"),   QStringLiteral("PG_FILE_RENAME"),
        QStringLiteral("PG_FILE_UNLINK"),  QStringLiteral("PG_LOGDIR_LS"),
        QStringLiteral("DBLINK"),          QStringLiteral("DBLINK_EXEC"),
        QStringLiteral("DBLINK_CONNECT"),  QStringLiteral("DBLINK_CONNECT_U"),
        QStringLiteral("DBLINK_SEND_QUERY"), QStringLiteral("PG_TERMINATE_BACKEND"),
        QStringLiteral("PG_CANCEL_BACKEND"), QStringLiteral("PG_RELOAD_CONF"),
        QStringLiteral("PG_ROTATE_LOGFILE"), QStringLiteral("PG_PROMOTE"),
        QStringLiteral("PG_SWITCH_WAL"),   QStringLiteral("PG_CREATE_RESTORE_POINT"),
        QStringLiteral("LOAD_EXTENSION"),  QStringLiteral("READFILE"),
        QStringLiteral("WRITEFILE"),       QStringLiteral("EDIT")};
    return names;
}

// Extensions and languages that reach outside: other servers, files, untrusted code.
bool isOutsideExtension(const QString& name)
{
    static const QSet<QString> names = {
        QStringLiteral("DBLINK"), QStringLiteral("POSTGRES_FDW"), QStringLiteral("FILE_FDW"),
        QStringLiteral("ADMINPACK"), QStringLiteral("LO")};
    QString bare = name;
    if (bare.startsWith(u'"'))
        bare = bare.mid(1, bare.size() - 2).toUpper();
    return names.contains(bare) || (bare.startsWith(QLatin1String("PL")) && bare.endsWith(u'U'));
}

// SQLite PRAGMAs a model may set: they change how this connection checks and compares, not
// any file.
bool isHarmlessPragma(const QString& name)
{
    static const QSet<QString> names = {
        QStringLiteral("FOREIGN_KEYS"),  QStringLiteral("DEFER_FOREIGN_KEYS"),
        QStringLiteral("RECURSIVE_TRIGGERS"), QStringLiteral("LEGACY_ALTER_TABLE"),
        QStringLiteral("IGNORE_CHECK_CONSTRAINTS"), QStringLiteral("CASE_SENSITIVE_LIKE"),
        QStringLiteral("AUTOMATIC_INDEX"), QStringLiteral("ENCODING"),
        QStringLiteral("USER_VERSION"), QStringLiteral("APPLICATION_ID"),
        QStringLiteral("AUTO_VACUUM"),  QStringLiteral("CACHE_SIZE"),
        QStringLiteral("BUSY_TIMEOUT"), QStringLiteral("SYNCHRONOUS"),
        QStringLiteral("TRUSTED_SCHEMA"), QStringLiteral("CELL_SIZE_CHECK")};
    return names.contains(name);
}

QString unquoteRole(const QString& name)
{
    if (name.startsWith(u'"'))
        return name.mid(1, name.size() - 2);
    return name.toLower(); // as PostgreSQL folds an unquoted name
}

StatementReach reach(StatementReach::Kind kind, const QString& what)
{
    StatementReach result;
    result.kind = kind;
    result.what = what;
    return result;
}

using Kind = StatementReach::Kind;

std::optional<StatementReach> transactionControl(const QStringList& w)
{
    const QString first = word(w, 0);
    static const QSet<QString> always = {
        QStringLiteral("BEGIN"), QStringLiteral("COMMIT"), QStringLiteral("END"),
        QStringLiteral("ROLLBACK"), QStringLiteral("ABORT"), QStringLiteral("SAVEPOINT"),
        QStringLiteral("RELEASE")};
    if (always.contains(first))
        return reach(Kind::Transaction, first);
    if ((first == u"START" || first == u"PREPARE") && word(w, 1) == u"TRANSACTION")
        return reach(Kind::Transaction, first + QStringLiteral(" TRANSACTION"));
    return std::nullopt;
}

std::optional<StatementReach> clusterWide(const QStringList& w)
{
    const QString first = word(w, 0);
    if ((first == u"CREATE" || first == u"ALTER" || first == u"DROP") && isClusterObject(w, 1)) {
        StatementReach result = reach(Kind::ClusterWide, first + u' ' + w.at(1));
        if (first == u"CREATE" && w.at(1) != u"DATABASE" && w.at(1) != u"TABLESPACE" &&
            w.at(1) != u"SUBSCRIPTION") {
            const QString name = word(w, 2);
            if (!name.isEmpty() && name != u"IF")
                result.createdRole = unquoteRole(name);
        }
        return result;
    }
    if (first == u"ALTER" && word(w, 1) == u"SYSTEM")
        return reach(Kind::ClusterWide, QStringLiteral("ALTER SYSTEM"));
    if (first == u"COMMENT" || first == u"SECURITY") {
        const int at = w.indexOf(QStringLiteral("ON"));
        if (at > 0 && isClusterObject(w, at + 1))
            return reach(Kind::ClusterWide, first + QStringLiteral(" ON ") + w.at(at + 1));
    }
    if (first == u"REASSIGN" || (first == u"DROP" && word(w, 1) == u"OWNED"))
        return reach(Kind::ClusterWide, first + u' ' + word(w, 1));
    if (first == u"GRANT" || first == u"REVOKE") {
        const int on = w.indexOf(QStringLiteral("ON"));
        if (on < 0) // GRANT role TO role: membership, which holds in every database
            return reach(Kind::ClusterWide, first + QStringLiteral(" (role membership)"));
        const QString object = word(w, on + 1);
        if (object == u"DATABASE" || object == u"TABLESPACE" || object == u"PARAMETER")
            return reach(Kind::ClusterWide, first + QStringLiteral(" ON ") + object);
    }
    return std::nullopt;
}

std::optional<StatementReach> outside(const QStringList& w, Dialect dialect)
{
    const QString first = word(w, 0);
    if (first == u"ATTACH" || first == u"DETACH")
        return reach(Kind::Attachment, first);
    if (first == u"LOAD")
        return reach(Kind::Outside, first);
    if (first == u"VACUUM" && w.contains(QStringLiteral("INTO")))
        return reach(Kind::Outside, QStringLiteral("VACUUM INTO"));
    if (first == u"COPY") {
        if (w.contains(QStringLiteral("PROGRAM")))
            return reach(Kind::Outside, QStringLiteral("COPY ... PROGRAM"));
        for (int i = 1; i + 1 < w.size(); ++i) {
            if ((w.at(i) == u"TO" || w.at(i) == u"FROM") && w.at(i + 1) == u"''")
                return reach(Kind::Outside, QStringLiteral("COPY ... ") + w.at(i) +
                                                QStringLiteral(" a server file"));
        }
    }
    if (first == u"CREATE") {
        int at = 1;
        if (word(w, at) == u"OR" && word(w, at + 1) == u"REPLACE")
            at += 2;
        while (word(w, at) == u"TRUSTED" || word(w, at) == u"PROCEDURAL")
            ++at;
        const QString kind = word(w, at);
        if (kind == u"EXTENSION" || kind == u"LANGUAGE") {
            int name = at + 1;
            if (word(w, name) == u"IF")
                name += 3; // IF NOT EXISTS
            if (isOutsideExtension(word(w, name)))
                return reach(Kind::Outside, QStringLiteral("CREATE %1 %2")
                                                .arg(kind, word(w, name).toLower()));
        }
        if (kind == u"SERVER" || (kind == u"FOREIGN" && word(w, at + 1) == u"DATA"))
            return reach(Kind::Outside, QStringLiteral("CREATE ") + kind);
    }
    if (first == u"IMPORT" && word(w, 1) == u"FOREIGN")
        return reach(Kind::Outside, QStringLiteral("IMPORT FOREIGN SCHEMA"));
    if (dialect == Dialect::Sqlite && first == u"PRAGMA") {
        // PRAGMA [schema.]name [= value | (value)]: a read without a value.
        int at = 1;
        if (word(w, at + 1) == u".")
            at += 2;
        const QString name = word(w, at);
        const QString after = word(w, at + 1);
        if ((after == u"=" || after == u"(") && !isHarmlessPragma(name))
            return reach(Kind::Outside, QStringLiteral("PRAGMA ") + name.toLower());
    }
    for (const QString& name : w) {
        if (outsideFunctions().contains(name))
            return reach(Kind::Outside, name.toLower() + QStringLiteral("()"));
    }
    return std::nullopt;
}

// Inside string literals and function bodies: text another statement may run.
std::optional<StatementReach> insideBodies(const QStringList& words)
{
    for (int i = 0; i < words.size(); ++i) {
        const QString& w = words.at(i);
        if (outsideFunctions().contains(w))
            return reach(Kind::Outside, w.toLower() + QStringLiteral("()"));
        if ((w == u"CREATE" || w == u"ALTER" || w == u"DROP") && isClusterObject(words, i + 1))
            return reach(Kind::ClusterWide, w + u' ' + words.at(i + 1));
        if (w == u"ALTER" && word(words, i + 1) == u"SYSTEM")
            return reach(Kind::ClusterWide, QStringLiteral("ALTER SYSTEM"));
        if (w == u"COPY" && words.mid(i).contains(QStringLiteral("PROGRAM")))
            return reach(Kind::Outside, QStringLiteral("COPY ... PROGRAM"));
    }
    return std::nullopt;
}

} // namespace

QStringList statementWords(const QString& statement)
{
    return lex(statement).words;
}

StatementReach StatementReach::of(const QString& statement, Dialect dialect)
{
    const Lexed lexed = lex(statement);
    const QStringList& w = lexed.words;
    if (auto found = transactionControl(w))
        return *found;
    if (auto found = clusterWide(w))
        return *found;
    if (auto found = outside(w, dialect))
        return *found;
    // A comment's text is prose, not code.
    if (word(w, 0) != u"COMMENT") {
        if (auto found = insideBodies(lexed.quotedWords))
            return *found;
    }
    return {};
}

QString StatementReach::describe() const
{
    switch (kind) {
    case Kind::Database:
        break;
    case Kind::Transaction:
        return QCoreApplication::translate("retort", "%1 would end or split the transaction "
                                                     "it runs in")
            .arg(what);
    case Kind::Attachment:
        return QCoreApplication::translate("retort", "%1 would open another database file")
            .arg(what);
    case Kind::ClusterWide:
        return QCoreApplication::translate("retort", "%1 changes what every database of the "
                                                     "server shares (roles, databases, "
                                                     "tablespaces, settings)")
            .arg(what);
    case Kind::Outside:
        return QCoreApplication::translate("retort", "%1 reaches outside the database (server "
                                                     "files, programs, other servers or "
                                                     "sessions)")
            .arg(what);
    }
    return {};
}

} // namespace retort
