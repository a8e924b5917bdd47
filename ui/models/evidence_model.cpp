#include "ui/models/evidence_model.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "ui/models/table_roles.h"

namespace st::ui {

EvidenceModel* make_evidence_model(QObject* parent) {
  using E = insights::EvidenceLine;
  std::vector<EvidenceModel::Column> columns{
      {QObject::tr("Where"),
       [](const E& e, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
           return QStringLiteral("%1 @%2").arg(QString::fromStdString(e.source.file)).arg(e.source.offset);
         if (role == kSortRole) return QVariant::fromValue<qulonglong>(e.source.offset);
         return {};
       }},
      {QObject::tr("Evidence line"),
       [](const E& e, int role) -> QVariant {
         if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == kSortRole)
           return QString::fromStdString(e.text);
         if (role == Qt::FontRole) return QFont(QStringLiteral("monospace"));
         return {};
       }},
      {QString(),
       [](const E&, int role) -> QVariant {
         if (role == Qt::DisplayRole) return QObject::tr("Show in raw log");
         if (role == Qt::ToolTipRole) return QObject::tr("Open this line in the raw log viewer (Ctrl+R)");
         if (role == Qt::ForegroundRole) return QGuiApplication::palette().brush(QPalette::Link);
         if (role == Qt::FontRole) {
           QFont font;
           font.setUnderline(true);
           return font;
         }
         return {};
       }},
  };
  return new EvidenceModel(std::move(columns), parent);
}

}  // namespace st::ui
