#include "web/admin/deadline_settings.hpp"

#include "domain/cases/bureau_settings.hpp"
#include "store/bureau_store.hpp"

namespace meldpunt::web {

DeadlineSettings DeadlineSettingsFor(const AppContext& app, long long bureau_id) {
  return BureauSettings::FromStored(app.bureaus.ReadBureauSettings(bureau_id)).Deadlines();
}

}  // namespace meldpunt::web
