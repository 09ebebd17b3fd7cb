// SPDX-License-Identifier: Apache-2.0
#include "window/mainwindow.h"

#include "runlog/confirmrundialog.h"
#include "connection/connectiondialog.h"
#include "connection/connectionprofiles.h"
#include "status/databasestatuspanel.h"
#include "database/databaseurl.h"
#include "common/error.h"
#include "history/historygraphview.h"
#include "detail/revisiondetailpanel.h"
#include "runlog/runcontroller.h"
#include "runlog/runlogpanel.h"
#include "editor/scripteditor.h"
#include "editor/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <QRegularExpression>
#include <QtConcurrent>

namespace retort::ui {

namespace {

const QString kRecentKey = QStringLiteral("recentProjects");

// The config file for a path that may be the file itself or the project folder.
QString configFileFor(const QString& path)
{
    const QFileInfo info(path);
    return ProjectConfig::locate(info.isDir() ? QString() : info.absoluteFilePath(),
                                 info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

// The project a drag carries: the config file of the first dropped folder (or .ini file) that
// is a project; "" when none is.
QString droppedProject(const QMimeData* mime)
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

// What a background status read brings back: the status, or the error's text.
struct StatusAnswer
{
    DatabaseStatus status;
    QString error;
};

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_profiles(new ConnectionProfiles(this)),
      m_history(new HistoryGraphView(this)), m_detail(new RevisionDetailPanel(this)),
      m_status(new DatabaseStatusPanel(this)), m_filter(new QLineEdit(this)), m_log(new RunLogPanel(this)),
      m_runs(new RunController(this)), m_projectLabel(new QLabel(this))
{
    setWindowTitle(tr("Retort Studio"));
    setAcceptDrops(true);
    m_filter->setPlaceholderText(tr("Filter by id, label or message"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Rows that do not match are dimmed (Ctrl+F)"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_status);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_history, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_projectLabel);

    auto* logDock = new QDockWidget(tr("Run log"), this);
    logDock->setObjectName(QStringLiteral("runLogDock"));
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {170}, Qt::Vertical);

    connect(m_history, &HistoryGraphView::revisionContextMenuRequested, this, &MainWindow::showRevisionMenu);
    connect(m_log, &RunLogPanel::cancelRequested, m_runs, &RunController::cancel);
    connect(m_runs, &RunController::eventsArrived, m_log, &RunLogPanel::appendEvents);
    connect(m_runs, &RunController::finished, this, &MainWindow::onRunFinished);

    connect(m_filter, &QLineEdit::textChanged, m_history, &HistoryGraphView::setFilterText);
    connect(m_history, &HistoryGraphView::currentRevisionChanged, this, [this](const QString& id) {
        if (m_project)
            m_detail->showRevision(*m_project, id);
        updateRunActions();
    });
    // The detail panel's SQL tabs plan from whatever state the banner shows.
    connect(m_status, &DatabaseStatusPanel::statusShown, m_detail,
            [this](const DatabaseStatus& status) {
                m_detail->setDatabaseStatus(effectiveUrl(), status);
            });
    connect(m_status, &DatabaseStatusPanel::statusUnknown, m_detail,
            &RevisionDetailPanel::setDatabaseUnknown);
    // A remembered profile's password comes from the keychain after the project opened.
    connect(m_profiles, &ConnectionProfiles::passwordRead, this,
            [this](const QString& name, const QString& password) {
                if (name != m_awaitedProfile)
                    return;
                m_awaitedProfile.clear();
                if (!password.isEmpty())
                    setDatabaseUrl(ConnectionFields::withPassword(m_urlOverride, password));
            });
    createActions();
    resize(1200, 760);
}

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));

    QAction* open = fileMenu->addAction(tr("&Open Project..."), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a folder with a retort.ini or an alembic.ini (Ctrl+O)"));
    toolBar->addAction(open);
    QAction* connectDb =
        fileMenu->addAction(tr("&Connect to Database..."), this, &MainWindow::chooseConnection);
    connectDb->setObjectName(QStringLiteral("connectAction"));
    connectDb->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connectDb->setToolTip(
        tr("Choose the database: a saved connection, a URL or its parts (Ctrl+D)"));
    toolBar->addAction(connectDb);

    QAction* refresh = fileMenu->addAction(tr("&Refresh"), this, [this] {
        if (m_project)
            openProject(m_project->config().configPath);
    });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Read the scripts and the database again (F5)"));
    toolBar->addAction(refresh);

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    toolBar->addSeparator();
    m_upgradeHead = runMenu->addAction(tr("Upgrade to &Head"), this,
                                       [this] { requestRun(Direction::Upgrade, QStringLiteral("heads")); });
    m_upgradeHead->setObjectName(QStringLiteral("upgradeHeadAction"));
    m_upgradeHead->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_upgradeHead->setToolTip(tr("Apply every pending revision (Ctrl+U)"));
    toolBar->addAction(m_upgradeHead);
    m_upgradeHere = runMenu->addAction(tr("&Upgrade to Here"), this, [this] {
        requestRun(Direction::Upgrade, m_history->selectedRevision());
    });
    m_upgradeHere->setObjectName(QStringLiteral("upgradeHereAction"));
    m_upgradeHere->setToolTip(tr("Upgrade the database to the selected revision"));
    toolBar->addAction(m_upgradeHere);
    m_rollbackHere = runMenu->addAction(tr("&Roll Back to Here"), this, [this] {
        requestRun(Direction::Downgrade, m_history->selectedRevision());
    });
    m_rollbackHere->setObjectName(QStringLiteral("rollbackHereAction"));
    m_rollbackHere->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_rollbackHere->setToolTip(tr("Roll the database back to the selected revision, after showing the SQL (Ctrl+R)"));
    toolBar->addAction(m_rollbackHere);
    m_cancelRun = runMenu->addAction(tr("&Cancel Run"), m_runs, &RunController::cancel);
    m_cancelRun->setObjectName(QStringLiteral("cancelRunAction"));
    m_cancelRun->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelRun->setToolTip(tr("Stop the running migration and roll it back (Esc)"));
    toolBar->addAction(m_cancelRun);
    updateRunActions();

    auto* recent = new QMenu(tr("Open &Recent"), fileMenu);
    recent->setObjectName(QStringLiteral("recentMenu"));
    fileMenu->insertMenu(connectDb, recent);
    connect(recent, &QMenu::aboutToShow, this, [this, recent] { fillRecentMenu(recent); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit)->setShortcut(QKeySequence::Quit);

    QAction* find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); m_filter->selectAll(); });
    addAction(find);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu* themeMenu = viewMenu->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const std::pair<Theme::Choice, QString> choices[] = {
        {Theme::Choice::System, tr("Follow the &System")},
        {Theme::Choice::Light, tr("&Light")},
        {Theme::Choice::Dark, tr("&Dark")}};
    for (const auto& [choice, label] : choices) {
        QAction* action = themeMenu->addAction(label, this, [choice = choice] {
            Theme::save(choice);
            Theme::apply(choice);
        });
        action->setCheckable(true);
        action->setChecked(Theme::saved() == choice);
        themes->addAction(action);
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Retort Studio"), this, &MainWindow::showAbout);
}

bool MainWindow::openProject(const QString& path)
{
    try {
        const QString configPath = configFileFor(path);
        m_project = Project::open(configPath);
        rememberRecent(configPath);
        restoreConnection(configPath);
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Cannot open the project"), error.message());
        return false;
    }
    const ProjectConfig& config = m_project->config();
    setWindowTitle(tr("%1 - Retort Studio").arg(QDir(config.projectDir).dirName()));
    m_projectLabel->setText(QDir::toNativeSeparators(config.configPath));
    m_history->setGraph(m_project->graph());
    const QVector<int>& heads = m_project->graph().heads();
    m_history->selectRevision(heads.isEmpty() ? QString() : m_project->graph().id(heads.first()));
    statusBar()->showMessage(tr("%n revision(s)", nullptr, m_project->graph().count()), 5000);
    refreshDatabaseStatus();
    return true;
}

void MainWindow::setDatabaseUrl(const QString& url)
{
    m_urlOverride = url;
    refreshDatabaseStatus();
}

void MainWindow::chooseConnection()
{
    const QString project = m_project ? m_project->config().configPath : QString();
    ConnectionDialog dialog(m_profiles, this);
    dialog.setRecentUrls(ConnectionProfiles::recentUrls(project));
    dialog.setUrl(effectiveUrl(), ConnectionProfiles::lastProfile(project));
    if (dialog.exec() != QDialog::Accepted || dialog.url().isEmpty())
        return;
    ConnectionProfiles::rememberForProject(project, dialog.profileName(), dialog.url());
    m_connectionProject = project;
    m_awaitedProfile.clear();
    setDatabaseUrl(dialog.url());
}

void MainWindow::restoreConnection(const QString& configPath)
{
    // A connection chosen for another project does not carry over; one given on the command
    // line (or by setDatabaseUrl() before opening) stays.
    if (!m_connectionProject.isEmpty() && m_connectionProject != configPath) {
        m_urlOverride.clear();
        m_connectionProject.clear();
        m_awaitedProfile.clear();
    }
    const QString remembered = ConnectionProfiles::lastUrl(configPath);
    if (!m_urlOverride.isEmpty() || remembered.isEmpty())
        return;
    m_urlOverride = remembered; // without its password: that comes from the keychain
    m_connectionProject = configPath;
    const QString profile = ConnectionProfiles::lastProfile(configPath);
    if (!profile.isEmpty() && m_profiles->find(profile)) {
        m_awaitedProfile = profile;
        m_profiles->readPassword(profile);
    }
}

QString MainWindow::effectiveUrl() const
{
    if (!m_urlOverride.isEmpty() || !m_project)
        return m_urlOverride;
    try {
        return m_project->config().databaseUrl();
    } catch (const Error&) {
        return {};
    }
}

void MainWindow::refreshDatabaseStatus()
{
    const QString url = effectiveUrl();
    if (!m_project || url.isEmpty()) {
        m_status->showChecking(QString());
        return;
    }
    QString masked;
    try {
        masked = DatabaseUrl::parse(url).masked();
    } catch (const Error& error) {
        m_status->showError(QString(), error.message());
        return;
    }
    m_status->showChecking(masked);
    // The status is read on a pool thread with its own connection: the window never waits.
    const int generation = ++m_statusGeneration;
    const Project project = *m_project;
    auto* watcher = new QFutureWatcher<StatusAnswer>(this);
    connect(watcher, &QFutureWatcher<StatusAnswer>::finished, this, [this, watcher, generation, masked] {
        watcher->deleteLater();
        if (generation != m_statusGeneration || !m_project)
            return;
        const StatusAnswer answer = watcher->result();
        if (!answer.error.isEmpty()) {
            m_status->showError(masked, answer.error);
            return;
        }
        m_status->showStatus(answer.status);
        m_history->setCurrentRevisions(answer.status.current);
        QSet<QString> applied;
        const RevisionGraph& graph = m_project->graph();
        for (int i : graph.ancestors(answer.status.currentRevisions(graph)).toList())
            applied.insert(graph.id(i));
        m_history->setAppliedRevisions(applied);
    });
    watcher->setFuture(QtConcurrent::run([project, url] {
        try {
            return StatusAnswer{DatabaseStatus::read(project, url, DatabaseStatus::Detail::Support),
                                QString()};
        } catch (const Error& error) {
            return StatusAnswer{DatabaseStatus(), error.message()};
        }
    }));
}

void MainWindow::updateRunActions()
{
    const bool idle = !m_runs->isRunning() && m_project.has_value();
    const bool selected = !m_history->selectedRevision().isEmpty();
    m_upgradeHead->setEnabled(idle);
    m_upgradeHere->setEnabled(idle && selected);
    m_rollbackHere->setEnabled(idle && selected);
    m_cancelRun->setEnabled(m_runs->isRunning());
}

void MainWindow::showRevisionMenu(const QString& id, const QPoint& globalPos)
{
    if (id.isEmpty() || !m_project)
        return;
    m_history->selectRevision(id);
    QMenu menu(this);
    menu.addAction(m_upgradeHere);
    menu.addAction(m_rollbackHere);
    menu.addSeparator();
    menu.addAction(tr("Stamp Here..."), this, [this, id] { requestStamp(id); })->setEnabled(!m_runs->isRunning());
    menu.exec(globalPos);
}

void MainWindow::requestRun(Direction direction, const QString& target)
{
    if (!m_project || target.isEmpty() || m_runs->isRunning())
        return;
    RunRequest request;
    request.project = *m_project;
    request.databaseUrl = effectiveUrl();
    request.direction = direction;
    request.target = target;
    const QString shown = target == QLatin1String("heads") ? tr("head") : target;
    startDryRun(request, direction == Direction::Upgrade ? tr("Upgrade the database to %1?").arg(shown)
                                                         : tr("Roll the database back to %1?").arg(shown));
}

void MainWindow::requestStamp(const QString& target)
{
    if (!m_project || m_runs->isRunning())
        return;
    RunRequest request;
    request.project = *m_project;
    request.databaseUrl = effectiveUrl();
    request.mode = RunRequest::Mode::Stamp;
    request.stampTargets = {target};
    startDryRun(request, tr("Stamp the database as %1 without running any script?").arg(target));
}

void MainWindow::startDryRun(RunRequest request, const QString& question)
{
    request.dryRun = true;
    m_pending = PendingRun{request, question};
    m_log->runStarted(tr("Planning: %1").arg(question));
    m_runs->start(request);
    updateRunActions();
}

void MainWindow::onRunFinished(const RunResult& result, ErrorKind kind, const QString& error)
{
    const bool wasDryRun = m_pending.has_value() && !m_realRunGoing;
    m_log->runFinished(error.isEmpty() ? (wasDryRun ? tr("Plan ready.") : tr("Run finished."))
                                       : (kind == ErrorKind::Cancelled ? tr("Cancelled.") : tr("Failed.")),
                       !error.isEmpty());
    m_realRunGoing = false;
    updateRunActions();
    if (!error.isEmpty()) {
        m_pending.reset();
        if (!wasDryRun)
            refreshDatabaseStatus();
        if (kind != ErrorKind::Cancelled)
            showFailure(error);
        return;
    }
    if (wasDryRun) {
        confirmAndRun(result);
        return;
    }
    m_pending.reset();
    refreshDatabaseStatus();
}

void MainWindow::confirmAndRun(const RunResult& dryRun)
{
    PendingRun pending = *m_pending;
    if (dryRun.plan.isEmpty() && pending.request.mode == RunRequest::Mode::Migrate) {
        m_pending.reset();
        statusBar()->showMessage(tr("Nothing to do: the database is already there."), 5000);
        return;
    }
    const bool rollback = pending.request.mode == RunRequest::Mode::Migrate &&
                          pending.request.direction == Direction::Downgrade;
    Dialect dialect = Dialect::Sqlite;
    try {
        dialect = DatabaseUrl::parse(pending.request.databaseUrl).dialect();
    } catch (const Error&) {
    }
    ConfirmRunDialog dialog(pending.question, dryRun.sql, dialect, m_project->config().versionTable,
                            int(dryRun.plan.size()), rollback, this);
    if (dialog.exec() != QDialog::Accepted) {
        m_pending.reset();
        m_log->runFinished(tr("Not run."), false);
        return;
    }
    pending.request.dryRun = false;
    m_realRunGoing = true;
    m_log->runStarted(pending.question.chopped(1));
    m_runs->start(pending.request);
    updateRunActions();
}

void MainWindow::showFailure(const QString& error)
{
    // "path:line: ..." in the message: show that script with the failing line marked.
    static const QRegularExpression location(QStringLiteral("(/[^:\\n]+\\.(?:sql|py)):(\\d+)"));
    const QRegularExpressionMatch match = location.match(error);
    if (match.hasMatch() && m_project) {
        const RevisionGraph& graph = m_project->graph();
        for (int i = 0; i < graph.count(); ++i) {
            if (graph.revision(i).path == match.captured(1)) {
                m_history->selectRevision(graph.id(i));
                m_detail->scriptEditor()->markErrorLine(match.captured(2).toInt());
                break;
            }
        }
    }
    QMessageBox::critical(this, tr("The run failed"), error);
}

void MainWindow::chooseProject()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Project"), QString(), tr("Project settings (retort.ini alembic.ini)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::rememberRecent(const QString& configPath)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(configPath);
    recent.prepend(configPath);
    settings.setValue(kRecentKey, recent.mid(0, 10));
}

void MainWindow::forgetRecent(const QString& configPath)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(configPath);
    settings.setValue(kRecentKey, recent);
}

void MainWindow::fillRecentMenu(QMenu* menu)
{
    menu->clear();
    int number = 0;
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        if (!QFileInfo(path).isFile()) { // moved or deleted since
            forgetRecent(path);
            continue;
        }
        QString label = QDir::toNativeSeparators(path).replace(u'&', QLatin1String("&&"));
        if (++number < 10)
            label = QStringLiteral("&%1 ").arg(number) + label;
        menu->addAction(label, this, [this, path] {
            if (!openProject(path))
                forgetRecent(path);
        });
    }
    if (menu->isEmpty()) {
        menu->addAction(tr("(none yet)"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    menu->addAction(tr("&Clear List"), this, [] { QSettings().remove(kRecentKey); });
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedProject(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString configPath = droppedProject(event->mimeData());
    if (configPath.isEmpty())
        return;
    event->acceptProposedAction();
    openProject(configPath);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Retort Studio"),
                       tr("<h3>Retort Studio %1</h3><p>Database schema migrations you can see: the "
                          "revision history as a graph, where a database stands, and safe runs.</p>"
                          "<p>Compatible with Alembic projects and version tables.</p>")
                           .arg(QStringLiteral(RETORT_VERSION)));
}

} // namespace retort::ui
