// The records a rule preview extracted: one row per record, one column per field the rule
// gives (TextFSM Value names, named groups, columns), in the rule's order. A List value is
// shown joined with ", ". Takes an immutable preview report with resetData().
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "rules/rule_test.h"

namespace st::ui {

class RuleRecordsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // The 1-based sample lines of a record (a QList<int>), on every cell of its row.
  static constexpr int kLinesRole = Qt::UserRole + 20;

  explicit RuleRecordsModel(QObject* parent = nullptr);

  void resetData(std::shared_ptr<const rules::RuleTestReport> report);
  const rules::RuleTestReport* report() const { return report_.get(); }
  QStringList fieldNames() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::shared_ptr<const rules::RuleTestReport> report_;
};

}  // namespace st::ui
