#include "ui/capture_commands_menu.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>

#include "rules/command_inventory.h"

namespace st::ui {

CaptureCommandsMenu::CaptureCommandsMenu(QMenu* menu) : QObject(menu), menu_(menu) {
  auto inventories = rules::shipped_command_inventories();
  if (!inventories) {
    // A shipped list that does not load is a build defect; say so where the entries would be.
    menu_->addAction(QString::fromStdString(inventories.error().describe()))->setEnabled(false);
    return;
  }
  for (const auto& inventory : *inventories) {
    const QString vendor = QString::fromStdString(inventory.vendor);
    QAction* action = menu_->addAction(tr("%1 (%2 commands)").arg(vendor).arg(inventory.commands.size()));
    action->setObjectName(QStringLiteral("copyCommands_") + QString::fromStdString(inventory.platform));
    action->setStatusTip(QString::fromStdString(inventory.description));
    const QString script = QString::fromStdString(inventory.script());
    const auto count = static_cast<int>(inventory.commands.size());
    connect(action, &QAction::triggered, this, [this, script, vendor, count] {
      QGuiApplication::clipboard()->setText(script);
      emit copied(tr("Copied %1 capture commands for %2 to the clipboard").arg(count).arg(vendor));
    });
  }
}

}  // namespace st::ui
