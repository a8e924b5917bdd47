#include "ui/views/rule_highlighter.h"

#include <QGuiApplication>
#include <QPalette>

#include "ui/models/interface_status.h"

namespace st::ui {

namespace {

QTextCharFormat make_format(const QColor& colour, bool bold = false, bool italic = false) {
  QTextCharFormat f;
  f.setForeground(colour);
  if (bold) f.setFontWeight(QFont::Bold);
  f.setFontItalic(italic);
  return f;
}

const QRegularExpression& variable_re() {
  static const QRegularExpression re(QStringLiteral(R"(\$\{\w+\}|\$\w+)"));
  return re;
}
const QRegularExpression& action_re() {
  static const QRegularExpression re(QStringLiteral(R"(\s->\s*\S.*$)"));
  return re;
}

}  // namespace

RuleHighlighter::RuleHighlighter(Mode mode, QTextDocument* document) : QSyntaxHighlighter(document), mode_(mode) {
  pickColours();
}

void RuleHighlighter::pickColours() {
  const bool dark = is_dark_palette(QGuiApplication::palette());
  auto c = [dark](const char* light, const char* darkish) { return QColor(QLatin1String(dark ? darkish : light)); };
  formats_[int(Token::Key)] = make_format(c("#1f4e9a", "#8ab4f8"), true);
  formats_[int(Token::String)] = make_format(c("#0b7a3b", "#8bd49c"));
  formats_[int(Token::Number)] = make_format(c("#a04e00", "#f0b060"));
  formats_[int(Token::Literal)] = make_format(c("#7b1fa2", "#d7a6ff"), true);
  formats_[int(Token::Keyword)] = make_format(c("#7b1fa2", "#d7a6ff"), true);
  formats_[int(Token::State)] = make_format(c("#1f4e9a", "#8ab4f8"), true);
  formats_[int(Token::RuleLine)] = make_format(c("#0b7a3b", "#8bd49c"));
  formats_[int(Token::Action)] = make_format(c("#b3261e", "#ff8a80"), true);
  formats_[int(Token::Variable)] = make_format(c("#a04e00", "#f0b060"), true);
  formats_[int(Token::Comment)] = make_format(c("#6b6b6b", "#9e9e9e"), false, true);
  if (document() != nullptr) rehighlight();
}

QTextCharFormat RuleHighlighter::formatOf(Token token) const { return formats_[int(token)]; }

void RuleHighlighter::highlightBlock(const QString& text) {
  if (mode_ == Mode::Json) highlightJson(text);
  else highlightTextfsm(text);
}

// ${VAR}, `-> Action` and a leading ^ inside [from, to): templates inlined in a rule.
void RuleHighlighter::highlightTemplateMarks(const QString& text, int from, int to) {
  const QString part = text.mid(from, to - from);
  for (auto it = variable_re().globalMatch(part); it.hasNext();) {
    const auto m = it.next();
    setFormat(from + int(m.capturedStart()), int(m.capturedLength()), formats_[int(Token::Variable)]);
  }
  const qsizetype arrow = part.indexOf(QStringLiteral(" -> "));
  if (arrow >= 0) setFormat(from + int(arrow) + 1, int(part.size() - arrow - 1), formats_[int(Token::Action)]);
}

void RuleHighlighter::highlightJson(const QString& text) {
  int i = 0;
  const int n = int(text.size());
  while (i < n) {
    const QChar ch = text[i];
    if (ch == u'"') {
      int j = i + 1;
      while (j < n && text[j] != u'"') j += text[j] == u'\\' ? 2 : 1;
      j = std::min(j + 1, n);
      int k = j;
      while (k < n && text[k].isSpace()) ++k;
      const bool key = k < n && text[k] == u':';
      setFormat(i, j - i, formats_[int(key ? Token::Key : Token::String)]);
      if (!key) highlightTemplateMarks(text, i, j);
      i = j;
    } else if (ch.isDigit() || (ch == u'-' && i + 1 < n && text[i + 1].isDigit())) {
      int j = i + 1;
      while (j < n && (text[j].isDigit() || text[j] == u'.' || text[j] == u'e' || text[j] == u'E' || text[j] == u'+' ||
                       text[j] == u'-'))
        ++j;
      setFormat(i, j - i, formats_[int(Token::Number)]);
      i = j;
    } else if (ch.isLetter()) {
      int j = i;
      while (j < n && text[j].isLetter()) ++j;
      const QStringView word = QStringView(text).mid(i, j - i);
      if (word == u"true" || word == u"false" || word == u"null") setFormat(i, j - i, formats_[int(Token::Literal)]);
      i = j;
    } else {
      ++i;
    }
  }
}

void RuleHighlighter::highlightTextfsm(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed.startsWith(u'#')) {
    setFormat(0, int(text.size()), formats_[int(Token::Comment)]);
    return;
  }
  if (text.startsWith(QStringLiteral("Value "))) {
    // Value [Options] NAME (regex)
    setFormat(0, 5, formats_[int(Token::Keyword)]);
    const qsizetype paren = text.indexOf(u'(');
    const QString head = text.left(paren < 0 ? text.size() : paren);
    const QStringList words = head.split(u' ', Qt::SkipEmptyParts);
    qsizetype pos = 5;
    for (int w = 1; w < words.size(); ++w) {
      pos = text.indexOf(words[w], pos);
      const bool name = w == words.size() - 1;
      setFormat(int(pos), int(words[w].size()), formats_[int(name ? Token::Variable : Token::Literal)]);
      pos += words[w].size();
    }
    if (paren >= 0) setFormat(int(paren), int(text.size() - paren), formats_[int(Token::RuleLine)]);
    return;
  }
  if (!text.isEmpty() && !text[0].isSpace()) {
    setFormat(0, int(text.size()), formats_[int(Token::State)]);  // a state name (Start, EOF, ...)
    return;
  }
  const qsizetype caret = text.indexOf(u'^');
  if (caret >= 0 && text.left(caret).trimmed().isEmpty()) {
    setFormat(int(caret), int(text.size() - caret), formats_[int(Token::RuleLine)]);
    for (auto it = variable_re().globalMatch(text); it.hasNext();) {
      const auto m = it.next();
      setFormat(int(m.capturedStart()), int(m.capturedLength()), formats_[int(Token::Variable)]);
    }
    if (const auto m = action_re().match(text); m.hasMatch())
      setFormat(int(m.capturedStart()) + 1, int(m.capturedLength()) - 1, formats_[int(Token::Action)]);
  }
}

}  // namespace st::ui
