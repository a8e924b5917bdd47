// The values behind the timeline's chart as a table: one row per run (oldest first), the run and
// its capture time, then one column per charted series. Keyboard users read (and open) runs here.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/models/timeline_data.h"

namespace st::ui {

// The run id (qlonglong) on every cell of a row.
inline constexpr int kRunIdRole = Qt::UserRole + 10;

class TimelineTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  static constexpr int kRunColumn = 0;
  static constexpr int kCapturedColumn = 1;
  static constexpr int kFirstSeriesColumn = 2;

  explicit TimelineTableModel(QObject* parent = nullptr);

  // Shows `series` (names in `data`; unknown ones are skipped) of `data`.
  void resetData(std::shared_ptr<const TimelineData> data, const std::vector<std::string>& series);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  std::optional<RunId> runAt(int row) const;
  // The series shown in column `column` (nullptr for the run and time columns).
  const TimelineSeries* seriesAt(int column) const;

 private:
  std::shared_ptr<const TimelineData> data_;
  std::vector<const TimelineSeries*> shown_;  // point into *data_
};

// "Critical cards" for a card series key; a metric's name as stored.
QString timeline_series_title(const std::string& name);
// "2026-11-20 09:14 UTC" from "2026-11-20T09:14:07Z"; other text as it is.
QString timeline_time_text(const std::string& iso);
// "12", "0.25": whole numbers without decimals.
QString timeline_value_text(double value);

}  // namespace st::ui
