#include "ui/models/health_models.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>

#include "ui/models/interface_status.h"
#include "ui/models/table_roles.h"

namespace st::ui {
namespace {

constexpr auto kRight = Qt::AlignRight | Qt::AlignVCenter;

QColor failed_colour() {
  return is_dark_palette(QGuiApplication::palette()) ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc6, 0x28, 0x28);
}
QColor unknown_colour() {
  return is_dark_palette(QGuiApplication::palette()) ? QColor(0xf0, 0xb4, 0x50) : QColor(0x9a, 0x5b, 0x00);
}

QString text(const std::string& value) { return QString::fromStdString(value); }
QString text(const std::optional<std::string>& value) { return value ? text(*value) : QString(); }

// A count cell: the number, sorted as one, coloured when it is a problem.
QVariant count_cell(std::int64_t value, int role, std::optional<QColor> problem = std::nullopt) {
  switch (role) {
    case Qt::DisplayRole: return QString::number(value);
    case kSortRole: return QVariant::fromValue<qlonglong>(value);
    case Qt::ForegroundRole:
      if (problem && value > 0) return *problem;
      return {};
    default: return {};
  }
}

QVariant size_cell(std::uint64_t bytes, int role) {
  if (role == Qt::DisplayRole) return byte_size_text(bytes);
  if (role == kSortRole) return QVariant::fromValue<qlonglong>(static_cast<qlonglong>(bytes));
  if (role == Qt::ToolTipRole) return QObject::tr("%1 bytes").arg(bytes);
  return {};
}

QVariant time_cell(double seconds, int role) {
  if (role == Qt::DisplayRole) return duration_text(seconds);
  if (role == kSortRole) return QVariant::fromValue<qlonglong>(std::llround(seconds * 1e6));
  return {};
}

QVariant text_cell(const QString& value, int role) {
  if (role == Qt::DisplayRole || role == kSortRole || role == Qt::ToolTipRole) return value;
  return {};
}

QString capture_text(const std::optional<std::string>& iso) {
  if (!iso) return {};
  const QDateTime time = QDateTime::fromString(text(*iso), Qt::ISODate);
  return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC")
                        : text(*iso);
}

// The columns the run, file and device tables share: sections by status, then parse time.
template <class Row>
std::vector<typename RowTableModel<Row>::Column> section_columns() {
  return {
      {QObject::tr("Parsed"), [](const Row& r, int role) { return count_cell(r.sections.parsed, role); }, kRight},
      {QObject::tr("Unknown"),
       [](const Row& r, int role) { return count_cell(r.sections.unknown, role, unknown_colour()); }, kRight},
      {QObject::tr("Failed"),
       [](const Row& r, int role) { return count_cell(r.sections.failed, role, failed_colour()); }, kRight},
      {QObject::tr("Parse time"), [](const Row& r, int role) { return time_cell(r.parse_seconds, role); }, kRight},
  };
}

// `columns`, then `more` after them.
template <class Column>
std::vector<Column> joined(std::vector<Column> columns, std::vector<Column> more) {
  columns.insert(columns.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  return columns;
}

}  // namespace

QString byte_size_text(std::uint64_t bytes) {
  return QLocale::c().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

QString duration_text(double seconds) {
  if (seconds < 1.0) return QString::number(seconds * 1000.0, 'f', 1) + QStringLiteral(" ms");
  return QString::number(seconds, 'f', 2) + QStringLiteral(" s");
}

RunHealthModel* make_run_health_model(QObject* parent) {
  using Row = store::RunHealth;
  auto columns = joined<RunHealthModel::Column>(
      {
          {QObject::tr("Run"), [](const Row& r, int role) { return count_cell(r.run.value, role); }, kRight},
          {QObject::tr("Captured"), [](const Row& r, int role) { return text_cell(capture_text(r.captured_at), role); }},
          {QObject::tr("Files"), [](const Row& r, int role) { return count_cell(r.files, role); }, kRight},
          {QObject::tr("Devices"), [](const Row& r, int role) { return count_cell(r.devices, role); }, kRight},
          {QObject::tr("Size"), [](const Row& r, int role) { return size_cell(r.bytes, role); }, kRight},
      },
      section_columns<Row>());
  columns.push_back({QObject::tr("Bundle"), [](const Row& r, int role) { return text_cell(text(r.bundle), role); }});
  return new RunHealthModel(std::move(columns), parent);
}

FileHealthModel* make_file_health_model(QObject* parent) {
  using Row = store::FileHealth;
  return new FileHealthModel(
      joined<FileHealthModel::Column>(
          {
              {QObject::tr("File"), [](const Row& r, int role) { return text_cell(text(r.path), role); }},
              {QObject::tr("Size"), [](const Row& r, int role) { return size_cell(r.size, role); }, kRight},
              {QObject::tr("Devices"), [](const Row& r, int role) { return count_cell(r.devices, role); }, kRight},
          },
          section_columns<Row>()),
      parent);
}

DeviceHealthModel* make_device_health_model(QObject* parent) {
  using Row = store::DeviceHealth;
  return new DeviceHealthModel(
      joined<DeviceHealthModel::Column>(
          {
              {QObject::tr("Device"),
               [](const Row& r, int role) -> QVariant {
                 if (r.hostname) return text_cell(text(r.hostname), role);
                 if (role == Qt::DisplayRole) return QObject::tr("(before the first prompt)");
                 if (role == Qt::ForegroundRole) return QGuiApplication::palette().color(QPalette::PlaceholderText);
                 return {};
               }},
              {QObject::tr("File"), [](const Row& r, int role) { return text_cell(text(r.file), role); }},
              {QObject::tr("Bytes"), [](const Row& r, int role) { return size_cell(r.bytes, role); }, kRight},
          },
          section_columns<Row>()),
      parent);
}

SectionIssueModel* make_section_issue_model(QObject* parent) {
  using Row = store::SectionRow;
  return new SectionIssueModel(
      {
          {QObject::tr("Status"),
           [](const Row& r, int role) -> QVariant {
             if (role == Qt::ForegroundRole) return r.status == "failed" ? failed_colour() : unknown_colour();
             return text_cell(text(r.status), role);
           }},
          {QObject::tr("Device"), [](const Row& r, int role) { return text_cell(text(r.device), role); }},
          {QObject::tr("Command"), [](const Row& r, int role) { return text_cell(text(r.command), role); }},
          {QObject::tr("Reason"), [](const Row& r, int role) { return text_cell(text(r.reason), role); }},
          {QObject::tr("File"), [](const Row& r, int role) { return text_cell(text(r.source.file), role); }},
          {QObject::tr("Offset"),
           [](const Row& r, int role) { return count_cell(static_cast<std::int64_t>(r.source.offset), role); }, kRight},
          {QObject::tr("Length"),
           [](const Row& r, int role) { return count_cell(static_cast<std::int64_t>(r.source.length), role); }, kRight},
      },
      parent);
}

}  // namespace st::ui
