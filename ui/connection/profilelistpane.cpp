// SPDX-License-Identifier: Apache-2.0
#include "connection/profilelistpane.h"

#include "common/error.h"
#include "connection/connectionform.h"
#include "connection/connectionprofiles.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

enum ItemRole { KindRole = Qt::UserRole, NameRole, UrlRole };
enum class ItemKind { Header, Profile, Recent };

bool hasPassword(const QString& url)
{
    try {
        return !DatabaseUrl::parse(url).password().isEmpty();
    } catch (const Error&) {
        return false;
    }
}

// Paints a saved connection as its name in bold over its masked URL, elided in the middle so
// host and database stay visible. Other rows are painted as usual.
class ProfileDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        if (ItemKind(index.data(KindRole).toInt()) != ItemKind::Profile) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        item.text.clear();
        const QWidget* widget = item.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget); // background only

        const QRect area = item.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
        const QFont bold = boldFont(item.font);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics metrics(item.font);
        const bool selected = item.state.testFlag(QStyle::State_Selected);
        const QString url = index.data(UrlRole).toString();
        painter->save();
        painter->setFont(bold);
        painter->setPen(item.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(
            QRect(area.topLeft(), QSize(area.width(), boldMetrics.height())),
            Qt::AlignLeft | Qt::AlignVCenter,
            boldMetrics.elidedText(index.data(NameRole).toString(), Qt::ElideRight, area.width()));
        painter->setFont(item.font);
        painter->setPen(
            item.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(
            QRect(area.left(), area.top() + boldMetrics.height(), area.width(), metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(ConnectionFields::maskedOrEmpty(url), Qt::ElideMiddle, area.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (ItemKind(index.data(KindRole).toInt()) != ItemKind::Profile)
            return QStyledItemDelegate::sizeHint(option, index);
        const int height = QFontMetrics(boldFont(option.font)).height() +
                           QFontMetrics(option.font).height() + 2 * kMargin;
        return {option.rect.width(), height};
    }

private:
    static constexpr int kMargin = 4;
    static QFont boldFont(QFont font)
    {
        font.setBold(true);
        return font;
    }
};

} // namespace

ProfileListPane::ProfileListPane(ConnectionProfiles* profiles, QWidget* parent)
    : QWidget(parent), m_profiles(profiles)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setItemDelegate(new ProfileDelegate(m_list));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideMiddle);
    setTip(m_list, tr("Saved connections, then the ones this project used lately. Choose one to "
                      "fill in the form."));
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("profileNameEdit"));
    m_nameEdit->setPlaceholderText(tr("Name for this connection"));
    setTip(m_nameEdit, tr("The name the connection is saved under"));
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    setTip(m_saveButton, tr("Save the form under this name; the password goes to the keychain"));
    m_deleteButton = new QPushButton(tr("&Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    setTip(m_deleteButton, tr("Delete the chosen saved connection and its stored password"));
    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    QFont small = m_keychainNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_keychainNote->setFont(small);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_deleteButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Saved connections"), this));
    layout->addWidget(m_list, 1);
    layout->addWidget(m_nameEdit);
    layout->addLayout(buttons);
    layout->addWidget(m_keychainNote);
    setFixedWidth(280);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!m_updating)
            choose(item);
    });
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileListPane::save);
    connect(m_deleteButton, &QPushButton::clicked, this, &ProfileListPane::remove);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &ProfileListPane::updateButtons);

    connect(m_profiles, &ConnectionProfiles::profilesChanged, this, &ProfileListPane::reload);
    connect(m_profiles, &ConnectionProfiles::keychainChanged, this,
            &ProfileListPane::updateKeychainNote);
    connect(m_profiles, &ConnectionProfiles::passwordSaved, this,
            [this](const QString& name, bool stored) {
                if (name != m_savedProfile)
                    return; // saved elsewhere
                m_savedProfile.clear();
                updateKeychainNote();
                if (!stored && hasPassword(m_urlToSave))
                    m_keychainNote->setText(m_keychainNote->text() + u' ' +
                                            tr("\"%1\" was saved without its password.").arg(name));
            });
    if (m_profiles->keychain() == ConnectionProfiles::Keychain::Unknown)
        m_profiles->probeKeychain();
    updateKeychainNote();
    reload();
}

void ProfileListPane::setRecentUrls(const QStringList& urls)
{
    m_recentUrls = urls;
    reload();
}

void ProfileListPane::setUrlToSave(const QString& url)
{
    m_urlToSave = url;
    updateButtons();
}

