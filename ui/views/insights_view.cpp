#include "ui/views/insights_view.h"

#include <cctype>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStringList>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include "insights/runbook_library.h"
#include "ui/load_when_shown.h"
#include "ui/models/insight_card_model.h"
#include "ui/store_session.h"

namespace st::ui {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }
QString html(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

bool has_runbook(const std::string& signature) {
  auto library = insights::RunbookLibrary::shipped();
  return library && (*library)->find(signature) != nullptr;
}

QString chip(insights::Severity severity) {
  return QStringLiteral("<span style=\"background-color:%1\">&nbsp;%2&nbsp;</span>")
      .arg(severity_color(severity).name(QColor::HexArgb), text(std::string(insights::to_string(severity))));
}

QString escalation_line(const std::optional<insights::EscalationCue>& cue) {
  if (!cue) return {};
  QString line = QObject::tr("<b>Escalate:</b> %1").arg(html(cue->contact));
  if (cue->sla) line += QObject::tr(" (SLA %1)").arg(html(*cue->sla));
  if (!cue->cue.empty()) line += QStringLiteral(" — ") + html(cue->cue);
  return line;
}

QString span_line(const std::optional<std::string>& first, const std::optional<std::string>& last) {
  if (!first && !last) return {};
  return QObject::tr("<b>Seen:</b> %1 – %2").arg(html(first.value_or("?")), html(last.value_or("?")));
}

QString card_html(const InsightCard& card) {
  const auto& r = card.row;
  QStringList lines;
  lines << QString(chip(r.severity) + QStringLiteral(" &nbsp;<b>") + html(r.title) + QStringLiteral("</b>"));
  lines << html(r.summary);
  lines << QObject::tr("<b>Device:</b> %1 (%2) &nbsp; <b>Rule:</b> %3 &nbsp; <b>Run:</b> %4")
               .arg(html(r.device), html(r.site), html(r.rule))
               .arg(r.run.value);
  if (!r.objects.empty()) {
    QStringList objects;
    for (const auto& o : r.objects) objects << html(o);
    lines << QObject::tr("<b>Affected:</b> %1").arg(objects.join(QStringLiteral(", ")));
  }
  if (const QString seen = span_line(r.first_seen, r.last_seen); !seen.isEmpty()) lines << seen;
  for (const auto& m : r.missing_commands) {
    lines << QObject::tr("<b>Collect next time:</b> <code>%1</code>").arg(html(m.syntax.empty() ? m.command : m.syntax));
  }
  if (const QString cue = escalation_line(card.escalation); !cue.isEmpty()) lines << cue;
  if (r.false_positive) {
    QString fp = QObject::tr("<b>Marked a false positive</b>");
    if (r.feedback_by) fp += QObject::tr(" by %1").arg(html(*r.feedback_by));
    if (r.feedback_note) fp += QStringLiteral(": ") + html(*r.feedback_note);
    lines << fp;
  }
  if (r.suppression) lines << QString(QStringLiteral("<b>") + card_state_text(r).toHtmlEscaped() + QStringLiteral("</b>"));
  lines << QObject::tr("Evidence: %1 line(s)%2")
               .arg(r.evidence_count)
               .arg(r.evidence.size() < r.evidence_count ? QObject::tr(", the first %1 below").arg(r.evidence.size())
                                                         : QString());
  return lines.join(QStringLiteral("<br>"));
}

QString cluster_html(const InsightCluster& cluster) {
  const auto& c = cluster.row;
  QStringList devices;
  for (const auto& d : c.devices) devices << html(d);
  QStringList lines;
  lines << QString(chip(c.severity) + QObject::tr(" &nbsp;<b>Incident: %1</b>").arg(html(c.title)));
  lines << html(c.summary);
  lines << QObject::tr("<b>Pattern:</b> %1 &nbsp; <b>Devices:</b> %2 &nbsp; <b>Cards:</b> %3")
               .arg(html(c.pattern), devices.join(QStringLiteral(", ")))
               .arg(c.insights.size());
  if (const QString seen = span_line(c.first_seen, c.last_seen); !seen.isEmpty()) lines << seen;
  if (const QString cue = escalation_line(cluster.escalation); !cue.isEmpty()) lines << cue;
  return lines.join(QStringLiteral("<br>"));
}

}  // namespace

