// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPalette>
#include <QString>

class QMenu;

namespace retort::ui {

// Studio follows the system's palette; users can also pick light or dark (View > Theme),
// remembered in the settings. Every widget paints from palette roles, so a switch is live.
class Theme
{
public:
    enum class Choice { System, Light, Dark };

    static Choice saved();
    static void save(Choice choice);
    // Applies `choice` to the application (Fusion style for light and dark, so the palette
    // is used as given).
    static void apply(Choice choice);
    static QPalette darkPalette();
    static QPalette lightPalette();
    static Choice fromName(const QString& name); // "system", "light", "dark"
    // Adds the Theme submenu (one checkable action per choice) to `menu`.
    static void addMenu(QMenu* menu);
};

} // namespace retort::ui
