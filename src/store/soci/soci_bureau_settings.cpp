// Bureau settings (instellingen): one row per bureau and setting name, the value as text.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::Guard;

std::map<std::string, std::string> SociStore::ReadBureauSettings(long long bureau_id) {
  return Guard("reading bureau settings", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT name, value FROM bureau_settings WHERE bureau_id = :bureau",
         soci::use(bureau_id));
    std::map<std::string, std::string> values;
    for (const auto& row : rows) values[row.get<std::string>(0)] = row.get<std::string>(1);
    return values;
  });
}

void SociStore::WriteBureauSettings(long long bureau_id,
                                    const std::map<std::string, std::string>& values,
                                    long long now) {
  Guard("saving bureau settings", [&] {
    Write([&](soci::session& sql) {
      for (const auto& [name, value] : values) {
        sql << "INSERT INTO bureau_settings (bureau_id, name, value, updated_at) VALUES (:bureau, "
               ":name, :value, :now) ON CONFLICT (bureau_id, name) DO UPDATE SET value = "
               "excluded.value, updated_at = excluded.updated_at",
            soci::use(bureau_id), soci::use(name), soci::use(value), soci::use(now);
      }
      // The norms may have changed: every open case's next deadline with them.
      RefreshBureauCaseDue(sql, bureau_id);
    });
  });
}

}  // namespace meldpunt
