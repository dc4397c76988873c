#include "web/deadline_settings.hpp"

namespace meldpunt::web {

DeadlineSettings DeadlineSettingsFor(const AppContext& /*app*/, long long /*bureau_id*/) {
  // The bureau settings (a table of their own) are not in the store yet: until they are, every
  // bureau has the defaults, which are the values of the published regional protocols.
  return DeadlineSettings{};
}

}  // namespace meldpunt::web
