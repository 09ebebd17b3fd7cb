// SPDX-License-Identifier: Apache-2.0
#include "lint/statementparser.h"

#include "lint/altertableparser.h"
#include "lint/columnparser.h"
#include "lint/sqltokenizer.h"
#include "lint/tokencursor.h"

namespace retort {

namespace {

class Parser
{
public:
    Parser(LintStatement& statement, Dialect dialect)
        : m_s(statement), m_tokens(statement.tokens),
          m_cursor(statement.tokens, 0, int(statement.tokens.size())), m_dialect(dialect)
    {
    }

    void run()
    {
        if (m_tokens.isEmpty())
            return;
        m_s.span = {m_tokens.first().begin, m_tokens.last().end};
        m_s.keywords = leadingKeywords();
        if (m_cursor.accept("create"))
            create();
        else if (m_cursor.accept("alter"))
            alter();
        else if (m_cursor.accept("drop"))
            drop();
        else if (m_cursor.accept("truncate"))
            truncate();
        else if (m_cursor.accept({"delete", "from"}))
            deleteFrom();
        else if (m_cursor.accept({"insert", "into"}))
            insertInto();
        else if (m_cursor.isAny({"begin", "start", "commit", "end", "rollback", "abort"}))
            transaction();
        else if (m_cursor.accept("set"))
            set();
        else if (m_cursor.accept("select"))
            setConfig();
        else if (m_cursor.accept("rename"))
            renameTables();
        else
            maintenance();
    }

private:
    // The statement's words up to CONCURRENTLY when it has one early ("CREATE UNIQUE INDEX
    // CONCURRENTLY"), else its first two words.
    QString leadingKeywords()
    {
        QStringList words;
        for (const SqlToken& token : m_tokens) {
            if (token.depth != 0 || token.kind != SqlToken::Word || words.size() == 6)
                break;
            words << token.text.toUpper();
            if (token.is("concurrently")) {
                m_s.concurrently = true;
                return words.join(u' ');
            }
        }
        return words.mid(0, 2).join(u' ');
    }

    bool acceptIfExists() { return m_cursor.accept({"if", "exists"}); }
    bool acceptIfNotExists() { return m_cursor.accept({"if", "not", "exists"}); }

    // Names separated by commas, stopping at the first word that is not a name (CASCADE, ...).
    QStringList nameList()
    {
        QStringList names;
        while (!m_cursor.atEnd() &&
               !m_cursor.isAny({"cascade", "restrict", "restart", "continue", "on"})) {
            const QString name = m_cursor.name();
            if (name.isEmpty())
                break;
            names << name;
            if (m_cursor.isSymbol(u'*'))
                m_cursor.skip(); // TRUNCATE t *
            if (!m_cursor.acceptSymbol(u','))
                break;
        }
        return names;
    }

    bool atDepthZero(const char* keyword) const { return m_cursor.contains(keyword, 0); }

    void create()
    {
        m_cursor.accept({"or", "replace"});
        while (m_cursor.isAny({"global", "local", "temp", "temporary", "unlogged"})) {
            if (m_cursor.isAny({"temp", "temporary"}))
                m_s.temporary = true;
            m_cursor.skip();
        }
        if (m_cursor.accept("table"))
            createTable();
        else if (m_cursor.accept("type"))
            createType();
        else if (m_cursor.accept("domain"))
            createDomain();
        else if (m_cursor.isAny({"database", "tablespace"}))
            noTransaction();
        else if (m_cursor.accept("view") || m_cursor.accept({"materialized", "view"}))
            createView();
        else
            createIndex();
    }

    void createTable()
    {
        m_s.kind = LintStatement::CreateTable;
        m_s.ifNotExists = acceptIfNotExists();
        m_s.tables << m_cursor.name();
        if (!m_cursor.isSymbol(u'(')) {
            m_s.asSelect = true; // AS SELECT, LIKE, PARTITION OF ...: columns unknown
            return;
        }
        const int close = m_cursor.closingParenthesis();
        int start = m_cursor.pos() + 1;
        for (int i = start; i <= close; ++i) {
            if (i < close && !(m_tokens[i].depth == 1 && m_tokens[i].isSymbol(u',')))
                continue;
            if (start < i) {
                if (m_tokens[start].is("like"))
                    m_s.asSelect = true;
                else if (ColumnParser::startsConstraint(m_tokens, start, i, m_dialect))
                    m_s.constraints.append(ColumnParser::constraint(m_tokens, start, i));
                else
                    m_s.columns.append(ColumnParser::column(m_tokens, start, i));
            }
            start = i + 1;
        }
    }

