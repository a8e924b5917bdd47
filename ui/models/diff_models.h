// The diff explorer's tables: the changed objects of two runs (device, kind, key, a change chip
// coloured by added / removed / changed / not captured, the number of fields, what changed), and
// the fields of one changed object, old and new side by side.
#pragma once

#include <QColor>
#include <QObject>
#include <QString>

#include "diff/object_change.h"
#include "ui/models/row_table_model.h"

namespace st::ui {

using DiffChangeModel = RowTableModel<diff::ObjectChange>;
using FieldChangeModel = RowTableModel<diff::FieldChange>;

enum class DiffChangeColumn { Device, Kind, Key, Change, Fields, Runs, What };
enum class FieldChangeColumn { Field, Old, New };

DiffChangeModel* make_diff_change_model(QObject* parent);
FieldChangeModel* make_field_change_model(QObject* parent);

// "added", "removed", "changed (3)", "not captured in run 7"
QString change_chip_text(const diff::ObjectChange& change);
// The chip's background: green, red, amber, grey (readable in light and dark palettes).
QColor change_chip_color(diff::ChangeType change);
// A field value as one line: lists joined with blanks, a stanza's lines with " | ", null as "-".
QString field_value_text(const nlohmann::json& value);

}  // namespace st::ui
