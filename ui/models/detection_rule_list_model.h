// The detection rules in force: id, origin, enabled (a check box the user ticks), severity,
// title. Ticking asks for the change (enabledToggled) and shows it at once; the view saves
// it in the store and refreshes the catalog if the save fails.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "ui/detection_rule_tasks.h"

namespace st::ui {

enum class DetectionRuleColumn { Id, Origin, Enabled, Severity, Title };

class DetectionRuleListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  using Snapshot = std::shared_ptr<const std::vector<DetectionRuleRow>>;

  explicit DetectionRuleListModel(QObject* parent = nullptr);

  void resetData(const Snapshot& snapshot);
  const DetectionRuleRow* rowAt(int row) const;
  int rowOf(const QString& id) const;  // -1 when not listed

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 signals:
  void enabledToggled(const QString& id, bool enabled);

 private:
  std::vector<DetectionRuleRow> rows_;  // a copy: the enabled flag follows the user's ticks
};

}  // namespace st::ui
