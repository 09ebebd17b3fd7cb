// SPDX-License-Identifier: Apache-2.0
#include "lint/lintrules.h"

#include "lint/rules/rulefamilies.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace retort {

const QVector<const LintRuleFamily*>& LintRules::families()
{
    static const QVector<const LintRuleFamily*> all = {
        &lintrules::destructive(), &lintrules::dataDependent(), &lintrules::postgresLocks(),
        &lintrules::transactions(), &lintrules::compatibility(), &lintrules::style(),
        &lintrules::mysql(),       &lintrules::sqlite(),
    };
    return all;
}

const QVector<LintRule>& LintRules::all()
{
    static const QVector<LintRule> rules = [] {
        QVector<LintRule> list;
        for (const LintRuleFamily* family : families())
            list += family->rules;
        std::sort(list.begin(), list.end(), [](const LintRule& a, const LintRule& b) {
            return qstrcmp(a.code, b.code) < 0;
        });
        return list;
    }();
    return rules;
}

const LintRule* LintRules::find(const QString& codeOrName)
{
    static const QHash<QString, const LintRule*> byKey = [] {
        QHash<QString, const LintRule*> keys;
        for (const LintRule& rule : all()) {
            keys.insert(QString::fromLatin1(rule.code), &rule);
            keys.insert(QString::fromLatin1(rule.name), &rule);
        }
        return keys;
    }();
    return byKey.value(codeOrName);
}

const LintRule* LintRules::find(const char* code)
{
    // Codes are "RT" and three digits: a table by number.
    static const QVector<const LintRule*> byNumber = [] {
        QVector<const LintRule*> table(1000, nullptr);
        for (const LintRule& rule : all())
            table[QByteArray(rule.code + 2).toInt()] = &rule;
        return table;
    }();
    if (!code || qstrlen(code) != 5 || code[0] != 'R' || code[1] != 'T')
        return nullptr;
    int number = 0;
    for (int i = 2; i < 5; ++i) {
        if (code[i] < '0' || code[i] > '9')
            return nullptr;
        number = number * 10 + (code[i] - '0');
    }
    return byNumber[number];
}

QVector<const LintRule*> LintRules::select(const QString& selection, QStringList* unknown)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    static const QRegularExpression family(QStringLiteral("^RT(\\d)(?:xx|XX|\\*\\*)$"));
    QVector<const LintRule*> rules;
    const auto add = [&rules](const LintRule* rule) {
        if (!rules.contains(rule))
            rules.append(rule);
    };
    for (const QString& entry : selection.split(separators, Qt::SkipEmptyParts)) {
        const QString key = entry.startsWith(QLatin1String("rt")) ? entry.toUpper() : entry;
        if (key.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
            for (const LintRule& rule : all())
                add(&rule);
        } else if (const QRegularExpressionMatch match = family.match(key); match.hasMatch()) {
            const QString prefix = QStringLiteral("RT") + match.captured(1);
            bool matched = false;
            for (const LintRule& rule : all()) {
                if (QLatin1String(rule.code).startsWith(prefix)) {
                    add(&rule);
                    matched = true;
                }
            }
            if (!matched && unknown)
                unknown->append(entry);
        } else if (const LintRule* rule = find(key)) {
            add(rule);
        } else if (unknown) {
            unknown->append(entry);
        }
    }
    return rules;
}

} // namespace retort
