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

// In ascending order of version; numbers may have gaps.
const std::vector<Migration>& AllMigrations();
// Replaces {{id}} (an auto-numbered primary key) for the engine, and keeps statements written
// between {{sqlite}} and {{/sqlite}}, or {{postgresql}} and {{/postgresql}}, for that engine only
// (triggers, functions: where the two dialects have nothing in common).
std::string SqlForEngine(std::string_view sql, Engine engine);
// Splits a migration into statements (one per ";\n"). A statement that needs semicolons inside
// (a trigger or a plpgsql body) keeps them on one line.
std::vector<std::string> SplitStatements(std::string_view sql);

}  // namespace meldpunt
