// SPDX-License-Identifier: Apache-2.0
#include "window/projectpaths.h"

#include "common/error.h"
#include "project/projectconfig.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace retort::ui {

QString ProjectPaths::configFileFor(const QString& path)
{
    const QFileInfo info(path);
    return ProjectConfig::locate(info.isDir() ? QString() : info.absoluteFilePath(),
                                 info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString ProjectPaths::dropped(const QMimeData* mime)
{
    const QList<QUrl> urls = mime->urls();
    for (const QUrl& url : urls) {
        const QFileInfo info(url.toLocalFile());
        if (!url.isLocalFile() || (!info.isDir() && info.suffix() != QLatin1String("ini")))
            continue;
        try {
            return configFileFor(url.toLocalFile());
        } catch (const Error&) {
        }
    }
    return {};
}

} // namespace retort::ui
