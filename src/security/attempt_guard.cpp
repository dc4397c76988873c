#include "security/attempt_guard.hpp"

namespace meldpunt {
namespace {
constexpr std::string_view kEveryone = "*";
}

AttemptGuard::AttemptGuard(int burst, double refill_seconds, int failures_per_minute)
    : burst_(burst),
      clients_(burst, refill_seconds),
      failures_(failures_per_minute, failures_per_minute > 0 ? 60.0 / failures_per_minute : 60.0,
                1) {}

AttemptGuard::Admission AttemptGuard::Admit(std::string_view client, double now) {
  if (clients_.Allow(client, now)) return {};
  return {false, clients_.SecondsUntilAllowed(client, now)};
}

bool AttemptGuard::Failed(std::string_view client, double now) {
  if (failures_.Allow(kEveryone, now)) return false;
  clients_.Charge(client, now, burst_);
  return true;
}

void AttemptGuard::ShareThrough(SharedBuckets& shared, const std::string& limit) {
  clients_.ShareThrough(shared, limit + "/client");
  failures_.ShareThrough(shared, limit + "/failures");
}

}  // namespace meldpunt
