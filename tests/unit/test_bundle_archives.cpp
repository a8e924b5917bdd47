// Archive bundles (.zip, .tar.gz): real archives written with libarchive at test time, read
// as streams. Good archives ingest like their folder; bad ones are refused, naming the archive
// and the member, and leave the store and the disk as they were.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "core_parsers.h"
#include "bundle/bundle_reader.h"
#include "ingest/ingest_pipeline.h"
#include "store/listings.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
namespace fs = std::filesystem;

namespace {

enum class Kind { Zip, TarGz };

struct Entry {
  std::string name;
  std::string bytes;
  unsigned type = AE_IFREG;  // AE_IFREG, AE_IFLNK, AE_IFDIR
  std::string symlink;       // for AE_IFLNK
  std::string hardlink;      // for a tar hard link
};

// Writes a real archive with libarchive's writer; entry names are written exactly as given.
void write_archive(const fs::path& path, Kind kind, const std::vector<Entry>& entries) {
  fs::create_directories(path.parent_path());
  struct archive* a = archive_write_new();
  REQUIRE(a);
  if (kind == Kind::Zip) {
    REQUIRE(archive_write_set_format_zip(a) == ARCHIVE_OK);
  } else {
    REQUIRE(archive_write_set_format_pax_restricted(a) == ARCHIVE_OK);
    REQUIRE(archive_write_add_filter_gzip(a) == ARCHIVE_OK);
  }
  REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
  for (const auto& e : entries) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.name.c_str());
    archive_entry_set_filetype(entry, e.type);
    archive_entry_set_perm(entry, e.type == AE_IFDIR ? 0755 : 0644);
    archive_entry_set_mtime(entry, 1795000000, 0);
    if (!e.symlink.empty()) archive_entry_set_symlink(entry, e.symlink.c_str());
    if (!e.hardlink.empty()) archive_entry_set_hardlink(entry, e.hardlink.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(e.bytes.size()));
    REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
    if (!e.bytes.empty()) {
      REQUIRE(archive_write_data(a, e.bytes.data(), e.bytes.size()) == static_cast<la_ssize_t>(e.bytes.size()));
    }
    archive_entry_free(entry);
  }
  REQUIRE(archive_write_close(a) == ARCHIVE_OK);
  archive_write_free(a);
}

std::vector<Entry> two_sites() {
  return {
      {"captures/", {}, AE_IFDIR, {}, {}},
      {"captures/site-a/NYC-B2-ACC-07.log", test::access_switch_capture("NYC-B2-ACC-07"), AE_IFREG, {}, {}},
      {"captures/site-b/BOS-B1-ACC-02.log", test::access_switch_capture("BOS-B1-ACC-02"), AE_IFREG, {}, {}},
      {"captures/README.txt", "how these were taken\n", AE_IFREG, {}, {}},
  };
}

// The two sites plus a large, poorly compressible capture, so that a cut lands inside a member.
std::vector<Entry> with_large_member() {
  std::string big = test::access_switch_capture("BIG-B1-ACC-01");
  std::uint64_t x = 88172645463325252ull;
  while (big.size() < 400'000) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    big += fmt::format("BIG-B1-ACC-01#show mac address-table | include {:016x}\n", x);
  }
  auto entries = two_sites();
  entries.push_back({"captures/site-c/BIG-B1-ACC-01.log", std::move(big), AE_IFREG, {}, {}});
  return entries;
}

store::Database fresh_store(const fs::path& path) {
  auto db = store::open_store(path, store::OpenMode::ReadWrite);
  REQUIRE(db);
  return std::move(*db);
}

Result<ingest::IngestSummary> ingest_archive(store::Database& db, const fs::path& bundle, bundle::BundleLimits limits = {}) {
  ingest::IngestOptions options;
  options.bundle = bundle;
  options.limits = limits;
  return ingest::ingest_bundle(db, test::core_parsers(), options);
}

std::int64_t count(store::Database& db, const std::string& table) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM " + table);
  REQUIRE(stmt);
  REQUIRE(*stmt->step());
  return stmt->int64(0);
}

