// SPDX-License-Identifier: Apache-2.0
#include "project/revisionauthor.h"

#include "common/error.h"
#include "common/singleline.h"
#include "scripts/nativescript.h"
#include "graph/revisionresolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace retort {

namespace {

Error usageError(const QString& message)
{
    return Error(ErrorKind::Usage, message);
}

} // namespace

QString RevisionAuthor::randomRevisionId()
{
    static const char digits[] = "0123456789abcdef";
    QString id(12, u'0');
    for (QChar& c : id)
        c = QLatin1Char(digits[QRandomGenerator::system()->bounded(16)]);
    return id;
}

QString RevisionAuthor::slugOf(const QString& message)
{
    QString slug;
    for (QChar c : message.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            slug += c;
        else if (!slug.endsWith(u'_'))
            slug += u'_';
    }
    slug = slug.left(40);
    while (slug.endsWith(u'_'))
        slug.chop(1);
    while (slug.startsWith(u'_'))
        slug.remove(0, 1);
    return slug;
}

QString RevisionAuthor::create(const NewRevision& request) const
{
    const ProjectConfig& config = m_project.config();
    if (config.format != ScriptFormat::Native) {
        throw usageError(QStringLiteral("%1 is an Alembic project: write its revisions with "
                                        "'alembic revision'; Retort reads them as they are")
                             .arg(config.configPath));
    }
    const RevisionGraph& graph = m_project.graph();
    const RevisionResolver resolver(graph);

    Revision revision;
    revision.id = request.revisionId.isEmpty() ? randomRevisionId() : request.revisionId;
    if (!isValidRevisionId(revision.id))
        throw usageError(QStringLiteral("'%1' cannot be a revision id: %2")
                             .arg(singleLine(revision.id), revisionIdRules()));
    if (graph.indexOf(revision.id) >= 0 || graph.labelOwner(revision.id) >= 0)
        throw usageError(QStringLiteral("revision id %1 is already in use").arg(revision.id));

    QVector<int> parents;
    for (const QString& name : request.parents) {
        for (int parent : resolver.resolve(name)) {
            if (!parents.contains(parent))
                parents.append(parent);
        }
    }
    for (int parent : std::as_const(parents)) {
        if (!graph.isHead(parent) && !request.splice) {
            throw usageError(QStringLiteral("revision %1 is not a head; pass --splice to start a "
                                            "new branch from it")
                                 .arg(graph.id(parent)));
        }
        revision.downRevisions << graph.id(parent);
    }
    for (const QString& label : request.branchLabels) {
        if (graph.labelOwner(label) >= 0 || graph.indexOf(label) >= 0)
            throw usageError(
                QStringLiteral("branch label '%1' is already in use").arg(singleLine(label)));
        if (!isValidRevisionId(label))
            throw usageError(QStringLiteral("'%1' cannot be a branch label: as for ids, %2")
                                 .arg(singleLine(label), revisionIdRules()));
    }
    revision.branchLabels = request.branchLabels;
    for (const QString& name : request.dependsOn) {
        // Labels stay labels; anything else is stored as the full id it resolves to.
        if (graph.labelOwner(name) >= 0) {
            revision.dependsOn << name;
            continue;
        }
        for (int target : resolver.resolve(name))
            revision.dependsOn << graph.id(target);
    }
    revision.message = request.message.section(u'\n', 0, 0).trimmed();
    revision.createDate = request.createDate.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return write(revision, folderFor(parents, request.versionPath), request);
}

QString RevisionAuthor::merge(const QStringList& revisions, const QString& message,
                              const QStringList& branchLabels, const QString& revisionId) const
{
    const RevisionResolver resolver(m_project.graph());
    QStringList parents;
    for (const QString& name : revisions) {
        for (int parent : resolver.resolve(name)) {
            if (!parents.contains(m_project.graph().id(parent)))
                parents << m_project.graph().id(parent);
        }
    }
    if (parents.size() < 2) {
        throw usageError(QStringLiteral("a merge needs at least two revisions; '%1' names %2")
                             .arg(revisions.join(u' '))
                             .arg(parents.size()));
    }
    NewRevision request;
    request.message = message;
    request.parents = parents;
    request.splice = true; // merging revisions that are not heads is allowed, as in Alembic
    request.branchLabels = branchLabels;
    request.revisionId = revisionId;
    return create(request);
}

QString RevisionAuthor::folderFor(const QVector<int>& parents, const QString& requested) const
{
    const ProjectConfig& config = m_project.config();
    if (!requested.isEmpty()) {
        const QString folder = QDir::cleanPath(QDir::current().absoluteFilePath(requested));
        if (!QFileInfo(folder).isDir())
            throw usageError(QStringLiteral("--version-path %1 is not a folder").arg(folder));
        return folder;
    }
    if (!parents.isEmpty())
        return QFileInfo(m_project.graph().revision(parents.first()).path).absolutePath();
    if (config.versionLocations.size() == 1)
        return config.versionLocations.first();
    throw usageError(QStringLiteral("the project has several version locations; pass "
                                    "--version-path to say where the new base goes"));
}

QString RevisionAuthor::write(const Revision& revision, const QString& folder,
                              const NewRevision& request) const
{
    QString name = revision.id;
    const QString slug = slugOf(revision.message);
    if (!slug.isEmpty())
        name += u'_' + slug;
    const QString path = QDir(folder).filePath(name + QStringLiteral(".sql"));
    // isValidRevisionId() keeps the name one component; this keeps it so whatever it allows.
    if (QFileInfo(path).absolutePath() != QFileInfo(folder).absoluteFilePath())
        throw usageError(QStringLiteral("'%1' would be written outside %2")
                             .arg(singleLine(name), folder));
    if (!QDir().mkpath(folder))
        throw Error(ErrorKind::Script, QStringLiteral("cannot create folder %1").arg(folder));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        throw Error(ErrorKind::Script,
                    QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    const QByteArray text =
        NativeScript::render(revision, request.upgradeSql, request.downgradeSql).toUtf8();
    if (file.write(text) != text.size() || !file.flush()) {
        file.remove();
        throw Error(ErrorKind::Script, QStringLiteral("cannot write %1").arg(path));
    }
    return path;
}

} // namespace retort
