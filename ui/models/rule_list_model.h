// The rule editor's list of rules (shipped, and the store's user and pack rules): id, kind,
// version, enabled, origin. A RowTableModel over the catalog snapshot.
#pragma once

#include <QObject>

#include "ui/models/row_table_model.h"
#include "ui/rule_tasks.h"

namespace st::ui {

using RuleListModel = RowTableModel<RuleListRow>;
enum class RuleListColumn { Id, Kind, Version, Enabled, Origin };

RuleListModel* make_rule_list_model(QObject* parent);

}  // namespace st::ui
