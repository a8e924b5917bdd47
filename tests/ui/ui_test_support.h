// Helpers shared by the UI tests.
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "store/listings.h"

// Readable QString / QStringList values in Catch's failure messages.
namespace Catch {
template <>
struct StringMaker<QString> {
  static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
template <>
struct StringMaker<QStringList> {
  static std::string convert(const QStringList& value) {
    return "{ " + value.join(QStringLiteral(", ")).toStdString() + " }";
  }
};
template <>
struct StringMaker<std::optional<std::string>> {
  static std::string convert(const std::optional<std::string>& value) {
    return value ? '"' + *value + '"' : std::string("nullopt");
  }
};
}  // namespace Catch

namespace st::ui::test {

// The shipped sample site (resources/samples/campus-hq), one of its run folders (a bundle:
// run 1 or 2), and the tests' own two-device fixture.
std::filesystem::path sample_site();
std::filesystem::path sample_run(int run);
std::filesystem::path fixture_bundle();
// Where screenshots go (created on demand).
QString screenshot_dir();

// Ingests `bundle` into the store at `store_path` on this thread, straight through the core.
// Fails the current test on error.
void ingest_or_fail(const std::filesystem::path& store_path, const std::filesystem::path& bundle);

// The runs and latest devices of a store, read through the core.
std::vector<store::RunRow> runs_in(const std::filesystem::path& store_path);

// Processes events until `done` holds or `timeout_ms` passes.
bool wait_until(const std::function<bool()>& done, int timeout_ms = 15000);

// Distinct colours and the share of the most common one.
struct ImageStats {
  std::size_t distinct_colors = 0;
  double dominant_share = 0;
};
ImageStats image_stats(const QImage& image);

// Test data that looks like the real thing.
store::DeviceRow make_device(std::string hostname, std::string site, std::string model,
                             std::string uptime);
store::InterfaceRow make_interface(std::string device, std::string name, std::string status,
                                   std::string vlan, std::string description = {});

}  // namespace st::ui::test