    void createIndex()
    {
        m_s.unique = m_cursor.accept("unique");
        ConstraintDef index;
        index.kind = ConstraintDef::Kind::Index;
        if (m_cursor.isAny({"fulltext", "spatial"})) {
            index.fulltext = true;
            m_cursor.skip();
        }
        if (!m_cursor.accept("index"))
            return;
        m_s.kind = LintStatement::CreateIndex;
        m_cursor.accept("concurrently");
        m_s.ifNotExists = acceptIfNotExists();
        if (!m_cursor.is("on"))
            m_s.name = m_cursor.name();
        while (!m_cursor.atEnd() && !(m_cursor.peek()->depth == 0 && m_cursor.is("on")))
            m_cursor.skip();
        m_cursor.accept("on");
        m_cursor.accept("only");
        m_s.tables << m_cursor.name();
        while (!m_cursor.atEnd() && !m_cursor.isSymbol(u'('))
            m_cursor.skip(); // USING method
        index.name = m_s.name;
        index.columns = ColumnParser::nameList(m_tokens, m_cursor.pos(), m_cursor.end());
        if (m_s.unique)
            index.kind = ConstraintDef::Kind::Unique;
        m_s.constraints.append(index);
    }

    void createView()
    {
        m_s.kind = LintStatement::CreateView;
        m_s.ifNotExists = acceptIfNotExists();
        m_s.tables << m_cursor.name();
    }

    // CREATE TYPE name AS ENUM ('a', 'b')
    void createType()
    {
        m_s.name = m_cursor.name();
        if (!m_cursor.accept({"as", "enum"}))
            return;
        m_s.kind = LintStatement::CreateType;
        for (int i = m_cursor.pos(); i < m_cursor.end(); ++i) {
            if (m_tokens[i].kind == SqlToken::String && m_tokens[i].depth == 1)
                m_s.values << m_tokens[i].text;
        }
    }

    void createDomain()
    {
        m_s.kind = LintStatement::CreateDomain;
        m_s.name = m_cursor.name();
        m_s.hasConstraint = atDepthZero("check") || atDepthZero("not");
    }

    void noTransaction()
    {
        m_s.kind = LintStatement::NoTransaction;
        m_s.object = m_cursor.peek()->text.toUpper();
        m_cursor.skip();
        acceptIfExists();
        acceptIfNotExists();
        m_s.name = m_cursor.name();
    }

    void alter()
    {
        m_cursor.accept("online");
        m_cursor.accept("ignore");
        if (m_cursor.accept("table")) {
            m_s.kind = LintStatement::AlterTable;
            acceptIfExists();
            m_cursor.accept("only");
            m_s.tables << m_cursor.name();
            if (m_cursor.isSymbol(u'*'))
                m_cursor.skip();
            m_s.actions =
                AlterTableParser::actions(m_tokens, m_cursor.pos(), m_cursor.end(), m_dialect);
        } else if (m_cursor.accept("type")) {
            m_s.name = m_cursor.name();
            if (!m_cursor.accept({"add", "value"}))
                return;
            m_s.kind = LintStatement::AlterTypeAddValue;
            m_s.ifNotExists = acceptIfNotExists();
            if (const SqlToken* value = m_cursor.peek())
                m_s.value = value->text;
            m_s.positioned = atDepthZero("before") || atDepthZero("after");
        } else if (m_cursor.accept("domain")) {
            m_s.name = m_cursor.name();
            if (!m_cursor.accept("add"))
                return;
            m_s.kind = LintStatement::AlterDomainAddConstraint;
            m_s.notValid = atDepthZero("valid");
        } else if (m_cursor.is("system") || m_cursor.is("tablespace")) {
            noTransaction();
        }
    }

