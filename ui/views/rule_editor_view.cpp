#include "ui/views/rule_editor_view.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

#include "ui/background_call.h"
#include "ui/models/interface_status.h"
#include "ui/models/rule_records_model.h"
#include "ui/store_session.h"
#include "ui/views/rule_highlighter.h"
#include "ui/views/rule_sample_pane.h"

namespace st::ui {

namespace {

constexpr int kMaxListedProblems = 500;
constexpr int kTargetRole = Qt::UserRole + 1;    // RuleEditorView::Target as int
constexpr int kPositionRole = Qt::UserRole + 2;  // character position in the target

// The rule JSON with the Template tab's text put back where the placeholder stands.
struct Composition {
  std::string text;
  std::size_t at = std::string::npos;  // where the template literal starts in `text`
  std::size_t old_length = 0;          // the placeholder literal's length
  std::size_t new_length = 0;          // the template literal's length
};

Composition compose(const QString& json, const QString& tpl, bool has_template) {
  Composition c;
  c.text = json.toStdString();
  if (!has_template) return c;
  const std::string placeholder = nlohmann::json(RuleEditorView::kTemplatePlaceholder).dump();
  c.at = c.text.find(placeholder);
  if (c.at == std::string::npos) return c;
  const std::string literal = nlohmann::json(tpl.toStdString()).dump();
  c.text.replace(c.at, placeholder.size(), literal);
  c.old_length = placeholder.size();
  c.new_length = literal.size();
  return c;
}

// A byte offset of UTF-8 `text` as a QString position.
int char_position(const std::string& text, std::size_t offset) {
  return int(QString::fromUtf8(text.data(), qsizetype(std::min(offset, text.size()))).size());
}

int line_start(const QPlainTextEdit* edit, std::uint64_t line) {
  const QTextBlock block = edit->document()->findBlockByNumber(int(line) - 1);
  return block.isValid() ? block.position() : 0;
}

QFont fixed_font() { return QFontDatabase::systemFont(QFontDatabase::FixedFont); }

QPlainTextEdit* make_editor(const QString& name, QWidget* parent) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setObjectName(name);
  edit->setFont(fixed_font());
  edit->setLineWrapMode(QPlainTextEdit::NoWrap);
  edit->setTabChangesFocus(false);
  return edit;
}

}  // namespace

