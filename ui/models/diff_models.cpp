#include "ui/models/diff_models.h"

#include <QBrush>
#include <QFont>

#include "ui/models/table_roles.h"

namespace st::ui {
namespace {

QString key_text(const diff::ObjectChange& c) {
  const std::string prefix = c.kind + ":";
  const std::string key = c.key.starts_with(prefix) ? c.key.substr(prefix.size()) : c.key;
  return QString::fromStdString(key);
}

QString what_text(const diff::ObjectChange& c) {
  if (c.change == diff::ChangeType::NotCaptured) {
    return c.kind == "device" ? QObject::tr("the device is not in one of the runs")
                              : QObject::tr("this command was not captured in one of the runs");
  }
  QStringList parts;
  for (const auto& f : c.fields) {
    parts << QStringLiteral("%1: %2 → %3")
                 .arg(QString::fromStdString(f.name), field_value_text(f.old_value), field_value_text(f.new_value));
  }
  return parts.join(QStringLiteral("; "));
}

}  // namespace

QString field_value_text(const nlohmann::json& value) {
  if (value.is_null()) return QStringLiteral("-");
  if (value.is_string()) return QString::fromStdString(value.get<std::string>()).replace(QLatin1Char('\n'), QStringLiteral(" | "));
  if (value.is_array()) {
    QStringList items;
    for (const auto& item : value) items << field_value_text(item);
    return items.isEmpty() ? QStringLiteral("-") : items.join(QLatin1Char(' '));
  }
  return QString::fromStdString(value.dump());
}

QString change_chip_text(const diff::ObjectChange& c) {
  switch (c.change) {
    case diff::ChangeType::Added: return QObject::tr("added");
    case diff::ChangeType::Removed: return QObject::tr("removed");
    case diff::ChangeType::Changed: return QObject::tr("changed (%1)").arg(c.fields.size());
    case diff::ChangeType::NotCaptured:
      return QObject::tr("not captured in run %1").arg(c.missing_in == "to" ? c.to_run.value : c.from_run.value);
  }
  return {};
}

QColor change_chip_color(diff::ChangeType change) {
  switch (change) {
    case diff::ChangeType::Added: return QColor(0x2e, 0x9e, 0x5b, 90);
    case diff::ChangeType::Removed: return QColor(0xd0, 0x3a, 0x3a, 90);
    case diff::ChangeType::Changed: return QColor(0xe0, 0xa0, 0x20, 90);
    case diff::ChangeType::NotCaptured: return QColor(0x80, 0x80, 0x80, 90);
  }
  return {};
}

DiffChangeModel* make_diff_change_model(QObject* parent) {
  using C = diff::ObjectChange;
  auto text = [](auto get) {
    return [get](const C& c, int role) -> QVariant {
      if (role == Qt::DisplayRole || role == kSortRole || role == Qt::ToolTipRole) return get(c);
      return {};
    };
  };
  std::vector<DiffChangeModel::Column> columns{
      {QObject::tr("Device"), text([](const C& c) { return QString::fromStdString(c.device); })},
      {QObject::tr("Kind"), text([](const C& c) { return QString::fromStdString(c.kind); })},
      {QObject::tr("Key"), text(key_text)},
      {QObject::tr("Change"),
       [](const C& c, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return change_chip_text(c);
         if (role == kSortRole) return static_cast<int>(c.change);
         if (role == Qt::BackgroundRole) return QBrush(change_chip_color(c.change));
         return {};
       }},
      {QObject::tr("Fields"),
       [](const C& c, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole) return static_cast<int>(c.fields.size());
         return {};
       },
       Qt::AlignRight | Qt::AlignVCenter},
      // Which captures the change lies between: one pair for two runs, several for a device's last captures.
      {QObject::tr("Runs"),
       [](const C& c, int role) -> QVariant {
         if (role == Qt::DisplayRole) return QStringLiteral("%1 → %2").arg(c.from_run.value).arg(c.to_run.value);
         if (role == kSortRole) return static_cast<qlonglong>(c.to_run.value);
         return {};
       },
       Qt::AlignRight | Qt::AlignVCenter},
      {QObject::tr("What changed"), text(what_text)},
  };
  return new DiffChangeModel(std::move(columns), parent);
}

FieldChangeModel* make_field_change_model(QObject* parent) {
  using F = diff::FieldChange;
  std::vector<FieldChangeModel::Column> columns{
      {QObject::tr("Field"),
       [](const F& f, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole) {
           return f.is_volatile ? QObject::tr("%1 (volatile)").arg(QString::fromStdString(f.name))
                                : QString::fromStdString(f.name);
         }
         return {};
       }},
      {QObject::tr("Old"),
       [](const F& f, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole || role == Qt::ToolTipRole) return field_value_text(f.old_value);
         if (role == Qt::BackgroundRole) return QBrush(change_chip_color(diff::ChangeType::Removed));
         return {};
       }},
      {QObject::tr("New"),
       [](const F& f, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == kSortRole || role == Qt::ToolTipRole) {
           QString text = field_value_text(f.new_value);
           if (f.delta) text += QStringLiteral("  (%1%2)").arg(*f.delta >= 0 ? QStringLiteral("+") : QString()).arg(*f.delta);
           return text;
         }
         if (role == Qt::BackgroundRole) return QBrush(change_chip_color(diff::ChangeType::Added));
         if (role == Qt::FontRole) {
           QFont bold;
           bold.setBold(true);
           return bold;
         }
         return {};
       }},
  };
  return new FieldChangeModel(std::move(columns), parent);
}

}  // namespace st::ui
