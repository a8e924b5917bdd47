// The raw log viewer over a 200 MB capture stored in a real store (generated at test
// time): opens at a byte range with the range highlighted, scrolls to the end, finds
// text (forward, backward, case, cancel), goes to an offset; and "Show in Raw Log"
// from the devices view lands on the row's bytes.
#include <catch2/catch.hpp>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QPixmap>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fstream>
#include <string>

#include "store/raw_reader.h"
#include "store/store.h"
#include "ui/main_window.h"
#include "ui/models/interface_table_model.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/models/raw_file.h"
#include "ui/store_session.h"
#include "ui/views/devices_view.h"
#include "ui/views/raw_log_view.h"
#include "ui/views/raw_text_view.h"
#include "ui/views/table_pane.h"
#include "ui_test_support.h"

using st::ByteRange;
using st::RunId;
using st::ui::RawLocation;
using st::ui::RawLogView;
using st::ui::RawTextView;
namespace t = st::ui::test;

namespace {

constexpr std::uint64_t kBigBytes = 200ull * 1000 * 1000;

// A `show tech-support` capture of about 200 MB: a prompt line, numbered counter lines,
// one target line in the middle, one needle line near the end, and an exit prompt.
struct BigCapture {
  std::filesystem::path bundle;
  std::string file = "BIG-CORE-01.log";
  std::uint64_t size = 0;
  std::uint64_t lines = 0;
  ByteRange target;
  std::string target_line;
  std::uint64_t needle_offset = 0;
  std::string last_line = "BIG-CORE-01#exit";
};

BigCapture write_big_capture(const std::filesystem::path& dir) {
  BigCapture capture;
  capture.bundle = dir / "big-bundle";
  std::filesystem::create_directories(capture.bundle);
  std::ofstream out(capture.bundle / capture.file, std::ios::binary);
  std::string buffer;
  buffer.reserve(1 << 20);
  std::uint64_t offset = 0;
  auto put = [&](const std::string& line) {
    buffer += line;
    buffer += '\n';
    offset += line.size() + 1;
    ++capture.lines;
    if (buffer.size() > (1 << 20) - 256) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  };
  put("BIG-CORE-01#show tech-support");
  char line[160];
  bool target_written = false, needle_written = false;
  for (std::uint64_t i = 0; offset < kBigBytes; ++i) {
    if (!target_written && offset >= kBigBytes / 2) {
      target_written = true;
      const std::string text = "TenGigabitEthernet1/1/4 is up, line protocol is up (connected) <- the requested range";
      capture.target = ByteRange{offset, text.size()};
      capture.target_line = text;
      put(text);
      continue;
    }
    if (!needle_written && offset >= kBigBytes - 5000 * 80) {
      needle_written = true;
      capture.needle_offset = offset + 9;
      put("%LINK-3: Needle-In-The-Haystack on Gi1/0/48");
      continue;
    }
    std::snprintf(line, sizeof line, "%09llu GigabitEthernet1/0/%02llu  input packets %010llu  output packets %010llu  CRC 0",
                  static_cast<unsigned long long>(i), static_cast<unsigned long long>(i % 48 + 1),
                  static_cast<unsigned long long>(i * 7919 % 10000000000ull),
                  static_cast<unsigned long long>(i * 104729 % 10000000000ull));
    put(line);
  }
  put(capture.last_line);
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  capture.size = offset;
  return capture;
}

bool line_visible(const RawTextView& text, int line) {
  return line >= text.firstVisibleLine() && line < text.firstVisibleLine() + text.visibleLineCount();
}

}  // namespace

