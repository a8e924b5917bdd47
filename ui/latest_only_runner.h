// Work off the GUI thread of which only the newest request's answer counts: the rule editors'
// live previews, and their rule lists and histories read again after each change. Requests
// may be debounced; each gets a generation number, and an answer that arrives after a newer
// request was made is dropped, never shown (DB Browser's generation counter). At most one run
// is in flight and only the newest waiting request is kept, so typing into a slow rule never
// queues work; a runaway run is stopped by the core's own budget, never by this class.
#pragma once

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace st::ui {

class LatestOnlyRunner : public QObject {
  Q_OBJECT

 public:
  // Called on the GUI thread with the answer's generation, when it is the newest request's.
  using Delivery = std::function<void(quint64 generation)>;
  // Runs on a pool thread; returns how to show its answer.
  using Job = std::function<Delivery()>;

  // `debounce_ms`: how long request() waits for a later request before running.
  explicit LatestOnlyRunner(int debounce_ms = 0, QObject* parent = nullptr);
  // Waits for the run in flight.
  ~LatestOnlyRunner() override;

  // Supersedes every earlier request: `work()` runs off the GUI thread and, unless a newer
  // request came meanwhile, `show(answer, generation)` on it. `now` skips the debounce.
  template <class Work, class Show>
  void submit(bool now, Work work, Show show) {
    schedule(now, [work = std::move(work), show = std::move(show)]() -> Delivery {
      auto answer = std::make_shared<const std::invoke_result_t<const Work&>>(work());
      return [show, answer](quint64 generation) { show(*answer, generation); };
    });
  }
  void setDebounceMs(int ms) { debounce_.setInterval(ms); }

  std::uint64_t generation() const { return generation_; }  // of the newest request
  std::uint64_t shownGeneration() const { return shown_generation_; }
  int droppedCount() const { return dropped_; }
  bool isBusy() const { return running_ || pending_.has_value(); }

 signals:
  void started(quint64 generation);
  // An answer that arrived after a newer request: not shown.
  void dropped(quint64 generation);

 private:
  void schedule(bool now, Job job);
  void startPending();

  QTimer debounce_;
  std::optional<Job> pending_;
  std::uint64_t pending_generation_ = 0;
  std::uint64_t generation_ = 0;
  std::uint64_t shown_generation_ = 0;
  int dropped_ = 0;
  bool running_ = false;
};

}  // namespace st::ui
