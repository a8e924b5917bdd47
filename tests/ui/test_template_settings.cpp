// Issue #4 in the GUI: the template folder setting (Edit → Preferences…) and GUI ingests
// that parse like `statetrace-cli ingest --templates DIR`: template records and the store's
// user rules land in the store.
#include <catch2/catch.hpp>

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <fstream>
#include <sstream>
#include <string_view>

#include "store/record_listing.h"
#include "store/rule_store.h"
#include "store/store.h"
#include "ui/app_settings.h"
#include "ui/ingest_controller.h"
#include "ui/main_window.h"
#include "ui/views/settings_dialog.h"
#include "ui_test_support.h"

using st::ui::MainWindow;
using st::ui::SettingsDialog;
namespace t = st::ui::test;

namespace {

void write(const QString& path, const std::string& text) {
  std::ofstream out(path.toStdString(), std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// An ntc-style folder: an index and one template for `show vtp status` (a command no
// shipped rule takes, so the folder's catch-all answers it).
void write_template_dir(const QString& dir) {
  write(dir + QStringLiteral("/index"),
        "Template, Hostname, Platform, Command\n\n"
        "cisco_ios_show_vtp_status.textfsm, .*, cisco_ios, sh[[ow]] vtp s[[tatus]]\n");
  write(dir + QStringLiteral("/cisco_ios_show_vtp_status.textfsm"),
        "Value VERSION (\\d+)\nValue DOMAIN (\\S+)\n\nStart\n"
        "  ^VTP version running\\s+:\\s+${VERSION}\n"
        "  ^VTP Domain Name\\s+:\\s+${DOMAIN} -> Record\n");
}

// The fixture's first switch with `show vtp status` and `show inventory` added before `exit`.
void write_bundle(const QString& dir) {
  std::string capture = read(t::fixture_bundle() / "BR2-F1-ACC-01.log");
  capture.erase(capture.rfind("BR2-F1-ACC-01#exit"));
  capture +=
      "BR2-F1-ACC-01#show vtp status\n"
      "VTP Version capable             : 1 to 3\n"
      "VTP version running             : 2\n"
      "VTP Domain Name                 : BRANCH2\n"
      "BR2-F1-ACC-01#show inventory\n"
      "NAME: \"1\", DESCR: \"WS-C2960X-48FPD-L\"\n"
      "PID: WS-C2960X-48FPD-L  , VID: V05  , SN: FOC2101X0AB\n"
      "BR2-F1-ACC-01#exit\n";
  write(dir + QStringLiteral("/BR2-F1-ACC-01.log"), capture);
}

// A user rule for `show inventory`, saved in the store as `statetrace-cli parsers save` does.
const char* kInventoryRule = R"json({"id": "lab/inventory", "kind": "regex", "version": 1,
  "applies_to": [{"platform": "cisco_ios", "command": "show inventory"}],
  "output": {"table": "records"},
  "regex": {"patterns": ["^NAME: \"(?P<name>[^\"]*)\", DESCR: \"(?P<descr>[^\"]*)\""]}})json";

}  // namespace

TEST_CASE("preferences validate the template folder and GUI ingests use it and the store's rules",
          "[ui][settings][rules]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString templates = dir.filePath(QStringLiteral("templates"));
  const QString broken = dir.filePath(QStringLiteral("broken"));
  const QString bundle = dir.filePath(QStringLiteral("bundle"));
  REQUIRE(QDir().mkpath(templates));
  REQUIRE(QDir().mkpath(broken));
  REQUIRE(QDir().mkpath(bundle));
  write_template_dir(templates);
  write(broken + QStringLiteral("/index"),
        "Template, Hostname, Platform, Command\n\nx.textfsm, .*, cisco_ios, (sh\n");
  write_bundle(bundle);

  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadWrite);
    REQUIRE(db);
    REQUIRE(st::store::save_rule_version(*db, st::store::RuleSave{"lab/inventory", kInventoryRule, "user", {}, "saved"}));
  }

  auto settings = st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  MainWindow window(store, settings);
  REQUIRE(window.preferencesAction() != nullptr);
  CHECK(window.preferencesAction()->menuRole() == QAction::PreferencesRole);
  window.preferencesAction()->trigger();
  auto* dialog = window.findChild<SettingsDialog*>();
  REQUIRE(dialog != nullptr);
  auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("templateDirEdit"));
  auto* status = dialog->findChild<QLabel*>(QStringLiteral("templateDirStatus"));
  auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
  REQUIRE(edit);
  REQUIRE(status);
  CHECK(ok->isEnabled());  // no folder is a valid choice

  // A folder without an index, then one whose index does not parse: the error names the
  // index file and its line, and OK stays disabled.
  edit->setText(bundle);
  CHECK_FALSE(ok->isEnabled());
  CHECK(dialog->problem().contains(QStringLiteral("index")));
  edit->setText(broken);
  CHECK_FALSE(ok->isEnabled());
  CHECK(dialog->problem().contains(broken + QStringLiteral("/index:3:")));
  CHECK(status->text().contains(QStringLiteral("index:3:")));
  CHECK(dialog->problem().contains(QStringLiteral("invalid regular expression")));
  edit->setText(dir.filePath(QStringLiteral("nowhere")));
  CHECK_FALSE(ok->isEnabled());
  CHECK(dialog->problem().contains(QStringLiteral("no such template folder")));

  edit->setText(templates);
  CHECK(dialog->problem().isEmpty());
  REQUIRE(ok->isEnabled());
  ok->click();
  CHECK(settings.templateDir() == templates);
  CHECK(st::ui::AppSettings::atPath(settings.fileName()).templateDir() == templates);  // persisted

  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  window.ingestBundle(bundle);
  REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
  const auto outcome = finished.at(0).at(0).value<st::ui::IngestOutcome>();
  INFO((outcome.error ? outcome.error->describe() : std::string()));
  REQUIRE(outcome.summary.has_value());

  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto vtp = st::store::list_records(*db, st::store::ListingFilter{}, std::string("show vtp status"));
  REQUIRE(vtp);
  REQUIRE(vtp->size() == 1);
  CHECK((*vtp)[0].parser == "templates:templates");
  CHECK((*vtp)[0].device == "BR2-F1-ACC-01");
  CHECK((*vtp)[0].row["VERSION"] == "2");
  CHECK((*vtp)[0].row["DOMAIN"] == "BRANCH2");
  CHECK((*vtp)[0].source.length > 0);

  auto inventory = st::store::list_records(*db, st::store::ListingFilter{}, std::string("show inventory"));
  REQUIRE(inventory);
  REQUIRE(inventory->size() == 1);
  CHECK((*inventory)[0].parser == "rule:user:lab/inventory");
  CHECK((*inventory)[0].row["descr"] == "WS-C2960X-48FPD-L");

  // A folder that broke since it was chosen: the dialog opens on it and shows the problem.
  settings.setTemplateDir(broken);
  window.preferencesAction()->trigger();
  auto dialogs = window.findChildren<SettingsDialog*>();
  REQUIRE(!dialogs.isEmpty());
  SettingsDialog* again = dialogs.last();
  CHECK(again->templateDir() == broken);
  CHECK_FALSE(again->problem().isEmpty());
  again->reject();
}

