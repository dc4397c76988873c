#include "security/rate_limiter.hpp"

#include <sodium.h>

#include <algorithm>

#include "security/shared_buckets.hpp"

namespace meldpunt {
namespace {
constexpr double kKeyLifetimeSeconds = 24 * 3600;
}

RateLimiter::RateLimiter(int burst, double refill_seconds, size_t max_clients)
    : burst_(burst), refill_seconds_(refill_seconds), max_clients_(max_clients) {}

std::string RateLimiter::Pseudonym(std::string_view client, double now) {
  if (key_since_ < 0 || now - key_since_ >= kKeyLifetimeSeconds) {
    randombytes_buf(key_.data(), key_.size());
    key_since_ = now;
    buckets_.clear();  // old pseudonyms mean nothing under the new key
  }
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(client.data()),
                     client.size(), key_.data(), key_.size());
  return std::string(reinterpret_cast<char*>(hash), sizeof hash);
}

RateLimiter::Bucket& RateLimiter::Refilled(std::string_view client, double now) {
  std::string id = Pseudonym(client, now);
  auto it = buckets_.find(id);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) {
      // Forget clients whose bucket has refilled; if that frees nothing, forget everyone rather
      // than turn new (possibly genuine) clients away.
      std::erase_if(buckets_, [&](const auto& entry) {
        return entry.second.tokens + (now - entry.second.updated) / refill_seconds_ >= burst_;
      });
      if (buckets_.size() >= max_clients_) buckets_.clear();
    }
    it = buckets_.emplace(id, Bucket{static_cast<double>(burst_), now}).first;
  }
  Bucket& bucket = it->second;
  bucket.tokens =
      std::min<double>(burst_, bucket.tokens + (now - bucket.updated) / refill_seconds_);
  bucket.updated = now;
  return bucket;
}

void RateLimiter::ShareThrough(SharedBuckets& shared, std::string limit) {
  shared_ = &shared;
  shared_limit_ = std::move(limit);
}

bool RateLimiter::Allow(std::string_view client, double now) {
  if (burst_ <= 0) return true;
  if (shared_) {
    if (auto taken = shared_->Take({shared_limit_, burst_, refill_seconds_}, client, now)) {
      if (!*taken) refusals_.fetch_add(1, std::memory_order_relaxed);
      return *taken;
    }
  }
  std::lock_guard lock(mutex_);
  Bucket& bucket = Refilled(client, now);
  if (bucket.tokens < 1) {
    refusals_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  bucket.tokens -= 1;
  return true;
}

void RateLimiter::Charge(std::string_view client, double now, double tokens) {
  if (burst_ <= 0) return;
  if (shared_ && shared_->Charge({shared_limit_, burst_, refill_seconds_}, client, now, tokens))
    return;
  std::lock_guard lock(mutex_);
  Bucket& bucket = Refilled(client, now);
  bucket.tokens = std::max<double>(-burst_, bucket.tokens - tokens);
}

double RateLimiter::SecondsUntilAllowed(std::string_view client, double now) {
  if (burst_ <= 0) return 0;
  if (shared_) {
    if (auto seconds =
            shared_->SecondsUntilAllowed({shared_limit_, burst_, refill_seconds_}, client, now))
      return *seconds;
  }
  std::lock_guard lock(mutex_);
  Bucket& bucket = Refilled(client, now);
  return bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) * refill_seconds_;
}

size_t RateLimiter::TrackedClients() {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

}  // namespace meldpunt
