// SPDX-License-Identifier: Apache-2.0
// Helpers for the Studio tests (header only: retort_testsupport does not link the widgets).
#pragma once

#include "history/historygraphview.h"

#include <QTest>

namespace retort::testsupport {

// Clicks revision `id` in the history graph and checks that it became the selection.
inline void clickRevision(ui::HistoryGraphView* view, const QString& id)
{
    const QRect rect = view->revisionRect(id);
    QVERIFY2(!rect.isEmpty(), qPrintable(id));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(view->selectedRevision(), id);
}

} // namespace retort::testsupport
