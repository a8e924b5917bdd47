// One device's interfaces (its latest snapshot) as a read-only table, status and compliance
// coloured.
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "store/listings.h"
#include "ui/store_tasks.h"

namespace st::ui {

class InterfaceTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // Mode .. Macs are the port facts (docs/device-model.md); Compliance is coloured and its
  // tooltip lists the commands to add.
  enum Column { Name, Status, Vlan, Duplex, Speed, Type, Description, Mode, Auth, Compliance, AuthState, Macs, ColumnCount };

  explicit InterfaceTableModel(QObject* parent = nullptr);

  // Replaces the rows with an immutable snapshot (null means empty).
  void resetData(InterfaceSnapshot snapshot);
  void resetData(std::vector<store::InterfaceRow> rows);

  const store::InterfaceRow* rowAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  InterfaceSnapshot snapshot_;
};

}  // namespace st::ui
