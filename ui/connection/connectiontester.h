// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

namespace retort::ui {

// "Test connection": connects once on a pool thread (the connection is made, used and removed
// there) and reports the server's version or the driver's error, never holding the password.
// A SQLite test opens the file read-only and creates nothing; a server URL that sets no
// connect_timeout gets the tester's.
class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts a test of `url` (with its password); ignored while one is running.
    void test(const QString& url);
    bool isTesting() const { return m_started != m_answered; }
    // Seconds to wait for a server whose URL sets no connect_timeout.
    void setConnectTimeout(int seconds) { m_connectTimeout = seconds; }

Q_SIGNALS:
    // The outcome as shown to the user: "Connected to PostgreSQL 15.4." or the error.
    void finished(bool succeeded, const QString& message);

private:
    int m_connectTimeout = 5;
    int m_started = 0;
    int m_answered = 0;
};

} // namespace retort::ui
