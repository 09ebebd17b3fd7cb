// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace retort {

// A file in the syntax of Python's configparser.ConfigParser, the syntax of alembic.ini, read
// the way Python reads it: [sections], `key = value` or `key: value` (keys case-insensitive),
// indented continuation lines joined with "\n", full-line # and ; comments, no inline
// comments, and BasicInterpolation: %(name)s from the same section or [DEFAULT], %% for %.
class ConfigParserFile
{
public:
    // `defaults` seeds [DEFAULT] with values taken literally (Alembic passes `here`).
    // Throws Error(Config) "path:line: ..." for a syntax error.
    static ConfigParserFile parse(const QString& text, const QString& path,
                                  const QHash<QString, QString>& defaults = {});

    bool hasSection(const QString& section) const { return m_sections.contains(section); }
    // The interpolated value of `key` in `section`, falling back to [DEFAULT]; none when the
    // key is absent. Throws Error(Config) "path:line: key: ..." for a bad interpolation.
    std::optional<QString> value(const QString& section, const QString& key) const;
    // The line `key` is written on (for messages); 0 when absent.
    int lineOf(const QString& section, const QString& key) const;

private:
    struct Entry
    {
        QString raw;
        int line = 0;
        bool literal = false; // given by the caller: not interpolated
    };
    using Section = QHash<QString, Entry>;

    const Entry* find(const Section& section, const QString& key) const;
    // `requested` is the option asked for, named when references loop.
    QString interpolate(const Section& section, const QString& key, const Entry& entry,
                        const QString& requested, int depth) const;
    [[noreturn]] void fail(int line, const QString& what) const;

    QString m_path;
    Section m_defaults;
    QHash<QString, Section> m_sections;
};

} // namespace retort