void ProfileListPane::updateButtons()
{
    const QString name = m_nameEdit->text().trimmed();
    m_saveButton->setEnabled(!m_urlToSave.isEmpty() && !name.isEmpty());
    m_deleteButton->setEnabled(profileItem(name) != nullptr);
}

void ProfileListPane::selectProfileWithUrl(const QString& bareUrl, const QString& preferred)
{
    QListWidgetItem* match = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (ItemKind(item->data(KindRole).toInt()) != ItemKind::Profile ||
            item->data(UrlRole).toString() != bareUrl)
            continue;
        if (!match || item->data(NameRole).toString() == preferred)
            match = item;
    }
    if (!match)
        return;
    m_updating = true;
    m_list->setCurrentItem(match);
    m_nameEdit->setText(match->data(NameRole).toString());
    m_updating = false;
}

QString ProfileListPane::selectedProfile(const QString& bareUrl) const
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || ItemKind(item->data(KindRole).toInt()) != ItemKind::Profile)
        return {};
    return item->data(UrlRole).toString() == bareUrl ? item->data(NameRole).toString() : QString();
}

void ProfileListPane::reload()
{
    m_updating = true;
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(NameRole).toString() : QString();
    m_list->clear();
    const auto addHeader = [this](const QString& text) {
        auto* header = new QListWidgetItem(text, m_list);
        header->setFlags(Qt::NoItemFlags);
        header->setData(KindRole, int(ItemKind::Header));
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
    };
    const QList<ConnectionProfile> profiles = m_profiles->profiles();
    if (profiles.isEmpty())
        addHeader(tr("None saved yet"));
    for (const ConnectionProfile& profile : profiles) {
        auto* item = new QListWidgetItem(profile.name + u'\n' + ConnectionFields::maskedOrEmpty(profile.url), m_list);
        item->setData(KindRole, int(ItemKind::Profile));
        item->setData(NameRole, profile.name);
        item->setData(UrlRole, profile.url);
        item->setToolTip(ConnectionFields::maskedOrEmpty(profile.url));
        if (profile.name == current)
            m_list->setCurrentItem(item);
    }
    if (!m_recentUrls.isEmpty())
        addHeader(tr("Recent for this project"));
    for (const QString& url : std::as_const(m_recentUrls)) {
        auto* item = new QListWidgetItem(ConnectionFields::maskedOrEmpty(url), m_list);
        item->setData(KindRole, int(ItemKind::Recent));
        item->setData(UrlRole, url);
        item->setToolTip(tr("Used lately with this project; type the password if it needs one"));
    }
    m_updating = false;
    updateButtons();
}

QListWidgetItem* ProfileListPane::profileItem(const QString& name) const
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (ItemKind(item->data(KindRole).toInt()) == ItemKind::Profile &&
            item->data(NameRole).toString() == name)
            return item;
    }
    return nullptr;
}

void ProfileListPane::choose(QListWidgetItem* item)
{
    if (!item || ItemKind(item->data(KindRole).toInt()) == ItemKind::Header)
        return;
    const bool profile = ItemKind(item->data(KindRole).toInt()) == ItemKind::Profile;
    const QString name = profile ? item->data(NameRole).toString() : QString();
    if (profile)
        m_nameEdit->setText(name);
    Q_EMIT chosen(item->data(UrlRole).toString(), name);
}

void ProfileListPane::save()
{
    const QString name = m_nameEdit->text().trimmed();
    if (name.isEmpty() || m_urlToSave.isEmpty())
        return;
    try {
        m_savedProfile = name;
        m_profiles->save(name, m_urlToSave);
    } catch (const Error& error) {
        Q_EMIT saveFailed(error.message());
        return;
    }
    m_updating = true;
    m_list->setCurrentItem(profileItem(name));
    m_updating = false;
    m_deleteButton->setEnabled(true);
}

void ProfileListPane::remove()
{
    const QString name = m_nameEdit->text().trimmed();
    if (!profileItem(name))
        return;
    m_profiles->remove(name);
    m_nameEdit->clear();
}

void ProfileListPane::updateKeychainNote()
{
    switch (m_profiles->keychain()) {
    case ConnectionProfiles::Keychain::Unknown:
        m_keychainNote->setText(tr("Looking for the system keychain..."));
        break;
    case ConnectionProfiles::Keychain::Available:
        m_keychainNote->setText(tr("Passwords of saved connections are kept in the system "
                                   "keychain, never in the settings file."));
        break;
    case ConnectionProfiles::Keychain::Unavailable:
        m_keychainNote->setText(tr("No keychain is available (%1), so passwords are not saved: "
                                   "type the password each time you connect.")
                                    .arg(m_profiles->keychainProblem()));
        break;
    }
}

} // namespace retort::ui
