#include "ui/views/rule_sample_pane.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "ui/background_call.h"
#include "ui/models/interface_status.h"
#include "ui/store_session.h"

namespace st::ui {

namespace {
constexpr qint64 kMaxSampleBytes = 64 << 20;
// The pane is a QPlainTextEdit: filling it costs GUI-thread time per byte.
constexpr std::size_t kMaxShownBytes = 512 * 1024;
// The chooser's data: >= 0 an embedded sample, kFileChoice the file, <= -2 a stored section.
constexpr int kFileChoice = -1;
}  // namespace

RuleSamplePane::RuleSamplePane(StoreSession& session, QWidget* parent)
    : QWidget(parent), session_(session), combo_(new QComboBox(this)), view_(new QPlainTextEdit(this)) {
  combo_->setObjectName(QStringLiteral("ruleSampleChooser"));
  view_->setObjectName(QStringLiteral("ruleSampleView"));
  view_->setReadOnly(true);
  view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  view_->setLineWrapMode(QPlainTextEdit::NoWrap);
  auto* file = new QPushButton(tr("Sample &File…"), this);
  file->setObjectName(QStringLiteral("ruleSampleFileButton"));
  auto* head = new QHBoxLayout;
  head->addWidget(new QLabel(tr("Preview on"), this));
  head->addWidget(combo_, 1);
  head->addWidget(file);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(head);
  layout->addWidget(view_);

  connect(file, &QPushButton::clicked, this, &RuleSamplePane::chooseFile);
  connect(combo_, &QComboBox::currentIndexChanged, this, &RuleSamplePane::onChosen);
  connect(view_->verticalScrollBar(), &QScrollBar::valueChanged, this, &RuleSamplePane::markVisibleLines);
  view_->viewport()->installEventFilter(this);
}

RuleSamplePane::~RuleSamplePane() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

bool RuleSamplePane::eventFilter(QObject* watched, QEvent* event) {
  if (watched == view_->viewport() && event->type() == QEvent::Resize) markVisibleLines();
  return QWidget::eventFilter(watched, event);
}

void RuleSamplePane::setRule(const QString& rule_id, const std::string& rule_text) {
  rule_id_ = rule_id;
  rule_text_ = rule_text;
  stored_.reset();
  stored_choice_ = 0;
  fill();
  findStored();
}

void RuleSamplePane::fill() {
  const QSignalBlocker block(combo_);
  const QVariant keep = combo_->currentData();
  combo_->clear();
  auto doc = nlohmann::ordered_json::parse(rule_text_, nullptr, false);
  if (!doc.is_discarded() && doc.is_object() && doc.contains("samples") && doc["samples"].is_array()) {
    int index = 0;
    for (const auto& sample : doc["samples"]) {
      const QString name = QString::fromStdString(sample.is_object() ? sample.value("name", std::string()) : std::string());
      combo_->addItem(tr("Sample %1: %2").arg(index + 1).arg(name), index);
      ++index;
    }
  }
  if (file_text_) combo_->addItem(tr("File: %1").arg(file_name_), kFileChoice);
  if (stored_) {
    for (std::size_t i = 0; i < stored_->size(); ++i) {
      combo_->addItem(tr("Stored: %1").arg(QString::fromStdString((*stored_)[i].label)), -2 - int(i));
    }
  }
  if (combo_->count() == 0) combo_->addItem(tr("(no sample: choose a file)"), 0);
  if (const int at = combo_->findData(keep); at >= 0) combo_->setCurrentIndex(at);
}

void RuleSamplePane::findStored() {
  run_in_background(
      this, [path = session_.storePath(), text = rule_text_] { return find_stored_samples(path, text); },
      [this, id = rule_id_](const StoredSamples& found) {
        if (id != rule_id_) return;  // another rule was opened since
        if (found.error) {
          emit failed(tr("Reading the stored sections failed"), *found.error);
          return;
        }
        stored_ = found.samples;
        fill();
        emit storedSamplesListed(int(stored_->size()));
      });
}

void RuleSamplePane::onChosen() {
  const int choice = combo_->currentData().toInt();
  if (choice > -2 || !stored_ || choice == stored_choice_) {
    emit sampleChanged();
    return;
  }
  const std::size_t index = std::size_t(-2 - choice);
  if (index >= stored_->size()) return;
  emit status(tr("Reading the stored section…"));
  run_in_background(
      this, [path = session_.storePath(), sample = (*stored_)[index]] { return read_stored_sample(path, sample); },
      [this, choice, samples = stored_](const SampleText& text) {
        if (samples != stored_) return;  // another rule was opened since
        if (text.error) {
          emit failed(tr("Reading the stored section failed"), *text.error);
          return;
        }
        stored_text_ = text.text;
        stored_choice_ = choice;
        if (combo_->currentData().toInt() == choice) emit sampleChanged();
      });
}

bool RuleSamplePane::setSampleFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return false;
  if (file.size() > kMaxSampleBytes) {
    emit status(tr("%1 is larger than 64 MB: choose a smaller sample.").arg(QFileInfo(path).fileName()));
    return false;
  }
  const QByteArray bytes = file.readAll();
  file_text_ = std::string(bytes.constData(), std::size_t(bytes.size()));
  file_name_ = QFileInfo(path).fileName();
  fill();
  {
    const QSignalBlocker block(combo_);
    combo_->setCurrentIndex(combo_->findData(kFileChoice));
  }
  emit sampleChanged();
  return true;
}