TEST_CASE("raw log viewer: a 200 MB stored file at a byte range, to the end, find, go to offset",
          "[ui][raw]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path root = dir.path().toStdString();
  const BigCapture capture = write_big_capture(root);
  REQUIRE(capture.size >= kBigBytes);
  const std::filesystem::path store = root / "big.sqlite";
  t::ingest_or_fail(store, capture.bundle);
  std::filesystem::remove_all(capture.bundle);  // the viewer reads the store, not the bundle
  const RunId run = t::runs_in(store).back().id;

  st::ui::StoreSession session(store);
  RawLogView view(session);
  view.resize(1100, 640);
  view.show();
  QSignalSpy opened(&view, &RawLogView::fileOpened);
  QSignalSpy indexed(&view, &RawLogView::indexFinished);
  QSignalSpy failed(&view, &RawLogView::failed);
  view.open(RawLocation{run, capture.file, capture.target});

  // The requested range is highlighted and on screen once the index reaches it,
  // while the rest of the file may still be being indexed.
  RawTextView& text = *view.textView();
  REQUIRE(t::wait_until([&] { return failed.count() > 0 || text.lineAt(capture.target.offset) > 0; }, 60000));
  REQUIRE(failed.count() == 0);
  REQUIRE(t::wait_until([&] { return indexed.count() == 1; }, 120000));
  CHECK(opened.count() == 1);
  CHECK(text.highlight() == std::optional<ByteRange>(capture.target));
  CHECK(text.lineCount() == static_cast<int>(capture.lines));
  const int target_line = text.lineAt(capture.target.offset);
  CHECK(text.lineRange(target_line).offset == capture.target.offset);
  CHECK(text.lineText(target_line) == QString::fromStdString(capture.target_line));
  CHECK(line_visible(text, target_line));
  CHECK(view.statusText().contains(QStringLiteral("highlighted bytes %1").arg(capture.target.offset)));
  QTest::qWait(50);
  REQUIRE(view.grab().save(t::screenshot_dir() + QStringLiteral("/raw-log-200mb.png")));

  // Ctrl+End scrolls to the last line of the file.
  text.setFocus();
  QTest::keyClick(&text, Qt::Key_End, Qt::ControlModifier);
  CHECK(line_visible(text, text.lineCount() - 1));
  CHECK(text.lineText(text.lineCount() - 1) == QString::fromStdString(capture.last_line));
  CHECK(text.lineText(0) == QStringLiteral("BIG-CORE-01#show tech-support"));

  // Find from the end wraps around to the needle near the end; the match is shown.
  QSignalSpy found(&view, &RawLogView::findFinished);
  view.findEdit()->setText(QStringLiteral("needle-in-the-haystack"));
  view.findNext();
  REQUIRE(t::wait_until([&] { return found.count() == 1; }, 60000));
  CHECK(found.at(0).at(0).toBool());
  REQUIRE(text.match().has_value());
  CHECK(text.match()->offset == capture.needle_offset);
  CHECK(line_visible(text, text.lineAt(capture.needle_offset)));
  CHECK(text.lineText(text.lineAt(capture.needle_offset)).contains(QStringLiteral("Needle-In-The-Haystack")));

  // Backward from the needle finds the target line's text in the middle of the file.
  view.findEdit()->setText(QStringLiteral("TenGigabitEthernet1/1/4 is up"));
  text.setMatch(ByteRange{capture.needle_offset, 1});
  view.findPrevious();
  REQUIRE(t::wait_until([&] { return found.count() == 2; }, 60000));
  CHECK(found.at(1).at(0).toBool());
  REQUIRE(text.match().has_value());
  CHECK(text.match()->offset == capture.target.offset);
  CHECK(line_visible(text, target_line));

  // Match case: the needle in the wrong case is not found.
  view.matchCaseBox()->setChecked(true);
  view.findEdit()->setText(QStringLiteral("NEEDLE-IN-THE-HAYSTACK"));
  view.findNext();
  REQUIRE(t::wait_until([&] { return found.count() == 3; }, 60000));
  CHECK_FALSE(found.at(2).at(0).toBool());
  CHECK_FALSE(text.match().has_value());

  // A search can be cancelled: its answer never arrives.
  view.findEdit()->setText(QStringLiteral("text that is nowhere in the file"));
  view.findNext();
  CHECK(view.isSearching());
  view.cancelFind();
  CHECK_FALSE(view.isSearching());
  QTest::qWait(300);
  CHECK(found.count() == 3);

  // Go to offset (Ctrl+G's box): the line holding the offset comes into view.
  view.offsetEdit()->setText(QString::number(capture.needle_offset));
  QTest::keyClick(view.offsetEdit(), Qt::Key_Return);
  CHECK(line_visible(text, text.lineAt(capture.needle_offset)));
  view.goToOffset(0);
  CHECK(text.firstVisibleLine() == 0);
}

