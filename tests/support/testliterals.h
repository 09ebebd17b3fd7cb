// SPDX-License-Identifier: Apache-2.0
// Expected values written as literals: the build forbids QString from const char*
// (QT_NO_CAST_FROM_ASCII), and QStringLiteral in every list entry buries what is compared.
#pragma once

#include <QString>
#include <QStringList>

#include <initializer_list>

namespace retort::testsupport {

inline QString S(const char* text)
{
    return QString::fromUtf8(text);
}

inline QStringList L(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts)
        list << S(text);
    return list;
}

} // namespace retort::testsupport