    void drop()
    {
        m_cursor.accept("temporary");
        if (m_cursor.accept("table")) {
            m_s.kind = LintStatement::DropTable;
            m_s.ifExists = acceptIfExists();
            m_s.tables = nameList();
        } else if (m_cursor.accept("index")) {
            m_s.kind = LintStatement::DropIndex;
            m_cursor.accept("concurrently");
            m_s.ifExists = acceptIfExists();
            m_s.names = nameList();
            m_s.name = m_s.names.value(0);
            if (m_cursor.accept("on")) // MySQL DROP INDEX name ON table
                m_s.tables << m_cursor.name();
        } else if (m_cursor.isAny({"schema", "database"})) {
            m_s.kind = LintStatement::DropSchema;
            m_s.object = m_cursor.peek()->text.toUpper();
            m_cursor.skip();
            m_s.ifExists = acceptIfExists();
            m_s.name = m_cursor.name();
        } else if (m_cursor.is("tablespace")) {
            noTransaction();
        } else if (!m_cursor.atEnd()) {
            m_s.kind = LintStatement::DropOther;
            m_s.object = m_cursor.peek()->text.toUpper();
            m_cursor.skip();
            if (m_s.object == QLatin1String("MATERIALIZED") && m_cursor.accept("view"))
                m_s.object = QStringLiteral("MATERIALIZED VIEW");
            m_s.ifExists = acceptIfExists();
            m_s.names = nameList();
            m_s.name = m_s.names.value(0);
        }
        m_s.cascade = atDepthZero("cascade");
    }

    void truncate()
    {
        m_s.kind = LintStatement::Truncate;
        m_cursor.accept("table");
        m_cursor.accept("only");
        m_s.tables = nameList();
        m_s.cascade = atDepthZero("cascade");
    }

    void deleteFrom()
    {
        m_s.kind = LintStatement::Delete;
        m_cursor.accept("only");
        m_s.tables << m_cursor.name();
        m_s.hasWhere = atDepthZero("where");
    }

    // INSERT INTO t [(columns)] SELECT ... FROM u: where a table rebuild copies its rows
    // (u in names only when the SELECT copies every row).
    void insertInto()
    {
        m_s.kind = LintStatement::Insert;
        m_s.tables << m_cursor.name();
        const int select = m_cursor.find({"select"}, 0);
        const int from = m_cursor.find({"from"}, 0);
        if (select >= from || from >= m_cursor.end())
            return;
        // The select list's plain columns: "a", "t.a", "*"; expressions count as none.
        int start = select + 1;
        for (int i = start; i <= from; ++i) {
            if (i < from && !(m_tokens[i].depth == 0 && m_tokens[i].isSymbol(u',')))
                continue;
            const int length = i - start;
            if (length == 1 && m_tokens[start].isSymbol(u'*'))
                m_s.selected << QStringLiteral("*");
            else if (length >= 1 && m_tokens[i - 1].isName() &&
                     (length == 1 || (length % 2 == 1 && m_tokens[i - 2].isSymbol(u'.'))))
                m_s.selected << m_tokens[i - 1].text.toLower();
            start = i + 1;
        }
        m_cursor.seek(from + 1);
        const QString source = m_cursor.name();
        // Only a plain copy of every row: a WHERE, join or LIMIT leaves rows behind.
        if (m_cursor.atEnd() || m_cursor.isSymbol(u';'))
            m_s.names << source;
    }

    void transaction()
    {
        const SqlToken& first = *m_cursor.peek();
        if (first.is("start")) {
            if (m_cursor.is("transaction", 1))
                m_s.kind = LintStatement::Begin;
        } else if (first.is("begin")) {
            // Not a block's BEGIN (MySQL BEGIN NOT ATOMIC; PostgreSQL's BEGIN ATOMIC is
            // inside a CREATE FUNCTION).
            if (!m_cursor.is("not", 1) && !m_cursor.is("atomic", 1))
                m_s.kind = LintStatement::Begin;
        } else if (first.isAny({"commit", "end"})) {
            if (!m_cursor.is("prepared", 1))
                m_s.kind = LintStatement::Commit;
        } else if (!atDepthZero("to") && !m_cursor.is("prepared", 1)) {
            m_s.kind = LintStatement::Rollback; // not ROLLBACK TO SAVEPOINT
        }
    }

