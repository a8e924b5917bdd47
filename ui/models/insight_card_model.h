// The insight cards of a store as a tree: an incident cluster is a header row whose children are
// its cards; a card outside every cluster is a top-level row. Ranked worst first; filtered by a
// minimum severity and a text (title, summary, device, rule, objects). Columns: severity (a
// coloured chip), title, device, summary, affected objects, state (false positive, suppressed).
#pragma once

#include <QAbstractItemModel>
#include <QColor>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "insights/severity.h"
#include "ui/insight_tasks.h"

namespace st::ui {

enum class InsightColumn { Severity, Title, Device, Summary, Objects, State };

// A chip colour per severity, half transparent so it reads on light and dark palettes.
QColor severity_color(insights::Severity severity);
// "false positive", "suppressed until …: reason", "" for a live card.
QString card_state_text(const insights::InsightRow& row);

class InsightCardModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  explicit InsightCardModel(QObject* parent = nullptr);

  void resetData(std::vector<InsightCard> cards, std::vector<InsightCluster> clusters);
  void setMinimumSeverity(insights::Severity severity);
  void setFilterText(const QString& text);
  insights::Severity minimumSeverity() const { return min_severity_; }
  // Records a card's false-positive mark as saved, so the card shows it.
  void setFalsePositive(std::int64_t insight, bool false_positive);

  // Null unless `index` is a card (or a cluster header) row.
  const InsightCard* cardAt(const QModelIndex& index) const;
  const InsightCluster* clusterAt(const QModelIndex& index) const;
  // The row (column 0) of card `insight` where it is shown; invalid when filtered out.
  QModelIndex indexOfCard(std::int64_t insight) const;
  // Cards shown (children of clusters included) and in the store's answer.
  int shownCards() const;
  int totalCards() const { return static_cast<int>(cards_.size()); }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  // A top-level row: a cluster header and its shown cards, or one card on its own.
  struct Entry {
    std::optional<std::size_t> cluster;
    std::vector<std::size_t> cards;
  };
  void rebuild();
  bool matches(const InsightCard& card) const;
  QVariant cardData(const InsightCard& card, InsightColumn column, int role) const;
  QVariant clusterData(const Entry& entry, InsightColumn column, int role) const;

  std::vector<InsightCard> cards_;
  std::vector<InsightCluster> clusters_;
  std::vector<Entry> entries_;
  insights::Severity min_severity_ = insights::Severity::Info;
  QString filter_;
};

}  // namespace st::ui
