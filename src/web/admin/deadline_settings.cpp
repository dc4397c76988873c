#include "web/admin/deadline_settings.hpp"

#include "domain/bureau_settings.hpp"

namespace meldpunt::web {

DeadlineSettings DeadlineSettingsFor(const AppContext& app, long long bureau_id) {
  return BureauSettings::FromStored(app.store.ReadBureauSettings(bureau_id)).Deadlines();
}

}  // namespace meldpunt::web
