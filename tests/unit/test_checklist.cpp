#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <regex>

#include "core/operator_name.h"
#include "insights/escalation.h"
#include "insights/runbook_library.h"
#include "store/checklist_store.h"
#include "store/escalation_store.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;

namespace {

constexpr const char* kHost = "NYC-B2-ACC-07";

// A store holding one ingested capture (run 1, device NYC-B2-ACC-07), as `ingest` writes it.
void ingest_capture(const test::TempDir& dir) {
  test::write_file(dir / "bundle/NYC-B2-ACC-07.log", test::access_switch_capture(kHost));
  auto ingest = test::run_cli(dir, "ingest '" + (dir / "bundle").string() + "'");
  REQUIRE(ingest.status == 0);
}

std::int64_t scalar(store::Database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  REQUIRE(stmt);
  auto row = stmt->step();
  REQUIRE(row);
  REQUIRE(*row);
  return stmt->int64(0);
}

// The engine that writes insight cards is not part of this test: one card, as it would store it,
// for the err-disable on Gi1/0/3 that the capture's log shows.
std::int64_t insert_err_disable_insight(store::Database& db) {
  REQUIRE(db.exec(std::string("INSERT INTO insights(run_id, device_id, rule_id, rule_origin, signature, severity, title, "
                              "summary, objects, first_seen, last_seen, evidence_count, missing_commands, fingerprint) "
                              "SELECT 1, id, 'err-disable', 'shipped', 'err-disable', 'warning', 'Port error-disabled', "
                              "'Gi1/0/3 err-disabled by bpduguard', '[\"Gi1/0/3\"]', '2026-11-20T08:52:40Z', "
                              "'2026-11-20T08:52:40Z', 1, '[]', 'err-disable:") + kHost + ":Gi1/0/3' "
                              "FROM devices WHERE hostname = '" + kHost + "'"));
  return db.last_insert_rowid();
}

std::int64_t insert_power_cluster(store::Database& db) {
  REQUIRE(db.exec(std::string("INSERT INTO incident_clusters(run_id, pattern, signature, severity, title, summary, "
                              "devices, first_seen, last_seen) VALUES (1, 'power-failure-sequence', "
                              "'power-failure-sequence', 'critical', 'Power failure sequence', "
                              "'PS2 failed, 12 PoE ports denied, 14 links down', '[\"") + kHost +
                  "\", \"NYC-B2-ACC-08\"]', '2026-11-20T08:40:00Z', '2026-11-20T08:43:00Z')"));
  return db.last_insert_rowid();
}

struct ScopedEnv {
  explicit ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }
  const char* name_;
  std::optional<std::string> old_;
};

bool is_utc_iso(const std::string& s) {
  return std::regex_match(s, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"));
}

}  // namespace

TEST_CASE("checklist: incident ids name an insight or a cluster", "[checklist]") {
  CHECK(store::incident_key("12") == "insight:12");
  CHECK(store::incident_key("insight:12") == "insight:12");
  CHECK(store::incident_key("C3") == "cluster:3");
  CHECK(store::incident_key("c3") == "cluster:3");
  CHECK(store::incident_key("cluster:3") == "cluster:3");
  for (const char* bad : {"", "C", "x12", "12a", "-4", "0", "insight:"}) {
    INFO(bad);
    auto key = store::incident_key(bad);
    REQUIRE_FALSE(key);
    CHECK(key.error().kind == ErrorKind::NotFound);
  }
}

