#include "ui/models/insight_card_model.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>

#include <map>

#include "ui/models/table_roles.h"

namespace st::ui {
namespace {

constexpr int kColumns = 6;

QString text(const std::string& s) { return QString::fromStdString(s); }

QString objects_text(const std::vector<std::string>& objects) {
  QStringList list;
  for (const auto& o : objects) list << text(o);
  return list.join(QStringLiteral(", "));
}

QString span_text(const std::optional<std::string>& first, const std::optional<std::string>& last) {
  if (!first && !last) return {};
  if (!first || !last || *first == *last) return text(first ? *first : *last);
  return text(*first) + QStringLiteral(" – ") + text(*last);
}

}  // namespace

QColor severity_color(insights::Severity severity) {
  switch (severity) {
    case insights::Severity::Critical: return QColor(0xd0, 0x2a, 0x2a, 120);
    case insights::Severity::Major: return QColor(0xe8, 0x6a, 0x10, 110);
    case insights::Severity::Warning: return QColor(0xe0, 0xb0, 0x20, 100);
    case insights::Severity::Info: return QColor(0x3a, 0x7b, 0xd0, 80);
  }
  return {};
}

QString card_state_text(const insights::InsightRow& row) {
  QStringList parts;
  if (row.false_positive) parts << QObject::tr("false positive");
  if (row.suppression) {
    QString s = row.suppressed_until ? QObject::tr("suppressed until %1").arg(text(*row.suppressed_until))
                                     : QObject::tr("suppressed");
    if (row.suppression_reason && !row.suppression_reason->empty()) s += QStringLiteral(": ") + text(*row.suppression_reason);
    parts << s;
  }
  return parts.join(QStringLiteral("; "));
}

InsightCardModel::InsightCardModel(QObject* parent) : QAbstractItemModel(parent) {}

void InsightCardModel::resetData(std::vector<InsightCard> cards, std::vector<InsightCluster> clusters) {
  beginResetModel();
  cards_ = std::move(cards);
  clusters_ = std::move(clusters);
  rebuild();
  endResetModel();
}

void InsightCardModel::setMinimumSeverity(insights::Severity severity) {
  if (severity == min_severity_) return;
  beginResetModel();
  min_severity_ = severity;
  rebuild();
  endResetModel();
}

void InsightCardModel::setFilterText(const QString& filter) {
  if (filter.trimmed() == filter_) return;
  beginResetModel();
  filter_ = filter.trimmed();
  rebuild();
  endResetModel();
}

void InsightCardModel::setFalsePositive(std::int64_t insight, bool false_positive) {
  for (auto& card : cards_) {
    if (card.row.id != insight) continue;
    card.row.false_positive = false_positive;
    const QModelIndex first = indexOfCard(insight);
    if (first.isValid()) emit dataChanged(first, first.siblingAtColumn(kColumns - 1));
  }
}

bool InsightCardModel::matches(const InsightCard& card) const {
  if (insights::rank(card.row.severity) < insights::rank(min_severity_)) return false;
  if (filter_.isEmpty()) return true;
  const auto& r = card.row;
  for (const std::string* field : {&r.title, &r.summary, &r.device, &r.rule, &r.signature, &r.site}) {
    if (text(*field).contains(filter_, Qt::CaseInsensitive)) return true;
  }
  return objects_text(r.objects).contains(filter_, Qt::CaseInsensitive);
}

// Cards arrive ranked; a cluster takes the place of its worst (first) shown card.
void InsightCardModel::rebuild() {
  entries_.clear();
  std::map<std::int64_t, std::size_t> cluster_of_id;
  for (std::size_t i = 0; i < clusters_.size(); ++i) cluster_of_id[clusters_[i].row.id] = i;
  std::map<std::size_t, std::size_t> entry_of_cluster;
  for (std::size_t i = 0; i < cards_.size(); ++i) {
    if (!matches(cards_[i])) continue;
    const auto cluster = cards_[i].row.cluster ? cluster_of_id.find(*cards_[i].row.cluster) : cluster_of_id.end();
    if (cluster == cluster_of_id.end()) {
      entries_.push_back(Entry{std::nullopt, {i}});
      continue;
    }
    auto [entry, added] = entry_of_cluster.try_emplace(cluster->second, entries_.size());
    if (added) entries_.push_back(Entry{cluster->second, {}});
    entries_[entry->second].cards.push_back(i);
  }
}

const InsightCard* InsightCardModel::cardAt(const QModelIndex& index) const {
  if (!index.isValid() || index.model() != this) return nullptr;
  if (index.internalId() == 0) {
    const Entry& entry = entries_[static_cast<std::size_t>(index.row())];
    return entry.cluster ? nullptr : &cards_[entry.cards.front()];
  }
  const Entry& entry = entries_[static_cast<std::size_t>(index.internalId() - 1)];
  return &cards_[entry.cards[static_cast<std::size_t>(index.row())]];
}

const InsightCluster* InsightCardModel::clusterAt(const QModelIndex& index) const {
  if (!index.isValid() || index.model() != this || index.internalId() != 0) return nullptr;
  const Entry& entry = entries_[static_cast<std::size_t>(index.row())];
  return entry.cluster ? &clusters_[*entry.cluster] : nullptr;
}

QModelIndex InsightCardModel::indexOfCard(std::int64_t insight) const {
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    const Entry& entry = entries_[e];
    for (std::size_t c = 0; c < entry.cards.size(); ++c) {
      if (cards_[entry.cards[c]].row.id != insight) continue;
      if (!entry.cluster) return createIndex(static_cast<int>(e), 0, quintptr{0});
      return createIndex(static_cast<int>(c), 0, static_cast<quintptr>(e + 1));
    }
  }
  return {};
}

