// SPDX-License-Identifier: Apache-2.0
#include "run/runevent.h"

namespace retort {

QString RunEvent::typeName(Type type)
{
    switch (type) {
    case Type::Plan:
        return QStringLiteral("plan");
    case Type::StepStarted:
        return QStringLiteral("step_started");
    case Type::Statement:
        return QStringLiteral("statement");
    case Type::Notice:
        return QStringLiteral("notice");
    case Type::ServerNotice:
        return QStringLiteral("server_notice");
    case Type::StepFinished:
        return QStringLiteral("step_finished");
    case Type::Progress:
        return QStringLiteral("progress");
    case Type::Error:
        return QStringLiteral("error");
    case Type::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

QJsonObject RunEvent::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("event"), typeName(type));
    json.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    if (stepIndex >= 0)
        json.insert(QStringLiteral("step"), stepIndex);
    if (stepCount > 0)
        json.insert(QStringLiteral("steps"), stepCount);
    if (!revision.isEmpty()) {
        json.insert(QStringLiteral("revision"), revision);
        json.insert(QStringLiteral("direction"), direction == Direction::Upgrade
                                                     ? QStringLiteral("upgrade")
                                                     : QStringLiteral("downgrade"));
    }
    if (!statement.isEmpty())
        json.insert(QStringLiteral("statement"), statement);
    if (!location.isEmpty())
        json.insert(QStringLiteral("location"), location);
    if (elapsedMs >= 0)
        json.insert(QStringLiteral("elapsed_ms"), elapsedMs);
    if (!text.isEmpty())
        json.insert(QStringLiteral("text"), text);
    return json;
}

} // namespace retort
