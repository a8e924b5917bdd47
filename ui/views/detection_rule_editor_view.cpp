#include "ui/views/detection_rule_editor_view.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ui/background_call.h"
#include "ui/load_when_shown.h"
#include "ui/store_session.h"
#include "ui/views/rule_highlighter.h"

namespace st::ui {

namespace {

constexpr int kPositionRole = Qt::UserRole + 1;  // character position of a problem in the editor

// A byte offset of UTF-8 `text` as a QString position.
int char_position(const std::string& text, std::size_t offset) {
  return int(QString::fromUtf8(text.data(), qsizetype(std::min(offset, text.size()))).size());
}

QString number_text(double value) { return QString::number(value, 'g', 10); }

void set_up_table(QTableView* table, const QString& name) {
  table->setObjectName(name);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::SingleSelection);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setStretchLastSection(true);
  table->setAlternatingRowColors(true);
  table->setWordWrap(false);
}

}  // namespace

DetectionRuleEditorView::DetectionRuleEditorView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      when_shown_(new LoadWhenShown(*this, [this] { refresh(); })),
      list_model_(new DetectionRuleListModel(this)),
      history_model_(make_detection_history_model(this)),
      finding_model_(make_detection_finding_model(this)),
      preview_(new LatestOnlyRunner(kPreviewDebounceMs, this)),
      catalog_loads_(new LatestOnlyRunner(0, this)),
      history_loads_(new LatestOnlyRunner(0, this)),
      list_view_(new QTableView(this)),
      history_view_(new QTableView(this)),
      rollback_button_(new QPushButton(tr("&Rollback to This Version"), this)),
      json_edit_(new QPlainTextEdit(this)),
      highlighter_(new RuleHighlighter(RuleHighlighter::Mode::Json, json_edit_->document())),
      problems_(new QListWidget(this)),
      save_button_(new QPushButton(tr("&Save Version"), this)),
      thresholds_box_(new QGroupBox(tr("Thresholds"), this)),
      thresholds_form_(new QFormLayout(thresholds_box_)),
      run_chooser_(new QComboBox(this)),
      findings_view_(new QTableView(this)),
      status_(new QLabel(this)),
      export_action_(new QAction(tr("Export &Detection Rule Pack…"), this)) {
  setObjectName(QStringLiteral("detectionRuleEditorView"));
  export_action_->setObjectName(QStringLiteral("detectionExportAction"));
  export_action_->setStatusTip(tr("Write the open detection rule, or every pack and user one, with its thresholds into a rule pack"));
  connect(export_action_, &QAction::triggered, this, &DetectionRuleEditorView::chooseExport);

  // Left: the rules, and the selected rule's stored versions.
  set_up_table(list_view_, QStringLiteral("detectionRuleTable"));
  list_view_->setModel(list_model_);
  list_view_->setTextElideMode(Qt::ElideRight);
  list_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  list_view_->horizontalHeader()->setSectionResizeMode(int(DetectionRuleColumn::Title), QHeaderView::Stretch);
  set_up_table(history_view_, QStringLiteral("detectionHistoryTable"));
  history_view_->setModel(history_model_);
  history_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  rollback_button_->setObjectName(QStringLiteral("detectionRollbackButton"));
  rollback_button_->setEnabled(false);
  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(new QLabel(tr("Detection rules"), left));
  left_layout->addWidget(list_view_, 3);
  left_layout->addWidget(new QLabel(tr("Stored versions"), left));
  left_layout->addWidget(history_view_, 1);
  left_layout->addWidget(rollback_button_);
  auto* export_button = new QPushButton(tr("E&xport Rule Pack…"), left);
  export_button->setObjectName(QStringLiteral("detectionExportButton"));
  export_button->setToolTip(export_action_->statusTip());
  connect(export_button, &QPushButton::clicked, export_action_, &QAction::trigger);
  left_layout->addWidget(export_button);

  // Middle: the JSON and its problems.
  json_edit_->setObjectName(QStringLiteral("detectionJsonEditor"));
  json_edit_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  json_edit_->setLineWrapMode(QPlainTextEdit::NoWrap);
  json_edit_->setReadOnly(true);  // until a rule is open
  problems_->setObjectName(QStringLiteral("detectionProblems"));
  problems_->setWordWrap(true);
  save_button_->setObjectName(QStringLiteral("detectionSaveButton"));
  save_button_->setToolTip(tr("Store the text as a new user version of the rule"));
  save_button_->setEnabled(false);
  auto* middle = new QSplitter(Qt::Vertical, this);
  middle->addWidget(json_edit_);
  auto* problems_box = new QWidget(middle);
  auto* problems_layout = new QVBoxLayout(problems_box);
  problems_layout->setContentsMargins(0, 0, 0, 0);
  auto* problems_head = new QHBoxLayout;
  problems_head->addWidget(new QLabel(tr("Problems"), problems_box), 1);
  problems_head->addWidget(save_button_);
  problems_layout->addLayout(problems_head);
  problems_layout->addWidget(problems_);
  middle->addWidget(problems_box);
  middle->setStretchFactor(0, 4);
  middle->setStretchFactor(1, 1);

  // Right: thresholds, the run to try the rule on, the findings.
  thresholds_box_->setObjectName(QStringLiteral("detectionThresholds"));
  run_chooser_->setObjectName(QStringLiteral("detectionRunChooser"));
  run_chooser_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  set_up_table(findings_view_, QStringLiteral("detectionFindingTable"));
  findings_view_->setModel(finding_model_);
  findings_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  status_->setObjectName(QStringLiteral("detectionPreviewStatus"));
  status_->setWordWrap(true);
  auto* right = new QWidget(this);
  auto* right_layout = new QVBoxLayout(right);
  right_layout->setContentsMargins(0, 0, 0, 0);
  right_layout->addWidget(thresholds_box_);
  auto* run_row = new QHBoxLayout;
  auto* run_label = new QLabel(tr("Try on &run:"), right);
  run_label->setBuddy(run_chooser_);
  run_row->addWidget(run_label);
  run_row->addWidget(run_chooser_, 1);
  right_layout->addLayout(run_row);
  right_layout->addWidget(status_);
  right_layout->addWidget(findings_view_, 1);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->setObjectName(QStringLiteral("detectionEditorSplitter"));
  split->addWidget(left);
  split->addWidget(middle);
  split->addWidget(right);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 4);
  split->setStretchFactor(2, 4);
  split->setSizes({420, 520, 480});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);
  showThresholds(DetectionRuleRow{});

  connect(list_view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            const DetectionRuleRow* row = list_model_->rowAt(current.row());
            if (!row || QString::fromStdString(row->id) == rule_id_) return;
            if (!confirmDiscard()) {
              QMetaObject::invokeMethod(this, [this] { selectListedRule(rule_id_); }, Qt::QueuedConnection);
              return;
            }
            openRule(QString::fromStdString(row->id));
          });
  connect(list_model_, &DetectionRuleListModel::enabledToggled, this, &DetectionRuleEditorView::saveEnabled);
  connect(history_view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
    const auto* row = history_model_->rowAt(current.row());
    rollback_button_->setEnabled(row && row->origin == insights::RuleOrigin::User && !row->active);
  });
  connect(rollback_button_, &QPushButton::clicked, this, [this] {
    if (const auto* row = history_model_->rowAt(history_view_->currentIndex().row())) rollbackTo(row->version);
  });
  connect(save_button_, &QPushButton::clicked, this, &DetectionRuleEditorView::save);
  connect(json_edit_, &QPlainTextEdit::textChanged, this, [this] { schedulePreview(false); });
  connect(run_chooser_, &QComboBox::currentIndexChanged, this, [this] { schedulePreview(true); });
  connect(problems_, &QListWidget::itemActivated, this, &DetectionRuleEditorView::onProblemActivated);
  connect(problems_, &QListWidget::itemClicked, this, &DetectionRuleEditorView::onProblemActivated);
  connect(preview_, &LatestOnlyRunner::started, this, [this] { status_->setText(tr("Running the rule…")); });
}

