// Combo boxes that narrow a table to one value per column (an interface's status, VLAN, auth
// template): each lists the values present in the table ("Any" first), refreshed when its rows
// are replaced, and keeps its choice across devices (a choice absent from the new rows stays
// listed and shows none of them, rather than silently falling back to "Any").
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QHBoxLayout;

namespace st::ui {

class NaturalSortProxy;

class ValueFilterBar : public QWidget {
  Q_OBJECT

 public:
  explicit ValueFilterBar(NaturalSortProxy* proxy, QWidget* parent = nullptr);

  // A combo labelled `label` over the displayed values of the source model's `column`.
  QComboBox* addColumn(int column, const QString& label);
  // The combo of `column`, or nullptr.
  QComboBox* comboFor(int column) const;
  // Chooses `value` ("" for any) in the combo of `column`; false when there is none.
  bool choose(int column, const QString& value);
  // Every combo back to "Any".
  void clear();

 signals:
  void changed();

 private:
  struct Entry {
    int column;
    QComboBox* combo;
  };
  void refill();
  void apply(const Entry& entry);

  NaturalSortProxy* proxy_;
  QHBoxLayout* layout_;
  std::vector<Entry> entries_;
};

}  // namespace st::ui