void RuleSamplePane::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Sample Log"), QString(),
                                                    tr("Captures and text (*.log *.txt);;All files (*)"));
  if (!path.isEmpty() && !setSampleFile(path)) {
    emit failed(tr("Reading the sample failed"), Error{ErrorKind::Io, "cannot read the file", path.toStdString(), {}, {}, {}});
  }
}

bool RuleSamplePane::fillInput(rules::RuleTestInput& input) const {
  const int choice = combo_->currentData().toInt();
  if (choice <= -2) {
    if (choice != stored_choice_) return false;  // the section is being read: sampleChanged() follows
    input.sample = stored_text_;
  } else if (choice == kFileChoice && file_text_) {
    input.sample = *file_text_;
  } else {
    input.sample_index = std::size_t(std::max(choice, 0));
  }
  return true;
}

void RuleSamplePane::showReport(const rules::RuleTestReport& report) {
  if (report.sample != shown_) {
    shown_ = report.sample;
    std::string_view shown = shown_;
    truncated_ = shown.size() > kMaxShownBytes;
    if (truncated_) {
      shown = shown.substr(0, kMaxShownBytes);
      shown = shown.substr(0, shown.rfind('\n') + 1);
    }
    view_->setPlainText(QString::fromUtf8(shown.data(), qsizetype(shown.size())));
  }
  matched_.clear();
  for (const auto& record : report.run.records) {
    for (auto line : record.lines) matched_.push_back(int(line));
  }
  std::sort(matched_.begin(), matched_.end());
  matched_.erase(std::unique(matched_.begin(), matched_.end()), matched_.end());
  failed_lines_.clear();
  for (const auto& p : report.problems) {
    if (p.sample_line) failed_lines_.push_back(int(*p.sample_line));
  }
  std::sort(failed_lines_.begin(), failed_lines_.end());
  markVisibleLines();
}

// Extra selections cost GUI time per line: only the lines on screen are marked, again on
// every scroll or resize.
void RuleSamplePane::markVisibleLines() {
  const bool dark = is_dark_palette(palette());
  QList<QTextEdit::ExtraSelection> selections;
  const QRect area = view_->viewport()->rect();
  QTextBlock block = view_->cursorForPosition(area.topLeft()).block();
  const int last = view_->cursorForPosition(area.bottomLeft()).block().blockNumber();
  for (; block.isValid() && block.blockNumber() <= last; block = block.next()) {
    const int line = block.blockNumber() + 1;
    const bool failed = std::binary_search(failed_lines_.begin(), failed_lines_.end(), line);
    if (!failed && !std::binary_search(matched_.begin(), matched_.end(), line)) continue;
    QTextEdit::ExtraSelection s;
    s.cursor = QTextCursor(block);
    s.format.setBackground(failed ? (dark ? QColor(0x5c, 0x22, 0x22) : QColor(0xfd, 0xdc, 0xdc))
                                  : (dark ? QColor(0x1f, 0x4d, 0x2c) : QColor(0xd7, 0xf5, 0xdd)));
    s.format.setProperty(QTextFormat::FullWidthSelection, true);
    selections << s;
  }
  view_->setExtraSelections(selections);
}

}  // namespace st::ui