RuleEditorView::RuleEditorView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      list_model_(make_rule_list_model(this)),
      history_model_(make_rule_history_model(this)),
      records_model_(new RuleRecordsModel(this)),
      preview_(new LatestOnlyRunner(kPreviewDebounceMs, this)),
      catalog_loads_(new LatestOnlyRunner(0, this)),
      history_loads_(new LatestOnlyRunner(0, this)),
      list_view_(new QTableView(this)),
      history_view_(new QTableView(this)),
      rollback_button_(new QPushButton(tr("&Rollback to This Version"), this)),
      editor_tabs_(new QTabWidget(this)),
      json_edit_(make_editor(QStringLiteral("ruleJsonEditor"), this)),
      template_edit_(make_editor(QStringLiteral("ruleTemplateEditor"), this)),
      json_highlighter_(new RuleHighlighter(RuleHighlighter::Mode::Json, json_edit_->document())),
      template_highlighter_(new RuleHighlighter(RuleHighlighter::Mode::Textfsm, template_edit_->document())),
      problems_(new QListWidget(this)),
      samples_(new RuleSamplePane(session, this)),
      records_view_(new QTableView(this)),
      status_(new QLabel(this)) {
  setObjectName(QStringLiteral("ruleEditorView"));
  buildActions();

  // Left: the rules, and the selected rule's stored versions.
  for (QTableView* table : {list_view_, history_view_}) {
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
  }
  list_view_->setObjectName(QStringLiteral("ruleTable"));
  list_view_->setModel(list_model_);
  list_view_->setWordWrap(false);
  list_view_->setTextElideMode(Qt::ElideMiddle);
  list_view_->horizontalHeader()->setStretchLastSection(false);
  list_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  list_view_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  history_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  history_view_->setObjectName(QStringLiteral("ruleHistoryTable"));
  history_view_->setModel(history_model_);
  rollback_button_->setObjectName(QStringLiteral("ruleRollbackButton"));
  rollback_button_->setEnabled(false);
  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(new QLabel(tr("Rules"), left));
  left_layout->addWidget(list_view_, 3);
  left_layout->addWidget(new QLabel(tr("History"), left));
  left_layout->addWidget(history_view_, 1);
  left_layout->addWidget(rollback_button_);

  // Middle: the editors and the problem list.
  editor_tabs_->setObjectName(QStringLiteral("ruleEditorTabs"));
  editor_tabs_->addTab(json_edit_, tr("Rule JSON"));
  editor_tabs_->addTab(template_edit_, tr("Template"));
  editor_tabs_->setTabEnabled(1, false);
  problems_->setObjectName(QStringLiteral("ruleProblems"));
  problems_->setWordWrap(true);
  auto* save_button = new QPushButton(tr("&Save Version"), this);
  save_button->setObjectName(QStringLiteral("ruleSaveButton"));
  connect(save_button, &QPushButton::clicked, this, &RuleEditorView::save);
  auto* middle = new QSplitter(Qt::Vertical, this);
  middle->addWidget(editor_tabs_);
  auto* problems_box = new QWidget(middle);
  auto* problems_layout = new QVBoxLayout(problems_box);
  problems_layout->setContentsMargins(0, 0, 0, 0);
  auto* problems_head = new QHBoxLayout;
  problems_head->addWidget(new QLabel(tr("Problems"), problems_box), 1);
  problems_head->addWidget(save_button);
  problems_layout->addLayout(problems_head);
  problems_layout->addWidget(problems_);
  middle->addWidget(problems_box);
  middle->setStretchFactor(0, 4);
  middle->setStretchFactor(1, 1);

  // Right: the sample, its matched lines, and the records.
  records_view_->setObjectName(QStringLiteral("ruleRecordsTable"));
  records_view_->setModel(records_model_);
  records_view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  records_view_->setAlternatingRowColors(true);
  records_view_->horizontalHeader()->setStretchLastSection(true);
  status_->setObjectName(QStringLiteral("rulePreviewStatus"));
  status_->setWordWrap(true);
  auto* right = new QSplitter(Qt::Vertical, this);
  right->addWidget(samples_);
  auto* records_box = new QWidget(right);
  auto* records_layout = new QVBoxLayout(records_box);
  records_layout->setContentsMargins(0, 0, 0, 0);
  records_layout->addWidget(status_);
  records_layout->addWidget(records_view_);
  right->addWidget(records_box);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->setObjectName(QStringLiteral("ruleEditorSplitter"));
  split->addWidget(left);
  split->addWidget(middle);
  split->addWidget(right);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 4);
  split->setStretchFactor(2, 4);
  split->setSizes({380, 520, 520});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);

  connect(list_view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            const RuleListRow* row = list_model_->rowAt(current.row());
            if (!row || QString::fromStdString(row->id) == rule_id_) return;
            if (!confirmDiscard()) {
              // Keep the rule with its changes selected.
              QMetaObject::invokeMethod(this, [this] { selectListedRule(rule_id_); }, Qt::QueuedConnection);
              return;
            }
            openRule(QString::fromStdString(row->id));
          });
  connect(history_view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { rollback_button_->setEnabled(history_model_->rowAt(current.row()) != nullptr); });
  connect(rollback_button_, &QPushButton::clicked, this, [this] {
    if (const auto* row = history_model_->rowAt(history_view_->currentIndex().row())) rollbackTo(row->version);
  });
  connect(json_edit_, &QPlainTextEdit::textChanged, this, [this] { schedulePreview(false); });
  connect(template_edit_, &QPlainTextEdit::textChanged, this, [this] { schedulePreview(false); });
  connect(samples_, &RuleSamplePane::sampleChanged, this, [this] { schedulePreview(true); });
  connect(samples_, &RuleSamplePane::storedSamplesListed, this, &RuleEditorView::storedSamplesListed);
  connect(samples_, &RuleSamplePane::status, status_, &QLabel::setText);
  connect(samples_, &RuleSamplePane::failed, this, &RuleEditorView::failed);
  connect(problems_, &QListWidget::itemActivated, this, &RuleEditorView::onProblemActivated);
  connect(problems_, &QListWidget::itemClicked, this, &RuleEditorView::onProblemActivated);
  connect(preview_, &LatestOnlyRunner::started, this, [this] { status_->setText(tr("Running the preview…")); });
}

