// SPDX-License-Identifier: Apache-2.0
#include "graphfixture.h"

#include <QFile>

namespace retort::testsupport {

QString readTextFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QStringList fixtureLines(const QString& path)
{
    QStringList lines;
    for (const QString& line : readTextFile(path).split(u'\n')) {
        const QString kept = line.section(u'#', 0, 0).trimmed();
        if (!kept.isEmpty())
            lines << kept;
    }
    return lines;
}

QVector<Revision> readGraphFixture(const QString& graphFile)
{
    QVector<Revision> revisions;
    for (const QString& line : fixtureLines(graphFile)) {
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        Revision revision;
        revision.id = words[0];
        revision.path = QStringLiteral("versions/%1.sql").arg(words[0]);
        if (words.value(1) != QLatin1String("-"))
            revision.downRevisions = words.value(1).split(u',');
        for (const QString& extra : words.mid(2)) {
            const QStringList values = extra.section(u'=', 1).split(u',');
            if (extra.startsWith(QLatin1String("labels=")))
                revision.branchLabels = values;
            else if (extra.startsWith(QLatin1String("deps=")))
                revision.dependsOn = values;
        }
        revisions.append(revision);
    }
    return revisions;
}

} // namespace retort::testsupport
