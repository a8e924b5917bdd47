#include "ui/models/detection_history_model.h"

#include "ui/models/table_roles.h"

namespace st::ui {

DetectionHistoryModel* make_detection_history_model(QObject* parent) {
  using Column = DetectionHistoryModel::Column;
  using insights::StoredRule;
  auto text = [](auto get) {
    return [get](const StoredRule& r, int role) -> QVariant {
      if (role == Qt::DisplayRole || role == kSortRole) return QString::fromStdString(get(r));
      return {};
    };
  };
  std::vector<Column> columns{
      {QObject::tr("Version"),
       [](const StoredRule& r, int role) -> QVariant {
         if (role == Qt::DisplayRole) return QString::number(r.version);
         if (role == kSortRole) return QVariant::fromValue<qlonglong>(r.version);
         return {};
       },
       Qt::AlignRight | Qt::AlignVCenter},
      {QObject::tr("Origin"), text([](const StoredRule& r) {
         return std::string(insights::to_string(r.origin)) + (r.pack ? " " + *r.pack : std::string());
       })},
      {QObject::tr("Active"),
       [](const StoredRule& r, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole) return r.active ? QObject::tr("yes") : QString();
         return {};
       }},
      {QObject::tr("Saved"), text([](const StoredRule& r) { return r.saved_at; })},
      {QObject::tr("By"), text([](const StoredRule& r) { return r.saved_by; })},
  };
  return new DetectionHistoryModel(std::move(columns), parent);
}

}  // namespace st::ui
