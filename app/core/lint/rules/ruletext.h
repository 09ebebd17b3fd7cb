// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// Small helpers the rule families share for their messages.
namespace retort::lintrules {

// "name" in double quotes, as messages name tables and columns.
inline QString quoted(const QString& name)
{
    return u'"' + name + u'"';
}

// "table"."column"
inline QString quoted(const QString& table, const QString& column)
{
    return quoted(table) + u'.' + quoted(column);
}

} // namespace retort::lintrules
