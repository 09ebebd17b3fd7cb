// SPDX-License-Identifier: Apache-2.0
// Helpers for the Studio tests (header only: retort_testsupport does not link the widgets).
#pragma once

#include "history/historygraphview.h"

#include <QApplication>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <functional>

namespace retort::testsupport {

// Clicks revision `id` in the history graph and checks that it became the selection.
inline void clickRevision(ui::HistoryGraphView* view, const QString& id)
{
    const QRect rect = view->revisionRect(id);
    QVERIFY2(!rect.isEmpty(), qPrintable(id));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(view->selectedRevision(), id);
}

// Studio opens its confirmation dialog, failure message box and context menu with exec(): a
// nested event loop the test cannot wait for in line. This polls for the active modal widget
// or popup and hands each new one, once, to the handler.
class ModalWatcher : public QObject
{
public:
    using Handler = std::function<void(QWidget*)>;

    explicit ModalWatcher(Handler handler) : m_handler(std::move(handler))
    {
        connect(&m_timer, &QTimer::timeout, this, &ModalWatcher::poll);
        m_timer.start(20);
    }

private:
    void poll()
    {
        QWidget* widget = QApplication::activePopupWidget();
        if (!widget)
            widget = QApplication::activeModalWidget();
        if (!widget || widget == m_handled)
            return;
        m_handled = widget;
        m_handler(widget);
    }

    Handler m_handler;
    QTimer m_timer;
    QPointer<QWidget> m_handled;
};

} // namespace retort::testsupport