TEST_CASE("checklist: a tick is saved per incident and device and survives reopening the store", "[checklist]") {
  test::TempDir dir;
  ingest_capture(dir);
  std::int64_t insight = 0;
  {
    auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
    REQUIRE(db);
    insight = insert_err_disable_insight(*db);
    auto incident = store::find_incident(*db, "insight:" + std::to_string(insight));
    REQUIRE(incident);
    CHECK(incident->signature == "err-disable");
    CHECK(incident->devices == std::vector<std::string>{kHost});
    CHECK(incident->site == "NYC");  // from the hostname pattern SITE-ZONE-ROLE-NN

    ScopedEnv user("STATETRACE_USER", "Dana (night shift)");
    CHECK(st::operator_name() == "Dana (night shift)");
    const std::string key = incident->key;
    REQUIRE(store::save_checklist_mark(*db, key, kHost,
                                       {"cause", true, st::operator_name(), st::utc_now_iso(), "bpduguard"}));
    REQUIRE(store::save_checklist_mark(*db, key, kHost, {"recovery-timer", true, "Dana (night shift)",
                                                         "2026-11-28T03:10:00Z", std::nullopt}));
    // Unticking keeps the note written before when no new one is given.
    REQUIRE(store::save_checklist_mark(*db, key, kHost, {"cause", false, "Lee", "2026-11-28T03:20:00Z", std::nullopt}));
    auto other_device = store::checklist_marks(*db, key, "NYC-B2-ACC-08");
    REQUIRE(other_device);
    CHECK(other_device->empty());
  }
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  auto marks = store::checklist_marks(*db, "insight:" + std::to_string(insight), kHost);
  REQUIRE(marks);
  REQUIRE(marks->size() == 2);
  CHECK((*marks)[0].item == "cause");
  CHECK_FALSE((*marks)[0].done);
  CHECK((*marks)[0].updated_by == "Lee");
  CHECK((*marks)[0].note == "bpduguard");
  CHECK((*marks)[1].item == "recovery-timer");
  CHECK((*marks)[1].done);
  CHECK((*marks)[1].updated_at == "2026-11-28T03:10:00Z");
  CHECK(scalar(*db, "SELECT COUNT(*) FROM checklist_progress") == 2);

  auto missing = store::find_incident(*db, "insight:" + std::to_string(insight + 1));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("checklist: without a display name the OS user name ticks", "[checklist]") {
  ScopedEnv user("STATETRACE_USER", nullptr);
  const passwd* pw = getpwuid(geteuid());
  REQUIRE(pw);
  CHECK(st::operator_name() == pw->pw_name);
  CHECK(is_utc_iso(st::utc_now_iso()));
}

TEST_CASE("checklist: the CLI ticks, lists and refuses bad incidents and items", "[checklist][cli]") {
  test::TempDir dir;
  ingest_capture(dir);
  std::string insight, cluster;
  {
    auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
    REQUIRE(db);
    insight = std::to_string(insert_err_disable_insight(*db));
    cluster = "C" + std::to_string(insert_power_cluster(*db));
  }
  const std::string env = "STATETRACE_USER='Dana'";

  auto tick = test::run_cli(dir, "checklist --incident " + insight + " --check cause --done --note 'bpduguard on AP port'",
                            "store.sqlite", env);
  REQUIRE(tick.status == 0);
  CHECK_THAT(tick.out, Catch::Contains("1 of 5 checks done on NYC-B2-ACC-07"));
  CHECK_THAT(tick.out, Catch::Contains("bpduguard on AP port"));

  auto listed = test::run_cli(dir, "checklist --incident insight:" + insight + " --json");
  REQUIRE(listed.status == 0);
  auto json = nlohmann::json::parse(listed.out);
  CHECK(json["incident"] == "insight:" + insight);
  CHECK(json["runbook"] == "runbooks/err-disable.md");
  CHECK(json["device"] == kHost);
  REQUIRE(json["items"].size() == 5);
  CHECK(json["items"][0]["id"] == "cause");
  CHECK(json["items"][0]["done"] == true);
  CHECK(json["items"][0]["who"] == "Dana");
  CHECK(is_utc_iso(json["items"][0]["when"].get<std::string>()));
  CHECK(json["items"][0]["note"] == "bpduguard on AP port");
  CHECK(json["items"][1]["done"] == false);
  CHECK(json["items"][1]["who"].is_null());
  // No escalation row yet: the runbook's contact and cue, for the insight's severity and site.
  CHECK(json["severity"] == "warning");
  CHECK(json["escalation"]["source"] == "runbook:runbooks/err-disable.md");
  CHECK(json["escalation"]["contact"] == "Network on-call engineer");
  REQUIRE(test::run_cli(dir, "escalation set --site NYC --severity warning --contact 'NYC field team'").status == 0);
  auto escalated = test::run_cli(dir, "checklist --incident " + insight);
  REQUIRE(escalated.status == 0);
  CHECK_THAT(escalated.out, Catch::Contains("escalate (warning at NYC): NYC field team, SLA next business day"));

  // A cluster's list is cluster-wide unless a device of the cluster is named.
  auto wide = test::run_cli(dir, "checklist --incident " + cluster + " --check feed --done", "store.sqlite", env);
  REQUIRE(wide.status == 0);
  auto on_device = test::run_cli(dir, "checklist --incident " + cluster + " --device NYC-B2-ACC-08 --json");
  REQUIRE(on_device.status == 0);
  auto device_json = nlohmann::json::parse(on_device.out);
  CHECK(device_json["device"] == "NYC-B2-ACC-08");
  CHECK(device_json["items"][2]["id"] == "feed");
  CHECK(device_json["items"][2]["done"] == false);

  auto bad_item = test::run_cli(dir, "checklist --incident " + insight + " --check reboot-it --done");
  CHECK(bad_item.status == 1);
  CHECK_THAT(bad_item.err, Catch::Contains("runbooks/err-disable.md has no checklist item 'reboot-it'"));
  auto no_insight = test::run_cli(dir, "checklist --incident 999");
  CHECK(no_insight.status == 1);
  CHECK_THAT(no_insight.err, Catch::Contains("no insight 999"));
  CHECK(test::run_cli(dir, "checklist --incident C999").status == 1);
  CHECK(test::run_cli(dir, "checklist --incident banana").status == 1);
  auto stranger = test::run_cli(dir, "checklist --incident " + cluster + " --device LAX-B1-ACC-01");
  CHECK(stranger.status == 1);
  CHECK_THAT(stranger.err, Catch::Contains("NYC-B2-ACC-08"));
  CHECK(test::run_cli(dir, "checklist --incident " + insight + " --check cause").status == 2);  // neither --done nor --undone
}

TEST_CASE("escalation: the site row beats the '*' row, which beats the runbook", "[escalation]") {
  test::TempDir dir;
  ingest_capture(dir);
  auto library = insights::RunbookLibrary::shipped();
  REQUIRE(library);
  const auto& runbook = *(*library)->find("err-disable");
  {
    auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
    REQUIRE(db);
    auto from_runbook = insights::escalation_for(*db, **library, "NYC", "warning", "err-disable");
    REQUIRE(from_runbook);
    CHECK(from_runbook->contact == runbook.escalation.contact);
    CHECK(from_runbook->sla == runbook.escalation.sla);
    CHECK(from_runbook->source == "runbook:runbooks/err-disable.md");

    REQUIRE(store::set_escalation_contact(*db, {"*", "warning", "NOC desk +1 555 0100", std::nullopt}));
    auto any_site = insights::escalation_for(*db, **library, "NYC", "warning", "err-disable");
    REQUIRE(any_site);
    CHECK(any_site->contact == "NOC desk +1 555 0100");
    CHECK(any_site->sla == runbook.escalation.sla);  // no SLA in the row: the runbook's
    CHECK(any_site->cue == runbook.escalation.cue);
    CHECK(any_site->source == "table:*/warning");

    auto refused = store::set_escalation_contact(*db, {"NYC", "urgent", "x", std::nullopt});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Usage);
  }
  auto set = test::run_cli(dir, "escalation set --site NYC --severity warning --contact 'NYC field team' --sla 2h");
  REQUIRE(set.status == 0);
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  auto site = insights::escalation_for(*db, **library, "NYC", "warning", "err-disable");
  REQUIRE(site);
  CHECK(site->contact == "NYC field team");
  CHECK(site->sla == "2h");
  auto other_site = insights::escalation_for(*db, **library, "LAX", "warning", "err-disable");
  REQUIRE(other_site);
  CHECK(other_site->contact == "NOC desk +1 555 0100");
  auto other_severity = insights::escalation_for(*db, **library, "NYC", "critical", "err-disable");
  REQUIRE(other_severity);
  CHECK(other_severity->source == "runbook:runbooks/err-disable.md");
  auto nobody = insights::escalation_for(*db, **library, "NYC", "critical", "no-such-signature");
  REQUIRE_FALSE(nobody);
  CHECK(nobody.error().kind == ErrorKind::NotFound);

  auto listed = test::run_cli(dir, "escalation list --json");
  REQUIRE(listed.status == 0);
  auto rows = nlohmann::json::parse(listed.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["site"] == "NYC");  // sites first, '*' last
  CHECK(rows[0]["sla"] == "2h");
  CHECK(rows[1]["site"] == "*");
  CHECK(rows[1]["sla"].is_null());
  CHECK(test::run_cli(dir, "escalation set --site NYC --severity urgent --contact x").status == 2);
}

TEST_CASE("runbook: the CLI prints the Markdown or its parts as JSON", "[runbooks][cli]") {
  test::TempDir dir;
  auto text = test::run_cli(dir, "runbook poe-fault");
  REQUIRE(text.status == 0);
  CHECK(text.out.starts_with("---\nsignatures: [poe-fault]"));
  CHECK_THAT(text.out, Catch::Contains("## Required checks"));

  auto json_run = test::run_cli(dir, "runbook poe-fault --json");
  REQUIRE(json_run.status == 0);
  auto json = nlohmann::json::parse(json_run.out);
  CHECK(json["severity"] == "warning");
  CHECK(json["checklist"][0]["id"] == "port-state");
  CHECK(json["next_commands"]["ruckus_fastiron"]["commands"][1] == "show inline power <interface>");
  CHECK(json["next_commands"]["arista_eos"]["vendor"] == "Arista EOS");

  auto unknown = test::run_cli(dir, "runbook poe-faults");
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no runbook for signature 'poe-faults'"));
}
