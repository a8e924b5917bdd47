// The rule editor's live preview: runs the core harness (rules::test_rule_text, the one
// behind `statetrace-cli parsers test`) off the GUI thread. Requests are debounced (250 ms
// by default); every request gets a generation number and only the newest one's answer is
// shown: an answer from an older generation is dropped. At most one run is in flight, so
// typing into a slow rule never queues work; a runaway rule is stopped by the sandbox's time
// budget inside the core, never by this class.
#pragma once

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>

#include "rules/rule_test.h"

namespace st::ui {

using PreviewReport = std::shared_ptr<const rules::RuleTestReport>;

class RulePreview : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDebounceMs = 250;

  explicit RulePreview(QObject* parent = nullptr);
  // Waits for the run in flight (bounded by the sandbox's budget).
  ~RulePreview() override;

  // Supersedes every earlier request; runs `kDebounceMs` after the last call.
  void request(rules::RuleTestInput input);
  // Supersedes every earlier request and runs as soon as no other run is in flight.
  void requestNow(rules::RuleTestInput input);
  void setDebounceMs(int ms) { debounce_.setInterval(ms); }

  std::uint64_t generation() const { return generation_; }          // of the newest request
  std::uint64_t shownGeneration() const { return shown_generation_; }
  int droppedCount() const { return dropped_; }
  bool isBusy() const { return running_ || pending_.has_value(); }

 signals:
  void started(quint64 generation);
  // The newest request's answer.
  void ready(const st::ui::PreviewReport& report, quint64 generation);
  // An answer that arrived after a newer request: not shown.
  void dropped(quint64 generation);

 private:
  void startPending();

  QTimer debounce_;
  std::optional<rules::RuleTestInput> pending_;
  std::uint64_t pending_generation_ = 0;
  std::uint64_t generation_ = 0;
  std::uint64_t shown_generation_ = 0;
  int dropped_ = 0;
  bool running_ = false;
};

}  // namespace st::ui

Q_DECLARE_METATYPE(st::ui::PreviewReport)
