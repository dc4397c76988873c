#include "store/soci/soci_shared_limits.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <string>

#include "store/store_types.hpp"

namespace meldpunt {
namespace {

// The bucket's tokens refilled up to the new time (EXCLUDED: the values the statement brings).
// A node whose clock is behind the bucket's refills nothing rather than a negative amount.
#define MELDPUNT_REFILLED                                                               \
  "LEAST(EXCLUDED.burst, b.tokens + GREATEST(0, EXCLUDED.updated_at - b.updated_at) / " \
  "EXCLUDED.refill_seconds)"

// One round trip per take: insert a full bucket less one token, or refill the existing one and
// take a token if it then holds one. `taken` says which, since the tokens left alone cannot (0.5
// left is both "took one of 1.5" and "refused at 0.5").
constexpr const char* kTakeSql =
    "INSERT INTO shared_limit_buckets AS b "
    "(limit_name, client, burst, refill_seconds, tokens, updated_at, taken) "
    "VALUES (:limit, :client, :burst, :refill, :start, :now, 1) "
    "ON CONFLICT (limit_name, client) DO UPDATE SET "
    "burst = EXCLUDED.burst, refill_seconds = EXCLUDED.refill_seconds, "
    "tokens = CASE WHEN " MELDPUNT_REFILLED " >= 1 THEN " MELDPUNT_REFILLED
    " - 1 ELSE " MELDPUNT_REFILLED
    " END, "
    "taken = CASE WHEN " MELDPUNT_REFILLED
    " >= 1 THEN 1 ELSE 0 END, "
    "updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at) "
    "RETURNING taken, tokens";

constexpr const char* kChargeSql =
    "INSERT INTO shared_limit_buckets AS b "
    "(limit_name, client, burst, refill_seconds, tokens, updated_at, taken) "
    "VALUES (:limit, :client, :burst, :refill, :start, :now, 0) "
    "ON CONFLICT (limit_name, client) DO UPDATE SET "
    "burst = EXCLUDED.burst, refill_seconds = EXCLUDED.refill_seconds, "
    "tokens = GREATEST(-EXCLUDED.burst, " MELDPUNT_REFILLED
    " - :charge), taken = 0, "
    "updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at) "
    "RETURNING tokens";

#undef MELDPUNT_REFILLED

constexpr const char* kPeekSql =
    "SELECT LEAST(burst, tokens + GREATEST(0, :now - updated_at) / refill_seconds) "
    "FROM shared_limit_buckets WHERE limit_name = :limit AND client = :client";

}  // namespace

SociSharedLimits::SociSharedLimits(const DatabaseUrl& url, std::chrono::milliseconds budget)
    : url_(url), budget_(budget) {
  if (url_.engine != Engine::kPostgres) throw StoreError("shared limits need PostgreSQL");
}

SociSharedLimits::~SociSharedLimits() = default;

template <class Fn>
auto SociSharedLimits::Run(const char* what, Fn&& work) {
  std::unique_lock lock(mutex_, std::defer_lock);
  if (!lock.try_lock_for(budget_)) {
    throw StoreError(std::string(what) + ": the shared limits' connection is busy");
  }
  try {
    if (!session_) {
      auto session = std::make_unique<soci::session>();
      // connect_timeout: libpq's smallest useful value is 2 s; meanwhile other calls give up
      // after the budget, and the caller stops trying for a while (security/shared_buckets.cpp).
      session->open(soci::postgresql, url_.target + " connect_timeout=2");
      *session << "SET client_min_messages TO WARNING";
      *session << "SET statement_timeout = " + std::to_string(budget_.count());
      session_ = std::move(session);
    }
    return work(*session_);
  } catch (const std::exception& e) {
    session_.reset();  // opened again at the next call
    throw StoreError(std::string(what) + ": " + e.what());
  }
}

SharedTake SociSharedLimits::TakeToken(const SharedBucket& bucket, double now) {
  return Run("taking a shared token", [&](soci::session& sql) {
    double start = bucket.burst - 1;
    int taken = 0;
    SharedTake result;
    sql << kTakeSql, soci::use(bucket.limit, "limit"), soci::use(bucket.client, "client"),
        soci::use(bucket.burst, "burst"), soci::use(bucket.refill_seconds, "refill"),
        soci::use(start, "start"), soci::use(now, "now"), soci::into(taken),
        soci::into(result.tokens);
    result.taken = taken != 0;
    return result;
  });
}

double SociSharedLimits::ChargeTokens(const SharedBucket& bucket, double now, double tokens) {
  return Run("charging shared tokens", [&](soci::session& sql) {
    double start = std::max<double>(-bucket.burst, bucket.burst - tokens);
    double left = 0;
    sql << kChargeSql, soci::use(bucket.limit, "limit"), soci::use(bucket.client, "client"),
        soci::use(bucket.burst, "burst"), soci::use(bucket.refill_seconds, "refill"),
        soci::use(start, "start"), soci::use(now, "now"), soci::use(tokens, "charge"),
        soci::into(left);
    return left;
  });
}

std::optional<double> SociSharedLimits::PeekTokens(const SharedBucket& bucket, double now) {
  return Run("reading a shared bucket", [&](soci::session& sql) -> std::optional<double> {
    double tokens = 0;
    soci::indicator found = soci::i_null;
    sql << kPeekSql, soci::use(now, "now"), soci::use(bucket.limit, "limit"),
        soci::use(bucket.client, "client"), soci::into(tokens, found);
    if (!sql.got_data() || found != soci::i_ok) return std::nullopt;
    return tokens;
  });
}

long long SociSharedLimits::SweepBuckets(double now, long long max_buckets) {
  return Run("sweeping shared buckets", [&](soci::session& sql) {
    // In batches, so no statement holds many row locks that checks would wait for.
    constexpr long long kBatch = 5000;
    constexpr int kMostBatches = 400;  // 2,000,000 rows, far above max_buckets
    long long deleted = 0;
    for (int i = 0; i < kMostBatches; ++i) {
      long long batch = 0;
      sql << "WITH gone AS (DELETE FROM shared_limit_buckets WHERE (limit_name, client) IN ("
             "SELECT limit_name, client FROM shared_limit_buckets "
             "WHERE tokens + GREATEST(0, :now - updated_at) / refill_seconds >= burst "
             "LIMIT 5000) RETURNING 1) SELECT COUNT(*) FROM gone",
          soci::use(now, "now"), soci::into(batch);
      deleted += batch;
      if (batch < kBatch) break;
    }
    long long left = 0;
    sql << "SELECT COUNT(*) FROM shared_limit_buckets", soci::into(left);
    if (left > max_buckets) {
      // As a node forgets everyone when its table is full: rather than turn new (possibly
      // genuine) clients away.
      sql << "DELETE FROM shared_limit_buckets";
      deleted += left;
    }
    return deleted;
  });
}

}  // namespace meldpunt
