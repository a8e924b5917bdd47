#include "model/location.h"

#include <array>
#include <vector>

#include "parse/line_cursor.h"

namespace st::model {
namespace {

enum class Part { Building, Floor, Room, Row, Rack };

struct Key {
  std::string_view word;
  Part part;
};

constexpr std::array kKeys{
    Key{"building", Part::Building}, Key{"bldg", Part::Building}, Key{"bld", Part::Building},
    Key{"bldng", Part::Building},    Key{"floor", Part::Floor},    Key{"flr", Part::Floor},
    Key{"fl", Part::Floor},          Key{"level", Part::Floor},    Key{"lvl", Part::Floor},
    Key{"room", Part::Room},         Key{"rm", Part::Room},        Key{"idf", Part::Room},
    Key{"mdf", Part::Room},          Key{"row", Part::Row},        Key{"rack", Part::Rack},
    Key{"rk", Part::Rack},           Key{"cabinet", Part::Rack},   Key{"cab", Part::Rack},
};

std::optional<Part> key_of(std::string_view word) {
  for (const auto& k : kKeys) {
    if (parse::iequals(word, k.word)) return k.part;
  }
  return std::nullopt;
}

std::optional<std::string>& slot(LocationParts& parts, Part p) {
  switch (p) {
    case Part::Building: return parts.building;
    case Part::Floor: return parts.floor;
    case Part::Room: return parts.room;
    case Part::Row: return parts.row;
    case Part::Rack: return parts.rack;
  }
  return parts.building;
}

bool is_separator(char c) { return c == ';' || c == ',' || c == '|' || c == '/'; }

}  // namespace

LocationParts parse_location(std::string_view text) {
  // Words; '=' and ':' join a key to its value, while ',', ';', '|' and '/' end a pair:
  // "room, ground floor" gives no room. A key takes the next word when only blanks, '=' or
  // ':' stand between them and that word is not itself a key.
  struct Word {
    std::string_view text;
    bool after_separator = false;
  };
  std::vector<Word> words;
  bool separated = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_separator(c)) separated = true;
    if (parse::is_space(c) || is_separator(c) || c == '=' || c == ':') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !parse::is_space(text[j]) && !is_separator(text[j]) && text[j] != '=' && text[j] != ':') ++j;
    words.push_back({text.substr(i, j - i), separated});
    separated = false;
    i = j;
  }
  LocationParts parts;
  for (std::size_t w = 0; w + 1 < words.size(); ++w) {
    auto key = key_of(words[w].text);
    if (!key || words[w + 1].after_separator || key_of(words[w + 1].text)) continue;
    auto& value = slot(parts, *key);
    if (!value) value = std::string(words[w + 1].text);
    ++w;
  }
  return parts;
}

}  // namespace st::model