// What a store holds, independent of run ids and file order.
std::set<std::tuple<std::string, std::string, std::string>> interfaces_of(store::Database& db) {
  auto rows = store::list_interfaces(db, {});
  REQUIRE(rows);
  std::set<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& r : *rows) out.emplace(r.device, r.name, r.status.value_or("-"));
  return out;
}

std::set<std::string> hostnames_of(store::Database& db) {
  auto rows = store::list_devices(db, {});
  REQUIRE(rows);
  std::set<std::string> out;
  for (const auto& d : *rows) out.insert(d.hostname + "@" + d.site + ":" + (d.source ? d.source->file : "-"));
  return out;
}

// Every file under `root`, relative to it.
std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_directory()) out.insert(fs::relative(e.path(), root).generic_string());
  }
  return out;
}

// A temp folder with a store that already holds one run, so "unchanged" means something.
struct Scene {
  test::TempDir dir;
  store::Database db = fresh_store(dir / "store/store.sqlite");
  std::set<std::string> parent_before;
  std::int64_t runs_before = 0;

  Scene() {
    test::write_file(dir / "first/SW1.log", test::access_switch_capture("SW1"));
    REQUIRE(ingest_archive(db, dir / "first"));
    runs_before = count(db, "runs");
    for (const auto& e : fs::directory_iterator(dir.path().parent_path())) {
      parent_before.insert(e.path().filename().string());
    }
  }

  // The archive was refused: nothing stored, and nothing written but the store's own files.
  void check_refused(const Result<ingest::IngestSummary>& result, const fs::path& archive) {
    REQUIRE_FALSE(result);
    INFO(result.error().describe());
    CHECK(result.error().kind == ErrorKind::InputRefused);
    CHECK(result.error().file == archive.string());
    CHECK(count(db, "runs") == runs_before);
    check_nothing_written_outside();
  }

  void check_nothing_written_outside() {
    for (const auto& f : files_under(dir.path())) {
      INFO(f);
      CHECK((f.starts_with("store/") || f.starts_with("first/") || f.starts_with("in/")));
      CHECK(fs::path(f).filename() != "evil.log");
    }
    for (const auto& e : fs::directory_iterator(dir.path().parent_path())) {
      const std::string name = e.path().filename().string();
      if (name == "evil.log") CHECK(parent_before.contains(name));
    }
    CHECK_FALSE(fs::exists("/etc/evil.log"));
    CHECK_FALSE(fs::exists(fs::current_path() / "evil.log"));
  }
};

}  // namespace

TEST_CASE("bundle archives: a zip and a tar.gz ingest like the folder they hold", "[bundle][archive]") {
  test::TempDir dir;
  for (const auto& e : two_sites()) {
    if (e.type == AE_IFREG) test::write_file(dir / ("folder/" + e.name), e.bytes);
  }
  write_archive(dir / "in/bundle.zip", Kind::Zip, two_sites());
  write_archive(dir / "in/bundle.tar.gz", Kind::TarGz, two_sites());
  fs::copy_file(dir / "in/bundle.tar.gz", dir / "in/bundle.tgz");

  auto folder_db = fresh_store(dir / "folder.sqlite");
  auto folder = ingest_archive(folder_db, dir / "folder");
  REQUIRE(folder);
  const auto expected_interfaces = interfaces_of(folder_db);
  const auto expected_hosts = hostnames_of(folder_db);
  REQUIRE(expected_interfaces.size() == 10);
  REQUIRE(expected_hosts.size() == 2);
  CHECK(expected_hosts.contains("NYC-B2-ACC-07@NYC:captures/site-a/NYC-B2-ACC-07.log"));

  for (const char* name : {"bundle.zip", "bundle.tar.gz", "bundle.tgz"}) {
    SECTION(name) {
      auto db = fresh_store(dir / (std::string(name) + ".sqlite"));
      auto summary = ingest_archive(db, dir / "in" / name);
      REQUIRE(summary);
      CHECK(summary->files == 2);
      CHECK(summary->devices == 2);
      CHECK(summary->skipped_members == std::vector<std::string>{"captures/README.txt"});
      CHECK(summary->sections_by_status == folder->sections_by_status);
      CHECK(summary->bytes == folder->bytes);
      CHECK(hostnames_of(db) == expected_hosts);
      CHECK(interfaces_of(db) == expected_interfaces);
      CHECK(count(db, "runs") == 1);
    }
  }
}

