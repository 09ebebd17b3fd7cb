// SPDX-License-Identifier: Apache-2.0
#include "generatedproject.h"

#include "scripts/nativescript.h"

#include <QDir>
#include <QFile>

namespace retort::testsupport {

namespace {

void writeFile(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
}

QString tableOf(const Revision& revision)
{
    return QStringLiteral("t_%1").arg(revision.id);
}

QString pythonTuple(const QStringList& ids)
{
    if (ids.isEmpty())
        return QStringLiteral("None");
    if (ids.size() == 1)
        return QStringLiteral("'%1'").arg(ids.first());
    return QStringLiteral("('%1')").arg(ids.join(QStringLiteral("', '")));
}

} // namespace

QVector<Revision> generatedRevisions(int size)
{
    QVector<Revision> revisions;
    revisions.reserve(size);
    for (int i = 0; i < size; ++i) {
        Revision revision;
        revision.id = QStringLiteral("%1").arg(i + 1, 12, 16, QLatin1Char('0'));
        revision.message = QStringLiteral("step %1").arg(i + 1);
        revision.createDate = QStringLiteral("2026-11-24 03:00:00");
        // Every 50: revision %47 and %48 branch from %46, and %49 merges them.
        if (i % 50 == 48)
            revision.downRevisions = {revisions[i - 2].id};
        else if (i % 50 == 49)
            revision.downRevisions = {revisions[i - 2].id, revisions[i - 1].id};
        else if (i > 0)
            revision.downRevisions = {revisions[i - 1].id};
        revisions.append(revision);
    }
    return revisions;
}

QString writeNativeProject(const QString& folder, const QVector<Revision>& revisions)
{
    QDir dir(folder);
    dir.mkpath(QStringLiteral("versions"));
    const QString config = dir.filePath(QStringLiteral("retort.ini"));
    writeFile(config, QStringLiteral("[retort]\nversion_locations = versions\n"
                                     "url = sqlite:///generated.db\n"));
    for (const Revision& revision : revisions) {
        writeFile(dir.filePath(QStringLiteral("versions/%1_step.sql").arg(revision.id)),
                  NativeScript::render(
                      revision, QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(tableOf(revision)),
                      QStringLiteral("DROP TABLE %1;").arg(tableOf(revision))));
    }
    return config;
}

QString writeAlembicProject(const QString& folder, const QVector<Revision>& revisions)
{
    QDir dir(folder);
    dir.mkpath(QStringLiteral("migrations/versions"));
    const QString config = dir.filePath(QStringLiteral("alembic.ini"));
    writeFile(config, QStringLiteral("[alembic]\nscript_location = %(here)s/migrations\n"
                                     "sqlalchemy.url = sqlite:///generated.db\n"));
    for (const Revision& revision : revisions) {
        const QString text = QStringLiteral(
            "\"\"\"%1\n\nRevision ID: %2\nRevises: %3\nCreate Date: %4\n\n\"\"\"\n"
            "from alembic import op\nimport sqlalchemy as sa\n\n\n"
            "# revision identifiers, used by Alembic.\n"
            "revision = '%2'\ndown_revision = %5\nbranch_labels = None\ndepends_on = None\n\n\n"
            "def upgrade() -> None:\n    op.execute(\"CREATE TABLE %6 (id INTEGER)\")\n\n\n"
            "def downgrade() -> None:\n    op.execute(\"DROP TABLE %6\")\n")
            .arg(revision.message, revision.id, revision.downRevisions.join(QStringLiteral(", ")),
                 revision.createDate, pythonTuple(revision.downRevisions), tableOf(revision));
        writeFile(dir.filePath(QStringLiteral("migrations/versions/%1_step.py").arg(revision.id)), text);
    }
    // Alembic needs env.py to run anything: online mode on the URL given with -x url=..., the
    // whole run in one transaction. script.py.mako is only for `alembic revision`.
    writeFile(dir.filePath(QStringLiteral("migrations/env.py")),
              QStringLiteral("from alembic import context\n"
                             "from sqlalchemy import create_engine\n\n"
                             "url = context.get_x_argument(as_dictionary=True).get('url')\n"
                             "engine = create_engine(url or context.config.get_main_option('sqlalchemy.url'))\n"
                             "with engine.connect() as connection:\n"
                             "    context.configure(connection=connection, target_metadata=None)\n"
                             "    with context.begin_transaction():\n"
                             "        context.run_migrations()\n"));
    writeFile(dir.filePath(QStringLiteral("migrations/script.py.mako")),
              QStringLiteral("\"\"\"${message}\"\"\"\nfrom alembic import op\n\n"
                             "revision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n"
                             "branch_labels = ${repr(branch_labels)}\ndepends_on = ${repr(depends_on)}\n\n\n"
                             "def upgrade() -> None:\n    ${upgrades if upgrades else 'pass'}\n\n\n"
                             "def downgrade() -> None:\n    ${downgrades if downgrades else 'pass'}\n"));
    return config;
}

} // namespace retort::testsupport