InsightsView::InsightsView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      when_shown_(new LoadWhenShown(*this, [this] { request(); })),
      card_model_(new InsightCardModel(this)),
      evidence_model_(make_evidence_model(this)),
      run_box_(new QComboBox(this)),
      severity_box_(new QComboBox(this)),
      filter_(new QLineEdit(this)),
      count_(new QLabel(this)),
      cards_(new QTreeView(this)),
      detail_(new QLabel(this)),
      runbook_link_(new QLabel(this)),
      false_positive_(new QCheckBox(tr("False positive"), this)),
      evidence_(new QTableView(this)),
      show_raw_button_(new QPushButton(tr("Show in Raw Log"), this)),
      splitter_(new QSplitter(Qt::Horizontal, this)),
      show_raw_(new QAction(tr("Show in Raw Log"), this)) {
  setObjectName(QStringLiteral("insightsView"));
  cards_->setObjectName(QStringLiteral("insightCards"));
  evidence_->setObjectName(QStringLiteral("insightEvidence"));
  run_box_->setObjectName(QStringLiteral("insightsRun"));
  severity_box_->setObjectName(QStringLiteral("insightsMinSeverity"));
  filter_->setPlaceholderText(tr("Filter cards (title, device, rule, object…)"));
  filter_->setClearButtonEnabled(true);
  for (int s = 0; s <= insights::rank(insights::Severity::Critical); ++s) {
    const auto severity = static_cast<insights::Severity>(s);
    severity_box_->addItem(tr("%1 and worse").arg(text(std::string(insights::to_string(severity)))), s);
  }

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Run"), this));
  bar->addWidget(run_box_);
  bar->addSpacing(12);
  bar->addWidget(new QLabel(tr("Severity"), this));
  bar->addWidget(severity_box_);
  bar->addSpacing(12);
  bar->addWidget(filter_, 1);
  bar->addWidget(count_);

  cards_->setModel(card_model_);
  cards_->setUniformRowHeights(true);
  cards_->setAlternatingRowColors(true);
  cards_->setSelectionBehavior(QAbstractItemView::SelectRows);
  cards_->setAllColumnsShowFocus(true);
  cards_->header()->setStretchLastSection(true);

  detail_->setTextFormat(Qt::RichText);
  detail_->setWordWrap(true);
  detail_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  detail_->setFrameShape(QFrame::StyledPanel);
  detail_->setMargin(8);
  runbook_link_->setTextFormat(Qt::RichText);
  runbook_link_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
  evidence_->setModel(evidence_model_);
  evidence_->setSelectionBehavior(QAbstractItemView::SelectRows);
  evidence_->setSelectionMode(QAbstractItemView::SingleSelection);
  evidence_->verticalHeader()->hide();
  evidence_->horizontalHeader()->setStretchLastSection(false);
  evidence_->horizontalHeader()->setSectionResizeMode(static_cast<int>(EvidenceColumn::Line), QHeaderView::Stretch);
  evidence_->setWordWrap(false);

  auto* links = new QHBoxLayout;
  links->addWidget(runbook_link_);
  links->addStretch(1);
  links->addWidget(false_positive_);
  auto* evidence_bar = new QHBoxLayout;
  evidence_bar->addWidget(new QLabel(tr("Evidence lines"), this));
  evidence_bar->addStretch(1);
  evidence_bar->addWidget(show_raw_button_);
  auto* details = new QWidget(this);
  auto* details_layout = new QVBoxLayout(details);
  details_layout->setContentsMargins(0, 0, 0, 0);
  details_layout->addWidget(detail_);
  details_layout->addLayout(links);
  details_layout->addLayout(evidence_bar);
  details_layout->addWidget(evidence_, 1);

  splitter_->addWidget(cards_);
  splitter_->addWidget(details);
  splitter_->setChildrenCollapsible(false);
  splitter_->setStretchFactor(0, 3);
  splitter_->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addLayout(bar);
  layout->addWidget(splitter_, 1);

  connect(run_box_, &QComboBox::currentIndexChanged, this, [this] {
    if (filling_) return;
    const QVariant run = run_box_->currentData();
    run_ = run.isValid() ? std::optional(RunId{run.toLongLong()}) : std::nullopt;
    request();
  });
  connect(severity_box_, &QComboBox::currentIndexChanged, this, [this] { applyFilters(); });
  connect(filter_, &QLineEdit::textChanged, this, [this] { applyFilters(); });
  connect(&session_, &StoreSession::insightsReady, this, &InsightsView::onInsightsReady);
  connect(&session_, &StoreSession::feedbackSaved, this, &InsightsView::onFeedbackSaved);
  connect(cards_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { onCurrentChanged(); });
  connect(false_positive_, &QCheckBox::clicked, this, [this](bool checked) { setCurrentFalsePositive(checked); });
  connect(runbook_link_, &QLabel::linkActivated, this, [this] { openCurrentChecklist(); });

  show_raw_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  show_raw_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  show_raw_->setStatusTip(tr("Open the selected evidence line in the raw log viewer"));
  addAction(show_raw_);
  auto open_raw = [this] {
    if (const auto location = currentLocation()) emit showInRawLog(*location);
  };
  connect(show_raw_, &QAction::triggered, this, open_raw);
  connect(show_raw_button_, &QPushButton::clicked, this, open_raw);
  connect(evidence_, &QAbstractItemView::doubleClicked, this, open_raw);
  connect(cards_, &QAbstractItemView::doubleClicked, this, open_raw);
  connect(evidence_, &QAbstractItemView::clicked, this, [open_raw](const QModelIndex& index) {
    if (index.column() == static_cast<int>(EvidenceColumn::Show)) open_raw();
  });
  evidence_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(evidence_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
    if (!evidence_->indexAt(at).isValid()) return;
    QMenu menu(this);
    menu.addAction(show_raw_);
    menu.exec(evidence_->viewport()->mapToGlobal(at));
  });
  onCurrentChanged();
}

