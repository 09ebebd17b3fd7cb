// SPDX-License-Identifier: Apache-2.0
// AlembicScript::read on arbitrary text: a retort::Error is a fine answer, a crash, undefined
// behaviour or a hang is not.
#include "scripts/alembicscript.h"
#include "common/error.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const retort::Revision revision =
            retort::AlembicScript::read(text, QStringLiteral("versions/abc.py"));
        if (!retort::isValidRevisionId(revision.id))
            __builtin_trap(); // read() promised a valid id
        for (const QString& parent : revision.downRevisions) {
            if (!retort::isValidRevisionId(parent))
                __builtin_trap();
        }
    } catch (const retort::Error&) {
    }
    return 0;
}