DetectionRuleEditorView::~DetectionRuleEditorView() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void DetectionRuleEditorView::refresh() {
  when_shown_->markLoaded();
  catalog_loads_->submit(true, [path = session_.storePath()] { return load_detection_catalog(path); },
                         [this](const DetectionCatalog& catalog, quint64) { onCatalog(catalog); });
}

void DetectionRuleEditorView::refreshWhenShown() { when_shown_->request(); }

bool DetectionRuleEditorView::isBusy() const { return catalog_loads_->isBusy() || preview_->isBusy(); }

void DetectionRuleEditorView::onCatalog(const DetectionCatalog& catalog) {
  if (catalog.error) {
    emit failed(tr("Reading the detection rules failed"), *catalog.error);
    return;
  }
  list_model_->resetData(catalog.rules);
  selectListedRule(rule_id_);
  {
    // The runs, newest first; the chosen one stays chosen when it is still there.
    const QSignalBlocker block(run_chooser_);
    const QVariant kept = run_chooser_->currentData();
    run_chooser_->clear();
    for (const auto& r : catalog.runs) {
      run_chooser_->addItem(QString::fromStdString(r.label), QVariant::fromValue<qlonglong>(r.run.value));
    }
    const int at = kept.isValid() ? run_chooser_->findData(kept) : -1;
    run_chooser_->setCurrentIndex(at >= 0 ? at : 0);
  }
  if (!catalog.problems.empty()) {
    status_->setText(tr("%1 stored rule(s) do not load: %2")
                         .arg(catalog.problems.size())
                         .arg(QString::fromStdString(catalog.problems.front())));
  }
  emit catalogLoaded(list_model_->rowCount());
}

