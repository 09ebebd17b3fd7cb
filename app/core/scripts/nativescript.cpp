// SPDX-License-Identifier: Apache-2.0
#include "scripts/nativescript.h"

#include "common/error.h"
#include "common/singleline.h"

#include <array>

namespace retort {

namespace {

// The header fields, in the order render() writes them.
enum Field {
    RevisionId,
    DownRevision,
    BranchLabels,
    DependsOn,
    Message,
    CreateDate,
    Transactional,
    FieldCount
};

constexpr std::array<QLatin1String, FieldCount> fieldNames = {
    QLatin1String("revision"),      QLatin1String("down_revision"), QLatin1String("branch_labels"),
    QLatin1String("depends_on"),    QLatin1String("message"),       QLatin1String("create_date"),
    QLatin1String("transactional"),
};

QString knownFieldList()
{
    QString list;
    for (QLatin1String name : fieldNames)
        list += (list.isEmpty() ? QString() : QStringLiteral(", ")) + name;
    return list;
}

[[noreturn]] void fail(const QString& path, int line, const QString& what)
{
    const QString where = line > 0 ? path + u':' + QString::number(line) : path;
    throw Error(ErrorKind::Script, where + QStringLiteral(": ") + what);
}

// Walks a script line by line without copying it.
class LineReader
{
public:
    explicit LineReader(QStringView text) : m_text(text)
    {
        if (m_text.startsWith(QChar(0xFEFF))) // a byte order mark left by the decoder
            m_pos = 1;
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    int lineNumber() const { return m_line; } // of the line next() returned last
    qsizetype lineStart() const { return m_start; }
    qsizetype position() const { return m_pos; } // where the following line starts

    // The next line without its line break.
    QStringView next()
    {
        m_start = m_pos;
        ++m_line;
        qsizetype end = m_text.indexOf(u'\n', m_pos);
        m_pos = end < 0 ? m_text.size() : end + 1;
        if (end < 0)
            end = m_text.size();
        return m_text.mid(m_start, end - m_start);
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_start = 0;
    int m_line = 0;
};

// The text of a "--" comment line after the dashes, trimmed; a null view for any other line.
QStringView commentBody(QStringView line)
{
    line = line.trimmed();
    if (!line.startsWith(QLatin1String("--")))
        return {};
    const QStringView body = line.mid(2).trimmed();
    return body.isNull() ? QStringView(u"") : body;
}

struct Marker
{
    Direction direction;
    std::optional<Dialect> dialect;
};

// A comment body starting with '+' and a letter is meant as a section marker: anything but a
// valid one is an error, so that a typo cannot merge the downgrade into the upgrade.
bool looksLikeMarker(QStringView body)
{
    return body.size() > 1 && body[0] == u'+' && body[1].isLetter();
}

Marker parseMarker(QStringView body, const QString& path, int line)
{
    qsizetype wordEnd = 0;
    while (wordEnd < body.size() && !body[wordEnd].isSpace())
        ++wordEnd;
    const QStringView word = body.left(wordEnd);
    const QStringView rest = body.mid(wordEnd).trimmed();
    Marker marker{Direction::Upgrade, std::nullopt};
    if (word == QLatin1String("+downgrade"))
        marker.direction = Direction::Downgrade;
    else if (word != QLatin1String("+upgrade"))
        fail(path, line,
             QStringLiteral("unknown section marker '-- ") + word +
                 QStringLiteral("' (expected '-- +upgrade' or '-- +downgrade')"));
    if (!rest.isEmpty()) {
        marker.dialect = dialectFromName(rest.toString());
        if (!marker.dialect)
            fail(path, line,
                 QStringLiteral("unknown dialect '") + rest + QStringLiteral("' after '-- ") +
                     word +
                     QStringLiteral("' (expected sqlite, postgresql, mysql or "
                                    "mariadb)"));
    }
    return marker;
}

bool isKeyChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || c == u'_';
}

struct FieldLine
{
    QStringView key;
    QStringView value;
    bool spaced = false; // the colon is followed by white space or ends the line
};

// Splits "key:value" (key [a-z][a-z_]*); any other comment line gives nullopt.
std::optional<FieldLine> splitField(QStringView body)
{
    if (body.isEmpty() || body[0] < u'a' || body[0] > u'z')
        return std::nullopt;
    qsizetype colon = 1;
    while (colon < body.size() && isKeyChar(body[colon]))
        ++colon;
    if (colon == body.size() || body[colon] != u':')
        return std::nullopt;
    const bool spaced = colon + 1 == body.size() || body[colon + 1].isSpace();
    return FieldLine{body.left(colon), body.mid(colon + 1).trimmed(), spaced};
}

int fieldIndex(QStringView key)
{
    int field = 0;
    while (field < FieldCount && key != fieldNames[field])
        ++field;
    return field;
}

std::optional<bool> parseBool(QStringView value)
{
    static const char* const truths[] = {"true", "yes", "on", "1"};
    static const char* const falsehoods[] = {"false", "no", "off", "0"};
    for (const char* word : truths) {
        if (value.compare(QLatin1String(word), Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const char* word : falsehoods) {
        if (value.compare(QLatin1String(word), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

// Reads the header: the lines before the first section marker.
class HeaderReader
{
public:
    HeaderReader(QStringView text, const QString& path) : m_lines(text), m_path(path) {}

    // Leaves the reader on the first marker line (if any), which markerBody() holds.
    Revision read();
    LineReader& lines() { return m_lines; }
    QStringView markerBody() const { return m_markerBody; }

private:
    void readField(const FieldLine& fieldLine);
    QStringList readList(Field field, QStringView value) const;
    void checkId(QStringView id, Field field) const;

    LineReader m_lines;
    const QString& m_path;
    Revision m_revision;
    std::array<int, FieldCount> m_fieldLines{}; // where each field was given; 0: not yet
    QStringView m_markerBody;
};

Revision HeaderReader::read()
{
    while (!m_lines.atEnd()) {
        const QStringView line = m_lines.next();
        const QStringView body = commentBody(line);
        if (body.isNull()) {
            if (line.trimmed().isEmpty())
                continue;
            fail(m_path, m_lines.lineNumber(),
                 QStringLiteral("SQL before the first '-- +upgrade' or '-- +downgrade' section"));
        }
        if (looksLikeMarker(body)) {
            m_markerBody = body;
            break;
        }
        if (const std::optional<FieldLine> field = splitField(body))
            readField(*field);
    }
    if (m_fieldLines[RevisionId] == 0)
        fail(m_path, 0, QStringLiteral("no '-- revision: <id>' line in the header"));
    if (m_fieldLines[DownRevision] == 0)
        fail(m_path, 0,
             QStringLiteral("no '-- down_revision:' line in the header (leave its "
                            "value empty for a first revision)"));
    m_revision.path = m_path;
    m_revision.format = ScriptFormat::Native;
    return std::move(m_revision);
}

// An unknown key is a typo when written like a field ("key: value"); "http://..." is prose.
void HeaderReader::readField(const FieldLine& fieldLine)
{
    const QStringView key = fieldLine.key;
    const QStringView value = fieldLine.value;
    const int line = m_lines.lineNumber();
    const int field = fieldIndex(key);
    if (field == FieldCount && !fieldLine.spaced)
        return;
    if (field == FieldCount)
        fail(m_path, line,
             QStringLiteral("unknown header field '") + singleLine(key.toString()) +
                 QStringLiteral("' (known fields: ") +
                 knownFieldList() + u')');
    if (m_fieldLines[field] != 0)
        fail(m_path, line,
             QStringLiteral("header field '") + key +
                 QStringLiteral("' given twice (first on line ") +
                 QString::number(m_fieldLines[field]) + u')');
    m_fieldLines[field] = line;
    // render() escapes these, so a header holding one would not read back as written.
    if (hasLineBreakOrControl(value.toString()))
        fail(m_path, line,
             QStringLiteral("header field '") + key +
                 QStringLiteral("' holds a control or invisible formatting character: '") +
                 singleLine(value.toString()) + u'\'');

    switch (static_cast<Field>(field)) {
    case RevisionId:
        checkId(value, RevisionId);
        m_revision.id = value.toString();
        break;
    case DownRevision:
        m_revision.downRevisions = readList(DownRevision, value);
        for (const QString& id : std::as_const(m_revision.downRevisions))
            checkId(id, DownRevision);
        break;
    case BranchLabels:
        m_revision.branchLabels = readList(BranchLabels, value);
        break;
    case DependsOn:
        m_revision.dependsOn = readList(DependsOn, value);
        break;
    case Message:
        m_revision.message = value.toString();
        break;
    case CreateDate:
        m_revision.createDate = value.toString();
        break;
    case Transactional: {
        const std::optional<bool> flag = parseBool(value);
        if (!flag)
            fail(m_path, line,
                 QStringLiteral("transactional must be true or false, not '") + value + u'\'');
        m_revision.transactional = *flag;
        break;
    }
    case FieldCount:
        break;
    }
}

// A comma-separated list; an empty value is an empty list, an empty item an error.
QStringList HeaderReader::readList(Field field, QStringView value) const
{
    QStringList items;
    if (value.isEmpty())
        return items;
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(u',', start);
        if (comma < 0)
            comma = value.size();
        const QStringView item = value.mid(start, comma - start).trimmed();
        if (item.isEmpty())
            fail(m_path, m_lines.lineNumber(),
                 QStringLiteral("empty item in the ") + fieldNames[field] +
                     QStringLiteral(" list"));
        items.append(item.toString());
        start = comma + 1;
    }
    return items;
}

void HeaderReader::checkId(QStringView id, Field field) const
{
    if (!isValidRevisionId(id.toString()))
        fail(m_path, m_lines.lineNumber(),
             QStringLiteral("invalid revision id '") + singleLine(id.toString()) +
                 QStringLiteral("' in ") + fieldNames[field] + QStringLiteral(" (") +
                 revisionIdRules() + u')');
}

// The first line of a message: the header holds one line per field.
QString firstLine(const QString& text)
{
    const qsizetype end = text.indexOf(u'\n');
    return (end < 0 ? QStringView(text) : QStringView(text).left(end)).trimmed().toString();
}

void renderField(QString& out, Field field, const QString& value)
{
    out += QStringLiteral("-- ") + fieldNames[field] + u':';
    if (!value.isEmpty())
        out += u' ' + singleLine(value); // a '\r' would end the comment on PostgreSQL
    out += u'\n';
}

void renderSql(QString& out, const QString& sql)
{
    out += sql;
    if (!sql.isEmpty() && !sql.endsWith(u'\n'))
        out += u'\n';
}

} // namespace

Revision NativeScript::readHeader(const QString& text, const QString& path)
{
    return HeaderReader(text, path).read();
}

NativeScript NativeScript::parse(const QString& text, const QString& path)
{
    NativeScript script;
    HeaderReader header(text, path);
    script.m_revision = header.read();
    LineReader& lines = header.lines();
    QStringView body = header.markerBody();
    // Each pass starts on a marker line: its section runs to the next marker or the end.
    while (!body.isNull()) {
        const Marker marker = parseMarker(body, path, lines.lineNumber());
        ScriptSection section{marker.direction, marker.dialect, lines.lineNumber() + 1, {}};
        const qsizetype start = lines.position();
        qsizetype end = text.size();
        body = {};
        while (!lines.atEnd()) {
            const QStringView candidate = commentBody(lines.next());
            if (!candidate.isNull() && looksLikeMarker(candidate)) {
                body = candidate;
                end = lines.lineStart();
                break;
            }
        }
        section.sql = text.mid(start, end - start);
        script.m_sections.append(std::move(section));
    }
    return script;
}

QString NativeScript::render(const Revision& revision, const QString& upgradeSql,
                             const QString& downgradeSql)
{
    QString out;
    renderField(out, RevisionId, revision.id);
    renderField(out, DownRevision, revision.downRevisions.join(QStringLiteral(", ")));
    renderField(out, BranchLabels, revision.branchLabels.join(QStringLiteral(", ")));
    renderField(out, DependsOn, revision.dependsOn.join(QStringLiteral(", ")));
    renderField(out, Message, firstLine(revision.message));
    renderField(out, CreateDate, revision.createDate);
    if (!revision.transactional)
        renderField(out, Transactional, QStringLiteral("false"));
    out += QStringLiteral("\n-- +upgrade\n");
    renderSql(out, upgradeSql.isEmpty() ? QStringLiteral("\n") : upgradeSql);
    out += QStringLiteral("\n-- +downgrade\n");
    renderSql(out, downgradeSql);
    return out;
}

QVector<SqlStatement> NativeScript::statements(Direction direction, Dialect dialect) const
{
    QVector<SqlStatement> result;
    for (const ScriptSection& section : m_sections) {
        if (section.direction != direction || (section.dialect && *section.dialect != dialect))
            continue;
        result +=
            StatementSplitter::split(section.sql, dialect, m_revision.path, section.firstLine);
    }
    return result;
}

} // namespace retort
