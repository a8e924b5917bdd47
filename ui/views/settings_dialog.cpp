#include "ui/views/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <filesystem>

#include "ingest/ingest_pipeline.h"
#include "ingest/site_resolver.h"
#include "rules/template_directory.h"
#include "store/retention.h"
#include "ui/models/interface_status.h"

namespace st::ui {
namespace {

// Red that reads on the dialog's window colour in light and dark themes.
QString problem_colour(const QPalette& palette) {
  return is_dark_palette(palette) ? QStringLiteral("#ff8a80") : QStringLiteral("#b00020");
}

}  // namespace

SettingsDialog::SettingsDialog(const QString& template_dir, const QString& hostname_pattern, QWidget* parent)
    : QDialog(parent),
      store_edit_(new QLineEdit(this)),
      dir_edit_(new QLineEdit(this)),
      status_(new QLabel(this)),
      pattern_edit_(new QLineEdit(this)),
      pattern_status_(new QLabel(this)),
      keep_runs_(new QSpinBox(this)),
      theme_box_(new QComboBox(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Preferences"));
  setObjectName(QStringLiteral("settingsDialog"));
  dir_edit_->setObjectName(QStringLiteral("templateDirEdit"));
  dir_edit_->setPlaceholderText(tr("none: only built-in parsers and rules"));
  dir_edit_->setClearButtonEnabled(true);
  dir_edit_->setMinimumWidth(360);
  auto* browse = new QPushButton(tr("&Browse…"), this);
  browse->setObjectName(QStringLiteral("templateDirBrowse"));
  status_->setObjectName(QStringLiteral("templateDirStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  pattern_edit_->setObjectName(QStringLiteral("hostnamePatternEdit"));
  pattern_edit_->setPlaceholderText(QString::fromUtf8(ingest::kDefaultSitePattern.data(),
                                                      static_cast<qsizetype>(ingest::kDefaultSitePattern.size())));
  pattern_edit_->setClearButtonEnabled(true);
  pattern_status_->setObjectName(QStringLiteral("hostnamePatternStatus"));
  pattern_status_->setWordWrap(true);
  pattern_status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  keep_runs_->setObjectName(QStringLiteral("keepRunsSpin"));
  keep_runs_->setRange(0, 9999);
  keep_runs_->setSpecialValueText(tr("every run"));  // 0: nothing is pruned
  keep_runs_->setSuffix(tr(" runs"));
  keep_runs_->setValue(store::kDefaultKeepRuns);
  keep_runs_->setToolTip(tr("Each device keeps its newest N runs in full; older snapshots keep their counts, "
                            "changes and raw logs (like statetrace-cli ingest --keep-runs)."));
  theme_box_->setObjectName(QStringLiteral("themeBox"));
  theme_box_->addItem(tr("System"), QVariant::fromValue(static_cast<int>(Theme::System)));
  theme_box_->addItem(tr("Light"), QVariant::fromValue(static_cast<int>(Theme::Light)));
  theme_box_->addItem(tr("Dark"), QVariant::fromValue(static_cast<int>(Theme::Dark)));

  store_edit_->setObjectName(QStringLiteral("storePathEdit"));
  store_edit_->setReadOnly(true);
  auto* open_store = new QPushButton(tr("&Open…"), this);
  open_store->setObjectName(QStringLiteral("openStoreButton"));
  auto* new_store = new QPushButton(tr("&New…"), this);
  new_store->setObjectName(QStringLiteral("newStoreButton"));
  connect(open_store, &QPushButton::clicked, this, [this] {
    reject();
    emit openStoreRequested();
  });
  connect(new_store, &QPushButton::clicked, this, [this] {
    reject();
    emit newStoreRequested();
  });
  auto* store_row = new QHBoxLayout;
  store_row->addWidget(store_edit_, 1);
  store_row->addWidget(open_store);
  store_row->addWidget(new_store);

  auto* row = new QHBoxLayout;
  row->addWidget(dir_edit_, 1);
  row->addWidget(browse);
  auto* form = new QFormLayout;
  form->addRow(tr("&Store:"), store_row);
  form->addRow(tr("&Template folder:"), row);
  form->addRow(QString(), status_);
  form->addRow(tr("&Hostname pattern:"), pattern_edit_);
  form->addRow(QString(), pattern_status_);
  form->addRow(tr("&Keep per device:"), keep_runs_);
  form->addRow(tr("T&heme:"), theme_box_);
  auto* help = new QLabel(
      tr("An ntc-templates style folder: an <code>index</code> and its .textfsm files. Every ingest "
         "parses the commands its index covers (and no other parser takes) into records, like "
         "<code>statetrace-cli ingest --templates DIR</code>."),
      this);
  help->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(help);
  layout->addStretch(1);
  layout->addWidget(buttons_);

  connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseFolder);
  connect(dir_edit_, &QLineEdit::textChanged, this, &SettingsDialog::validate);
  connect(pattern_edit_, &QLineEdit::textChanged, this, &SettingsDialog::validate);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  dir_edit_->setText(template_dir);
  pattern_edit_->setText(hostname_pattern);
  validate();
}

QString SettingsDialog::hostnamePattern() const { return pattern_edit_->text().trimmed(); }

void SettingsDialog::setHostnamePattern(const QString& pattern) { pattern_edit_->setText(pattern); }

Theme SettingsDialog::theme() const { return static_cast<Theme>(theme_box_->currentData().toInt()); }

void SettingsDialog::setTheme(Theme theme) {
  theme_box_->setCurrentIndex(theme_box_->findData(QVariant::fromValue(static_cast<int>(theme))));
}

int SettingsDialog::keepRuns() const { return keep_runs_->value(); }

void SettingsDialog::setKeepRuns(int runs) { keep_runs_->setValue(runs); }

QString SettingsDialog::templateDir() const {
  const QString text = dir_edit_->text().trimmed();
  return text.isEmpty() ? QString() : QDir::cleanPath(text);
}

void SettingsDialog::setTemplateDir(const QString& dir) { dir_edit_->setText(dir); }

void SettingsDialog::setStorePath(const QString& path) { store_edit_->setText(QDir::toNativeSeparators(path)); }

QString SettingsDialog::storePath() const { return QDir::fromNativeSeparators(store_edit_->text()); }

void SettingsDialog::chooseFolder() {
  const QString start = templateDir().isEmpty() ? QDir::homePath() : templateDir();
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Template Folder"), start);
  if (!dir.isEmpty()) dir_edit_->setText(QDir::toNativeSeparators(dir));
}

// The index is a small text file and the pattern one regex: checking both on the GUI thread
// as the user types is cheap.
void SettingsDialog::validate() {
  QString pattern_problem;
  const QString pattern = hostnamePattern();
  const std::string effective = pattern.isEmpty() ? std::string(ingest::kDefaultSitePattern) : pattern.toStdString();
  if (auto sites = ingest::SiteResolver::create(effective, std::nullopt); !sites) {
    pattern_problem = QString::fromStdString(sites.error().describe());
    pattern_status_->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(problem_colour(palette()), pattern_problem.toHtmlEscaped()));
  } else {
    const std::string example = "HQ-B1-ACC-01";
    const auto zone = sites->zone_for(example);
    pattern_status_->setText(tr("%1 → site %2, zone %3")
                                 .arg(QString::fromStdString(example), QString::fromStdString(sites->site_for(example)),
                                      zone ? QString::fromStdString(*zone) : tr("none")));
  }
  const QString dir = templateDir();
  if (dir.isEmpty()) {
    problem_.clear();
    status_->setText(tr("No template folder: ingests use the built-in parsers and rules."));
  } else if (auto checked = rules::check_template_directory(std::filesystem::path(dir.toStdString())); !checked) {
    problem_ = QString::fromStdString(checked.error().describe());
    status_->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(problem_colour(palette()), problem_.toHtmlEscaped()));
  } else {
    problem_.clear();
    status_->setText(tr("The index loads: every ingest uses this folder."));
  }
  if (problem_.isEmpty()) problem_ = pattern_problem;
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem_.isEmpty());
}

}  // namespace st::ui
