#include "ui/views/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace st::ui {
namespace {

QString plain(QString text) { return text.remove(u'&'); }

void collect(const QMenu& menu, const QString& path, QList<ShortcutEntry>& out) {
  for (QAction* action : menu.actions()) {
    if (action->isSeparator()) continue;
    if (QMenu* sub = action->menu()) {
      collect(*sub, path + QStringLiteral(" → ") + plain(sub->title()), out);
      continue;
    }
    for (const QKeySequence& keys : action->shortcuts()) {
      if (keys.isEmpty()) continue;
      out.push_back({path, plain(action->text()), keys.toString(QKeySequence::NativeText)});
    }
  }
}

}  // namespace

QList<ShortcutEntry> shortcuts_of(const QMenuBar& bar) {
  QList<ShortcutEntry> out;
  for (QAction* top : bar.actions()) {
    if (QMenu* menu = top->menu()) collect(*menu, plain(menu->title()), out);
  }
  return out;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar& bar, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this)) {
  setWindowTitle(tr("Keyboard Shortcuts"));
  const QList<ShortcutEntry> entries = shortcuts_of(bar);
  table_->setObjectName(QStringLiteral("shortcutsTable"));
  table_->setColumnCount(3);
  table_->setHorizontalHeaderLabels({tr("Keys"), tr("Action"), tr("Menu")});
  table_->setRowCount(static_cast<int>(entries.size()));
  for (int row = 0; row < entries.size(); ++row) {
    const ShortcutEntry& e = entries[row];
    table_->setItem(row, 0, new QTableWidgetItem(e.keys));
    table_->setItem(row, 1, new QTableWidgetItem(e.action));
    table_->setItem(row, 2, new QTableWidgetItem(e.menu));
  }
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->resizeColumnsToContents();

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addWidget(buttons);
  resize(640, 440);
}

}  // namespace st::ui
