// The timeline: series over the capture time of each run, for one device or every device of a
// site (summed per run): interface status counts, insight cards by severity, auth errors, or any
// stored metric. Hovering a point shows its time, run, series and value; clicking it (or
// activating a row of the table under the chart) asks for that run's insights (runChosen).
// The chart's theme follows the palette (light or dark by the window colour's lightness).
#pragma once

#include <QPointF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "ui/timeline_tasks.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QSplitter;
class QTableView;

namespace st::ui {

class LoadWhenShown;
class StoreSession;
class TimelineTableModel;

class TimelineView : public QWidget {
  Q_OBJECT
  Q_PROPERTY(bool busy READ isLoading)  // statetrace --screenshots waits for the series

 public:
  // The choices of the "Show" box (the item data of its first entries; metrics follow as "metric:NAME").
  static inline const QString kInterfacesGroup = QStringLiteral("interfaces");
  static inline const QString kAlertsGroup = QStringLiteral("alerts");
  static inline const QString kAuthGroup = QStringLiteral("auth");

  explicit TimelineView(StoreSession& session, QWidget* parent = nullptr);

  // Reloads the sites and the current scope's series (after an ingest).
  void refresh();
  // As refresh(), but while the view is hidden it only marks itself stale and reloads when shown.
  void refreshWhenShown();
  // Charts `site` (device empty: every device of the site, summed per run).
  void setScope(const QString& site, const QString& device = {});
  // kInterfacesGroup, kAlertsGroup, kAuthGroup or "metric:NAME"; false when not offered.
  bool showGroup(const QString& group);
  bool isLoading() const { return loading_; }

  TimelineScope scope() const { return scope_; }
  std::shared_ptr<const TimelineData> timelineData() const { return data_; }
  // The series names charted now, in legend order.
  std::vector<std::string> shownSeries() const;
  QChart* chart() const { return chart_; }
  // The chart series of `name` (a metric or card series key); nullptr when not charted.
  QLineSeries* chartSeries(const std::string& name) const;
  TimelineTableModel* tableModel() const { return table_model_; }
  QTableView* table() const { return table_; }
  QComboBox* siteBox() const { return site_box_; }
  QComboBox* deviceBox() const { return device_box_; }
  QComboBox* groupBox() const { return group_box_; }
  QLabel* pointLabel() const { return point_label_; }
  // True when the chart is drawn with the dark theme (the palette's window colour is dark).
  bool isDarkChart() const { return dark_; }

  // The hover text of a point of series `name`: "2026-11-20 09:14 UTC · run 3 · InterfacesDown: 12".
  QString describePoint(const std::string& name, const QPointF& point) const;
  // What clicking a point does: emits runChosen for the point's run; false when it is no point.
  bool activatePoint(const std::string& name, const QPointF& point);

 signals:
  // The store is queried for a scope's timeline (refresh, a scope chosen, or shown while stale).
  void loadRequested();
  // The timeline of a scope is on screen with `runs` runs.
  void timelineShown(int runs);
  // The user picked a run: show its insights (`device` empty: the whole site's).
  void runChosen(st::RunId run, const QString& device);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Charted {
    std::string name;
    QLineSeries* series = nullptr;
    std::vector<std::size_t> run_of_point;  // index into data_->runs, per point
  };

  void request();
  void onLoaded(const TimelineOutcome& outcome);
  void fillScopeBoxes();
  void fillGroupBox();
  void rebuildChart();
  void applyPaletteTheme();
  std::vector<std::string> seriesOfGroup(const QString& group) const;
  // The run under `point` of a charted series, as an index into data_->runs.
  std::optional<std::size_t> runAt(const std::string& name, const QPointF& point) const;

  StoreSession& session_;
  LoadWhenShown* when_shown_;  // refreshWhenShown()
  QComboBox* site_box_;
  QComboBox* device_box_;
  QComboBox* group_box_;
  QLabel* status_;
  QChart* chart_;
  QChartView* chart_view_;
  QLabel* point_label_;
  TimelineTableModel* table_model_;
  QTableView* table_;
  QSplitter* splitter_;
  std::shared_ptr<const std::vector<TimelineSite>> sites_;
  std::shared_ptr<const TimelineData> data_;
  std::vector<Charted> charted_;
  TimelineScope scope_;
  std::uint64_t generation_ = 0;
  bool loading_ = false;
  bool filling_ = false;
  bool dark_ = false;
};

}  // namespace st::ui
