#include "ui/app_settings.h"

#include <QDir>
#include <QSettings>
#include <QVariant>

#include <memory>

#include "store/retention.h"

namespace st::ui {
namespace {

// Every key the shell stores, with its type and default.
template <class T>
struct Key {
  const char* name;
  T fallback;
};

const Key<QStringList> kRecentBundles{"bundles/recent", {}};
const Key<QString> kLastBundleDir{"bundles/lastDir", {}};
const Key<QByteArray> kWindowGeometry{"window/geometry", {}};
// One key per view under this group: "window/layout/devices", "window/layout/raw-log", ...
const Key<QByteArray> kViewLayout{"window/layout/", {}};
const Key<QString> kCurrentView{"window/currentView", {}};
const Key<QString> kTheme{"appearance/theme", QStringLiteral("system")};
const Key<int> kKeepRuns{"ingest/keepRuns", store::kDefaultKeepRuns};
const Key<QString> kTemplateDir{"ingest/templateDir", {}};
const Key<QString> kStorePath{"store/path", {}};
const Key<QString> kHostnamePattern{"ingest/hostnamePattern", {}};

}  // namespace

// QSettings is cheap to create; one per access keeps AppSettings a copyable value.
static std::unique_ptr<QSettings> open_settings(const QString& ini_path) {
  if (ini_path.isEmpty()) return std::make_unique<QSettings>();
  return std::make_unique<QSettings>(ini_path, QSettings::IniFormat);
}

template <class T>
static T read(const QString& ini_path, const Key<T>& key) {
  const QVariant value = open_settings(ini_path)->value(QLatin1String(key.name));
  return value.isValid() ? value.value<T>() : key.fallback;
}

template <class T>
static void write(const QString& ini_path, const Key<T>& key, const T& value) {
  open_settings(ini_path)->setValue(QLatin1String(key.name), QVariant::fromValue(value));
}

AppSettings AppSettings::atPath(const QString& ini_path) {
  AppSettings settings;
  settings.ini_path_ = ini_path;
  return settings;
}

QStringList push_recent(QStringList list, const QString& entry, int cap) {
  list.removeAll(entry);
  list.prepend(entry);
  while (list.size() > cap) list.removeLast();
  return list;
}

QStringList AppSettings::recentBundles() const {
  QStringList list = read(ini_path_, kRecentBundles);
  list.removeDuplicates();
  while (list.size() > kMaxRecentBundles) list.removeLast();
  return list;
}

void AppSettings::addRecentBundle(const QString& bundle) {
  write(ini_path_, kRecentBundles, push_recent(recentBundles(), QDir::cleanPath(bundle), kMaxRecentBundles));
}

void AppSettings::removeRecentBundle(const QString& bundle) {
  QStringList list = recentBundles();
  list.removeAll(bundle);
  write(ini_path_, kRecentBundles, list);
}

void AppSettings::clearRecentBundles() { write(ini_path_, kRecentBundles, QStringList{}); }

QString AppSettings::lastBundleDir() const {
  const QString dir = read(ini_path_, kLastBundleDir);
  return dir.isEmpty() ? QDir::homePath() : dir;
}

void AppSettings::setLastBundleDir(const QString& dir) { write(ini_path_, kLastBundleDir, dir); }

QByteArray AppSettings::windowGeometry() const { return read(ini_path_, kWindowGeometry); }

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
  write(ini_path_, kWindowGeometry, geometry);
}

QByteArray AppSettings::viewLayout(const QString& view) const {
  const QString key = QLatin1String(kViewLayout.name) + view;
  return open_settings(ini_path_)->value(key, kViewLayout.fallback).toByteArray();
}

void AppSettings::setViewLayout(const QString& view, const QByteArray& layout) {
  open_settings(ini_path_)->setValue(QLatin1String(kViewLayout.name) + view, layout);
}

QString AppSettings::currentView() const { return read(ini_path_, kCurrentView); }

void AppSettings::setCurrentView(const QString& view) { write(ini_path_, kCurrentView, view); }

Theme AppSettings::theme() const { return theme_from_name(read(ini_path_, kTheme)).value_or(Theme::System); }

void AppSettings::setTheme(Theme theme) { write(ini_path_, kTheme, theme_name(theme)); }

int AppSettings::keepRuns() const {
  bool ok = false;
  const int runs = open_settings(ini_path_)->value(QLatin1String(kKeepRuns.name), kKeepRuns.fallback).toInt(&ok);
  return ok && runs >= 0 ? runs : kKeepRuns.fallback;
}

void AppSettings::setKeepRuns(int runs) { write(ini_path_, kKeepRuns, runs < 0 ? 0 : runs); }

QString AppSettings::templateDir() const { return read(ini_path_, kTemplateDir); }

void AppSettings::setTemplateDir(const QString& dir) { write(ini_path_, kTemplateDir, dir); }

QString AppSettings::hostnamePattern() const { return read(ini_path_, kHostnamePattern); }

void AppSettings::setHostnamePattern(const QString& pattern) { write(ini_path_, kHostnamePattern, pattern); }

QString AppSettings::storePath() const { return read(ini_path_, kStorePath); }

void AppSettings::setStorePath(const QString& path) { write(ini_path_, kStorePath, path); }

QString AppSettings::fileName() const { return open_settings(ini_path_)->fileName(); }

}  // namespace st::ui
