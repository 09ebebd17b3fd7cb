// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/direction.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace retort {

// One thing a MigrationRunner reports. Plain data: safe to queue across threads.
struct RunEvent
{
    enum class Type {
        Plan,         // the steps to run: stepCount, text lists them ("up a1b2", ...)
        StepStarted,  // stepIndex of stepCount, revision, direction, location = the script
        Statement,    // a statement ran (or, dry run and offline, would run): statement,
                      // location file:line (empty for Retort's own version-table statements),
                      // elapsedMs
        Notice,       // something to tell the user: waiting for a lock (text), re-planning
        ServerNotice, // the database said something while a statement ran: text ("NOTICE: ..."),
                      // statement and its location
        StepFinished, // revision, direction, elapsedMs
        Progress,     // stepIndex + 1 of stepCount steps done
        Error,        // text, and statement/location when a statement failed
        Finished      // text: a summary; elapsedMs for the whole run
    };

    Type type = Type::Notice;
    QDateTime time = QDateTime::currentDateTimeUtc();
    int stepIndex = -1; // 0-based; -1 when not about a step
    int stepCount = 0;
    QString revision;
    Direction direction = Direction::Upgrade;
    QString statement;
    QString location;   // "file:line"
    qint64 elapsedMs = -1;
    QString text;

    static QString typeName(Type type); // "plan", "step_started", ...
    // {"event": typeName, "time": ISO 8601 UTC, then the fields that are set}.
    QJsonObject toJson() const;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::RunEvent)
