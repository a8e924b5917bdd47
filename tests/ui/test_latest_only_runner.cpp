// LatestOnlyRunner, the mechanism under both rule editors' previews and their reloads: a burst
// of debounced requests runs once, with the last one's input; a request made while a run is in
// flight waits for it, the run's answer is then dropped, and of the requests that waited only
// the newest runs.
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "ui/latest_only_runner.h"
#include "ui_test_support.h"

using st::ui::LatestOnlyRunner;
namespace t = st::ui::test;

TEST_CASE("latest-only runner: debounced bursts run once, stale answers are dropped", "[ui][runner]") {
  std::atomic<int> runs{0};
  std::vector<std::string> shown;
  std::vector<quint64> shown_generations;
  auto work_on = [&runs](std::string input, int millis) {
    return [&runs, input, millis] {
      ++runs;
      std::this_thread::sleep_for(std::chrono::milliseconds(millis));
      return "answer to " + input;
    };
  };
  auto show = [&](const std::string& answer, quint64 generation) {
    shown.push_back(answer);
    shown_generations.push_back(generation);
  };

  SECTION("three requests within the debounce: one run, the last input") {
    LatestOnlyRunner runner(40);
    QSignalSpy started(&runner, &LatestOnlyRunner::started);
    for (const char* input : {"a", "ab", "abc"}) runner.submit(false, work_on(input, 0), show);
    CHECK(runner.isBusy());
    CHECK(started.count() == 0);  // still waiting for more typing
    REQUIRE(t::wait_until([&] { return !runner.isBusy(); }));
    CHECK(runs == 1);
    CHECK(started.count() == 1);
    CHECK(shown == std::vector<std::string>{"answer to abc"});
    CHECK(shown_generations == std::vector<quint64>{3});
    CHECK(runner.shownGeneration() == 3);
    CHECK(runner.droppedCount() == 0);
  }

  SECTION("requests during a run: its answer is dropped, only the newest waiting one runs") {
    LatestOnlyRunner runner(0);
    QSignalSpy started(&runner, &LatestOnlyRunner::started);
    QSignalSpy dropped(&runner, &LatestOnlyRunner::dropped);
    runner.submit(true, work_on("slow", 200), show);
    REQUIRE(started.count() == 1);  // at once: nothing else in flight
    runner.submit(true, work_on("second", 0), show);
    runner.submit(true, work_on("third", 0), show);
    CHECK(started.count() == 1);  // one run in flight at most
    REQUIRE(t::wait_until([&] { return !runner.isBusy(); }));
    CHECK(runs == 2);  // "second" was superseded before it could start
    REQUIRE(dropped.count() == 1);
    CHECK(dropped.at(0).at(0).toULongLong() == 1);
    CHECK(shown == std::vector<std::string>{"answer to third"});
    CHECK(shown_generations == std::vector<quint64>{3});
    CHECK(runner.generation() == 3);
  }

  SECTION("a runner destroyed with a run in flight waits for it and shows nothing") {
    {
      LatestOnlyRunner runner(0);
      runner.submit(true, work_on("late", 100), show);
    }
    QTest::qWait(150);
    CHECK(runs == 1);
    CHECK(shown.empty());
  }
}
