// The findings of the detection-rule editor's preview: device, objects, evidence count,
// summary.
#pragma once

#include <QObject>

#include "ui/detection_rule_tasks.h"
#include "ui/models/row_table_model.h"

namespace st::ui {

using DetectionFindingModel = RowTableModel<DetectionFindingRow>;
enum class DetectionFindingColumn { Device, Objects, Evidence, Summary };

DetectionFindingModel* make_detection_finding_model(QObject* parent);

}  // namespace st::ui