void DetectionRuleEditorView::selectListedRule(const QString& id) {
  const int row = list_model_->rowOf(id);
  if (row < 0) return;
  const QSignalBlocker block(list_view_->selectionModel());
  list_view_->selectRow(row);
}

bool DetectionRuleEditorView::openRule(const QString& id) {
  const DetectionRuleRow* row = list_model_->rowAt(list_model_->rowOf(id));
  if (!row) return false;
  rule_id_ = id;
  selectListedRule(id);
  loading_ = true;
  json_edit_->setReadOnly(false);
  json_edit_->setPlainText(QString::fromStdString(row->text));
  loading_ = false;
  opened_text_ = editorText();
  save_button_->setEnabled(true);
  showThresholds(*row);
  loadHistory();
  schedulePreview(true);
  return true;
}

std::string DetectionRuleEditorView::editorText() const { return json_edit_->toPlainText().toStdString(); }

QDoubleSpinBox* DetectionRuleEditorView::thresholdEditor(const QString& name) const {
  auto it = thresholds_.find(name);
  return it == thresholds_.end() ? nullptr : it->second;
}

// One spin box per parameter, the value in force; a change is stored at once
// (set_rule_param, as `rules set` does) and the preview runs again with it.
void DetectionRuleEditorView::showThresholds(const DetectionRuleRow& row) {
  while (thresholds_form_->rowCount() > 0) thresholds_form_->removeRow(0);
  thresholds_.clear();
  if (row.params.empty()) {
    thresholds_form_->addRow(new QLabel(row.id.empty() ? tr("Open a rule to see its thresholds.")
                                                       : tr("This rule has no thresholds."),
                                        thresholds_box_));
    return;
  }
  for (const auto& [name, value] : row.params) {
    const QString key = QString::fromStdString(name);
    auto* spin = new QDoubleSpinBox(thresholds_box_);
    spin->setObjectName(QStringLiteral("threshold_") + key);
    const bool whole = std::floor(value) == value;
    spin->setDecimals(whole ? 0 : 2);
    spin->setRange(0, 1e9);
    spin->setValue(value);
    spin->setKeyboardTracking(false);  // one store write per finished edit, not per digit
    auto* line = new QWidget(thresholds_box_);
    auto* line_layout = new QHBoxLayout(line);
    line_layout->setContentsMargins(0, 0, 0, 0);
    line_layout->addWidget(spin, 1);
    const auto own = row.defaults.find(name);
    auto* default_label = new QLabel(own == row.defaults.end() ? QString()
                                                               : tr("(default %1)").arg(number_text(own->second)),
                                     line);
    default_label->setToolTip(tr("The rule's own value; the box holds the one in force in this store"));
    line_layout->addWidget(default_label);
    thresholds_form_->addRow(key, line);
    thresholds_[key] = spin;
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key](double v) { saveThreshold(key, v); });
  }
}

