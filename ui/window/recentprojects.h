// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <functional>

class QMenu;

namespace retort::ui {

// The projects opened lately, newest first (at most ten config files, in QSettings), and
// File > Open Recent.
class RecentProjects
{
    Q_DECLARE_TR_FUNCTIONS(RecentProjects)

public:
    static QStringList list();
    static void remember(const QString& configPath);
    static void forget(const QString& configPath);
    // Fills `menu` with them (those no longer there are forgotten first); choosing one calls
    // `open`, and forgets the project when it returns false.
    static void fillMenu(QMenu* menu, const std::function<bool(const QString&)>& open);
};

} // namespace retort::ui
