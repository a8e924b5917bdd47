// The evidence lines of one insight card: where each is (file and byte offset), its text, and a
// "Show in raw log" link cell that opens it there.
#pragma once

#include <QObject>

#include "insights/insight_listing.h"
#include "ui/models/row_table_model.h"

namespace st::ui {

using EvidenceModel = RowTableModel<insights::EvidenceLine>;

enum class EvidenceColumn { Where, Line, Show };

EvidenceModel* make_evidence_model(QObject* parent);

}  // namespace st::ui