void DetectionRuleEditorView::saveThreshold(const QString& name, double value) {
  if (rule_id_.isEmpty()) return;
  run_in_background(
      this, [path = session_.storePath(), id = rule_id_.toStdString(), name = name.toStdString(), value] {
        return set_detection_rule_param(path, id, name, value);
      },
      [this](const DetectionChange& change) {
        if (change.error) {
          emit failed(tr("Saving the threshold failed"), *change.error);
          return;
        }
        emit changed(QString::fromStdString(change.message));
        if (QString::fromStdString(change.rule_id) == rule_id_) schedulePreview(true);
        refresh();  // the list's rows carry the values in force
      });
}

void DetectionRuleEditorView::saveEnabled(const QString& id, bool enabled) {
  run_in_background(
      this, [path = session_.storePath(), id = id.toStdString(), enabled] { return set_detection_rule_enabled(path, id, enabled); },
      [this](const DetectionChange& change) {
        if (change.error) {
          emit failed(tr("Saving the rule's enabled flag failed"), *change.error);
          refresh();  // show what the store holds
          return;
        }
        emit changed(QString::fromStdString(change.message));
      });
}

void DetectionRuleEditorView::schedulePreview(bool now) {
  if (loading_ || rule_id_.isEmpty()) return;
  DetectionPreviewInput input{session_.storePath(), editorText(), RunId{run_chooser_->currentData().toLongLong()}};
  preview_->submit(
      now, [input = std::move(input)] { return std::make_shared<const DetectionPreviewReport>(preview_detection_rule(input)); },
      [this](const std::shared_ptr<const DetectionPreviewReport>& report, quint64 generation) { onPreview(report, generation); });
}

void DetectionRuleEditorView::onPreview(const std::shared_ptr<const DetectionPreviewReport>& report, quint64 generation) {
  finding_model_->resetData(report->findings);
  if (finding_model_->rowCount() <= 200) findings_view_->resizeColumnsToContents();
  showProblems(*report);
  if (report->error) {
    status_->setText(tr("The preview could not read the store: %1").arg(QString::fromStdString(report->error->describe())));
  } else if (!report->loaded) {
    status_->setText(tr("The rule does not load: see Problems."));
  } else if (report->run.value <= 0) {
    status_->setText(tr("The rule loads. The store has no run to try it on yet."));
  } else {
    status_->setText(tr("%1 finding(s) on run %2 · rule loaded in %3 ms · events read in %4 ms · evaluated in %5 ms")
                         .arg(report->findings.size())
                         .arg(report->run.value)
                         .arg(report->load_ms, 0, 'f', 1)
                         .arg(report->read_ms, 0, 'f', 1)
                         .arg(report->evaluate_ms, 0, 'f', 1));
  }
  emit previewShown(generation);
}

void DetectionRuleEditorView::showProblems(const DetectionPreviewReport& report) {
  problems_->clear();
  const std::string text = editorText();
  QList<QTextEdit::ExtraSelection> marks;
  QTextCharFormat underline;
  underline.setUnderlineStyle(QTextCharFormat::WaveUnderline);
  underline.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
  QTextDocument* doc = json_edit_->document();
  for (const auto& p : report.problems) {
    QString where;
    int position = -1;
    if (p.at) {
      position = char_position(text, p.at->offset);
      const int end = std::max(position + 1, char_position(text, p.at->offset + std::max<std::size_t>(p.at->length, 1)));
      const QTextBlock block = doc->findBlock(position);
      where = tr("line %1, column %2: ").arg(block.blockNumber() + 1).arg(position - block.position() + 1);
      QTextEdit::ExtraSelection mark;
      mark.cursor = QTextCursor(doc);
      mark.cursor.setPosition(std::min(position, doc->characterCount() - 1));
      mark.cursor.setPosition(std::min(end, doc->characterCount() - 1), QTextCursor::KeepAnchor);
      mark.format = underline;
      marks << mark;
    }
    auto* item = new QListWidgetItem(where + QString::fromStdString(p.message), problems_);
    item->setData(kPositionRole, position);
    item->setForeground(QColor(0xd3, 0x2f, 0x2f));
  }
  json_edit_->setExtraSelections(marks);
}

