#include "security/shared_buckets.hpp"

#include <sodium.h>

#include <cmath>

#include "base/log.hpp"

namespace meldpunt {
namespace {

constexpr double kDaySeconds = 24 * 3600;

std::string Hex(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

}  // namespace

SharedBuckets::SharedBuckets(SharedLimitStore& store, const Key& key, std::chrono::seconds pause)
    : store_(store), key_(key), pause_seconds_(static_cast<double>(pause.count())) {}

std::string SharedBuckets::Pseudonym(std::string_view client, double now) {
  auto day = static_cast<long long>(std::floor(now / kDaySeconds));
  Key day_key;
  {
    std::lock_guard lock(mutex_);
    if (day != day_) {
      std::string label = "meldpunt shared limits, day " + std::to_string(day);
      crypto_generichash(day_key_.data(), day_key_.size(),
                         reinterpret_cast<const unsigned char*>(label.data()), label.size(),
                         key_.data(), key_.size());
      day_ = day;
    }
    day_key = day_key_;
  }
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(client.data()),
                     client.size(), day_key.data(), day_key.size());
  return Hex(hash, sizeof hash);
}

long long SharedBuckets::Fallbacks() {
  std::lock_guard lock(mutex_);
  return fallbacks_;
}

template <class Fn>
auto SharedBuckets::Shared(double now, Fn&& work) -> std::optional<decltype(work())> {
  {
    std::lock_guard lock(mutex_);
    if (now < paused_until_) {
      ++fallbacks_;
      return std::nullopt;
    }
  }
  try {
    return work();
  } catch (const std::exception& e) {
    bool first = false;
    {
      std::lock_guard lock(mutex_);
      ++fallbacks_;
      first = now >= paused_until_;
      paused_until_ = now + pause_seconds_;
    }
    // Said once per pause, without the client: the error names the operation only.
    if (first) {
      log::Write("warning", "shared limits unavailable, using this node's own",
                 {{"error", e.what()}, {"pause_seconds", pause_seconds_}});
    }
    return std::nullopt;
  }
}

std::optional<bool> SharedBuckets::Take(const SharedLimitRule& rule, std::string_view client,
                                        double now) {
  std::string pseudonym = Pseudonym(client, now);
  return Shared(now, [&] {
    return store_.TakeToken({rule.limit, pseudonym, rule.burst, rule.refill_seconds}, now).taken;
  });
}

std::optional<double> SharedBuckets::Charge(const SharedLimitRule& rule, std::string_view client,
                                            double now, double tokens) {
  std::string pseudonym = Pseudonym(client, now);
  return Shared(now, [&] {
    return store_.ChargeTokens({rule.limit, pseudonym, rule.burst, rule.refill_seconds}, now,
                               tokens);
  });
}

std::optional<double> SharedBuckets::SecondsUntilAllowed(const SharedLimitRule& rule,
                                                         std::string_view client, double now) {
  std::string pseudonym = Pseudonym(client, now);
  return Shared(now, [&] {
    auto tokens = store_.PeekTokens({rule.limit, pseudonym, rule.burst, rule.refill_seconds}, now);
    return !tokens || *tokens >= 1 ? 0.0 : (1 - *tokens) * rule.refill_seconds;
  });
}

}  // namespace meldpunt