TEST_CASE("preferences set the hostname pattern that ingests read site and zone from", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString bundle = dir.filePath(QStringLiteral("bundle"));
  REQUIRE(QDir().mkpath(bundle));
  write_bundle(bundle);
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  auto settings = st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  MainWindow window(store, settings);
  window.preferencesAction()->trigger();
  auto* dialog = window.findChild<SettingsDialog*>();
  REQUIRE(dialog != nullptr);
  auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("hostnamePatternEdit"));
  auto* status = dialog->findChild<QLabel*>(QStringLiteral("hostnamePatternStatus"));
  auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
  REQUIRE(edit);
  REQUIRE(status);
  // Empty is the built-in pattern, shown applied to an example.
  CHECK(ok->isEnabled());
  CHECK(status->text().contains(QStringLiteral("site HQ, zone B1")));
  // A pattern that does not compile, then one without a site group: OK stays disabled.
  edit->setText(QStringLiteral("^(?<site>[A-Z+"));
  CHECK_FALSE(ok->isEnabled());
  CHECK(dialog->problem().contains(QStringLiteral("site pattern")));
  edit->setText(QStringLiteral("^(?<zone>[A-Z0-9]+)-"));
  CHECK_FALSE(ok->isEnabled());
  CHECK(dialog->problem().contains(QStringLiteral("site")));
  // Zone first, then site: "BR2-F1-ACC-01" is site F1, zone BR2.
  const QString swapped = QStringLiteral("^(?<zone>[A-Z0-9]+)-(?<site>[A-Z0-9]+)-[A-Z]+-[0-9]+$");
  edit->setText(swapped);
  REQUIRE(ok->isEnabled());
  CHECK(status->text().contains(QStringLiteral("site B1, zone HQ")));
  ok->click();
  CHECK(st::ui::AppSettings::atPath(settings.fileName()).hostnamePattern() == swapped);

  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  window.ingestBundle(bundle);
  REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto devices = st::store::list_devices(*db, st::store::ListingFilter{});
  REQUIRE(devices);
  REQUIRE(devices->size() == 1);
  CHECK((*devices)[0].hostname == "BR2-F1-ACC-01");
  CHECK((*devices)[0].site == "F1");
  CHECK((*devices)[0].zone == std::optional<std::string>("BR2"));
}

TEST_CASE("preferences show the window's store and hand Open… / New… to the window", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("store.sqlite"));
  auto settings = st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  MainWindow window(path.toStdString(), settings);
  for (const char* button : {"openStoreButton", "newStoreButton"}) {
    INFO(button);
    window.preferencesAction()->trigger();
    auto* dialog = window.findChild<SettingsDialog*>();
    REQUIRE(dialog != nullptr);
    auto* store_edit = dialog->findChild<QLineEdit*>(QStringLiteral("storePathEdit"));
    REQUIRE(store_edit);
    CHECK(store_edit->isReadOnly());
    CHECK(dialog->storePath() == path);
    // The window's file dialogs would wait for a person: listen to the request instead.
    QObject::disconnect(dialog, &SettingsDialog::openStoreRequested, &window, nullptr);
    QObject::disconnect(dialog, &SettingsDialog::newStoreRequested, &window, nullptr);
    QSignalSpy open(dialog, &SettingsDialog::openStoreRequested);
    QSignalSpy fresh(dialog, &SettingsDialog::newStoreRequested);
    auto* push = dialog->findChild<QPushButton*>(QString::fromLatin1(button));
    REQUIRE(push);
    push->click();
    CHECK(open.count() == (std::string_view(button) == "openStoreButton" ? 1 : 0));
    CHECK(fresh.count() == (std::string_view(button) == "newStoreButton" ? 1 : 0));
    CHECK(dialog->result() == QDialog::Rejected);  // closed, nothing saved
    CHECK_FALSE(dialog->isVisible());
    delete dialog;
  }
}