TEST_CASE("bundle archives: format is read from the content, not only the name", "[bundle][archive]") {
  test::TempDir dir;
  write_archive(dir / "a.zip", Kind::Zip, two_sites());
  write_archive(dir / "a.tar.gz", Kind::TarGz, two_sites());
  fs::copy_file(dir / "a.zip", dir / "capture-export.bin");
  fs::copy_file(dir / "a.tar.gz", dir / "capture-export.dat");

  auto zip = bundle::open_bundle(dir / "capture-export.bin");
  REQUIRE(zip);
  CHECK(zip->format == bundle::BundleFormat::Zip);
  auto tgz = bundle::open_bundle(dir / "capture-export.dat");
  REQUIRE(tgz);
  CHECK(tgz->format == bundle::BundleFormat::TarGzip);
  for (const auto* b : {&*zip, &*tgz}) {
    REQUIRE(b->members.size() == 2);
    CHECK(b->members[0].path == "captures/site-a/NYC-B2-ACC-07.log");
    CHECK(b->members[0].size == test::access_switch_capture("NYC-B2-ACC-07").size());
    CHECK(b->members[0].mtime_unix == 1795000000);
    CHECK(b->skipped == std::vector<std::string>{"captures/README.txt"});
    CHECK(b->warnings.empty());
  }

  // The reader yields the listed members with their exact bytes.
  auto reader = bundle::BundleReader::open(*tgz);
  REQUIRE(reader);
  std::vector<std::string> names;
  while (true) {
    auto next = reader->next();
    REQUIRE(next);
    if (!*next) break;
    names.push_back((*next)->member.path);
    CHECK((*next)->bytes == test::access_switch_capture(names.size() == 1 ? "NYC-B2-ACC-07" : "BOS-B1-ACC-02"));
  }
  CHECK(names == std::vector<std::string>{"captures/site-a/NYC-B2-ACC-07.log", "captures/site-b/BOS-B1-ACC-02.log"});
}

TEST_CASE("bundle archives: an empty file named .zip is refused", "[bundle][archive]") {
  Scene s;
  test::write_file(s.dir / "in/x.zip", "");
  auto result = ingest_archive(s.db, s.dir / "in/x.zip");
  s.check_refused(result, s.dir / "in/x.zip");
  CHECK_THAT(result.error().message, Catch::Contains("not a zip archive") && Catch::Contains("empty"));
}

TEST_CASE("bundle archives: binary garbage named .tar.gz is refused", "[bundle][archive]") {
  Scene s;
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919 + 13) % 251));
  test::write_file(s.dir / "in/x.tar.gz", garbage);
  auto result = ingest_archive(s.db, s.dir / "in/x.tar.gz");
  s.check_refused(result, s.dir / "in/x.tar.gz");
  CHECK_THAT(result.error().message, Catch::Contains("not a tar.gz archive"));

  // A gzip signature followed by garbage gets as far as libarchive, which refuses it too.
  test::write_file(s.dir / "in/y.tar.gz", "\x1f\x8b" + garbage);
  auto gz = ingest_archive(s.db, s.dir / "in/y.tar.gz");
  s.check_refused(gz, s.dir / "in/y.tar.gz");
}

TEST_CASE("bundle archives: a truncated zip is refused, naming the archive", "[bundle][archive]") {
  Scene s;
  write_archive(s.dir / "in/whole.zip", Kind::Zip, with_large_member());
  std::string bytes = test::read_file(s.dir / "in/whole.zip");
  test::write_file(s.dir / "in/cut.zip", bytes.substr(0, bytes.size() / 2));
  auto result = ingest_archive(s.db, s.dir / "in/cut.zip");
  s.check_refused(result, s.dir / "in/cut.zip");
  CHECK_THAT(result.error().message,
             Catch::Contains("truncated") && Catch::Contains("member 'captures/site-c/BIG-B1-ACC-01.log'"));
  REQUIRE(result.error().offset.has_value());
  CHECK(*result.error().offset <= bytes.size() / 2);
}

