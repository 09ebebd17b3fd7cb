// SPDX-License-Identifier: Apache-2.0
#include "graph/revision.h"

namespace retort {

bool isValidRevisionId(const QString& id)
{
    // Alembic's rules (no @ - +), plus what keeps an id one word and one file name: new
    // scripts are named <id>_<slug>.sql in a version folder (--rev-id ../../x wrote outside it).
    if (id.isEmpty() || id.startsWith(u'.') || id.contains(QLatin1String("..")))
        return false;
    for (QChar c : id) {
        if (c.isSpace() || c == u'@' || c == u'-' || c == u'+' || c == u':' || c == u',' ||
            c == u'/' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f ||
            c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

QString revisionIdRules()
{
    return QStringLiteral("ids are not empty, do not start with '.' nor hold '..', and contain no "
                          "white space, control characters or any of @-+:,/\\");
}

} // namespace retort