RuleEditorView::~RuleEditorView() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void RuleEditorView::buildActions() {
  save_action_ = new QAction(tr("&Save Rule Version"), this);
  save_action_->setObjectName(QStringLiteral("ruleSaveAction"));
  save_action_->setShortcut(QKeySequence::Save);  // in the main window's Rules menu: the whole window
  save_action_->setStatusTip(tr("Save the rule in the editor as a new version in the store"));
  save_action_->setEnabled(false);  // until a rule is open
  connect(save_action_, &QAction::triggered, this, &RuleEditorView::save);
  import_action_ = new QAction(tr("&Import Rule Pack…"), this);
  import_action_->setObjectName(QStringLiteral("ruleImportAction"));
  connect(import_action_, &QAction::triggered, this, &RuleEditorView::chooseImport);
  export_action_ = new QAction(tr("&Export Rule Pack…"), this);
  export_action_->setObjectName(QStringLiteral("ruleExportAction"));
  export_action_->setStatusTip(tr("Write the selected rule, or every stored rule, into a rule pack"));
  connect(export_action_, &QAction::triggered, this, &RuleEditorView::chooseExport);
}

// run_in_background, counted: the view is busy until every answer is in.
template <class Work, class Done>
void RuleEditorView::runInBackground(Work work, Done done) {
  ++tasks_running_;
  run_in_background(this, std::move(work), [this, done = std::move(done)](const auto& answer) {
    --tasks_running_;
    done(answer);
  });
}

// Only the latest request is answered: an older catalog that arrives late (a refresh
// after a save, overtaken by one after a rollback) must not be shown, nor reopen a rule
// with its old text.
void RuleEditorView::refresh() {
  catalog_loads_->submit(true, [path = session_.storePath()] { return load_rule_catalog(path); },
                         [this](const RuleCatalog& catalog, quint64) { onCatalog(catalog); });
}

void RuleEditorView::onCatalog(const RuleCatalog& catalog) {
  if (catalog.error) {
    emit failed(tr("Reading the rules failed"), *catalog.error);
    return;
  }
  const QString keep = rule_id_;
  list_model_->resetData(catalog.rules);
  for (int row = 0; row < list_model_->rowCount(); ++row) {
    if (QString::fromStdString(list_model_->rowAt(row)->id) == keep) {
      const QSignalBlocker block(list_view_->selectionModel());
      list_view_->selectRow(row);
    }
  }
  emit catalogLoaded(list_model_->rowCount());
}

bool RuleEditorView::openRule(const QString& id) {
  const RuleListRow* found = nullptr;
  int found_row = -1;
  for (int row = 0; row < list_model_->rowCount() && !found; ++row) {
    if (QString::fromStdString(list_model_->rowAt(row)->id) == id) {
      found = list_model_->rowAt(row);
      found_row = row;
    }
  }
  if (!found) return false;
  rule_id_ = id;
  {
    const QSignalBlocker block(list_view_->selectionModel());
    list_view_->selectRow(found_row);
  }
  // A textfsm rule's template goes to its own tab; the JSON keeps a placeholder.
  std::string json_text = found->text;
  QString template_text;
  has_template_ = false;
  if (found->kind == "textfsm") {
    auto doc = nlohmann::ordered_json::parse(found->text, nullptr, false);
    if (!doc.is_discarded() && doc.contains("textfsm") && doc["textfsm"].contains("inline")) {
      const auto& inline_text = doc["textfsm"]["inline"];
      std::string tpl;
      if (inline_text.is_array()) {
        for (const auto& line : inline_text) tpl += line.get<std::string>() + "\n";
      } else {
        tpl = inline_text.get<std::string>();
      }
      doc["textfsm"]["inline"] = kTemplatePlaceholder;
      json_text = doc.dump(2);
      template_text = QString::fromStdString(tpl);
      has_template_ = true;
    }
  }
  loading_ = true;
  json_edit_->setPlainText(QString::fromStdString(json_text));
  template_edit_->setPlainText(template_text);
  loading_ = false;
  editor_tabs_->setTabEnabled(1, has_template_);
  editor_tabs_->setCurrentIndex(0);
  opened_text_ = composedRuleText();
  save_action_->setEnabled(true);
  samples_->setRule(rule_id_, opened_text_);
  loadHistory();
  schedulePreview(true);
  return true;
}

