// SPDX-License-Identifier: Apache-2.0
#include "editor/theme.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace retort::ui {

namespace {

const QString kThemeKey = QStringLiteral("theme");

// The palette and style the application started with: what "System" goes back to.
struct SystemLook
{
    QPalette palette;
    QString style;
};

SystemLook& systemLook()
{
    static SystemLook look{QApplication::palette(), QApplication::style()->name()};
    return look;
}

} // namespace

Theme::Choice Theme::fromName(const QString& name)
{
    if (name == QLatin1String("dark"))
        return Choice::Dark;
    if (name == QLatin1String("light"))
        return Choice::Light;
    return Choice::System;
}

Theme::Choice Theme::saved()
{
    return fromName(QSettings().value(kThemeKey).toString());
}

void Theme::save(Choice choice)
{
    static const char* names[] = {"system", "light", "dark"};
    QSettings().setValue(kThemeKey, QString::fromLatin1(names[int(choice)]));
}

void Theme::apply(Choice choice)
{
    const SystemLook& system = systemLook();
    if (choice == Choice::System) {
        QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(choice == Choice::Dark ? darkPalette() : lightPalette());
}

QPalette Theme::lightPalette()
{
    QPalette palette(QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf6, 0xf8));
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QPalette Theme::darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4e));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Light, QColor(0x3a, 0x3d, 0x42));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x6e, 0x72, 0x79));
    return palette;
}

void Theme::addMenu(QMenu* menu)
{
    QMenu* themeMenu = menu->addMenu(QCoreApplication::translate("retort::ui::MainWindow", "&Theme"));
    auto* themes = new QActionGroup(themeMenu);
    const std::pair<Choice, QString> choices[] = {
        {Choice::System, QCoreApplication::translate("retort::ui::MainWindow", "Follow the &System")},
        {Choice::Light, QCoreApplication::translate("retort::ui::MainWindow", "&Light")},
        {Choice::Dark, QCoreApplication::translate("retort::ui::MainWindow", "&Dark")}};
    for (const auto& [choice, label] : choices) {
        QAction* action = themeMenu->addAction(label, themeMenu, [choice = choice] {
            save(choice);
            apply(choice);
        });
        action->setCheckable(true);
        action->setChecked(saved() == choice);
        themes->addAction(action);
    }
}

} // namespace retort::ui
