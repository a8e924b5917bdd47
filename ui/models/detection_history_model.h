// A detection rule's stored versions (newest first): version, origin, active, saved at, by.
#pragma once

#include <QObject>

#include "insights/detection_store.h"
#include "ui/models/row_table_model.h"

namespace st::ui {

using DetectionHistoryModel = RowTableModel<insights::StoredRule>;
enum class DetectionHistoryColumn { Version, Origin, Active, Saved, By };

DetectionHistoryModel* make_detection_history_model(QObject* parent);

}  // namespace st::ui
