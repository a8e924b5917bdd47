// The raw log viewer: one stored source file of a run, opened at a byte range with the
// range highlighted. The line index is built off the GUI thread and shown as it grows;
// find (Ctrl+F, F3 / Shift+F3, Esc cancels) runs off the GUI thread over the stored
// chunks; go to offset (Ctrl+G). Results of superseded requests are dropped.
#pragma once

#include <QWidget>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/error.h"
#include "ui/raw_location.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace st::ui {

class RawFile;
class RawTextView;
class StoreSession;
struct LineIndexPiece;

class RawLogView : public QWidget {
  Q_OBJECT
  // The screenshot tour and tests wait while this is true (async work on screen soon).
  Q_PROPERTY(bool busy READ isIndexing)

 public:
  explicit RawLogView(StoreSession& session, QWidget* parent = nullptr);
  // Cancels the index and find tasks and waits for them.
  ~RawLogView() override;

  // Opens `location`'s file (kept when it is the one shown), highlights its range and
  // scrolls to it.
  void open(const RawLocation& location);
  std::optional<RawLocation> location() const { return location_; }

  void focusFind();
  void findNext();
  void findPrevious();
  void cancelFind();
  // Scrolls to the line holding `offset`.
  void goToOffset(std::uint64_t offset);

  RawTextView* textView() const { return text_; }
  QLineEdit* findEdit() const { return find_edit_; }
  QLineEdit* offsetEdit() const { return offset_edit_; }
  QCheckBox* matchCaseBox() const { return match_case_; }
  bool isIndexing() const { return index_cancel_ != nullptr; }
  bool isSearching() const { return find_cancel_ != nullptr; }
  QString statusText() const;

 signals:
  // The file's reader is ready (its first lines may follow).
  void fileOpened(const QString& path);
  void indexFinished(int lines);
  void findFinished(bool found);
  void failed(const QString& what, const st::Error& error);

 private:
  void startIndex();
  void onOpened(std::uint64_t generation, std::shared_ptr<RawFile> file);
  void onPiece(std::uint64_t generation, const LineIndexPiece& piece);
  void onTaskFailed(const QString& what, const Error& error);
  void startFind(bool backward);
  void updateStatus();
  void updateHeader();

  StoreSession& session_;
  QLabel* file_label_;
  QLineEdit* find_edit_;
  QToolButton* previous_;
  QToolButton* next_;
  QCheckBox* match_case_;
  QPushButton* cancel_find_;
  QLineEdit* offset_edit_;
  RawTextView* text_;
  QLabel* status_;
  QLabel* find_status_;

  std::optional<RawLocation> location_;
  std::uint64_t file_size_ = 0;
  std::uint64_t scanned_ = 0;
  std::uint64_t index_generation_ = 0;
  std::uint64_t find_generation_ = 0;
  std::shared_ptr<std::atomic<bool>> index_cancel_;  // non-null while indexing
  std::shared_ptr<std::atomic<bool>> find_cancel_;   // non-null while searching
};

}  // namespace st::ui