int InsightCardModel::shownCards() const {
  int shown = 0;
  for (const auto& entry : entries_) shown += static_cast<int>(entry.cards.size());
  return shown;
}

QModelIndex InsightCardModel::index(int row, int column, const QModelIndex& parent) const {
  if (!hasIndex(row, column, parent)) return {};
  if (!parent.isValid()) return createIndex(row, column, quintptr{0});
  return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex InsightCardModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == 0) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr{0});
}

int InsightCardModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(entries_.size());
  if (parent.column() != 0 || parent.internalId() != 0) return 0;
  const Entry& entry = entries_[static_cast<std::size_t>(parent.row())];
  return entry.cluster ? static_cast<int>(entry.cards.size()) : 0;
}

int InsightCardModel::columnCount(const QModelIndex&) const { return kColumns; }

QVariant InsightCardModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const auto column = static_cast<InsightColumn>(index.column());
  if (const InsightCard* card = cardAt(index)) return cardData(*card, column, role);
  return clusterData(entries_[static_cast<std::size_t>(index.row())], column, role);
}

QVariant InsightCardModel::cardData(const InsightCard& card, InsightColumn column, int role) const {
  const auto& r = card.row;
  const bool muted = r.false_positive || r.suppression.has_value();
  if (role == Qt::ForegroundRole && muted && column != InsightColumn::Severity) {
    return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
  }
  if (role == Qt::FontRole && muted && column == InsightColumn::Title) {
    QFont font;
    font.setStrikeOut(r.false_positive);
    font.setItalic(true);
    return font;
  }
  if (column == InsightColumn::Severity) {
    if (role == Qt::BackgroundRole) return QBrush(severity_color(r.severity));
    if (role == kSortRole) return insights::rank(r.severity);
    if (role == Qt::TextAlignmentRole) return static_cast<int>(Qt::AlignCenter);
  }
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != kSortRole) return {};
  switch (column) {
    case InsightColumn::Severity: return text(std::string(insights::to_string(r.severity)));
    case InsightColumn::Title: return text(r.title);
    case InsightColumn::Device: return text(r.device);
    case InsightColumn::Summary: return text(r.summary);
    case InsightColumn::Objects: return objects_text(r.objects);
    case InsightColumn::State: return card_state_text(r);
  }
  return {};
}

QVariant InsightCardModel::clusterData(const Entry& entry, InsightColumn column, int role) const {
  const auto& c = clusters_[*entry.cluster].row;
  if (role == Qt::FontRole) {
    QFont font;
    font.setBold(true);
    return font;
  }
  if (column == InsightColumn::Severity) {
    if (role == Qt::BackgroundRole) return QBrush(severity_color(c.severity));
    if (role == kSortRole) return insights::rank(c.severity);
    if (role == Qt::TextAlignmentRole) return static_cast<int>(Qt::AlignCenter);
  }
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != kSortRole) return {};
  switch (column) {
    case InsightColumn::Severity: return text(std::string(insights::to_string(c.severity)));
    case InsightColumn::Title: return QObject::tr("Incident: %1").arg(text(c.title));
    case InsightColumn::Device: return objects_text(c.devices);
    case InsightColumn::Summary: {
      const QString span = span_text(c.first_seen, c.last_seen);
      return span.isEmpty() ? text(c.summary) : QString(text(c.summary) + QStringLiteral(" (") + span + QStringLiteral(")"));
    }
    case InsightColumn::Objects:
      return entry.cards.size() == 1 ? QObject::tr("1 card") : QObject::tr("%1 cards").arg(entry.cards.size());
    case InsightColumn::State: return QString();
  }
  return {};
}

QVariant InsightCardModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumns) return {};
  static const char* const titles[kColumns] = {QT_TR_NOOP("Severity"), QT_TR_NOOP("Title"),   QT_TR_NOOP("Device"),
                                               QT_TR_NOOP("Summary"),  QT_TR_NOOP("Affected"), QT_TR_NOOP("State")};
  return tr(titles[section]);
}

}  // namespace st::ui
