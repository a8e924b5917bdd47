#include "ui/views/raw_text_view.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

#include "ui/models/raw_file.h"

namespace st::ui {
namespace {

constexpr int kTabWidth = 8;
constexpr int kGutterPadding = 8;
constexpr int kTextPadding = 6;

// The length of a UTF-8 sequence starting at bytes[i] and its code point; 0 when invalid.
int utf8_sequence(std::string_view bytes, std::size_t i, char32_t& code_point) {
  const auto lead = static_cast<unsigned char>(bytes[i]);
  int length = 0;
  if ((lead & 0xE0) == 0xC0) { length = 2; code_point = lead & 0x1F; }
  else if ((lead & 0xF0) == 0xE0) { length = 3; code_point = lead & 0x0F; }
  else if ((lead & 0xF8) == 0xF0) { length = 4; code_point = lead & 0x07; }
  else return 0;
  if (i + static_cast<std::size_t>(length) > bytes.size()) return 0;
  for (int k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(bytes[i + static_cast<std::size_t>(k)]);
    if ((next & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < 0x80 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

RawTextView::RawTextView(QWidget* parent) : QAbstractScrollArea(parent) {
  QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  setFont(font);
  viewport()->setFont(font);
  viewport()->setAutoFillBackground(true);
  viewport()->setBackgroundRole(QPalette::Base);
  setFocusPolicy(Qt::StrongFocus);
  verticalScrollBar()->setSingleStep(1);
  horizontalScrollBar()->setSingleStep(fontMetrics().horizontalAdvance(QLatin1Char('M')));
  connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int line) {
    viewport()->update();
    emit topLineChanged(line, topOffset());
  });
  connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

RawTextView::~RawTextView() = default;

void RawTextView::setFile(std::shared_ptr<RawFile> file) {
  file_ = std::move(file);
  starts_.clear();
  longest_line_ = 0;
  index_complete_ = false;
  highlight_.reset();
  match_.reset();
  pending_scroll_.reset();
  verticalScrollBar()->setValue(0);
  horizontalScrollBar()->setValue(0);
  updateScrollBars();
  viewport()->update();
}

void RawTextView::clear() { setFile(nullptr); }

void RawTextView::appendIndex(const LineIndexPiece& piece) {
  starts_.insert(starts_.end(), piece.starts.begin(), piece.starts.end());
  longest_line_ = std::max(longest_line_, piece.longest_line);
  index_complete_ = piece.done;
  updateScrollBars();
  applyPendingScroll();
  viewport()->update();
}

void RawTextView::setHighlight(std::optional<ByteRange> range) {
  highlight_ = range;
  viewport()->update();
}

void RawTextView::setMatch(std::optional<ByteRange> range) {
  match_ = range;
  viewport()->update();
}

int RawTextView::lineAt(std::uint64_t offset) const {
  if (starts_.empty()) return -1;
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin()) - 1;
}

ByteRange RawTextView::lineRange(int line) const {
  if (line < 0 || line >= lineCount() || !file_) return {};
  const std::uint64_t start = starts_[static_cast<std::size_t>(line)];
  const std::uint64_t end =
      static_cast<std::size_t>(line) + 1 < starts_.size() ? starts_[static_cast<std::size_t>(line) + 1] : file_->size();
  return ByteRange{start, end - start};
}

void RawTextView::scrollToOffset(std::uint64_t offset) {
  const bool covered = !starts_.empty() && (index_complete_ || offset < starts_.back());
  if (!covered) {
    pending_scroll_ = offset;
    return;
  }
  pending_scroll_.reset();
  const int line = lineAt(offset);
  verticalScrollBar()->setValue(std::max(0, line - visibleLineCount() / 3));
  // Bring the offset's column into view too.
  horizontalScrollBar()->setValue(0);
  viewport()->update();
}

void RawTextView::applyPendingScroll() {
  if (pending_scroll_) scrollToOffset(*pending_scroll_);
}

int RawTextView::lineHeight() const { return fontMetrics().lineSpacing(); }

int RawTextView::firstVisibleLine() const { return verticalScrollBar()->value(); }

int RawTextView::visibleLineCount() const { return std::max(1, viewport()->height() / lineHeight()); }

std::uint64_t RawTextView::topOffset() const {
  const int line = firstVisibleLine();
  return line < lineCount() ? starts_[static_cast<std::size_t>(line)] : 0;
}

int RawTextView::gutterWidth() const {
  const int digits = static_cast<int>(QString::number(std::max(1, lineCount())).size());
  return fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(4, digits) + 2 * kGutterPadding;
}

void RawTextView::updateScrollBars() {
  const int visible = visibleLineCount();
  verticalScrollBar()->setPageStep(visible);
  verticalScrollBar()->setRange(0, std::max(0, lineCount() - visible));
  const qreal char_width = QFontMetricsF(font()).horizontalAdvance(QLatin1Char('M'));
  const auto columns = static_cast<int>(std::min(longest_line_, kMaxLineBytes) + 1);
  const int text_width = viewport()->width() - gutterWidth() - kTextPadding;
  horizontalScrollBar()->setPageStep(std::max(1, text_width));
  horizontalScrollBar()->setRange(0, std::max(0, static_cast<int>(columns * char_width) - text_width));
}

void RawTextView::resizeEvent(QResizeEvent* event) {
  QAbstractScrollArea::resizeEvent(event);
  updateScrollBars();
}

void RawTextView::keyPressEvent(QKeyEvent* event) {
  if (event->modifiers() & Qt::ControlModifier) {
    if (event->key() == Qt::Key_Home) {
      verticalScrollBar()->setValue(0);
      return;
    }
    if (event->key() == Qt::Key_End) {
      verticalScrollBar()->setValue(verticalScrollBar()->maximum());
      return;
    }
  }
  if (event->key() == Qt::Key_Home) {
    horizontalScrollBar()->setValue(0);
    return;
  }
  QAbstractScrollArea::keyPressEvent(event);
}

RawTextView::ShownLine RawTextView::shownLine(int, std::string_view bytes) const {
  ShownLine shown;
  shown.column_of_byte.assign(bytes.size() + 1, 0);
  // The line end ("\n", "\r\n") takes no column.
  std::size_t content_end = bytes.size();
  if (content_end > 0 && bytes[content_end - 1] == '\n') --content_end;
  if (content_end > 0 && bytes[content_end - 1] == '\r') --content_end;
  int column = 0;
  std::size_t i = 0;
  while (i < content_end) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    shown.column_of_byte[i] = column;
    if (byte == '\t') {
      const int spaces = kTabWidth - column % kTabWidth;
      shown.text.append(QString(spaces, QLatin1Char(' ')));
      column += spaces;
      ++i;
      continue;
    }
    if (byte < 0x20 || byte == 0x7F) {
      shown.text.append(QChar(0x00B7));  // a control byte: one visible dot
      ++column;
      ++i;
      continue;
    }
    if (byte < 0x80) {
      shown.text.append(QLatin1Char(static_cast<char>(byte)));
      ++column;
      ++i;
      continue;
    }
    char32_t code_point = 0;
    const int length = utf8_sequence(bytes, i, code_point);
    if (length == 0) {
      shown.text.append(QChar(QChar::ReplacementCharacter));
      ++column;
      ++i;
      continue;
    }
    shown.text.append(QString::fromUcs4(&code_point, 1));
    for (int k = 0; k < length; ++k) shown.column_of_byte[i + static_cast<std::size_t>(k)] = column;
    ++column;
    i += static_cast<std::size_t>(length);
  }
  for (std::size_t k = content_end; k <= bytes.size(); ++k) shown.column_of_byte[k] = column;
  return shown;
}

QString RawTextView::lineText(int line) const {
  if (!file_ || line < 0 || line >= lineCount()) return {};
  const ByteRange range = lineRange(line);
  auto bytes = file_->read(range.offset, std::min(range.length, kMaxLineBytes));
  if (!bytes) return {};
  return shownLine(line, *bytes).text;
}

void RawTextView::paintEvent(QPaintEvent*) {
  QPainter painter(viewport());
  const QPalette& pal = palette();
  const int height = lineHeight();
  const int ascent = fontMetrics().ascent();
  // Fixed-width glyphs advance by a fractional width: columns are placed with it.
  const qreal char_width = QFontMetricsF(font()).horizontalAdvance(QLatin1Char('M'));
  const int gutter = gutterWidth();
  const int text_x = gutter + kTextPadding - horizontalScrollBar()->value();
  const int width = viewport()->width();

  QColor highlight_fill = pal.color(QPalette::Highlight);
  highlight_fill.setAlpha(70);
  const QColor match_fill(255, 196, 0, 170);
  const QColor highlight_edge = pal.color(QPalette::Highlight);

  const int first = firstVisibleLine();
  const int last = std::min(lineCount(), first + visibleLineCount() + 1);
  painter.setClipRect(gutter, 0, width - gutter, viewport()->height());
  for (int line = first; line < last; ++line) {
    const int y = (line - first) * height;
    const ByteRange range = lineRange(line);
    auto bytes = file_ ? file_->read(range.offset, std::min(range.length, kMaxLineBytes))
                       : Result<std::string>(std::string());
    if (!bytes) continue;
    const ShownLine shown = shownLine(line, *bytes);
    auto fill = [&](const ByteRange& marked, const QColor& colour) {
      if (marked.end() <= range.offset && !(marked.length == 0 && marked.offset == range.offset)) return;
      if (marked.offset >= range.end()) return;
      const std::uint64_t from = std::max(marked.offset, range.offset) - range.offset;
      const std::uint64_t to = std::min(marked.end(), range.offset + bytes->size()) - range.offset;
      const qreal x0 = text_x + shown.column_of_byte[std::min<std::size_t>(from, bytes->size())] * char_width;
      // A range that runs on past this line's end fills to the right edge.
      const bool runs_on = marked.end() > range.offset + bytes->size();
      const qreal x1 = runs_on ? qreal(width)
                               : std::max(text_x + shown.column_of_byte[std::min<std::size_t>(to, bytes->size())] * char_width,
                                          x0 + 2);
      painter.fillRect(QRectF(x0, y, x1 - x0, height), colour);
    };
    if (highlight_) fill(*highlight_, highlight_fill);
    if (match_) fill(*match_, match_fill);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(text_x, y + ascent, shown.text);
    if (range.length > kMaxLineBytes) {
      painter.setPen(pal.color(QPalette::PlaceholderText));
      painter.drawText(QPointF(text_x + shown.column_of_byte.back() * char_width, y + ascent),
                       tr(" … (%1 more bytes)").arg(range.length - kMaxLineBytes));
    }
  }
  painter.setClipping(false);
  // The gutter: line numbers.
  painter.fillRect(QRect(0, 0, gutter, viewport()->height()), pal.color(QPalette::AlternateBase));
  painter.setPen(pal.color(QPalette::PlaceholderText));
  for (int line = first; line < last; ++line) {
    const int y = (line - first) * height;
    painter.drawText(QRect(0, y, gutter - kGutterPadding, height), Qt::AlignRight | Qt::AlignVCenter,
                     QString::number(line + 1));
  }
  if (highlight_) {
    for (int line = first; line < last; ++line) {
      const ByteRange range = lineRange(line);
      if (highlight_->offset < range.end() && (highlight_->end() > range.offset ||
                                               (highlight_->length == 0 && highlight_->offset == range.offset)))
        painter.fillRect(QRect(gutter - 3, (line - first) * height, 3, height), highlight_edge);
    }
  }
  if (lineCount() == 0 && file_) {
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect(), Qt::AlignCenter,
                     file_->size() == 0 ? tr("The file is empty.") : tr("Indexing lines…"));
  }
}

}  // namespace st::ui
