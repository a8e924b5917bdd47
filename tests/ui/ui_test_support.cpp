#include "ui_test_support.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QTest>

#include <algorithm>

#include "../unit/core_parsers.h"
#include "ingest/ingest_pipeline.h"
#include "parse/parser_registry.h"
#include "store/store.h"

namespace st::ui::test {

std::filesystem::path sample_site() { return STATETRACE_UI_SAMPLE_SITE; }
std::filesystem::path sample_run(int run) { return sample_site() / ("run-" + std::to_string(run)); }
std::filesystem::path fixture_bundle() { return STATETRACE_UI_FIXTURE_BUNDLE; }

QString screenshot_dir() {
  const QString dir = QStringLiteral(STATETRACE_UI_SCREENSHOT_DIR);
  QDir().mkpath(dir);
  return dir;
}

void ingest_or_fail(const std::filesystem::path& store_path, const std::filesystem::path& bundle) {
  auto db = store::open_store(store_path, store::OpenMode::ReadWrite);
  if (!db) FAIL("open_store: " << db.error().describe());
  ingest::IngestOptions options;
  options.bundle = bundle;
  auto summary = ingest::ingest_bundle(*db, st::test::core_parsers(), options);
  if (!summary) FAIL("ingest_bundle " << bundle << ": " << summary.error().describe());
}

std::vector<store::RunRow> runs_in(const std::filesystem::path& store_path) {
  auto db = store::open_store(store_path, store::OpenMode::ReadWrite);
  if (!db) FAIL("open_store: " << db.error().describe());
  auto runs = store::list_runs(*db);
  if (!runs) FAIL("list_runs: " << runs.error().describe());
  return std::move(*runs);
}

bool wait_until(const std::function<bool()>& done, int timeout_ms) {
  return QTest::qWaitFor(done, timeout_ms);
}

ImageStats image_stats(const QImage& image) {
  QHash<QRgb, qsizetype> counts;
  const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
  for (int y = 0; y < argb.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
    for (int x = 0; x < argb.width(); ++x) ++counts[line[x]];
  }
  qsizetype dominant = 0;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) dominant = std::max(dominant, it.value());
  const double pixels = double(argb.width()) * argb.height();
  return {static_cast<std::size_t>(counts.size()), pixels > 0 ? double(dominant) / pixels : 1.0};
}

store::DeviceRow make_device(std::string hostname, std::string site, std::string model,
                             std::string uptime) {
  store::DeviceRow row;
  row.run = RunId{1};
  row.id = DeviceId{static_cast<std::int64_t>(hostname.size())};
  row.hostname = std::move(hostname);
  row.site = std::move(site);
  row.vendor = "cisco";
  row.platform = "cisco_ios";
  row.model = std::move(model);
  row.os_version = "15.2(7)E6";
  row.serial = "FOC2104X1AB";
  row.uptime = std::move(uptime);
  row.source = store::SourceRef{row.hostname + ".log", 33, 1800};
  return row;
}

store::InterfaceRow make_interface(std::string device, std::string name, std::string status,
                                   std::string vlan, std::string description) {
  store::InterfaceRow row;
  row.run = RunId{1};
  row.device = std::move(device);
  row.name_raw = name;
  row.name = std::move(name);
  row.status = std::move(status);
  row.vlan = std::move(vlan);
  row.duplex = "a-full";
  row.speed = "a-1000";
  row.type = "10/100/1000BaseTX";
  if (!description.empty()) row.description = std::move(description);
  row.source = store::SourceRef{row.device + ".log", 2100, 80};
  return row;
}

}  // namespace st::ui::test