void RuleEditorView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) {
    json_highlighter_->pickColours();
    template_highlighter_->pickColours();
  }
  QWidget::changeEvent(event);
}

bool RuleEditorView::isBusy() const {
  return tasks_running_ > 0 || preview_->isBusy() || catalog_loads_->isBusy() || history_loads_->isBusy();
}

bool RuleEditorView::setSampleFile(const QString& path) { return samples_->setSampleFile(path); }
QPlainTextEdit* RuleEditorView::sampleView() const { return samples_->textView(); }
QComboBox* RuleEditorView::sampleChooser() const { return samples_->chooser(); }
QList<int> RuleEditorView::matchedSampleLines() const { return samples_->matchedLines(); }

std::string RuleEditorView::composedRuleText() const {
  return compose(json_edit_->toPlainText(), template_edit_->toPlainText(), has_template_).text;
}

void RuleEditorView::schedulePreview(bool now) {
  if (loading_ || rule_id_.isEmpty()) return;
  rules::RuleTestInput input;
  input.rule_text = composedRuleText();
  input.source = rule_id_.toStdString();
  if (!samples_->fillInput(input)) return;  // a stored section is being read
  preview_->submit(
      now,
      [input = std::move(input)] { return std::make_shared<const rules::RuleTestReport>(rules::test_rule_text(input)); },
      [this](const std::shared_ptr<const rules::RuleTestReport>& report, quint64 generation) { onPreview(report, generation); });
}

void RuleEditorView::onPreview(const std::shared_ptr<const rules::RuleTestReport>& report, quint64 generation) {
  records_model_->resetData(report);
  if (records_model_->rowCount() <= 500) records_view_->resizeColumnsToContents();  // cheap for a few rows
  samples_->showReport(*report);
  showProblems(*report);
  if (report->loaded) {
    status_->setText(tr("%1 record(s) from %2 line(s) · load %3 ms · run %4 ms")
                         .arg(report->run.records.size())
                         .arg(report->run.lines)
                         .arg(double(report->load_us) / 1000.0, 0, 'f', 1)
                         .arg(double(report->parse_us) / 1000.0, 0, 'f', 1) +
                     (samples_->isTruncated() ? tr(" · the sample pane shows its first 512 KiB") : QString()));
  } else {
    status_->setText(tr("The rule does not load: see Problems."));
  }
  emit previewShown(generation);
}

