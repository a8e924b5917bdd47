#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

#include "ui/store_session.h"
#include "ui/store_tasks.h"
#include "ui_test_support.h"

namespace {

std::filesystem::path temp_store(const QTemporaryDir& dir) {
  return dir.filePath(QStringLiteral("store.sqlite")).toStdString();
}

}  // namespace

TEST_CASE("cancelling at the first progress callback stores nothing", "[ui][ingest]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = temp_store(dir);
  REQUIRE(st::ui::open_and_migrate(store).error == std::nullopt);

  std::atomic<bool> cancel{false};
  int calls = 0;
  const auto outcome = st::ui::run_ingest(store, st::ui::test::fixture_bundle(), {}, &cancel,
                                          [&](double, std::string_view) {
                                            ++calls;
                                            cancel = true;
                                          });
  CHECK(calls >= 1);
  CHECK(outcome.cancelled);
  CHECK_FALSE(outcome.summary.has_value());
  CHECK(st::ui::test::runs_in(store).empty());

  // The same store still takes the bundle afterwards.
  const auto again = st::ui::run_ingest(store, st::ui::test::fixture_bundle(), {}, nullptr, {});
  INFO((again.error ? again.error->describe() : std::string()));
  REQUIRE(again.summary.has_value());
  CHECK(again.summary->devices == 2);
  CHECK(st::ui::test::runs_in(store).size() == 1);
}

TEST_CASE("a session ingest cancelled before it starts reports cancelled and stores nothing",
          "[ui][ingest]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = temp_store(dir);

  st::ui::StoreSession session(store);
  QSignalSpy finished(&session, &st::ui::StoreSession::ingestFinished);
  auto cancel = std::make_shared<std::atomic<bool>>(true);
  REQUIRE(session.startIngest(QString::fromStdString(st::ui::test::fixture_bundle().string()), cancel));
  CHECK(session.isIngesting());
  CHECK_FALSE(session.startIngest(QStringLiteral("/elsewhere")));  // one ingest at a time

  REQUIRE(st::ui::test::wait_until([&] { return finished.count() == 1; }));
  const auto outcome = finished.at(0).at(0).value<st::ui::IngestOutcome>();
  CHECK(outcome.cancelled);
  CHECK_FALSE(outcome.summary.has_value());
  CHECK_FALSE(session.isIngesting());
  CHECK(st::ui::test::runs_in(store).empty());
}

TEST_CASE("a session reports a bundle that does not exist as an error", "[ui][ingest]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  st::ui::StoreSession session(temp_store(dir));
  QSignalSpy finished(&session, &st::ui::StoreSession::ingestFinished);
  REQUIRE(session.startIngest(dir.filePath(QStringLiteral("no-such-bundle"))));
  REQUIRE(st::ui::test::wait_until([&] { return finished.count() == 1; }));
  const auto outcome = finished.at(0).at(0).value<st::ui::IngestOutcome>();
  CHECK_FALSE(outcome.cancelled);
  REQUIRE(outcome.error.has_value());
  CHECK_FALSE(outcome.error->describe().empty());
}
