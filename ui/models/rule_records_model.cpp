#include "ui/models/rule_records_model.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace st::ui {

namespace {

QString cell_text(const nlohmann::ordered_json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return QString::fromStdString(value.get<std::string>());
  if (value.is_array()) {
    QStringList items;
    for (const auto& item : value) items << cell_text(item);
    return items.join(QStringLiteral(", "));
  }
  return QString::fromStdString(value.dump());
}

}  // namespace

RuleRecordsModel::RuleRecordsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RuleRecordsModel::resetData(std::shared_ptr<const rules::RuleTestReport> report) {
  beginResetModel();
  report_ = std::move(report);
  endResetModel();
}

QStringList RuleRecordsModel::fieldNames() const {
  QStringList names;
  if (report_) {
    for (const auto& f : report_->fields) names << QString::fromStdString(f);
  }
  return names;
}

int RuleRecordsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !report_ ? 0 : static_cast<int>(report_->run.records.size());
}

int RuleRecordsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !report_ ? 0 : static_cast<int>(report_->fields.size());
}

QVariant RuleRecordsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& record = report_->run.records[static_cast<std::size_t>(index.row())];
  const std::string& field = report_->fields[static_cast<std::size_t>(index.column())];
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    auto it = record.row.find(field);
    return it == record.row.end() ? QString() : cell_text(*it);
  }
  if (role == kLinesRole) {
    QList<int> lines;
    for (auto n : record.lines) lines << static_cast<int>(n);
    return QVariant::fromValue(lines);
  }
  return {};
}

QVariant RuleRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || !report_) return {};
  if (orientation == Qt::Vertical) return section + 1;
  if (section < 0 || section >= static_cast<int>(report_->fields.size())) return {};
  return QString::fromStdString(report_->fields[static_cast<std::size_t>(section)]);
}

}  // namespace st::ui
