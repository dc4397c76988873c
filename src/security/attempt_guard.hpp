#pragma once
// Limits on guessing a secret that visitors type (the receipt code at /melden/volgen), designed so
// that guessing is infeasible and nobody can use the limits to lock a real reporter out for long.
//
//  - Per client (a daily keyed hash of the address, as in RateLimiter): `burst` attempts, then one
//    per `refill_seconds`. Every attempt counts, right or wrong, before the costly check.
//  - Site-wide: at most `failures_per_minute` wrong attempts per minute from all clients together.
//    Beyond that the site is under a spread-out guessing attack, and every further wrong attempt
//    also costs its client `burst` extra tokens, so that client waits about burst × refill_seconds
//    before its next try. Right attempts never count as failures, and a client is only ever slowed
//    down by its own wrong attempts: an attacker cannot make a real reporter wait, however many
//    addresses they use (unless they share the reporter's address). The worst a real reporter who
//    mistypes during an attack meets is (burst + 1) × refill_seconds: six minutes by default.
#include <string>
#include <string_view>

#include "security/rate_limiter.hpp"

namespace meldpunt {

class AttemptGuard {
 public:
  // burst 0: no per-client limit; failures_per_minute 0: no site-wide ceiling.
  AttemptGuard(int burst, double refill_seconds, int failures_per_minute);

  struct Admission {
    bool allowed = true;
    double retry_after_seconds = 0;  // when not allowed
  };
  // Takes one attempt for the client; when it has none left, says how long to wait.
  Admission Admit(std::string_view client, double now);
  // Records a wrong attempt. Returns true when the site-wide ceiling was exceeded and the client
  // was slowed down further.
  bool Failed(std::string_view client, double now);
  // Several nodes (issue 17, part 6): the per-client buckets and the site-wide ceiling live in
  // `shared` under "<limit>/client" and "<limit>/failures". Call before serving.
  void ShareThrough(SharedBuckets& shared, const std::string& limit);
  // Attempts refused to their client since start, and wrong attempts past the site-wide ceiling
  // (for /metrics).
  std::uint64_t Refusals() const { return clients_.Refusals(); }
  std::uint64_t CeilingExceeded() const { return failures_.Refusals(); }

 private:
  const int burst_;
  RateLimiter clients_;
  RateLimiter failures_;  // one bucket for all clients together
};

}  // namespace meldpunt
