// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connection/connectionfields.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <optional>

namespace QKeychain {
class Job;
}

namespace retort::ui {

// A saved connection: its name and its URL without the password.
struct ConnectionProfile
{
    QString name;
    QString url;
};

// Saved connections. The URLs (never with a password) live in QSettings; the passwords live in
// the system keychain through QtKeychain (service "Retort Studio", key = profile name), and
// nowhere at all when there is no keychain: there is no plain-text fallback. Keychain jobs are
// asynchronous: their outcomes arrive as signals, the caller never waits.
class ConnectionProfiles : public QObject
{
    Q_OBJECT

public:
    enum class Keychain { Unknown, Available, Unavailable };
    Q_ENUM(Keychain)

    static const QString kKeychainService;

    explicit ConnectionProfiles(QObject* parent = nullptr);

    QList<ConnectionProfile> profiles() const; // sorted by name
    std::optional<ConnectionProfile> find(const QString& name) const;
    // Stores `url` without its password under `name`, replacing a profile of that name, and
    // hands the password (or its absence) to the keychain; passwordSaved() tells the outcome.
    // Throws Error(Config) when `url` does not parse or `name` is empty.
    void save(const QString& name, const QString& url);
    void remove(const QString& name);
    // Asks the keychain for the password of `name`: passwordRead() answers, with "" when there
    // is none or no keychain.
    void readPassword(const QString& name);

    // Finds out whether a keychain answers (a read of a key nobody writes).
    void probeKeychain();
    Keychain keychain() const { return m_keychain; }
    // Why there is no keychain, in the keychain's words.
    const QString& keychainProblem() const { return m_keychainProblem; }

    // Per project (by its config file): the connection used last and the recent ones, all
    // without passwords.
    static void rememberForProject(const QString& configPath, const QString& profileName,
                                   const QString& url);
    static QString lastProfile(const QString& configPath);
    static QString lastUrl(const QString& configPath);
    static QStringList recentUrls(const QString& configPath);

Q_SIGNALS:
    void profilesChanged();
    void keychainChanged(ConnectionProfiles::Keychain state);
    void passwordRead(const QString& name, const QString& password);
    void passwordSaved(const QString& name, bool stored);

private:
    void writeProfiles(const QList<ConnectionProfile>& profiles);
    void startJob(QKeychain::Job* job, const QString& name);
    // Learns from a finished job whether the keychain works; false when it does not.
    bool noteOutcome(const QKeychain::Job* job);

    Keychain m_keychain = Keychain::Unknown;
    QString m_keychainProblem;
};

} // namespace retort::ui
