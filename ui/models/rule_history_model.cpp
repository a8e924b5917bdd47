#include "ui/models/rule_history_model.h"

#include "ui/models/table_roles.h"

namespace st::ui {

RuleHistoryModel* make_rule_history_model(QObject* parent) {
  using Column = RuleHistoryModel::Column;
  auto text = [](auto get) {
    return [get](const store::StoredRule& r, int role) -> QVariant {
      if (role == Qt::DisplayRole || role == kSortRole) return QString::fromStdString(get(r));
      return {};
    };
  };
  std::vector<Column> columns{
      {QObject::tr("Version"),
       [](const store::StoredRule& r, int role) -> QVariant {
         if (role == Qt::DisplayRole) return QString::number(r.version);
         if (role == kSortRole) return QVariant::fromValue<qlonglong>(r.version);
         return {};
       },
       Qt::AlignRight | Qt::AlignVCenter},
      {QObject::tr("Saved"), text([](const store::StoredRule& r) { return r.saved_at; })},
      {QObject::tr("Origin"),
       text([](const store::StoredRule& r) { return r.origin + (r.pack ? " " + *r.pack : std::string()); })},
      {QObject::tr("Note"), text([](const store::StoredRule& r) { return r.note; })},
      {QObject::tr("Checksum"), text([](const store::StoredRule& r) { return r.checksum.substr(0, 12); })},
  };
  return new RuleHistoryModel(std::move(columns), parent);
}

}  // namespace st::ui
