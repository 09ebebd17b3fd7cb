// SPDX-License-Identifier: Apache-2.0
#include "graph/revision.h"

namespace retort {

bool isValidRevisionId(const QString& id)
{
    if (id.isEmpty())
        return false;
    for (QChar c : id) {
        if (c.isSpace() || c == u'@' || c == u'-' || c == u'+' || c == u':' || c == u',')
            return false;
    }
    return true;
}

} // namespace retort
