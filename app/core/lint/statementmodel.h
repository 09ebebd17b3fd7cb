// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/sqltoken.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// What the lint rules know of one statement: as much of it as they need, read by
// StatementParser. Names are lowercase and unqualified; types lowercase as written ("numeric(3,2)",
// "enum('a','b')"); spans are character ranges [begin, end) in the statement's text, so a
// finding can point at the clause it is about.

struct TextSpan
{
    int begin = 0;
    int end = 0;
};

// How a column's default is made, as far as the rules care.
enum class DefaultKind {
    None,       // no DEFAULT, or DEFAULT NULL
    Constant,   // a literal: 0, 'x', TRUE, -1.5
    Stable,     // the same value for every row of one statement: now(), CURRENT_TIMESTAMP
    Expression, // any other expression (SQLite: in parentheses)
    Volatile,   // differs per row: random(), gen_random_uuid(), nextval(), a serial type
};

// A column definition (CREATE TABLE, ADD COLUMN, MySQL's MODIFY/CHANGE).
struct ColumnDef
{
    QString name;
    QString type;
    TextSpan span;     // the whole definition
    TextSpan typeSpan; // the type
    DefaultKind defaultKind = DefaultKind::None;
    bool notNull = false;       // NOT NULL, or PRIMARY KEY
    bool explicitNull = false;  // NULL written
    bool primaryKey = false;
    bool unique = false;
    bool references = false;    // an inline foreign key
    bool check = false;         // an inline CHECK
    bool generated = false;     // GENERATED ... / AS (...): values computed
    bool stored = false;        // a stored generated column (PostgreSQL; MySQL STORED)
    bool identity = false;      // GENERATED ... AS IDENTITY
    bool autoIncrement = false; // MySQL AUTO_INCREMENT, SQLite AUTOINCREMENT
    QString charset;            // MySQL CHARACTER SET / CHARSET, lowercase
    // MySQL: FIRST or AFTER another column.
    enum class Position { Unchanged, First, After } position = Position::Unchanged;

    bool hasDefault() const { return defaultKind != DefaultKind::None; }
};

// A table constraint (CREATE TABLE's list, ALTER TABLE ADD), or a MySQL index.
struct ConstraintDef
{
    enum class Kind { Other, PrimaryKey, Unique, ForeignKey, Check, Exclude, Index };
    Kind kind = Kind::Other;
    QString name;
    QStringList columns;     // the key's columns (PRIMARY KEY, UNIQUE, INDEX)
    QString notNullColumn;   // a CHECK (c IS NOT NULL): c
    bool notValid = false;   // PostgreSQL NOT VALID
    bool usingIndex = false; // PostgreSQL UNIQUE/PRIMARY KEY USING INDEX
    bool notEnforced = false; // MySQL CHECK ... NOT ENFORCED
    bool fulltext = false;    // MySQL FULLTEXT / SPATIAL index
};

enum class ActionKind {
    Other,
    AddColumn,
    DropColumn,
    AlterType,      // PostgreSQL ALTER [COLUMN] c [SET DATA] TYPE t
    ModifyColumn,   // MySQL MODIFY c def / CHANGE old new def
    SetNotNull,
    DropNotNull,
    SetDefault,
    DropDefault,
    AddConstraint,
    DropConstraint, // also MySQL DROP FOREIGN KEY / CHECK
    DropPrimaryKey, // MySQL
    DropIndex,      // MySQL DROP INDEX / KEY
    ValidateConstraint,
    RenameTable,
    RenameColumn,
    Rewrite,        // PostgreSQL SET LOGGED / UNLOGGED / TABLESPACE / ACCESS METHOD
    ConvertCharset, // MySQL CONVERT TO CHARACTER SET
    TableCharset,   // MySQL [DEFAULT] CHARACTER SET = x
    Rebuild,        // MySQL ENGINE=, ROW_FORMAT=, FORCE
    OrderBy,        // MySQL ORDER BY
    Partition,      // partition maintenance
    Algorithm,      // MySQL ALGORITHM = x (in `option`)
    Lock,           // MySQL LOCK = x (in `option`)
};