TEST_CASE("bundle archives: a truncated tar.gz is refused, naming the archive and member", "[bundle][archive]") {
  Scene s;
  write_archive(s.dir / "in/whole.tar.gz", Kind::TarGz, with_large_member());
  std::string bytes = test::read_file(s.dir / "in/whole.tar.gz");
  test::write_file(s.dir / "in/cut.tar.gz", bytes.substr(0, bytes.size() / 2));
  auto result = ingest_archive(s.db, s.dir / "in/cut.tar.gz");
  s.check_refused(result, s.dir / "in/cut.tar.gz");
  CHECK_THAT(result.error().message,
             Catch::Contains("truncated") && Catch::Contains("member 'captures/site-c/BIG-B1-ACC-01.log'"));
  REQUIRE(result.error().offset.has_value());
  CHECK(*result.error().offset <= bytes.size() / 2);
}

TEST_CASE("bundle archives: '../' names stay inside the bundle, with a warning", "[bundle][archive]") {
  Scene s;
  for (Kind kind : {Kind::Zip, Kind::TarGz}) {
    const fs::path archive = s.dir / (kind == Kind::Zip ? "in/slip.zip" : "in/slip.tar.gz");
    write_archive(archive, kind, {{"../../evil.log", test::access_switch_capture("EVIL-B1-ACC-01"), AE_IFREG, {}, {}},
                                  {"a/../../b/./evil2.log", test::access_switch_capture("EVIL-B1-ACC-02"), AE_IFREG, {}, {}}});
    auto listed = bundle::open_bundle(archive);
    REQUIRE(listed);
    REQUIRE(listed->members.size() == 2);
    CHECK(listed->members[0].path == "evil.log");
    CHECK(listed->members[1].path == "b/evil2.log");
    REQUIRE(listed->warnings.size() == 2);
    CHECK_THAT(listed->warnings[0], Catch::Contains("'../../evil.log'") && Catch::Contains("'evil.log'"));

    auto summary = ingest_archive(s.db, archive);
    REQUIRE(summary);
    CHECK(summary->files == 2);
    auto devices = store::list_devices(s.db, {});
    REQUIRE(devices);
    std::set<std::string> files;
    for (const auto& d : *devices) {
      if (d.source && d.hostname.starts_with("EVIL")) files.insert(d.source->file);
    }
    CHECK(files == std::set<std::string>{"evil.log", "b/evil2.log"});
    s.check_nothing_written_outside();
  }
}

TEST_CASE("bundle archives: absolute names are read as bundle-relative, with a warning", "[bundle][archive]") {
  Scene s;
  for (Kind kind : {Kind::Zip, Kind::TarGz}) {
    const fs::path archive = s.dir / (kind == Kind::Zip ? "in/abs.zip" : "in/abs.tar.gz");
    write_archive(archive, kind, {{"/etc/evil.log", test::access_switch_capture("EVIL-B1-ACC-01"), AE_IFREG, {}, {}}});
    auto listed = bundle::open_bundle(archive);
    REQUIRE(listed);
    REQUIRE(listed->members.size() == 1);
    CHECK(listed->members[0].path == "etc/evil.log");
    REQUIRE(listed->warnings.size() == 1);
    CHECK_THAT(listed->warnings[0], Catch::Contains("leading '/' removed"));

    REQUIRE(ingest_archive(s.db, archive));
    s.check_nothing_written_outside();
  }
}

