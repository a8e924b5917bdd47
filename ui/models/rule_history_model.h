// A stored rule's versions (oldest first): version, saved at, origin, note, checksum.
#pragma once

#include <QObject>

#include "store/rule_store.h"
#include "ui/models/row_table_model.h"

namespace st::ui {

using RuleHistoryModel = RowTableModel<store::StoredRule>;
enum class RuleHistoryColumn { Version, Saved, Origin, Note, Checksum };

RuleHistoryModel* make_rule_history_model(QObject* parent);

}  // namespace st::ui
