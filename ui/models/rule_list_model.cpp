#include "ui/models/rule_list_model.h"

#include "ui/models/table_roles.h"

namespace st::ui {

RuleListModel* make_rule_list_model(QObject* parent) {
  using Column = RuleListModel::Column;
  auto text = [](auto field) {
    return [field](const RuleListRow& r, int role) -> QVariant {
      if (role == Qt::DisplayRole || role == kSortRole) return QString::fromStdString(r.*field);
      return {};
    };
  };
  std::vector<Column> columns{
      {QObject::tr("Rule"), text(&RuleListRow::id)},
      {QObject::tr("Kind"), text(&RuleListRow::kind)},
      {QObject::tr("Version"),
       [](const RuleListRow& r, int role) -> QVariant {
         if (role == Qt::DisplayRole) return QString::number(r.version);
         if (role == kSortRole) return QVariant::fromValue<qlonglong>(r.version);
         return {};
       },
       Qt::AlignRight | Qt::AlignVCenter},
      {QObject::tr("Enabled"),
       [](const RuleListRow& r, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole) return r.enabled ? QObject::tr("yes") : QObject::tr("no");
         if (role == Qt::ToolTipRole && !r.enabled)
           return QObject::tr("Shipped disabled: the built-in C++ parser is kept (docs/parser-rules.md)");
         return {};
       }},
      {QObject::tr("Origin"), text(&RuleListRow::origin)},
  };
  return new RuleListModel(std::move(columns), parent);
}

}  // namespace st::ui