void DetectionRuleEditorView::onProblemActivated(QListWidgetItem* item) {
  if (!item || item->data(kPositionRole).toInt() < 0) return;
  QTextCursor cursor(json_edit_->document());
  cursor.setPosition(std::min(item->data(kPositionRole).toInt(), json_edit_->document()->characterCount() - 1));
  json_edit_->setTextCursor(cursor);
  json_edit_->centerCursor();
  json_edit_->setFocus(Qt::OtherFocusReason);
}

void DetectionRuleEditorView::loadHistory() {
  history_loads_->submit(
      true, [path = session_.storePath(), id = rule_id_.toStdString()] { return load_detection_history(path, id); },
      [this](const DetectionHistory& history, quint64) { onHistory(history); });
}

void DetectionRuleEditorView::onHistory(const DetectionHistory& history) {
  if (QString::fromStdString(history.rule_id) != rule_id_) return;  // another rule was opened since
  if (history.error) {
    emit failed(tr("Reading the rule's versions failed"), *history.error);
    return;
  }
  history_model_->resetData(history.versions);
  rollback_button_->setEnabled(false);  // until an older user version is selected
  emit historyLoaded(history_model_->rowCount());
}

bool DetectionRuleEditorView::confirmDiscard() {
  if (!isModified()) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved Detection Rule"), tr("%1 has changes that are not saved. Discard them?").arg(rule_id_),
      QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
  return answer == QMessageBox::Discard;
}

void DetectionRuleEditorView::save() {
  if (rule_id_.isEmpty()) return;
  status_->setText(tr("Saving…"));
  const std::string text = editorText();
  run_in_background(this, [path = session_.storePath(), text] { return save_detection_rule(path, text); },
                                   [this, text](const DetectionChange& change) {
                                     if (change.error) {
                                       status_->setText(tr("Not saved: see the message."));
                                       emit failed(tr("Saving the detection rule failed"), *change.error);
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

void DetectionRuleEditorView::rollbackTo(int version) {
  if (rule_id_.isEmpty()) return;
  run_in_background(
      this, [path = session_.storePath(), id = rule_id_.toStdString(), version] { return rollback_detection_rule(path, id, version); },
      [this](const DetectionChange& change) {
        if (change.error) {
          emit failed(tr("Rolling the detection rule back failed"), *change.error);
          return;
        }
        status_->setText(QString::fromStdString(change.message));
        // Read the rules again, then show the restored text in the editor.
        auto reopen = std::make_shared<QMetaObject::Connection>();
        *reopen = connect(this, &DetectionRuleEditorView::catalogLoaded, this, [this, reopen] {
          disconnect(*reopen);
          openRule(rule_id_);
        });
        refresh();
        emit changed(QString::fromStdString(change.message));
      });
}

// As the Rules tab's export: the open rule, else every stored (pack and user) one.
void DetectionRuleEditorView::exportPack(const QString& path) {
  std::vector<std::string> ids;
  if (!rule_id_.isEmpty()) ids.push_back(rule_id_.toStdString());
  run_in_background(
      this, [store = session_.storePath(), ids = std::move(ids), file = std::filesystem::path(path.toStdString())] {
        return export_detection_pack(store, ids, file);
      },
      [this](const DetectionChange& change) {
        if (change.error) {
          emit failed(tr("Exporting the detection rule pack failed"), *change.error);
          return;
        }
        status_->setText(QString::fromStdString(change.message));
        emit changed(QString::fromStdString(change.message));
      });
}

void DetectionRuleEditorView::chooseExport() {
  const QString suggested = rule_id_.isEmpty() ? QStringLiteral("detection-rules.json") : rule_id_ + QStringLiteral(".json");
  QString path = QFileDialog::getSaveFileName(this, tr("Export Detection Rule Pack"), suggested, tr("Rule packs (*.json)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".json"))) path += QStringLiteral(".json");
  exportPack(path);
}

}  // namespace st::ui
