// Partner API keys (issue 17): stored as keyed hashes, revoked but never deleted, and which key
// sent which report.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

constexpr const char* kKeyColumns =
    "k.id, k.bureau_id, k.partner_name, k.routing, k.created_at, k.created_by, k.last_used_at, "
    "k.revoked_at, u.email";

PartnerKey ReadKey(const soci::row& row) {
  PartnerKey key;
  key.id = GetInteger(row, 0);
  key.bureau_id = GetInteger(row, 1);
  key.partner_name = row.get<std::string>(2);
  key.routing = GetInteger(row, 3) != 0;
  key.created_at = GetInteger(row, 4);
  key.created_by = GetInteger(row, 5);
  if (row.get_indicator(6) == soci::i_ok) key.last_used_at = GetInteger(row, 6);
  if (row.get_indicator(7) == soci::i_ok) key.revoked_at = GetInteger(row, 7);
  if (row.get_indicator(8) == soci::i_ok) key.created_by_email = row.get<std::string>(8);
  return key;
}

}  // namespace

std::optional<long long> SociStore::AddPartnerKey(const PartnerKey& key,
                                                  const std::string& key_hash, long long now) {
  return Guard("adding a partner key", [&] {
    std::optional<long long> added;
    int routing = key.routing ? 1 : 0;
    Write([&](soci::session& sql) {
      long long count = 0;
      sql << "SELECT COUNT(*) FROM partner_api_keys WHERE bureau_id = :bureau",
          soci::use(key.bureau_id), soci::into(count);
      if (count >= kMaxPartnerKeysPerBureau) return;
      long long id = 0;
      sql << "INSERT INTO partner_api_keys (bureau_id, partner_name, key_hash, routing, "
             "created_at, created_by) VALUES (:bureau, :name, :hash, :routing, :now, :by) "
             "RETURNING id",
          soci::use(key.bureau_id), soci::use(key.partner_name), soci::use(key_hash),
          soci::use(routing), soci::use(now), soci::use(key.created_by), soci::into(id);
      added = id;
    });
    return added;
  });
}

std::vector<PartnerKey> SociStore::ListPartnerKeys(long long bureau_id) {
  return Guard("listing partner keys", [&] {
    soci::session sql(*readers_);
    int limit = kMaxPartnerKeysPerBureau;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kKeyColumns
                     << " FROM partner_api_keys k LEFT JOIN staff_users u ON u.id = k.created_by "
                        "WHERE k.bureau_id = :bureau ORDER BY k.id DESC LIMIT :limit",
         soci::use(bureau_id), soci::use(limit));
    std::vector<PartnerKey> keys;
    for (const auto& row : rows) keys.push_back(ReadKey(row));
    return keys;
  });
}

std::optional<PartnerKey> SociStore::FindPartnerKey(const std::string& key_hash) {
  return Guard("finding a partner key", [&]() -> std::optional<PartnerKey> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kKeyColumns
                     << " FROM partner_api_keys k LEFT JOIN staff_users u ON u.id = k.created_by "
                        "WHERE k.key_hash = :hash",
         soci::use(key_hash));
    for (const auto& row : rows) return ReadKey(row);
    return std::nullopt;
  });
}

bool SociStore::RevokePartnerKey(long long bureau_id, long long key_id, long long staff_user_id,
                                 long long now) {
  return Guard("revoking a partner key", [&] {
    bool revoked = false;
    Write([&](soci::session& sql) {
      long long id = 0;
      sql << "UPDATE partner_api_keys SET revoked_at = :now, revoked_by = :by WHERE id = :id AND "
             "bureau_id = :bureau AND revoked_at IS NULL RETURNING id",
          soci::use(now), soci::use(staff_user_id), soci::use(key_id), soci::use(bureau_id),
          soci::into(id);
      revoked = sql.got_data();
    });
    return revoked;
  });
}

void SociStore::TouchPartnerKey(long long key_id, long long now) {
  Guard("recording a partner key's use", [&] {
    Write([&](soci::session& sql) {
      sql << "UPDATE partner_api_keys SET last_used_at = :now WHERE id = :id", soci::use(now),
          soci::use(key_id);
    });
  });
}

long long SociStore::RouteOf(const std::string& incident_municipality,
                             const std::string& residence_municipality) {
  return Guard("routing a report", [&] {
    soci::session sql(*readers_);
    return RouteReport(sql, incident_municipality, residence_municipality);
  });
}

std::optional<PartnerReport> SociStore::GetPartnerReport(long long report_id) {
  return Guard("reading a report's partner", [&]() -> std::optional<PartnerReport> {
    soci::session sql(*readers_);
    PartnerReport found;
    sql << "SELECT p.api_key_id, k.partner_name, p.request_hash FROM partner_reports p JOIN "
           "partner_api_keys k ON k.id = p.api_key_id WHERE p.report_id = :id",
        soci::use(report_id), soci::into(found.api_key_id), soci::into(found.partner_name),
        soci::into(found.request_hash);
    if (!sql.got_data()) return std::nullopt;
    return found;
  });
}

}  // namespace meldpunt