void InsightsView::refresh() { request(); }

void InsightsView::refreshWhenShown() { when_shown_->request(); }

void InsightsView::showRun(std::optional<RunId> run) {
  run_ = run;
  request();
}

void InsightsView::setMinimumSeverity(insights::Severity severity) {
  severity_box_->setCurrentIndex(severity_box_->findData(insights::rank(severity)));
}

void InsightsView::focusFilter() {
  filter_->setFocus(Qt::ShortcutFocusReason);
  filter_->selectAll();
}

void InsightsView::request() {
  when_shown_->markLoaded();
  loading_ = true;
  session_.loadInsights(run_);
}

void InsightsView::onInsightsReady(const InsightsOutcome& outcome) {
  loading_ = false;
  if (outcome.error) return;  // StoreSession reported it
  if (outcome.run != run_) return;  // an answer for a run no longer chosen
  filling_ = true;
  run_box_->clear();
  run_box_->addItem(tr("Latest run of each device"));
  for (auto it = outcome.runs->rbegin(); it != outcome.runs->rend(); ++it) {  // newest first
    const QString captured = it->captured_at ? text(*it->captured_at) : tr("capture time unknown");
    run_box_->addItem(tr("Run %1 · %2").arg(it->id.value).arg(captured), QVariant::fromValue<qlonglong>(it->id.value));
    if (run_ && it->id == *run_) run_box_->setCurrentIndex(run_box_->count() - 1);
  }
  filling_ = false;
  const auto* current = card_model_->cardAt(cards_->currentIndex());
  const std::optional<std::int64_t> selected = current ? std::optional(current->row.id) : std::nullopt;
  card_model_->resetData(*outcome.cards, *outcome.clusters);
  cards_->expandAll();
  for (int c = 0; c < card_model_->columnCount() - 1; ++c) cards_->resizeColumnToContents(c);
  if (!selected || !selectCard(*selected)) {
    if (card_model_->rowCount() > 0) cards_->setCurrentIndex(card_model_->index(0, 0));
  }
  onCurrentChanged();
  updateCount();
  emit cardsShown(card_model_->shownCards());
}

void InsightsView::applyFilters() {
  const auto* current = card_model_->cardAt(cards_->currentIndex());
  const std::optional<std::int64_t> selected = current ? std::optional(current->row.id) : std::nullopt;
  card_model_->setMinimumSeverity(static_cast<insights::Severity>(severity_box_->currentData().toInt()));
  card_model_->setFilterText(filter_->text());
  cards_->expandAll();
  if (!selected || !selectCard(*selected)) {
    if (card_model_->rowCount() > 0) cards_->setCurrentIndex(card_model_->index(0, 0));
  }
  onCurrentChanged();
  updateCount();
}

void InsightsView::updateCount() {
  count_->setText(tr("%1 of %2 cards").arg(card_model_->shownCards()).arg(card_model_->totalCards()));
}

bool InsightsView::selectCard(std::int64_t insight) {
  const QModelIndex index = card_model_->indexOfCard(insight);
  if (!index.isValid()) return false;
  cards_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  return true;
}

