// SPDX-License-Identifier: Apache-2.0
#include "window/recentprojects.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace retort::ui {

namespace {

const QString kRecentKey = QStringLiteral("recentProjects");
constexpr int kKept = 10;

} // namespace

QStringList RecentProjects::list()
{
    return QSettings().value(kRecentKey).toStringList();
}

void RecentProjects::remember(const QString& configPath)
{
    QStringList recent = list();
    recent.removeAll(configPath);
    recent.prepend(configPath);
    QSettings().setValue(kRecentKey, recent.mid(0, kKept));
}

void RecentProjects::forget(const QString& configPath)
{
    QStringList recent = list();
    recent.removeAll(configPath);
    QSettings().setValue(kRecentKey, recent);
}

void RecentProjects::fillMenu(QMenu* menu, const std::function<bool(const QString&)>& open)
{
    menu->clear();
    int number = 0;
    const QStringList recent = list();
    for (const QString& path : recent) {
        if (!QFileInfo(path).isFile()) { // moved or deleted since
            forget(path);
            continue;
        }
        QString label = QDir::toNativeSeparators(path).replace(u'&', QLatin1String("&&"));
        if (++number < 10)
            label = QStringLiteral("&%1 ").arg(number) + label;
        menu->addAction(label, menu, [open, path] {
            if (!open(path))
                forget(path);
        });
    }
    if (menu->isEmpty()) {
        menu->addAction(tr("(none yet)"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    menu->addAction(tr("&Clear List"), menu, [] { QSettings().remove(kRecentKey); });
}

} // namespace retort::ui
