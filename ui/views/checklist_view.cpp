#include "ui/views/checklist_view.h"

#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStringList>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include "insights/runbook_library.h"
#include "insights/severity.h"
#include "ui/models/checklist_model.h"
#include "ui/models/insight_card_model.h"
#include "ui/store_session.h"

namespace st::ui {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

// The runbook file without its front matter (the view shows those keys itself), its checklist
// lines ticked where the store says they are done.
QString runbook_markdown(const insights::Runbook& runbook, const ChecklistModel& model) {
  QStringList lines = text(runbook.markdown).split(QLatin1Char('\n'));
  for (int row = 0; row < model.rowCount(); ++row) {
    const auto* item = model.itemAt(row);
    const auto* check = item ? runbook.item(item->id) : nullptr;
    if (!check || check->line == 0 || check->line > static_cast<std::size_t>(lines.size())) continue;
    QString& line = lines[static_cast<qsizetype>(check->line - 1)];
    if (item->mark && item->mark->done) line.replace(QStringLiteral("- [ ]"), QStringLiteral("- [x]"));
  }
  qsizetype start = 0;
  if (!lines.isEmpty() && lines.front().trimmed() == QStringLiteral("---")) {
    for (qsizetype i = 1; i < lines.size(); ++i) {
      if (lines[i].trimmed() == QStringLiteral("---")) {
        start = i + 1;
        break;
      }
    }
  }
  return lines.mid(start).join(QLatin1Char('\n'));
}

QString escalation_html(const ChecklistSubject& subject) {
  const auto severity = insights::severity_from(subject.severity).value_or(insights::Severity::Info);
  const QString chip = QStringLiteral("<span style=\"background-color:%1\">&nbsp;%2&nbsp;</span>")
                           .arg(severity_color(severity).name(QColor::HexArgb), text(subject.severity).toHtmlEscaped());
  if (!subject.escalation) return chip + QObject::tr(" &nbsp;No escalation contact is named for this finding.");
  const auto& e = *subject.escalation;
  QString html = chip + QObject::tr(" &nbsp;<b>Escalate to %1</b>").arg(text(e.contact).toHtmlEscaped());
  if (e.sla) html += QObject::tr(" (SLA %1)").arg(text(*e.sla).toHtmlEscaped());
  if (!e.cue.empty()) html += QStringLiteral("<br>") + text(e.cue).toHtmlEscaped();
  return html;
}

}  // namespace

ChecklistView::ChecklistView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      model_(new ChecklistModel(this)),
      header_(new QLabel(this)),
      escalation_(new QLabel(this)),
      progress_(new QLabel(this)),
      tree_(new QTreeView(this)),
      commands_title_(new QLabel(this)),
      commands_(new QPlainTextEdit(this)),
      markdown_(new QTextBrowser(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)) {
  setObjectName(QStringLiteral("checklistView"));
  tree_->setObjectName(QStringLiteral("checklistItems"));
  markdown_->setObjectName(QStringLiteral("runbookMarkdown"));
  escalation_->setObjectName(QStringLiteral("escalationCue"));
  header_->setTextFormat(Qt::RichText);
  header_->setText(tr("Select an insight card and follow its runbook link to work through its checklist."));
  escalation_->setTextFormat(Qt::RichText);
  escalation_->setWordWrap(true);
  escalation_->setFrameShape(QFrame::StyledPanel);
  escalation_->setMargin(6);
  escalation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  escalation_->hide();

  tree_->setModel(model_);
  tree_->setRootIsDecorated(false);
  tree_->setUniformRowHeights(true);
  tree_->setWordWrap(true);
  tree_->header()->setStretchLastSection(false);
  tree_->header()->setSectionResizeMode(static_cast<int>(ChecklistColumn::Item), QHeaderView::Stretch);
  tree_->header()->setSectionResizeMode(static_cast<int>(ChecklistColumn::Who), QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(static_cast<int>(ChecklistColumn::When), QHeaderView::ResizeToContents);
  // Notes are typed in place (double-click, F2 or just typing) and saved when the editor closes.
  tree_->header()->setSectionResizeMode(static_cast<int>(ChecklistColumn::Note), QHeaderView::Interactive);
  tree_->header()->resizeSection(static_cast<int>(ChecklistColumn::Note), 180);
  tree_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                         QAbstractItemView::AnyKeyPressed);

  commands_->setReadOnly(true);
  commands_->setFont(QFont(QStringLiteral("monospace")));
  commands_->setMaximumHeight(140);
  markdown_->setOpenExternalLinks(true);

  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(progress_);
  left_layout->addWidget(tree_, 1);
  left_layout->addWidget(commands_title_);
  left_layout->addWidget(commands_);
  splitter_->addWidget(left);
  splitter_->addWidget(markdown_);
  splitter_->setChildrenCollapsible(false);
  splitter_->setStretchFactor(0, 3);
  splitter_->setStretchFactor(1, 2);
  splitter_->setSizes({3000, 2000});  // the checklist first; scaled to the window

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addWidget(header_);
  layout->addWidget(escalation_);
  layout->addWidget(splitter_, 1);

  connect(&session_, &StoreSession::checklistReady, this, &ChecklistView::onChecklistReady);
  connect(model_, &ChecklistModel::markChanged, this, [this](const store::ChecklistMark& mark) {
    if (!subject_) return;
    loading_ = true;
    session_.saveChecklistMark(subject_->incident, subject_->device, mark);
    updateProgress();
    renderRunbook();
  });
}

