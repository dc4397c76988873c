#pragma once
// Numbered schema migrations. One text per step, with placeholders for the few words where the
// engines differ, so both engines get the same schema meaning.
#include <string>
#include <string_view>
#include <vector>

#include "store/database_url.hpp"

namespace meldpunt {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // statements separated by ";\n"
};

// In ascending order of version. Versions may have gaps: parallel work takes numbers ahead, and a
// migration with a lower number that arrives later is still applied (see SociStore::Migrate).
const std::vector<Migration>& AllMigrations();
// Replaces {{id}} (an auto-numbered primary key) for the engine.
std::string SqlForEngine(std::string_view sql, Engine engine);
// Splits a migration into statements (one per ";\n").
std::vector<std::string> SplitStatements(std::string_view sql);

}  // namespace meldpunt
