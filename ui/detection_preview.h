// The detection-rule editor's live preview: the rule as typed, dry-run on a stored run
// (preview_detection_rule: the engine of `statetrace-cli rules test`) off the GUI thread.
// The same design as RulePreview: requests are debounced; each gets a generation number and
// only the newest one's answer is shown; at most one run is in flight, so typing never
// queues work.
#pragma once

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>

#include "ui/detection_rule_tasks.h"

namespace st::ui {

using DetectionPreviewResult = std::shared_ptr<const DetectionPreviewReport>;

class DetectionPreview : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDebounceMs = 250;

  explicit DetectionPreview(QObject* parent = nullptr);
  // Waits for the run in flight.
  ~DetectionPreview() override;

  // Supersedes every earlier request; runs `kDebounceMs` after the last call.
  void request(DetectionPreviewInput input);
  // Supersedes every earlier request and runs as soon as no other run is in flight.
  void requestNow(DetectionPreviewInput input);

  std::uint64_t generation() const { return generation_; }  // of the newest request
  std::uint64_t shownGeneration() const { return shown_generation_; }
  int droppedCount() const { return dropped_; }
  bool isBusy() const { return running_ || pending_.has_value() || debounce_.isActive(); }

 signals:
  void started(quint64 generation);
  void ready(const st::ui::DetectionPreviewResult& report, quint64 generation);
  // An answer that arrived after a newer request: not shown.
  void dropped(quint64 generation);

 private:
  void startPending();

  QTimer debounce_;
  std::optional<DetectionPreviewInput> pending_;
  std::uint64_t pending_generation_ = 0;
  std::uint64_t generation_ = 0;
  std::uint64_t shown_generation_ = 0;
  int dropped_ = 0;
  bool running_ = false;
};

}  // namespace st::ui

Q_DECLARE_METATYPE(st::ui::DetectionPreviewResult)
