// Syntax highlighting for the rule editor: rule JSON (keys, strings, numbers, literals,
// and inside strings the TextFSM marks: ${VAR}, `-> Action` and a leading ^) or a TextFSM
// template (Value lines with their options, state names, rule lines `^...`, `->` actions,
// ${VAR} references, comments). Colours come from the palette's lightness.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace st::ui {

class RuleHighlighter : public QSyntaxHighlighter {
  Q_OBJECT

 public:
  enum class Mode { Json, Textfsm };
  RuleHighlighter(Mode mode, QTextDocument* document);
  Mode mode() const { return mode_; }

  // Token names the tests and the colour scheme share.
  enum class Token { Key, String, Number, Literal, Keyword, State, RuleLine, Action, Variable, Comment };
  QTextCharFormat formatOf(Token token) const;
  // Picks the colours for the application palette's lightness and rehighlights (theme changes).
  void pickColours();

 protected:
  void highlightBlock(const QString& text) override;

 private:
  void highlightJson(const QString& text);
  void highlightTextfsm(const QString& text);
  void highlightTemplateMarks(const QString& text, int from, int to);

  Mode mode_;
  QTextCharFormat formats_[10];
};

}  // namespace st::ui
