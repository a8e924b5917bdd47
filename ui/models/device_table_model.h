// Devices of the store (each device's latest snapshot) as a read-only table.
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "store/listings.h"
#include "ui/store_tasks.h"

namespace st::ui {

class DeviceTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // Zone from the hostname; Location the building / floor / room / rack from `snmp-server
  // location` ("B1 · floor 2 · room 2.14 · rack R3"), so the text filter finds them too.
  enum Column { Hostname, Site, Model, OsVersion, Serial, Uptime, Zone, Location, ColumnCount };

  explicit DeviceTableModel(QObject* parent = nullptr);

  // Replaces the rows with an immutable snapshot (null means empty).
  void resetData(DeviceSnapshot snapshot);
  void resetData(std::vector<store::DeviceRow> rows);

  const store::DeviceRow* rowAt(int row) const;
  // The row of `hostname`, or -1.
  int rowOf(const QString& hostname) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  DeviceSnapshot snapshot_;
};

// "2 years, 31 weeks, 6 days, 9 hours, 55 minutes" -> minutes; -1 when nothing is recognised.
long long uptime_minutes(std::string_view uptime);
// Minutes as the two largest units: "2y 31w", "3d 1h", "5m" (the full text is in the tooltip).
QString compact_uptime(long long minutes);

}  // namespace st::ui
