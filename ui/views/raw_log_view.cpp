#include "ui/views/raw_log_view.h"

#include <QAction>
#include <QCheckBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMetaObject>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

#include "ui/models/raw_file.h"
#include "ui/store_session.h"
#include "ui/views/raw_text_view.h"

namespace st::ui {
namespace {

// "123456", "0x1e240" -> the offset; nullopt for anything else.
std::optional<std::uint64_t> parse_offset(const QString& text) {
  const QString trimmed = text.trimmed();
  bool ok = false;
  const qulonglong value = trimmed.startsWith(QStringLiteral("0x"), Qt::CaseInsensitive)
                               ? trimmed.mid(2).toULongLong(&ok, 16)
                               : trimmed.toULongLong(&ok, 10);
  if (!ok) return std::nullopt;
  return static_cast<std::uint64_t>(value);
}

QString byte_size_text(std::uint64_t bytes) {
  return QLocale::c().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

template <class Work>
void run_task(QObject* owner, Work work) {
  auto* watcher = new QFutureWatcher<void>(owner);
  QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace

RawLogView::RawLogView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      file_label_(new QLabel(this)),
      find_edit_(new QLineEdit(this)),
      previous_(new QToolButton(this)),
      next_(new QToolButton(this)),
      match_case_(new QCheckBox(tr("Match case"), this)),
      cancel_find_(new QPushButton(tr("Cancel"), this)),
      offset_edit_(new QLineEdit(this)),
      text_(new RawTextView(this)),
      status_(new QLabel(this)),
      find_status_(new QLabel(this)) {
  setObjectName(QStringLiteral("rawLogView"));
  QFont title_font = file_label_->font();
  title_font.setBold(true);
  file_label_->setFont(title_font);
  file_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  file_label_->setText(tr("Raw log — choose a row and Show in Raw Log (Ctrl+R)"));

  find_edit_->setPlaceholderText(tr("Find in file (Ctrl+F)"));
  find_edit_->setClearButtonEnabled(true);
  find_edit_->setMinimumWidth(220);
  previous_->setText(tr("Previous"));
  previous_->setToolTip(tr("Find previous (Shift+F3)"));
  next_->setText(tr("Next"));
  next_->setToolTip(tr("Find next (F3 or Enter)"));
  cancel_find_->setVisible(false);
  cancel_find_->setToolTip(tr("Stop searching (Esc)"));
  offset_edit_->setPlaceholderText(tr("Go to offset (Ctrl+G)"));
  offset_edit_->setToolTip(tr("A byte offset in the file: decimal, or hex with 0x"));
  offset_edit_->setMaximumWidth(180);
  find_status_->setForegroundRole(QPalette::PlaceholderText);
  status_->setForegroundRole(QPalette::PlaceholderText);
  text_->setObjectName(QStringLiteral("rawText"));

  auto* bar = new QHBoxLayout;
  bar->addWidget(file_label_, 1);
  bar->addWidget(find_edit_);
  bar->addWidget(previous_);
  bar->addWidget(next_);
  bar->addWidget(match_case_);
  bar->addWidget(cancel_find_);
  bar->addSpacing(12);
  bar->addWidget(offset_edit_);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(status_, 1);
  bottom->addWidget(find_status_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 6, 4, 4);
  layout->addLayout(bar);
  layout->addWidget(text_, 1);
  layout->addLayout(bottom);
  setFocusProxy(text_);

  auto add_action = [this](const QString& text, const QKeySequence& keys, auto slot) {
    auto* action = new QAction(text, this);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
  };
  add_action(tr("Find Next"), QKeySequence(Qt::Key_F3), &RawLogView::findNext);
  add_action(tr("Find Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3), &RawLogView::findPrevious);
  add_action(tr("Go to Offset"), QKeySequence(Qt::CTRL | Qt::Key_G), [this] {
    offset_edit_->setFocus(Qt::ShortcutFocusReason);
    offset_edit_->selectAll();
  });
  add_action(tr("Cancel Find"), QKeySequence(Qt::Key_Escape), &RawLogView::cancelFind);

  connect(find_edit_, &QLineEdit::returnPressed, this, &RawLogView::findNext);
  connect(next_, &QToolButton::clicked, this, &RawLogView::findNext);
  connect(previous_, &QToolButton::clicked, this, &RawLogView::findPrevious);
  connect(cancel_find_, &QPushButton::clicked, this, &RawLogView::cancelFind);
  connect(find_edit_, &QLineEdit::textChanged, this, [this] {
    cancelFind();
    text_->setMatch(std::nullopt);
    find_status_->clear();
  });
  connect(offset_edit_, &QLineEdit::returnPressed, this, [this] {
    if (const auto offset = parse_offset(offset_edit_->text())) goToOffset(*offset);
    else find_status_->setText(tr("Not an offset: %1").arg(offset_edit_->text()));
  });
  connect(text_, &RawTextView::topLineChanged, this, &RawLogView::updateStatus);
  updateStatus();
}

RawLogView::~RawLogView() {
  if (index_cancel_) index_cancel_->store(true);
  if (find_cancel_) find_cancel_->store(true);
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void RawLogView::open(const RawLocation& location) {
  const bool same_file = location_ && location_->run == location.run && location_->file == location.file;
  location_ = location;
  updateHeader();
  if (!same_file) {
    cancelFind();
    text_->setFile(nullptr);
    file_size_ = 0;
    scanned_ = 0;
    startIndex();
  }
  text_->setHighlight(location.range);
  text_->setMatch(std::nullopt);
  text_->scrollToOffset(location.range.offset);
  updateStatus();
}

void RawLogView::startIndex() {
  if (index_cancel_) index_cancel_->store(true);
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  index_cancel_ = cancel;
  const auto generation = ++index_generation_;
  run_task(this, [this, generation, cancel, store = session_.storePath(), run = location_->run,
                  path = location_->file] {
    auto post_error = [&](const QString& what, Error error) {
      QMetaObject::invokeMethod(
          this,
          [this, generation, what, error = std::move(error)] {
            if (generation == index_generation_) onTaskFailed(what, error);
          },
          Qt::QueuedConnection);
    };
    // One reader for the GUI thread (it paints the visible lines), one for the scan.
    auto shown = RawFile::open(store, run, path);
    if (!shown) {
      post_error(tr("Opening the raw log failed"), shown.error());
      return;
    }
    auto scan = RawFile::open(store, run, path);
    if (!scan) {
      post_error(tr("Opening the raw log failed"), scan.error());
      return;
    }
    auto shared = std::make_shared<RawFile>(std::move(*shown));
    QMetaObject::invokeMethod(this, [this, generation, shared] { onOpened(generation, shared); },
                              Qt::QueuedConnection);
    auto built = build_line_index(*scan, *cancel, [&](LineIndexPiece&& piece) {
      QMetaObject::invokeMethod(
          this, [this, generation, piece = std::move(piece)] { onPiece(generation, piece); },
          Qt::QueuedConnection);
    });
    if (!built && built.error().kind != ErrorKind::Cancelled)
      post_error(tr("Indexing the raw log failed"), built.error());
  });
}

void RawLogView::onOpened(std::uint64_t generation, std::shared_ptr<RawFile> file) {
  if (generation != index_generation_) return;
  file_size_ = file->size();
  const auto highlight = text_->highlight();
  text_->setFile(std::move(file));
  text_->setHighlight(highlight);
  if (location_) text_->scrollToOffset(location_->range.offset);
  updateHeader();
  updateStatus();
  emit fileOpened(QString::fromStdString(location_ ? location_->file : std::string()));
}

void RawLogView::onPiece(std::uint64_t generation, const LineIndexPiece& piece) {
  if (generation != index_generation_) return;
  scanned_ = piece.scanned_to;
  text_->appendIndex(piece);
  if (piece.done) index_cancel_.reset();
  updateStatus();
  if (piece.done) emit indexFinished(text_->lineCount());
}

void RawLogView::onTaskFailed(const QString& what, const Error& error) {
  index_cancel_.reset();
  updateStatus();
  find_status_->setText(what);
  emit failed(what, error);
}

void RawLogView::focusFind() {
  find_edit_->setFocus(Qt::ShortcutFocusReason);
  find_edit_->selectAll();
}

void RawLogView::findNext() { startFind(false); }
void RawLogView::findPrevious() { startFind(true); }

void RawLogView::cancelFind() {
  if (!find_cancel_) return;
  find_cancel_->store(true);
  find_cancel_.reset();
  ++find_generation_;  // drop the answer
  cancel_find_->setVisible(false);
  find_status_->setText(tr("Search cancelled"));
}

void RawLogView::startFind(bool backward) {
  if (!location_ || find_edit_->text().isEmpty()) return;
  if (find_cancel_) find_cancel_->store(true);
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  find_cancel_ = cancel;
  const auto generation = ++find_generation_;

  FindRequest request;
  request.needle = find_edit_->text().toStdString();
  request.match_case = match_case_->isChecked();
  request.backward = backward;
  if (const auto match = text_->match()) request.from = backward ? match->offset : match->offset + 1;
  else if (text_->highlight() && text_->lineAt(text_->highlight()->offset) >= text_->firstVisibleLine())
    request.from = text_->highlight()->offset;
  else request.from = text_->topOffset();

  cancel_find_->setVisible(true);
  find_status_->setText(tr("Searching…"));
  run_task(this, [this, generation, cancel, request, store = session_.storePath(), run = location_->run,
                  path = location_->file] {
    Result<FindResult> result = [&]() -> Result<FindResult> {
      ST_TRY(auto file, RawFile::open(store, run, path));
      return find_in_file(file, request, *cancel);
    }();
    QMetaObject::invokeMethod(
        this,
        [this, generation, result = std::move(result)] {
          if (generation != find_generation_) return;  // cancelled or superseded
          find_cancel_.reset();
          cancel_find_->setVisible(false);
          if (!result) {
            find_status_->setText(tr("Find failed"));
            emit failed(tr("Searching the raw log failed"), result.error());
            emit findFinished(false);
            return;
          }
          if (!result->match) {
            text_->setMatch(std::nullopt);
            find_status_->setText(tr("Not found: %1").arg(find_edit_->text()));
            emit findFinished(false);
            return;
          }
          text_->setMatch(result->match);
          text_->scrollToOffset(result->match->offset);
          find_status_->setText(result->wrapped ? tr("Found at offset %1 (wrapped around)").arg(result->match->offset)
                                                : tr("Found at offset %1").arg(result->match->offset));
          emit findFinished(true);
        },
        Qt::QueuedConnection);
  });
}

void RawLogView::goToOffset(std::uint64_t offset) {
  if (!location_) return;
  if (file_size_ > 0 && offset >= file_size_) {
    find_status_->setText(tr("Offset %1 is past the end of the file (%2 bytes)").arg(offset).arg(file_size_));
    return;
  }
  text_->scrollToOffset(offset);
  find_status_->setText(tr("Offset %1: line %2").arg(offset).arg(text_->lineAt(offset) + 1));
}

void RawLogView::updateHeader() {
  if (!location_) return;
  QString text = tr("Run %1 · %2").arg(location_->run.value).arg(QString::fromStdString(location_->file));
  if (file_size_ > 0) text += QStringLiteral(" · ") + byte_size_text(file_size_);
  file_label_->setText(text);
  file_label_->setToolTip(text);
}

QString RawLogView::statusText() const { return status_->text(); }

void RawLogView::updateStatus() {
  if (!location_) {
    status_->setText(tr("No file open"));
    return;
  }
  QString text;
  const int lines = text_->lineCount();
  if (lines > 0) {
    text = tr("Line %1 of %2%3 · offset %4")
               .arg(text_->firstVisibleLine() + 1)
               .arg(lines)
               .arg(isIndexing() ? QStringLiteral("+") : QString())
               .arg(text_->topOffset());
  }
  const auto& range = location_->range;
  text += (text.isEmpty() ? QString() : QStringLiteral(" · ")) +
          tr("highlighted bytes %1–%2 (%3 bytes)").arg(range.offset).arg(range.end()).arg(range.length);
  if (isIndexing() && file_size_ > 0)
    text += QStringLiteral(" · ") + tr("indexing lines %1%").arg(scanned_ * 100 / file_size_);
  status_->setText(text);
}

}  // namespace st::ui
