// SPDX-License-Identifier: Apache-2.0
// retort-studio [PROJECT] [--url URL]: the desktop app. Everything is in retort_ui and
// retort_core; this only reads the command line and shows the window.
#include "window/mainwindow.h"
#include "editor/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retort Studio"));
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    // The desktop file's name: Wayland's app id, and how desktops find the icon.
    QApplication::setDesktopFileName(QStringLiteral("dev.retort.Studio"));
    QIcon icon;
    for (int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/retort-%1.png").arg(size));
    QApplication::setWindowIcon(icon);

    // The user's language, else English (whose file holds the plural forms); Qt's own texts
    // (dialog buttons, file dialogs) from the translations Qt ships, where there are some.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("retort_studio"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("retort_studio_en"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main",
        "Retort Studio: see and run database migrations.\n\n"
        "Exit status:\n"
        "  0    The window was closed (or --screenshot saved its picture).\n"
        "  1    A usage error (an unknown option), or --screenshot could not save its\n"
        "       picture.\n\n"
        "Examples:\n"
        "  retort-studio migrations\n"
        "      The project in the folder migrations, on the database its retort.ini names.\n"
        "  retort-studio alembic.ini --url sqlite:///app.db\n"
        "      An Alembic project, on another database."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("url"),
                      QApplication::translate("main", "Database URL (default: the project's)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("theme"),
                      QApplication::translate("main", "system, light or dark (default: as last chosen)."),
                      QStringLiteral("THEME")});
    parser.addOption({QStringLiteral("screenshot"),
                      QApplication::translate("main", "Save a picture of the window to FILE once "
                                                      "the database status is read, then quit."),
                      QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project folder, retort.ini or alembic.ini."),
                                 QStringLiteral("[PROJECT]"));
    parser.process(app);

    using retort::ui::Theme;
    Theme::apply(parser.isSet(QStringLiteral("theme")) ? Theme::fromName(parser.value(QStringLiteral("theme")))
                                                      : Theme::saved());

    retort::ui::MainWindow window;
    if (parser.isSet(QStringLiteral("url")))
        window.setDatabaseUrl(parser.value(QStringLiteral("url")));
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().first());
    window.show();
    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString file = parser.value(QStringLiteral("screenshot"));
        // Give the background status read a moment, then grab what a user would see.
        QTimer::singleShot(1500, &window, [&window, file] {
            if (window.grab().save(file))
                QApplication::quit();
            else
                QApplication::exit(1);
        });
    }
    return app.exec();
}
