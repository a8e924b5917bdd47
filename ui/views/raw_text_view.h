// The raw log's text area: paints only the visible lines of a stored file, reading
// their bytes through RawFile (a few 256 KiB windows, cached), over a line index that
// grows while it is built off the GUI thread. Highlights a requested byte range and
// the current find match. Never holds the file's text.
#pragma once

#include <QAbstractScrollArea>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/ids.h"

namespace st::ui {

class RawFile;
struct LineIndexPiece;

class RawTextView : public QAbstractScrollArea {
  Q_OBJECT

 public:
  explicit RawTextView(QWidget* parent = nullptr);
  ~RawTextView() override;

  // Shows `file` (read on the GUI thread) with an empty index; pieces follow.
  void setFile(std::shared_ptr<RawFile> file);
  void clear();
  void appendIndex(const LineIndexPiece& piece);
  bool indexComplete() const { return index_complete_; }

  void setHighlight(std::optional<ByteRange> range);
  std::optional<ByteRange> highlight() const { return highlight_; }
  void setMatch(std::optional<ByteRange> range);
  std::optional<ByteRange> match() const { return match_; }

  // Scrolls so that `offset`'s line is visible (a third from the top). When the index
  // does not reach it yet, the scroll happens once it does.
  void scrollToOffset(std::uint64_t offset);

  int lineCount() const { return static_cast<int>(starts_.size()); }
  // The line holding `offset` (indexed lines only), or -1.
  int lineAt(std::uint64_t offset) const;
  ByteRange lineRange(int line) const;
  // A line's text as shown (tabs expanded, at most kMaxLineBytes).
  QString lineText(int line) const;
  int firstVisibleLine() const;
  int visibleLineCount() const;
  // The byte offset of the top line.
  std::uint64_t topOffset() const;

  static constexpr std::uint64_t kMaxLineBytes = 4096;

 signals:
  // The top line changed (scrolling or a jump).
  void topLineChanged(int line, std::uint64_t offset);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  struct ShownLine {
    QString text;
    std::vector<int> column_of_byte;  // byte i of the line -> its first column (size = bytes + 1)
  };
  ShownLine shownLine(int line, std::string_view bytes) const;
  void updateScrollBars();
  int gutterWidth() const;
  int lineHeight() const;
  void applyPendingScroll();

  std::shared_ptr<RawFile> file_;
  std::vector<std::uint64_t> starts_;
  std::uint64_t longest_line_ = 0;
  bool index_complete_ = false;
  std::optional<ByteRange> highlight_;
  std::optional<ByteRange> match_;
  std::optional<std::uint64_t> pending_scroll_;
};

}  // namespace st::ui
