// SPDX-License-Identifier: Apache-2.0
#include "schema/replayguard.h"

#include "common/error.h"
#include "graph/revisionresolver.h"
#include "schema/devdatabase.h"
#include "schema/statementreach.h"
#include "scripts/nativescript.h"
#include "scripts/scriptdirectory.h"

#include <QCoreApplication>

namespace retort {

void ReplayGuard::check(const Project& project, const QStringList& revisions) const
{
    if (!m_dev.replaysOnUserServer())
        return;
    const RevisionGraph& graph = project.graph();
    QVector<int> targets;
    for (const QString& name : revisions)
        targets += RevisionResolver(graph).resolve(name);
    const RevisionSet replayed = graph.ancestors(targets);
    for (int index = 0; index < graph.count(); ++index) {
        const Revision& revision = graph.revision(index);
        if (!replayed.contains(index) || revision.format != ScriptFormat::Native)
            continue; // the runner refuses Python scripts itself
        const QString text = QString::fromUtf8(ScriptDirectory::readBytes(revision.path));
        const NativeScript script = NativeScript::parse(text, revision.path);
        for (const SqlStatement& statement :
             script.statements(Direction::Upgrade, m_dev.dialect())) {
            const StatementReach reach = StatementReach::of(statement.text, m_dev.dialect());
            if (reach.kind != StatementReach::Kind::ClusterWide &&
                reach.kind != StatementReach::Kind::Outside)
                continue;
            throw Error(ErrorKind::Script,
                        QCoreApplication::translate(
                            "retort", "%1:%2: refused: %3. The scripts would replay on %4, a "
                                      "server you use, and nothing of them may reach beyond its "
                                      "scratch database there; replay them on a throwaway local "
                                      "server instead (dev_url = local, or no dev_url)")
                            .arg(revision.path)
                            .arg(statement.line)
                            .arg(reach.describe(), m_dev.describeReplayPlace()));
        }
    }
}

std::function<bool(const SqlStatement&, const QString&)> ReplayGuard::filter()
{
    if (m_dev.replayPlace() != DevDatabase::Place::LocalServer)
        return {};
    return [this](const SqlStatement& statement, const QString& path) {
        const StatementReach reach = StatementReach::of(statement.text, m_dev.dialect());
        if (reach.kind != StatementReach::Kind::ClusterWide)
            return true;
        m_dev.createPlainRole(reach.createdRole);
        m_leftOut.append(QStringLiteral("%1:%2: %3").arg(path).arg(statement.line).arg(reach.what));
        return false;
    };
}

} // namespace retort
