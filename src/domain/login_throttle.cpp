#include "domain/login_throttle.hpp"

#include <algorithm>

namespace meldpunt {

long long ThrottleWait(const LoginThrottlePolicy& policy, int failures) {
  int beyond = failures - policy.free_failures;
  if (beyond <= 0 || policy.first_wait <= 0) return 0;
  long long wait = policy.first_wait;
  for (int i = 1; i < beyond && wait < policy.max_wait; ++i) wait *= 2;
  return std::min(wait, policy.max_wait);
}

}  // namespace meldpunt