// One action of an ALTER TABLE.
struct AlterAction
{
    ActionKind kind = ActionKind::Other;
    TextSpan span;
    ColumnDef column;          // AddColumn, ModifyColumn; the name for the other column actions
    QString oldName;           // ModifyColumn by CHANGE, RenameColumn: the name before
    QString newName;           // RenameTable, RenameColumn
    QString type;              // AlterType
    bool usingClause = false;  // AlterType ... USING
    bool cascade = false;      // DropColumn / DropConstraint ... CASCADE
    bool ifExists = false;     // DROP ... IF EXISTS / ADD ... IF NOT EXISTS
    DefaultKind defaultKind = DefaultKind::None; // SetDefault
    ConstraintDef constraint;  // AddConstraint; the name for Drop/ValidateConstraint
    QString option;            // Algorithm, Lock, Rewrite, ConvertCharset, TableCharset: lowercase
};

struct LintStatement
{
    // The tokens, for rules that look at every word (identifier lengths).
    QVector<SqlToken> tokens;
    enum Kind {
        Other,
        CreateTable,
        CreateIndex,
        CreateType,     // CREATE TYPE ... AS ENUM (values)
        CreateDomain,
        CreateView,     // CREATE [MATERIALIZED] VIEW: a relation the script made
        AlterTable,
        AlterTypeAddValue,
        AlterDomainAddConstraint,
        DropTable,
        DropIndex,
        DropSchema,     // DROP SCHEMA / DATABASE (`object`)
        DropOther,      // DROP VIEW / TYPE / SEQUENCE / FUNCTION / ...
        RenameTable,    // MySQL RENAME TABLE a TO b[, c TO d]
        Truncate,
        Delete,
        Insert,         // INSERT INTO t ... SELECT ... FROM u: tables t, names u (every row)
        Begin,
        Commit,
        Rollback,
        Set,            // SET [SESSION|LOCAL] name = value; SELECT set_config('name', ...)
        Vacuum,
        Cluster,
        Reindex,
        RefreshMaterializedView,
        OptimizeTable,  // MySQL
        NoTransaction,  // CREATE/DROP DATABASE, TABLESPACE, ALTER SYSTEM: never in a transaction
    };
    Kind kind = Other;
    TextSpan span;              // the whole statement
    QString keywords;           // the leading words, upper-case ("CREATE INDEX CONCURRENTLY")
    QStringList tables;         // the tables it names (index: its table; RENAME: pairs)
    QString name;               // index, type, domain, schema, setting; DropIndex: first index
    QStringList names;          // DropIndex, DropOther: every name
    QString object;             // DropSchema / DropOther / NoTransaction: "SCHEMA", "VIEW", ...
    QString value;              // AlterTypeAddValue: the value
    QStringList settings;       // Set: the settings, lowercase ("lock_timeout")
    QStringList settingValues;  // Set: their values, lowercase, unquoted ("5s")
    QStringList values;         // CreateType: the enum's values
    QStringList selected;       // Insert ... SELECT: the plain columns selected ("*" for all)
    QVector<ColumnDef> columns; // CreateTable
    QVector<ConstraintDef> constraints; // CreateTable's table constraints; CreateIndex: one
    QVector<AlterAction> actions;       // AlterTable
    bool unique = false;        // CreateIndex
    bool concurrently = false;  // CREATE / DROP INDEX, REINDEX, REFRESH ... CONCURRENTLY
    bool ifExists = false;      // DROP ... IF EXISTS
    bool ifNotExists = false;   // CREATE ... IF NOT EXISTS
    bool cascade = false;       // DROP / TRUNCATE ... CASCADE
    bool hasWhere = false;      // Delete
    bool temporary = false;     // CREATE TEMP TABLE
    bool asSelect = false;      // CREATE TABLE ... AS / LIKE: columns unknown
    bool local = false;         // SET LOCAL
    bool full = false;          // VACUUM FULL
    bool positioned = false;    // AlterTypeAddValue: BEFORE / AFTER given
    bool notValid = false;      // AlterDomainAddConstraint
    bool hasConstraint = false; // CreateDomain with CHECK / NOT NULL
};

} // namespace retort