void RuleEditorView::showProblems(const rules::RuleTestReport& report) {
  problems_->clear();
  const QString json = json_edit_->toPlainText();
  const Composition composition = compose(json, template_edit_->toPlainText(), has_template_);
  const std::string json_utf8 = json.toStdString();
  QList<QTextEdit::ExtraSelection> json_marks, template_marks;
  QTextCharFormat underline;
  underline.setUnderlineStyle(QTextCharFormat::WaveUnderline);
  underline.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));

  int listed = 0;
  for (const auto& p : report.problems) {
    if (++listed > kMaxListedProblems) break;
    Target target = Target::None;
    int position = 0, length = 0;
    if (p.template_line && has_template_) {
      target = Target::Template;
      position = line_start(template_edit_, *p.template_line);
      length = template_edit_->document()->findBlockByNumber(int(*p.template_line) - 1).length() - 1;
    } else if (p.at) {
      std::size_t offset = p.at->offset;
      if (composition.at != std::string::npos && offset >= composition.at) {
        if (offset < composition.at + composition.new_length) {
          target = Target::Template;  // inside the template literal: its first line
        } else {
          offset = offset - composition.new_length + composition.old_length;
        }
      }
      if (target == Target::None) {
        target = Target::Json;
        position = char_position(json_utf8, offset);
        const std::size_t span = std::max<std::size_t>(p.at->length, 1);
        length = std::max(1, char_position(json_utf8, offset + span) - position);
      }
    } else if (p.sample_line) {
      target = Target::Sample;
      position = line_start(samples_->textView(), *p.sample_line);
    }

    QString where;
    if (target == Target::Json || target == Target::Template) {
      QPlainTextEdit* edit = target == Target::Json ? json_edit_ : template_edit_;
      const QTextBlock block = edit->document()->findBlock(position);
      where = (target == Target::Template ? tr("template line %1, column %2") : tr("line %1, column %2"))
                  .arg(block.blockNumber() + 1)
                  .arg(position - block.position() + 1);
      QTextEdit::ExtraSelection mark;
      mark.cursor = QTextCursor(edit->document());
      mark.cursor.setPosition(position);
      mark.cursor.setPosition(std::min(position + std::max(length, 1), edit->document()->characterCount() - 1),
                              QTextCursor::KeepAnchor);
      mark.format = underline;
      (target == Target::Json ? json_marks : template_marks) << mark;
    } else if (target == Target::Sample) {
      where = tr("sample line %1").arg(*p.sample_line);
    }
    auto* item = new QListWidgetItem(
        (where.isEmpty() ? QString() : where + QStringLiteral(": ")) + QString::fromStdString(p.message), problems_);
    item->setData(kTargetRole, int(target));
    item->setData(kPositionRole, position);
    item->setForeground(p.kind == rules::ProblemKind::Warning ? palette().color(QPalette::PlaceholderText)
                                                              : QColor(0xd3, 0x2f, 0x2f));
  }
  json_edit_->setExtraSelections(json_marks);
  template_edit_->setExtraSelections(template_marks);
}

void RuleEditorView::onProblemActivated(QListWidgetItem* item) {
  if (!item) return;
  const auto target = Target(item->data(kTargetRole).toInt());
  QPlainTextEdit* edit = target == Target::Json       ? json_edit_
                         : target == Target::Template ? template_edit_
                         : target == Target::Sample   ? samples_->textView()
                                                      : nullptr;
  if (!edit) return;
  if (target != Target::Sample) editor_tabs_->setCurrentWidget(edit);
  QTextCursor cursor(edit->document());
  cursor.setPosition(std::min(item->data(kPositionRole).toInt(), edit->document()->characterCount() - 1));
  edit->setTextCursor(cursor);
  edit->centerCursor();
  edit->setFocus(Qt::OtherFocusReason);
}

void RuleEditorView::loadHistory() {  // as refresh(): the latest answer only
  history_loads_->submit(true, [path = session_.storePath(), id = rule_id_.toStdString()] { return load_rule_history(path, id); },
                         [this](const RuleHistory& history, quint64) { onHistory(history); });
}

void RuleEditorView::onHistory(const RuleHistory& history) {
  if (QString::fromStdString(history.rule_id) != rule_id_) return;  // another rule was opened since
  if (history.error) {
    emit failed(tr("Reading the rule's history failed"), *history.error);
    return;
  }
  history_model_->resetData(history.versions);
  if (history_model_->rowCount() > 0) history_view_->selectRow(history_model_->rowCount() - 1);
  rollback_button_->setEnabled(history_model_->rowCount() > 1);
  emit historyLoaded(history_model_->rowCount());
}

void RuleEditorView::selectListedRule(const QString& id) {
  const QSignalBlocker block(list_view_->selectionModel());
  for (int row = 0; row < list_model_->rowCount(); ++row) {
    if (QString::fromStdString(list_model_->rowAt(row)->id) == id) list_view_->selectRow(row);
  }
}