void InsightsView::onCurrentChanged() {
  const QModelIndex current = cards_->currentIndex();
  const InsightCard* card = card_model_->cardAt(current);
  const InsightCluster* cluster = card_model_->clusterAt(current);
  std::string signature;
  if (card) {
    detail_->setText(card_html(*card));
    evidence_model_->resetData(std::make_shared<const std::vector<insights::EvidenceLine>>(card->row.evidence));
    signature = card->row.signature;
  } else if (cluster) {
    detail_->setText(cluster_html(*cluster));
    evidence_model_->resetData(std::make_shared<const std::vector<insights::EvidenceLine>>(cluster->row.evidence));
    signature = cluster->row.signature;
  } else {
    detail_->setText(card_model_->totalCards() == 0 ? tr("No insight cards: nothing in this store's captures raised one.")
                                                    : tr("Select a card to see its evidence."));
    evidence_model_->resetData(EvidenceModel::Snapshot{});
  }
  false_positive_->setEnabled(card != nullptr);
  false_positive_->setChecked(card && card->row.false_positive);
  runbook_link_->setText(!signature.empty() && has_runbook(signature)
                             ? tr("<a href=\"checklist\">Open the runbook checklist</a> (%1)").arg(html(signature))
                             : QString());
  show_raw_button_->setEnabled(evidence_model_->rowCount() > 0);
  evidence_->resizeColumnToContents(static_cast<int>(EvidenceColumn::Where));
  evidence_->resizeColumnToContents(static_cast<int>(EvidenceColumn::Show));
  if (evidence_model_->rowCount() > 0) evidence_->selectRow(0);
}

void InsightsView::setCurrentFalsePositive(bool false_positive) {
  const InsightCard* card = card_model_->cardAt(cards_->currentIndex());
  if (!card) return;
  session_.saveFalsePositive(card->row.id, false_positive);
}

void InsightsView::onFeedbackSaved(const FeedbackOutcome& outcome) {
  if (outcome.error) {
    onCurrentChanged();  // the box shows what is stored again
    return;
  }
  card_model_->setFalsePositive(outcome.insight, outcome.false_positive);
  const InsightCard* card = card_model_->cardAt(cards_->currentIndex());
  if (card && card->row.id == outcome.insight) detail_->setText(card_html(*card));
  emit falsePositiveSaved(outcome.insight, outcome.false_positive);
}

std::optional<ChecklistSubject> InsightsView::currentSubject() const {
  const QModelIndex current = cards_->currentIndex();
  if (const InsightCard* card = card_model_->cardAt(current)) {
    const auto& r = card->row;
    // Port-level cards name interfaces first (Gi1/0/5, Et24, 1/1/5); other objects (a supply
    // "1B", a VLAN "30", a command) leave <interface> as the runbook writes it.
    std::string port;
    if (!r.objects.empty()) {
      const std::string& o = r.objects.front();
      const bool slashed = o.find('/') != std::string::npos && o.find(' ') == std::string::npos && o.find(':') == std::string::npos;
      const bool named = o.size() > 2 && std::isalpha(static_cast<unsigned char>(o[0])) &&
                         o.find_first_of("0123456789") != std::string::npos && o.find_first_of(" :") == std::string::npos;
      if (slashed || named) port = o;
    }
    return ChecklistSubject{"insight:" + std::to_string(r.id), r.device, r.signature, r.title,
                            std::string(insights::to_string(r.severity)), card->platform, card->escalation, port};
  }
  if (const InsightCluster* cluster = card_model_->clusterAt(current)) {
    const auto& c = cluster->row;
    return ChecklistSubject{"cluster:" + std::to_string(c.id), "", c.signature, c.title,
                            std::string(insights::to_string(c.severity)), "", cluster->escalation, ""};
  }
  return std::nullopt;
}

bool InsightsView::openCurrentChecklist() {
  const auto subject = currentSubject();
  if (!subject || !has_runbook(subject->signature)) return false;
  emit openChecklist(*subject);
  return true;
}

std::optional<RunId> InsightsView::currentEvidenceRun() const {
  const QModelIndex current = cards_->currentIndex();
  if (const InsightCard* card = card_model_->cardAt(current)) return card->row.run;
  if (const InsightCluster* cluster = card_model_->clusterAt(current)) return cluster->row.run;
  return std::nullopt;
}

std::optional<RawLocation> InsightsView::currentLocation() const {
  const auto run = currentEvidenceRun();
  if (!run || evidence_model_->rowCount() == 0) return std::nullopt;
  const int row = evidence_->currentIndex().isValid() ? evidence_->currentIndex().row() : 0;
  const auto* line = evidence_model_->rowAt(row);
  if (!line) return std::nullopt;
  return raw_location(*run, line->source);
}

}  // namespace st::ui
