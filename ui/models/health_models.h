// The health view's tables: runs with their ingest totals, and one run's files,
// device telemetry and unknown/failed sections. Each is a RowTableModel over a snapshot.
#pragma once

#include <QObject>
#include <QString>

#include "store/health.h"
#include "store/listings.h"
#include "ui/models/row_table_model.h"

namespace st::ui {

using RunHealthModel = RowTableModel<store::RunHealth>;
using FileHealthModel = RowTableModel<store::FileHealth>;
using DeviceHealthModel = RowTableModel<store::DeviceHealth>;
using SectionIssueModel = RowTableModel<store::SectionRow>;

// Columns, in order.
enum class RunHealthColumn { Run, Captured, Files, Devices, Size, Parsed, Unknown, Failed, ParseTime, Bundle };
enum class FileHealthColumn { File, Size, Devices, Parsed, Unknown, Failed, ParseTime };
enum class DeviceHealthColumn { Device, File, Bytes, Parsed, Unknown, Failed, ParseTime };
enum class SectionIssueColumn { Status, Device, Command, Reason, File, Offset, Length };

RunHealthModel* make_run_health_model(QObject* parent);
FileHealthModel* make_file_health_model(QObject* parent);
DeviceHealthModel* make_device_health_model(QObject* parent);
SectionIssueModel* make_section_issue_model(QObject* parent);

// "1.2 MB", "812 B"
QString byte_size_text(std::uint64_t bytes);
// "4.2 ms", "1.35 s"
QString duration_text(double seconds);

}  // namespace st::ui
