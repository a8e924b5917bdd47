// The object kinds (model/object_kind.cpp) against what they must agree with: the store's
// tables (migration 0007), the rule schema's table names, and the value normalization.
#include <catch2/catch.hpp>

#include <algorithm>

#include "model/object_key.h"
#include "model/object_kind.h"
#include "rules/embedded_rules.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;

TEST_CASE("object kinds: every column is a column of its store table with the right type", "[model]") {
  test::TempDir dir;
  auto db = store::open_store(dir / "s.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  for (const auto& kind : model::object_kinds()) {
    INFO("table " << kind.table);
    auto stmt = db->prepare("SELECT name, type FROM pragma_table_info(?)");
    REQUIRE(stmt);
    stmt->bind(1, store::SqlValue{std::string_view(kind.table)});
    std::vector<std::pair<std::string, std::string>> table;
    while (*stmt->step()) table.emplace_back(stmt->text(0), stmt->text(1));
    REQUIRE(table.size() == 7 + kind.columns.size());  // provenance columns, then the kind's
    for (std::size_t c = 0; c < kind.columns.size(); ++c) {
      const auto& [name, type] = table[7 + c];
      CHECK(name == kind.columns[c].name);
      CHECK(type == (kind.columns[c].type == model::ColumnType::Integer ? "INTEGER" : "TEXT"));
    }
  }
}

TEST_CASE("object kinds: the rule schema accepts every kind's table and nothing else", "[model]") {
  const auto& schema = rules::rule_schemas().at("rule.schema.json");
  const auto& tables = schema["$defs"]["output"]["properties"]["table"]["enum"];
  for (const auto& kind : model::object_kinds()) {
    CHECK(std::find(tables.begin(), tables.end(), std::string(kind.table)) != tables.end());
  }
  CHECK(tables.size() == 5 + model::object_kinds().size());
  CHECK(model::object_kind_by_listing("stp")->table == "stp_ports");
  CHECK(model::object_kind_by_table("nope") == nullptr);
}

TEST_CASE("object kinds: values are normalized by column type", "[model]") {
  using model::ColumnType;
  using model::normalize_value;
  CHECK(model::normalize_mac("00:11:22:33:AA:BB") == "0011.2233.aabb");
  CHECK(model::normalize_mac("0011-2233-aabb") == "0011.2233.aabb");
  CHECK(model::normalize_mac("001122-33aabb") == "0011.2233.aabb");
  CHECK(model::normalize_mac("0011.2233.aabb") == "0011.2233.aabb");
  CHECK_FALSE(model::normalize_mac("0011.2233.aab"));
  CHECK_FALSE(model::normalize_mac("zz11.2233.aabb"));
  CHECK(normalize_value(ColumnType::Mac, "not-a-mac") == "not-a-mac");  // kept as printed
  CHECK(normalize_value(ColumnType::Interface, " GigabitEthernet1/0/5 ") == "Gi1/0/5");
  CHECK(normalize_value(ColumnType::InterfaceList, "Fa0/1, Fa0/2,\n  GigabitEthernet0/1") == "Fa0/1 Fa0/2 Gi0/1");
  CHECK(normalize_value(ColumnType::List, "R S I") == "R S I");
  CHECK_FALSE(normalize_value(ColumnType::Text, "   "));
  CHECK_FALSE(normalize_value(ColumnType::InterfaceList, " , "));
}

TEST_CASE("object kinds: an object's key is its kind and key columns", "[model]") {
  const auto* kind = model::object_kind_by_name("stp_port");
  REQUIRE(kind);
  parse::ObjectRecord o;
  o.kind = kind;
  o.values.resize(kind->columns.size());
  o.values[*kind->column_index("instance")] = "VLAN0010";
  o.values[*kind->column_index("interface")] = "Gi1/0/1";
  o.values[*kind->column_index("role")] = "Desg";
  CHECK(model::object_key(o) == "stp_port:VLAN0010:Gi1/0/1");
  CHECK(o.value("role") == "Desg");
  CHECK_FALSE(o.value("no_such_column"));
}
