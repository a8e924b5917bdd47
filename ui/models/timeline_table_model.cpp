#include "ui/models/timeline_table_model.h"

#include <QDateTime>

#include <cmath>

namespace st::ui {

QString timeline_series_title(const std::string& name) {
  if (name == kCriticalCards) return QObject::tr("Critical cards");
  if (name == kMajorCards) return QObject::tr("Major cards");
  if (name == kWarningCards) return QObject::tr("Warning cards");
  if (name == kInfoCards) return QObject::tr("Info cards");
  return QString::fromStdString(name);
}

QString timeline_time_text(const std::string& iso) {
  const QString text = QString::fromStdString(iso);
  const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
  if (!time.isValid()) return text;
  return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString timeline_value_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
    return QString::number(static_cast<qlonglong>(value));
  return QString::number(value, 'f', 2);
}

TimelineTableModel::TimelineTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TimelineTableModel::resetData(std::shared_ptr<const TimelineData> data, const std::vector<std::string>& series) {
  beginResetModel();
  data_ = std::move(data);
  shown_.clear();
  if (data_) {
    for (const auto& name : series) {
      if (const auto* s = data_->find(name)) shown_.push_back(s);
    }
  }
  endResetModel();
}

int TimelineTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !data_) return 0;
  return static_cast<int>(data_->runs.size());
}

int TimelineTableModel::columnCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return kFirstSeriesColumn + static_cast<int>(shown_.size());
}

std::optional<RunId> TimelineTableModel::runAt(int row) const {
  if (!data_ || row < 0 || row >= rowCount()) return std::nullopt;
  return data_->runs[static_cast<std::size_t>(row)].run;
}

const TimelineSeries* TimelineTableModel::seriesAt(int column) const {
  const int i = column - kFirstSeriesColumn;
  if (i < 0 || i >= static_cast<int>(shown_.size())) return nullptr;
  return shown_[static_cast<std::size_t>(i)];
}

QVariant TimelineTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !data_) return {};
  const auto row = static_cast<std::size_t>(index.row());
  const TimelineRun& run = data_->runs[row];
  if (role == kRunIdRole) return QVariant::fromValue<qlonglong>(run.run.value);
  if (role == Qt::TextAlignmentRole) {
    return index.column() == kCapturedColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  if (index.column() == kRunColumn) return QVariant::fromValue<qlonglong>(run.run.value);
  if (index.column() == kCapturedColumn) return timeline_time_text(run.captured_at);
  const TimelineSeries* series = seriesAt(index.column());
  if (!series) return {};
  const auto& value = series->values[row];
  if (!value) return role == Qt::ToolTipRole ? QVariant(tr("Not stored for this run")) : QVariant();
  return timeline_value_text(*value);
}

QVariant TimelineTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  if (section == kRunColumn) return tr("Run");
  if (section == kCapturedColumn) return tr("Captured");
  if (const auto* series = seriesAt(section)) return timeline_series_title(series->name);
  return {};
}

}  // namespace st::ui
