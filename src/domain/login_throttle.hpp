#pragma once
// Slowing down guessing of staff passwords and second-factor codes per account (OWASP ASVS
// 4.0.3, 2.2.1): a few failures are free, then every further failure makes the account wait, and
// the wait doubles up to a ceiling. It is throttling, not a lockout: the account always opens
// again by itself, and never waits longer than the ceiling after the last failure.
namespace meldpunt {

struct LoginThrottlePolicy {
  int free_failures = 5;           // failures before any wait
  long long first_wait = 60;       // seconds, after the first failure beyond the free ones
  long long max_wait = 3600;       // the wait doubles up to this
  long long forget_after = 86400;  // failures older than this (since the last one) are forgotten
};

// The wait after the n-th failure in a row (n counted from 1): 0 for the free ones.
long long ThrottleWait(const LoginThrottlePolicy& policy, int failures);

// An account's failures in a row and until when it waits (Unix seconds; in the past: not waiting).
// Failures more than forget_after after the previous one start the count again (in the store).
struct LoginThrottle {
  int failures = 0;
  long long last_failure_at = 0;
  long long throttled_until = 0;
};

}  // namespace meldpunt