TEST_CASE("raw file: windows, line index pieces and find across window edges", "[ui][raw]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path root = dir.path().toStdString();
  std::string bytes;
  while (bytes.size() < 3 * st::ui::kRawWindowBytes) bytes += "R1-A#show clock\n*10:00:00.000 UTC Mon Mar 4 2024\n";
  // A needle across the first window edge.
  const std::uint64_t edge = st::ui::kRawWindowBytes - 3;
  bytes.replace(edge, 7, "NEEDLE!");
  std::filesystem::create_directories(root / "b");
  std::ofstream(root / "b" / "R1-A.log", std::ios::binary) << bytes;
  const std::filesystem::path store = root / "s.sqlite";
  t::ingest_or_fail(store, root / "b");

  auto file = st::ui::RawFile::open(store, RunId{1}, "R1-A.log");
  REQUIRE(file);
  CHECK(file->size() == bytes.size());
  CHECK(file->windowCount() == 4);
  auto middle = file->read(edge - 10, 20);
  REQUIRE(middle);
  CHECK(*middle == bytes.substr(edge - 10, 20));

  std::atomic<bool> cancel{false};
  std::vector<std::uint64_t> starts;
  int pieces = 0;
  bool done = false;
  REQUIRE(st::ui::build_line_index(*file, cancel, [&](st::ui::LineIndexPiece&& piece) {
    ++pieces;
    done = piece.done;
    starts.insert(starts.end(), piece.starts.begin(), piece.starts.end());
  }, st::ui::kRawWindowBytes));
  CHECK(done);
  CHECK(pieces >= 3);
  std::vector<std::uint64_t> expected{0};
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i)
    if (bytes[i] == '\n') expected.push_back(i + 1);
  CHECK(starts == expected);

  auto forward = st::ui::find_in_file(*file, {"needle!", false, false, 0}, cancel);
  REQUIRE(forward);
  REQUIRE(forward->match);
  CHECK(forward->match->offset == edge);
  auto backward = st::ui::find_in_file(*file, {"NEEDLE!", true, true, bytes.size()}, cancel);
  REQUIRE(backward);
  REQUIRE(backward->match);
  CHECK(backward->match->offset == edge);
  auto wrapped = st::ui::find_in_file(*file, {"NEEDLE!", true, false, edge + 1}, cancel);
  REQUIRE(wrapped);
  REQUIRE(wrapped->match);
  CHECK(wrapped->wrapped);
  CHECK(wrapped->match->offset == edge);
  auto none = st::ui::find_in_file(*file, {"needle!", true, false, 0}, cancel);
  REQUIRE(none);
  CHECK_FALSE(none->match);
  cancel = true;
  auto stopped = st::ui::find_in_file(*file, {"absent", false, false, 0}, cancel);
  REQUIRE_FALSE(stopped);
  CHECK(stopped.error().kind == st::ErrorKind::Cancelled);
}

TEST_CASE("Show in Raw Log (Ctrl+R) on an interface row opens its bytes highlighted", "[ui][raw]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("fixture.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());

  st::ui::MainWindow window(store);
  QSignalSpy shown(&window, &st::ui::MainWindow::overviewShown);
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return shown.count() >= 1; }));
  auto* devices = window.devicesView();
  REQUIRE(devices->selectDevice(QStringLiteral("BR2-F1-ACC-01")));
  REQUIRE(t::wait_until([&] {
    return !devices->isLoadingInterfaces() && devices->interfaceModel()->rowCount() > 0;
  }));

  // Pick Gi1/0/6 in the interface table and press Ctrl+R.
  auto* pane = devices->interfacePane();
  pane->filterEdit()->setText(QStringLiteral("Camera lobby"));
  REQUIRE(pane->proxy()->rowCount() == 1);
  pane->view()->setFocus();
  pane->view()->setCurrentIndex(pane->proxy()->index(0, 0));
  const auto* port = devices->interfaceModel()->rowAt(pane->proxy()->mapToSource(pane->proxy()->index(0, 0)).row());
  REQUIRE(port != nullptr);
  QApplication::setActiveWindow(&window);
  QSignalSpy opened(window.rawLogView(), &RawLogView::fileOpened);
  QTest::keyClick(pane->view(), Qt::Key_R, Qt::ControlModifier);
  CHECK(window.viewTabs()->currentWidget() == window.rawLogView());
  REQUIRE(t::wait_until([&] { return opened.count() == 1; }));
  const auto location = window.rawLogView()->location();
  REQUIRE(location.has_value());
  CHECK(location->file == port->source.file);
  CHECK(location->range == ByteRange{port->source.offset, port->source.length});

  // The highlighted bytes are the port's line, and that line is on screen.
  auto* text = window.rawLogView()->textView();
  REQUIRE(t::wait_until([&] { return text->indexComplete(); }));
  CHECK(text->highlight() == std::optional<ByteRange>(location->range));
  const int line = text->lineAt(location->range.offset);
  CHECK(line_visible(*text, line));
  CHECK(text->lineText(line).startsWith(QStringLiteral("Gi1/0/6")));
  CHECK(text->lineText(line).contains(QStringLiteral("Camera lobby")));
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto raw = st::store::read_raw(*db, location->run, location->file, location->range);
    REQUIRE(raw);
    CHECK(QString::fromStdString(*raw).startsWith(QStringLiteral("Gi1/0/6")));
  }
  QTest::qWait(50);
  REQUIRE(window.grab().save(t::screenshot_dir() + QStringLiteral("/raw-log-interface.png")));
}
