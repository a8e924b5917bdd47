// One object's history (an interface through its device's last captures) as a table: the run,
// its capture time, what happened (first seen, added, changed, removed, coloured like the diff's
// chips) and the values: what changed, else the object's main fields then.
#pragma once

#include <QObject>

#include "diff/object_history.h"
#include "ui/models/row_table_model.h"

namespace st::ui {

using ObjectHistoryModel = RowTableModel<diff::HistoryEntry>;

enum class ObjectHistoryColumn { Run, Captured, Change, Values };

ObjectHistoryModel* make_object_history_model(QObject* parent);

}  // namespace st::ui
