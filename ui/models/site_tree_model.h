// The devices of a DeviceTableModel grouped by site: site rows at the top level
// ("HQ — 3 devices"), the site's devices as their children. It reads the flat model's
// snapshot and follows its resets, so resetData() on the flat model updates both.
#pragma once

#include <QAbstractItemModel>
#include <QString>

#include <utility>
#include <vector>

namespace st::ui {

class DeviceTableModel;

class SiteTreeModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  // The device columns minus Site, which the grouping shows.
  enum Column { Name, Model, OsVersion, Serial, Uptime, Zone, Location, ColumnCount };

  explicit SiteTreeModel(DeviceTableModel* devices, QObject* parent = nullptr);

  int siteCount() const { return static_cast<int>(groups_.size()); }
  bool isSiteRow(const QModelIndex& index) const;
  // The flat model's row behind a device index; -1 for site rows and invalid indexes.
  int sourceRow(const QModelIndex& index) const;
  // The device index (column 0) of the flat model's `source_row`; invalid when out of range.
  QModelIndex indexOfSourceRow(int source_row) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct Group {
    QString site;
    std::vector<int> rows;  // rows of the flat model, in its order
  };

  void rebuild();
  QVariant siteData(const Group& group, int column, int role) const;

  DeviceTableModel* devices_;
  std::vector<Group> groups_;
  std::vector<std::pair<int, int>> position_;  // flat row -> (group, child)
};

}  // namespace st::ui
