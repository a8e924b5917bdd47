#include "ui/models/object_history_model.h"

#include <QBrush>
#include <QStringList>

#include <array>

#include "ui/models/diff_models.h"
#include "ui/models/table_roles.h"

namespace st::ui {
namespace {

// The fields an operator reads first; an object kind without them shows its first few.
constexpr std::array kMainFields{"status", "vlan", "mode", "description", "speed", "duplex", "auth_state"};

QString values_text(const diff::HistoryEntry& e) {
  QStringList parts;
  if (e.change == "changed") {
    for (const auto& f : e.fields) {
      parts << QStringLiteral("%1: %2 → %3")
                   .arg(QString::fromStdString(f.name), field_value_text(f.old_value), field_value_text(f.new_value));
    }
    return parts.join(QStringLiteral("; "));
  }
  if (!e.values.is_object()) return QObject::tr("not in this capture");
  for (const char* name : kMainFields) {
    if (const auto it = e.values.find(name); it != e.values.end() && !it->is_null())
      parts << QStringLiteral("%1 %2").arg(QString::fromUtf8(name), field_value_text(*it));
  }
  if (parts.isEmpty()) {
    for (const auto& [name, value] : e.values.items()) {
      if (parts.size() == 4) break;
      if (!value.is_null()) parts << QStringLiteral("%1 %2").arg(QString::fromStdString(name), field_value_text(value));
    }
  }
  return parts.join(QStringLiteral(" · "));
}

diff::ChangeType chip_type(const std::string& change) {
  if (change == "removed") return diff::ChangeType::Removed;
  if (change == "changed") return diff::ChangeType::Changed;
  return diff::ChangeType::Added;  // "first" and "added": the object is there
}

}  // namespace

ObjectHistoryModel* make_object_history_model(QObject* parent) {
  using E = diff::HistoryEntry;
  std::vector<ObjectHistoryModel::Column> columns{
      {QObject::tr("Run"),
       [](const E& e, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole) return static_cast<qlonglong>(e.run.value);
         return {};
       },
       Qt::AlignRight | Qt::AlignVCenter},
      {QObject::tr("Captured"),
       [](const E& e, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole) return QString::fromStdString(e.captured_at.value_or("-"));
         return {};
       }},
      {QObject::tr("Change"),
       [](const E& e, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole) {
           if (e.change == "first") return QObject::tr("as first captured");
           if (e.change == "changed") return QObject::tr("changed (%1)").arg(e.fields.size());
           return QString::fromStdString(e.change);
         }
         if (role == Qt::BackgroundRole && e.change != "first") return QBrush(change_chip_color(chip_type(e.change)));
         return {};
       }},
      {QObject::tr("Values"),
       [](const E& e, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole || role == Qt::ToolTipRole) return values_text(e);
         return {};
       }},
  };
  return new ObjectHistoryModel(std::move(columns), parent);
}

}  // namespace st::ui
