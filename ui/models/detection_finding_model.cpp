#include "ui/models/detection_finding_model.h"

#include "ui/models/table_roles.h"

namespace st::ui {

DetectionFindingModel* make_detection_finding_model(QObject* parent) {
  using Column = DetectionFindingModel::Column;
  auto text = [](auto field) {
    return [field](const DetectionFindingRow& r, int role) -> QVariant {
      if (role == Qt::DisplayRole || role == kSortRole || role == Qt::ToolTipRole) return QString::fromStdString(r.*field);
      return {};
    };
  };
  std::vector<Column> columns{
      {QObject::tr("Device"), text(&DetectionFindingRow::device)},
      {QObject::tr("Objects"), text(&DetectionFindingRow::objects)},
      {QObject::tr("Evidence"),
       [](const DetectionFindingRow& r, int role) -> QVariant {
         if (role == Qt::DisplayRole) return QString::number(r.evidence_count);
         if (role == kSortRole) return QVariant::fromValue<qlonglong>(static_cast<qlonglong>(r.evidence_count));
         return {};
       },
       Qt::AlignRight | Qt::AlignVCenter},
      {QObject::tr("Summary"), text(&DetectionFindingRow::summary)},
  };
  return new DetectionFindingModel(std::move(columns), parent);
}

}  // namespace st::ui
