// The diff explorer: two runs (the latest against the one before by default), or one device's
// last N captures each against the one before; the objects that changed, with a chip per change,
// a summary bar with the counts, filters by kind and text, a volatile-field toggle, and the
// selected object's fields old and new side by side.
// A change opens its row in the raw log (double-click, context menu or Ctrl+R).
#pragma once

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "diff/object_change.h"
#include "ui/models/diff_models.h"
#include "ui/raw_location.h"
#include "ui/store_tasks.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QSplitter;

namespace st::ui {

class StoreSession;
class TablePane;

class DiffView : public QWidget {
  Q_OBJECT
  // The screenshot tour and tests wait while this is true (async work on screen soon).
  Q_PROPERTY(bool busy READ isLoading)

 public:
  explicit DiffView(StoreSession& session, QWidget* parent = nullptr);

  // Reloads the runs and shows the latest run against the one before (after an ingest).
  void refresh();
  // Diffs `to` against `from` (back from a device's captures to the whole fleet).
  void showRuns(RunId from, RunId to);
  // `hostname`'s last `last` captures, each against the one before ("" back to two runs).
  void showDeviceCaptures(const QString& hostname, int last);
  // The device whose captures are shown, "" for two runs of the whole store.
  QString device() const;
  void setIncludeVolatile(bool include);
  // "" for every kind, else a kind's name ("interface", "vlan", ...).
  void setKindFilter(const QString& kind);
  void focusFilter();
  bool isLoading() const { return loading_; }
  std::optional<RunId> fromRun() const { return from_; }
  std::optional<RunId> toRun() const { return to_; }

  DiffChangeModel* changeModel() const { return change_model_; }
  FieldChangeModel* fieldModel() const { return field_model_; }
  TablePane* changePane() const { return change_pane_; }
  TablePane* fieldPane() const { return field_pane_; }
  QLabel* summaryLabel() const { return summary_; }
  QComboBox* kindBox() const { return kind_box_; }
  QComboBox* deviceBox() const { return device_box_; }
  QSpinBox* lastBox() const { return last_box_; }
  QAction* showInRawLogAction() const { return show_raw_; }
  // The selected change's row in its raw log: the newer run's, or the older one's for a removal.
  std::optional<RawLocation> currentLocation() const;

 signals:
  void diffShown(int changes);
  void showInRawLog(const st::ui::RawLocation& location);

 private:
  void request();
  void onDiffReady(const DiffOutcome& outcome);
  void applyKindFilter();
  void selectFirstChange();
  void onCurrentChanged();
  void fillRunBox(QComboBox* box, const std::vector<store::RunRow>& runs, std::optional<RunId> selected);
  std::optional<RunId> boxRun(const QComboBox* box) const;

  StoreSession& session_;
  DiffChangeModel* change_model_;
  FieldChangeModel* field_model_;
  TablePane* change_pane_;
  TablePane* field_pane_;
  QComboBox* from_box_;
  QComboBox* to_box_;
  QComboBox* kind_box_;
  QComboBox* device_box_;  // "All devices" (two runs), else one device's last captures
  QSpinBox* last_box_;
  QCheckBox* volatile_box_;
  QLabel* summary_;
  QSplitter* splitter_;
  QAction* show_raw_;
  std::shared_ptr<const std::vector<diff::ObjectChange>> all_changes_;
  std::optional<RunId> from_, to_;
  bool loading_ = false;
  bool filling_ = false;
};

}  // namespace st::ui