void ChecklistView::showSubject(const ChecklistSubject& subject) {
  subject_ = subject;
  auto library = insights::RunbookLibrary::shipped();
  runbook_ = library ? (*library)->find(subject.signature) : nullptr;
  model_->resetItems(runbook_);

  QString header = tr("<b>%1</b> &nbsp; %2").arg(text(subject.title).toHtmlEscaped(), text(subject.incident));
  if (!subject.device.empty()) header += tr(" on <b>%1</b>").arg(text(subject.device).toHtmlEscaped());
  header += runbook_ ? tr(" &nbsp; runbook %1").arg(text(runbook_->file))
                     : tr(" &nbsp; no runbook serves %1").arg(text(subject.signature).toHtmlEscaped());
  header_->setText(header);
  escalation_->setText(escalation_html(subject));
  escalation_->show();

  const insights::VendorCommands* vendor = runbook_ ? runbook_->commands_for(subject.platform) : nullptr;
  QStringList commands;
  if (vendor) {
    commands_title_->setText(tr("Next commands on %1").arg(text(vendor->heading)));
    for (const auto& c : vendor->commands) {
      QString command = text(c);
      if (!subject.interface.empty()) command.replace(QStringLiteral("<interface>"), text(subject.interface));
      commands << command;
    }
  } else if (runbook_) {
    commands_title_->setText(tr("Next commands"));
    for (const auto& v : runbook_->next_commands) {
      commands << QString(QStringLiteral("! ") + text(v.heading));
      for (const auto& c : v.commands) commands << text(c);
    }
  } else {
    commands_title_->clear();
  }
  commands_->setPlainText(commands.join(QLatin1Char('\n')));
  renderRunbook();
  updateProgress();
  loading_ = true;
  session_.loadChecklist(subject.incident, subject.device);
}

void ChecklistView::onChecklistReady(const ChecklistOutcome& outcome) {
  if (!subject_ || outcome.incident != subject_->incident || outcome.device != subject_->device) return;
  loading_ = false;
  if (outcome.error) return;  // StoreSession reported it
  model_->setMarks(outcome.marks);
  renderRunbook();
  updateProgress();
  emit marksShown(model_->doneCount());
}

void ChecklistView::renderRunbook() {
  if (!runbook_) {
    markdown_->clear();
    return;
  }
  const int scroll = markdown_->verticalScrollBar() ? markdown_->verticalScrollBar()->value() : 0;
  markdown_->setMarkdown(runbook_markdown(*runbook_, *model_));
  if (markdown_->verticalScrollBar()) markdown_->verticalScrollBar()->setValue(scroll);
}

void ChecklistView::updateProgress() {
  progress_->setText(runbook_ ? tr("%1 of %2 checks done").arg(model_->doneCount()).arg(model_->rowCount())
                              : QString());
}

}  // namespace st::ui