TEST_CASE("bundle archives: symbolic and hard links are listed as skipped, never followed", "[bundle][archive]") {
  Scene s;
  const std::string capture = test::access_switch_capture("NYC-B2-ACC-07");
  write_archive(s.dir / "in/links.zip", Kind::Zip,
                {{"SW.log", capture, AE_IFREG, {}, {}}, {"passwd.log", {}, AE_IFLNK, "/etc/passwd", {}}});
  write_archive(s.dir / "in/links.tar.gz", Kind::TarGz,
                {{"SW.log", capture, AE_IFREG, {}, {}},
                 {"passwd.log", {}, AE_IFLNK, "/etc/passwd", {}},
                 {"again.log", {}, AE_IFREG, {}, "SW.log"}});

  auto zip = ingest_archive(s.db, s.dir / "in/links.zip");
  REQUIRE(zip);
  CHECK(zip->files == 1);
  CHECK(zip->skipped_members ==
        std::vector<std::string>{"passwd.log (symbolic link to '/etc/passwd': links are not followed)"});

  auto tgz = ingest_archive(s.db, s.dir / "in/links.tar.gz");
  REQUIRE(tgz);
  CHECK(tgz->files == 1);
  CHECK(tgz->skipped_members ==
        std::vector<std::string>{"passwd.log (symbolic link to '/etc/passwd': links are not followed)",
                                 "again.log (hard link to 'SW.log': links are not followed)"});

  // An archive of links only holds no capture.
  write_archive(s.dir / "in/only-links.tar.gz", Kind::TarGz, {{"passwd.log", {}, AE_IFLNK, "/etc/passwd", {}}});
  const auto runs = count(s.db, "runs");
  auto only = ingest_archive(s.db, s.dir / "in/only-links.tar.gz");
  REQUIRE_FALSE(only);
  CHECK(only.error().kind == ErrorKind::InputRefused);
  CHECK_THAT(only.error().message, Catch::Contains("no .log file"));
  CHECK(count(s.db, "runs") == runs);
  s.check_nothing_written_outside();
}

TEST_CASE("bundle archives: a member expanding beyond the ratio limit is refused (zip bomb)", "[bundle][archive]") {
  Scene s;
  const std::string zeros(50u << 20, '\0');  // 50 MiB deflates to about 50 KiB
  for (Kind kind : {Kind::Zip, Kind::TarGz}) {
    const fs::path archive = s.dir / (kind == Kind::Zip ? "in/bomb.zip" : "in/bomb.tar.gz");
    write_archive(archive, kind,
                  {{"SW.log", test::access_switch_capture(), AE_IFREG, {}, {}}, {"bomb.log", zeros, AE_IFREG, {}, {}}});
    REQUIRE(fs::file_size(archive) < (1u << 20));
    bundle::BundleLimits limits;
    limits.max_expansion_ratio = 20;
    auto result = ingest_archive(s.db, archive, limits);
    s.check_refused(result, archive);
    CHECK_THAT(result.error().message, Catch::Contains("member 'bomb.log'") && Catch::Contains("20x"));

    // The default limits (200x) refuse it as well.
    auto by_default = ingest_archive(s.db, archive);
    s.check_refused(by_default, archive);
  }
}

TEST_CASE("bundle archives: a member over the size limit is refused", "[bundle][archive]") {
  Scene s;
  write_archive(s.dir / "in/big.tar.gz", Kind::TarGz, two_sites());
  bundle::BundleLimits limits;
  limits.max_member_bytes = 1000;
  auto result = ingest_archive(s.db, s.dir / "in/big.tar.gz", limits);
  s.check_refused(result, s.dir / "in/big.tar.gz");
  CHECK_THAT(result.error().message, Catch::Contains("member 'captures/site-a/NYC-B2-ACC-07.log'") &&
                                         Catch::Contains("over the limit of 1000 bytes"));

  // Within the limit it goes through.
  limits.max_member_bytes = 1u << 20;
  CHECK(ingest_archive(s.db, s.dir / "in/big.tar.gz", limits));
}

TEST_CASE("bundle archives: the CLI sets the limits with --max-ratio and --max-member-mb", "[bundle][archive][cli]") {
  test::TempDir dir;
  write_archive(dir / "in/b.tar.gz", Kind::TarGz, two_sites());
  auto run = [&](const std::string& flags) {
    const std::string command = "'" STATETRACE_CLI_PATH "' ingest '" + (dir / "in/b.tar.gz").string() + "' " + flags +
                                " --store '" + (dir / "store.sqlite").string() + "' >'" + (dir / "out.txt").string() +
                                "' 2>'" + (dir / "err.txt").string() + "'";
    return test::run_shell(command);
  };
  CHECK(run("--max-ratio 1") == 3);  // input refused
  CHECK_THAT(test::read_file(dir / "err.txt"), Catch::Contains("decompression bomb") && Catch::Contains("b.tar.gz"));
  CHECK(run("--max-member-mb 0") == 3);
  CHECK_THAT(test::read_file(dir / "err.txt"), Catch::Contains("over the limit of 0 bytes per capture"));
  CHECK(run("--max-ratio 200 --max-member-mb 1") == 0);
  CHECK(run("--max-ratio lots") == 2);  // usage
}