    // SET [SESSION | LOCAL | GLOBAL] name {= | TO} value [, name = value ...] (MySQL: several,
    // and @@session.name).
    void set()
    {
        m_s.kind = LintStatement::Set;
        while (!m_cursor.atEnd()) {
            if (m_cursor.accept("local"))
                m_s.local = true;
            else if (!m_cursor.accept("session"))
                m_cursor.accept("global");
            while (m_cursor.isSymbol(u'@'))
                m_cursor.skip();
            QString name = m_cursor.name(); // @@session.x: the last part
            if (name.isEmpty())
                break;
            if (!m_cursor.acceptSymbol(u'=') && !m_cursor.accept("to"))
                break;
            QString value;
            while (!m_cursor.atEnd() && !(m_cursor.peek()->depth == 0 && m_cursor.isSymbol(u','))) {
                value += m_cursor.peek()->text.toLower();
                m_cursor.skip();
            }
            m_s.settings << name;
            m_s.settingValues << value;
            if (!m_cursor.acceptSymbol(u','))
                break;
        }
    }

    // SELECT set_config('lock_timeout', '5s', false): PostgreSQL's SET as a function.
    void setConfig()
    {
        if (m_cursor.accept("pg_catalog"))
            m_cursor.acceptSymbol(u'.');
        if (!m_cursor.accept("set_config") || !m_cursor.acceptSymbol(u'('))
            return;
        const SqlToken* name = m_cursor.peek();
        const SqlToken* value = m_cursor.peek(2);
        if (!name || name->kind != SqlToken::String || !value)
            return;
        m_s.kind = LintStatement::Set;
        m_s.settings << name->text.toLower();
        m_s.settingValues << value->text.toLower();
        m_s.local = m_cursor.peek(4) && m_cursor.peek(4)->is("true");
    }

    // MySQL RENAME TABLE a TO b [, c TO d]: tables holds a, b, c, d.
    void renameTables()
    {
        if (!m_cursor.accept("table"))
            return;
        m_s.kind = LintStatement::RenameTable;
        while (!m_cursor.atEnd()) {
            const QString from = m_cursor.name();
            if (!m_cursor.accept("to"))
                break;
            m_s.tables << from << m_cursor.name();
            if (!m_cursor.acceptSymbol(u','))
                break;
        }
    }

    void maintenance()
    {
        if (m_cursor.accept("vacuum")) {
            m_s.kind = LintStatement::Vacuum;
            m_s.full = m_cursor.is("full") ||
                       (m_cursor.isSymbol(u'(') && m_cursor.peek(1) && m_cursor.peek(1)->is("full"));
            for (int i = m_cursor.pos(); i < m_cursor.end(); ++i) {
                if (m_tokens[i].depth == 1 && m_tokens[i].is("full") &&
                    !(i + 1 < m_cursor.end() && m_tokens[i + 1].isAny({"false", "off", "0"})))
                    m_s.full = true;
            }
            while (!m_cursor.atEnd() && (m_cursor.peek()->depth > 0 || m_cursor.isSymbol(u'(') ||
                                         m_cursor.isSymbol(u')') ||
                                         m_cursor.isAny({"full", "freeze", "verbose", "analyze"})))
                m_cursor.skip();
            m_s.tables = nameList();
        } else if (m_cursor.accept("cluster")) {
            m_s.kind = LintStatement::Cluster;
            m_cursor.accept("verbose");
            m_s.tables << m_cursor.name();
        } else if (m_cursor.accept("reindex")) {
            m_s.kind = LintStatement::Reindex;
            if (m_cursor.isSymbol(u'('))
                m_cursor.seek(m_cursor.closingParenthesis() + 1);
            if (const SqlToken* object = m_cursor.peek())
                m_s.object = object->text.toUpper();
            m_cursor.skip();
            m_cursor.accept("concurrently");
            m_s.name = m_cursor.name();
        } else if (m_cursor.accept({"refresh", "materialized", "view"})) {
            m_s.kind = LintStatement::RefreshMaterializedView;
            m_cursor.accept("concurrently");
            m_s.name = m_cursor.name();
        } else if (m_cursor.accept("optimize")) {
            m_cursor.accept("no_write_to_binlog");
            m_cursor.accept("local");
            if (m_cursor.accept("table")) {
                m_s.kind = LintStatement::OptimizeTable;
                m_s.tables = nameList();
            }
        }
    }

    LintStatement& m_s;
    const QVector<SqlToken>& m_tokens;
    TokenCursor m_cursor;
    Dialect m_dialect;
};

} // namespace

LintStatement StatementParser::parse(const QString& sql, Dialect dialect)
{
    LintStatement statement;
    statement.tokens = SqlTokenizer::tokenize(sql, dialect);
    Parser(statement, dialect).run();
    return statement;
}

} // namespace retort
