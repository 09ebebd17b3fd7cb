// SPDX-License-Identifier: Apache-2.0
#include "connection/connectionprofiles.h"

#include "common/error.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QTimer>
#include <algorithm>
#include <qt6keychain/keychain.h>

namespace retort::ui {

namespace {

const QString kProfilesArray = QStringLiteral("connections/profiles");
const QLatin1String kNameKey("name");
const QLatin1String kUrlKey("url");
constexpr int kRecentCount = 8;

// Settings of one project, under a key that holds no '/' whatever the path.
QString projectGroup(const QString& configPath)
{
    const QByteArray hash =
        QCryptographicHash::hash(configPath.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("projects/") + QString::fromLatin1(hash);
}

} // namespace

const QString ConnectionProfiles::kKeychainService = QStringLiteral("Retort Studio");

ConnectionProfiles::ConnectionProfiles(QObject* parent) : QObject(parent) {}

QList<ConnectionProfile> ConnectionProfiles::profiles() const
{
    QSettings settings;
    QList<ConnectionProfile> list;
    const int count = settings.beginReadArray(kProfilesArray);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        list.append({settings.value(kNameKey).toString(), settings.value(kUrlKey).toString()});
    }
    settings.endArray();
    std::sort(list.begin(), list.end(), [](const ConnectionProfile& a, const ConnectionProfile& b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return list;
}

std::optional<ConnectionProfile> ConnectionProfiles::find(const QString& name) const
{
    const QList<ConnectionProfile> list = profiles();
    for (const ConnectionProfile& profile : list) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

void ConnectionProfiles::writeProfiles(const QList<ConnectionProfile>& list)
{
    QSettings settings;
    settings.remove(kProfilesArray);
    settings.beginWriteArray(kProfilesArray, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(kNameKey, list[i].name);
        settings.setValue(kUrlKey, list[i].url);
    }
    settings.endArray();
    settings.sync();
    Q_EMIT profilesChanged();
}

void ConnectionProfiles::save(const QString& name, const QString& url)
{
    if (name.trimmed().isEmpty())
        throw Error(ErrorKind::Config, tr("A connection needs a name."));
    const ConnectionFields fields = ConnectionFields::fromUrl(DatabaseUrl::parse(url), url);
    QList<ConnectionProfile> list = profiles();
    list.removeIf([&name](const ConnectionProfile& p) { return p.name == name; });
    list.append({name, fields.toUrlWithoutPassword()});
    writeProfiles(list);

    if (m_keychain == Keychain::Unavailable) {
        QTimer::singleShot(0, this, [this, name] { Q_EMIT passwordSaved(name, false); });
        return;
    }
    QKeychain::Job* job = nullptr;
    if (fields.password.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(kKeychainService);
    } else {
        auto* write = new QKeychain::WritePasswordJob(kKeychainService);
        write->setTextData(fields.password);
        job = write;
    }
    const bool writing = !fields.password.isEmpty();
    connect(job, &QKeychain::Job::finished, this, [this, name, writing](QKeychain::Job* done) {
        const bool works = noteOutcome(done);
        Q_EMIT passwordSaved(name, writing && works && done->error() == QKeychain::NoError);
    });
    startJob(job, name);
}

void ConnectionProfiles::remove(const QString& name)
{
    QList<ConnectionProfile> list = profiles();
    if (list.removeIf([&name](const ConnectionProfile& p) { return p.name == name; }) == 0)
        return;
    writeProfiles(list);
    if (m_keychain == Keychain::Unavailable)
        return;
    auto* job = new QKeychain::DeletePasswordJob(kKeychainService);
    connect(job, &QKeychain::Job::finished, this,
            [this](QKeychain::Job* done) { noteOutcome(done); });
    startJob(job, name);
}

void ConnectionProfiles::readPassword(const QString& name)
{
    if (m_keychain == Keychain::Unavailable) {
        QTimer::singleShot(0, this, [this, name] { Q_EMIT passwordRead(name, QString()); });
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(kKeychainService);
    connect(job, &QKeychain::Job::finished, this, [this, name](QKeychain::Job* done) {
        const bool found = noteOutcome(done) && done->error() == QKeychain::NoError;
        Q_EMIT passwordRead(name, found ? static_cast<QKeychain::ReadPasswordJob*>(done)->textData()
                                        : QString());
    });
    startJob(job, name);
}

void ConnectionProfiles::probeKeychain()
{
    auto* job = new QKeychain::ReadPasswordJob(kKeychainService);
    connect(job, &QKeychain::Job::finished, this,
            [this](QKeychain::Job* done) { noteOutcome(done); });
    // Profile names come from people; this one is not a name anyone types.
    startJob(job, QStringLiteral("\x01retort-keychain-probe"));
}

// Jobs have no parent: the keychain backend calls back into a job when it answers, so a job
// must outlive this object; it deletes itself once finished.
void ConnectionProfiles::startJob(QKeychain::Job* job, const QString& name)
{
    job->setKey(name);
    job->setInsecureFallback(false); // never plain text
    job->setAutoDelete(true);
    job->start();
}

bool ConnectionProfiles::noteOutcome(const QKeychain::Job* job)
{
    Keychain state = m_keychain;
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        state = Keychain::Available;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
        break; // a keychain answered, it just said no
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        state = Keychain::Unavailable;
        m_keychainProblem = job->errorString();
        break;
    }
    if (state != m_keychain) {
        m_keychain = state;
        Q_EMIT keychainChanged(state);
    }
    return state != Keychain::Unavailable;
}

// ---------------------------------------------------------------------------------------------
// Per project

void ConnectionProfiles::rememberForProject(const QString& configPath, const QString& profileName,
                                            const QString& url)
{
    const QString bare = ConnectionFields::stripPassword(url);
    if (configPath.isEmpty() || bare.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(projectGroup(configPath));
    settings.setValue(QStringLiteral("path"), configPath);
    settings.setValue(QStringLiteral("lastProfile"), profileName);
    settings.setValue(QStringLiteral("lastUrl"), bare);
    QStringList recent = settings.value(QStringLiteral("recentUrls")).toStringList();
    recent.removeAll(bare);
    recent.prepend(bare);
    settings.setValue(QStringLiteral("recentUrls"), recent.mid(0, kRecentCount));
}

QString ConnectionProfiles::lastProfile(const QString& configPath)
{
    return QSettings().value(projectGroup(configPath) + QStringLiteral("/lastProfile")).toString();
}

QString ConnectionProfiles::lastUrl(const QString& configPath)
{
    return QSettings().value(projectGroup(configPath) + QStringLiteral("/lastUrl")).toString();
}

QStringList ConnectionProfiles::recentUrls(const QString& configPath)
{
    return QSettings()
        .value(projectGroup(configPath) + QStringLiteral("/recentUrls"))
        .toStringList();
}

} // namespace retort::ui