bool RuleEditorView::confirmDiscard() {
  if (!isModified()) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved Rule"), tr("%1 has changes that are not saved. Discard them?").arg(rule_id_),
      QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
  return answer == QMessageBox::Discard;
}

void RuleEditorView::save() {
  if (rule_id_.isEmpty()) return;
  status_->setText(tr("Saving…"));
  const std::string text = composedRuleText();
  runInBackground([path = session_.storePath(), text] { return save_rule(path, text); },
                              [this, text](const RuleChange& change) {
                                if (change.error) {
                                  status_->setText(tr("Not saved: see the message."));
                                  emit failed(tr("Saving the rule failed"), *change.error);
                                  return;
                                }
                                rule_id_ = QString::fromStdString(change.rule_id);
                                opened_text_ = text;
                                status_->setText(QString::fromStdString(change.message));
                                refresh();
                                loadHistory();
                                emit changed(QString::fromStdString(change.message));
                              });
}

void RuleEditorView::rollbackTo(std::int64_t version) {
  if (rule_id_.isEmpty()) return;
  runInBackground(
      [path = session_.storePath(), id = rule_id_.toStdString(), version] { return rollback_rule(path, id, version); },
      [this](const RuleChange& change) {
        if (change.error) {
          emit failed(tr("Rolling the rule back failed"), *change.error);
          return;
        }
        status_->setText(QString::fromStdString(change.message));
        // Reload the list, then show the restored text in the editor.
        auto reopen = std::make_shared<QMetaObject::Connection>();
        *reopen = connect(this, &RuleEditorView::catalogLoaded, this, [this, reopen] {
          disconnect(*reopen);
          openRule(rule_id_);
        });
        refresh();
        emit changed(QString::fromStdString(change.message));
      });
}

void RuleEditorView::importPack(const QString& path, bool replace) {
  runInBackground(
      [store = session_.storePath(), file = std::filesystem::path(path.toStdString()), replace] {
        return import_rule_pack(store, file, replace);
      },
      [this](const RuleChange& change) {
        if (change.error) {
          emit failed(tr("Importing the rule pack failed"), *change.error);
          return;
        }
        status_->setText(QString::fromStdString(change.message));
        refresh();
        emit changed(QString::fromStdString(change.message));
      });
}

void RuleEditorView::exportPack(const QString& path) {
  std::vector<std::string> ids;
  if (!rule_id_.isEmpty()) {
    ids.push_back(rule_id_.toStdString());
  } else {
    for (int row = 0; row < list_model_->rowCount(); ++row) {
      if (list_model_->rowAt(row)->origin != "shipped") ids.push_back(list_model_->rowAt(row)->id);
    }
  }
  runInBackground(
      [store = session_.storePath(), ids = std::move(ids), file = std::filesystem::path(path.toStdString())] {
        return export_rule_pack(store, ids, file);
      },
      [this](const RuleChange& change) {
        if (change.error) {
          emit failed(tr("Exporting the rule pack failed"), *change.error);
          return;
        }
        status_->setText(QString::fromStdString(change.message));
        emit changed(QString::fromStdString(change.message));
      });
}

void RuleEditorView::chooseImport() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import Rule Pack"), QString(), tr("Rule packs (*.json)"));
  if (path.isEmpty()) return;
  const auto answer = QMessageBox::question(
      this, tr("Import Rule Pack"),
      tr("Replace stored rules that differ from the pack's? (No: a pack that conflicts is not imported.)"),
      QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::No);
  if (answer == QMessageBox::Cancel) return;
  importPack(path, answer == QMessageBox::Yes);
}

void RuleEditorView::chooseExport() {
  QString path = QFileDialog::getSaveFileName(this, tr("Export Rule Pack"), QStringLiteral("rules-pack.json"),
                                              tr("Rule packs (*.json)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".json"))) path += QStringLiteral(".json");
  exportPack(path);
}

}  // namespace st::ui
