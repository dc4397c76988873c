// Duplicate hints and related cases (issue 14): the blind index written with a report's personal
// data, the indexed lookup of hints, and links between related cases.
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/reports/reference.hpp"
#include "store/soci/report_columns.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"
#include "store/soci/statement_cache.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

constexpr std::string_view kPartyNameAd = "case_letters.other_party_name";

// Thrown inside the write of RelateCases to undo the first change when the second does not
// apply. Not a std::exception, so Guard lets it through as it is.
struct NotBoth {};

// Index entries read per key of the case are a share of kMaxDuplicateCandidates, so a key shared
// by very many reports (a text band of a form letter, say) cannot crowd out the others; a case
// with many other parties uses its first keys only.
constexpr size_t kMaxDuplicateKeys = 40;
constexpr int kMinCandidatesPerKey = 5;

std::string IdList(const std::vector<long long>& ids) {
  std::string out;
  for (long long id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

}  // namespace

MatchKeys SociStore::MakeMatchKeys(const std::optional<Key>& data_key) {
  // Its own key, derived from the data key, so hashes never reuse the encryption key.
  return MatchKeys(data_key ? DeriveKey(*data_key, kMatchKeyPurpose) : Key{});
}

ReportMatchKeys SociStore::MatchKeysOf(const std::string& description,
                                       const std::optional<Contact>& contact,
                                       const std::vector<std::string>& other_parties) const {
  cipher();  // no data key, no keys: the same refusal as for the encrypted fields
  return match_keys_.OfReport(description, contact, other_parties);
}

void SociStore::SaveMatchKeysIn(soci::session& sql, long long report_id,
                                const ReportMatchKeys& keys,
                                const std::vector<MatchReason>& replace, bool with_signature) {
  // Prepared once on the SQLite writer (statement_cache.hpp): a text has a key per band.
  PreparedStatements statements(sql);
  StatementCache& st = *statements;
  long long reported_at = 0;
  st.Fetch("SELECT reported_at FROM reports WHERE id = :id", std::tie(reported_at), report_id);
  for (MatchReason reason : replace) {
    st.Execute("DELETE FROM match_keys WHERE report_id = :id AND kind = :kind", report_id,
               std::string(MatchReasonCode(reason)));
  }
  for (const MatchKey& key : keys.keys) {
    st.Execute(
        "INSERT INTO match_keys (report_id, kind, key_hash, reported_at) VALUES (:id, :kind, "
        ":hash, :at) ON CONFLICT (report_id, kind, key_hash) DO NOTHING",
        report_id, std::string(MatchReasonCode(key.reason)), static_cast<long long>(key.key),
        reported_at);
  }
  if (!with_signature) return;
  std::string signature = keys.signature ? SignatureToHex(*keys.signature) : "";
  st.Execute(
      "INSERT INTO match_signatures (report_id, signature) VALUES (:id, :sig) ON CONFLICT "
      "(report_id) DO UPDATE SET signature = excluded.signature",
      report_id, signature);
}

std::vector<DuplicateHint> SociStore::FindDuplicateHints(long long bureau_id, long long report_id,
                                                         int max_hints) {
  return Guard("finding possible duplicates", [&] {
    soci::session sql(*readers_);
    std::vector<DuplicateHint> hints;
    long long reported_at = 0;
    soci::indicator found = soci::i_null;
    sql << "SELECT reported_at FROM reports WHERE id = :id AND anonymised_at IS NULL",
        soci::use(report_id), soci::into(reported_at, found);
    if (!sql.got_data() || found != soci::i_ok) return hints;
    // The case's own keys: a primary-key range.
    std::set<std::pair<std::string, long long>> own;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT kind, key_hash FROM match_keys WHERE report_id = :id",
           soci::use(report_id));
      for (const auto& row : rows) own.emplace(row.get<std::string>(0), GetInteger(row, 1));
    }
    if (own.empty()) return hints;
    const long long from = reported_at - kDuplicateWindowSeconds;
    const long long to = reported_at + kDuplicateWindowSeconds;
    // One bounded range of match_keys_lookup per key (key_hash, reported_at), joined to the
    // report for its bureau; numbers only in the text, so it is safe to build.
    // The contact and party keys first, then the text's bands; at most kMaxDuplicateKeys keys, and
    // the candidates shared out between them (at least kMinCandidatesPerKey each).
    std::vector<long long> hashes;
    for (bool text : {false, true}) {
      for (const auto& [kind, hash] : own) {
        if ((kind == MatchReasonCode(MatchReason::kText)) != text) continue;
        if (std::find(hashes.begin(), hashes.end(), hash) == hashes.end()) hashes.push_back(hash);
      }
    }
    if (hashes.size() > kMaxDuplicateKeys) hashes.resize(kMaxDuplicateKeys);
    const int per_key =
        std::max(kMinCandidatesPerKey, kMaxDuplicateCandidates / static_cast<int>(hashes.size()));
    std::string query;
    int part = 0;
    for (long long hash : hashes) {
      if (!query.empty()) query += " UNION ALL ";
      query +=
          "SELECT * FROM (SELECT k.report_id, k.kind, k.key_hash, k.reported_at FROM "
          "match_keys k JOIN reports r ON r.id = k.report_id WHERE k.key_hash = " +
          std::to_string(hash) + " AND k.reported_at BETWEEN " + std::to_string(from) + " AND " +
          std::to_string(to) + " AND k.report_id <> " + std::to_string(report_id) +
          " AND r.bureau_id = " + std::to_string(bureau_id) +
          " AND r.anonymised_at IS NULL ORDER BY k.reported_at DESC LIMIT " +
          std::to_string(per_key) + ") AS c" + std::to_string(part++);
    }
    std::map<long long, DuplicateHint> candidates;
    std::set<long long> text_candidates;
    {
      soci::rowset<soci::row> rows = sql.prepare << query;
      for (const auto& row : rows) {
        std::string kind = row.get<std::string>(1);
        long long hash = GetInteger(row, 2);
        if (!own.contains({kind, hash})) continue;  // the same number for another kind
        auto reason = ParseMatchReason(kind);
        if (!reason) continue;
        long long id = GetInteger(row, 0);
        DuplicateHint& hint = candidates[id];
        hint.report_id = id;
        hint.reported_at = GetInteger(row, 3);
        if (*reason == MatchReason::kText) {
          text_candidates.insert(id);
        } else if (std::find(hint.reasons.begin(), hint.reasons.end(), *reason) ==
                   hint.reasons.end()) {
          hint.reasons.push_back(*reason);
        }
      }
    }
    if (candidates.empty()) return hints;
    // A shared band makes a candidate; the signatures (by primary key) decide.
    if (!text_candidates.empty()) {
      std::vector<long long> ids(text_candidates.begin(), text_candidates.end());
      ids.push_back(report_id);
      std::map<long long, TextSignature> signatures;
      soci::rowset<soci::row> rows =
          sql.prepare << "SELECT report_id, signature FROM match_signatures WHERE report_id IN (" +
                             IdList(ids) + ")";
      for (const auto& row : rows) {
        if (auto signature = SignatureFromHex(row.get<std::string>(1)))
          signatures.emplace(GetInteger(row, 0), *signature);
      }
      auto mine = signatures.find(report_id);
      for (long long id : text_candidates) {
        auto theirs = signatures.find(id);
        if (mine == signatures.end() || theirs == signatures.end()) continue;
        double similarity = EstimatedSimilarity(mine->second, theirs->second);
        if (similarity < kSimilarTextThreshold) continue;
        candidates[id].reasons.push_back(MatchReason::kText);
        candidates[id].text_similarity = similarity;
      }
    }
    // Not the cases already related to this one.
    std::set<long long> related;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT related_id FROM case_relations WHERE report_id = :id",
           soci::use(report_id));
      for (const auto& row : rows) related.insert(GetInteger(row, 0));
    }
    for (auto& [id, hint] : candidates) {
      if (hint.reasons.empty() || related.contains(id)) continue;
      std::sort(hint.reasons.begin(), hint.reasons.end());
      hint.reference = ReferenceOfReport(hint.reported_at, id);
      hints.push_back(std::move(hint));
    }
    std::sort(hints.begin(), hints.end(), [](const DuplicateHint& a, const DuplicateHint& b) {
      if (a.reported_at != b.reported_at) return a.reported_at > b.reported_at;
      return a.report_id > b.report_id;
    });
    if (hints.size() > static_cast<size_t>(max_hints)) hints.resize(max_hints);
    return hints;
  });
}

std::vector<RelatedCase> SociStore::ListRelatedCases(long long bureau_id, long long report_id) {
  return Guard("listing related cases", [&] {
    soci::session sql(*readers_);
    std::vector<RelatedCase> related;
    long long limit = kMaxRelatedCases;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.related_id, r.reported_at, r.case_step, c.linked_at FROM "
                        "case_relations c JOIN reports r ON r.id = c.related_id WHERE "
                        "c.report_id = :id AND r.bureau_id = :bureau ORDER BY c.linked_at, "
                        "c.related_id LIMIT :limit",
         soci::use(report_id), soci::use(bureau_id), soci::use(limit));
    for (const auto& row : rows) {
      RelatedCase item;
      item.report_id = GetInteger(row, 0);
      item.reported_at = GetInteger(row, 1);
      item.step = ParseStep(row.get<std::string>(2)).value_or(CaseStep::kReceived);
      item.linked_at = GetInteger(row, 3);
      item.reference = ReferenceOfReport(item.reported_at, item.report_id);
      related.push_back(std::move(item));
    }
    return related;
  });
}

long long SociStore::CountRelatedCases(long long report_id) {
  return Guard("counting related cases", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM case_relations WHERE report_id = :id", soci::use(report_id),
        soci::into(count);
    return count;
  });
}

bool SociStore::RelateCases(const CaseChange& mine, const CaseChange& theirs, long long now) {
  if (!mine.related || !theirs.related) throw StoreError("relating cases: no related case given");
  try {
    Guard("relating cases", [&] {
      Write([&](soci::session& sql) {
        if (!ApplyCaseChangeIn(sql, mine, "", now)) throw NotBoth{};
        if (!ApplyCaseChangeIn(sql, theirs, "", now)) throw NotBoth{};
      });
      return true;
    });
  } catch (const NotBoth&) {
    return false;
  }
  return true;
}

MatchKeyBackfill SociStore::BackfillMatchKeys(int batch, long long after_id) {
  using namespace report_columns;
  return Guard("making the keys of earlier reports", [&] {
    struct Pending {
      long long id = 0;
      std::string description;
      std::optional<Contact> contact;
      std::vector<std::string> parties;
    };
    std::vector<Pending> pending;
    {
      soci::session sql(*readers_);
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT r.id, r.description_enc, r.contact_enc FROM reports r WHERE "
                          "r.id > :after AND r.anonymised_at IS NULL AND NOT EXISTS (SELECT 1 "
                          "FROM match_signatures s WHERE s.report_id = r.id) ORDER BY r.id LIMIT "
                          ":n",
           soci::use(after_id), soci::use(batch));
      for (const auto& row : rows) {
        Pending item;
        item.id = GetInteger(row, 0);
        auto description = cipher().Open(row.get<std::string>(1), kDescriptionAd);
        if (!description)
          throw StoreError("report " + std::to_string(item.id) + ": " + description.error());
        item.description = std::move(*description);
        if (row.get_indicator(2) == soci::i_ok) {
          auto contact = cipher().Open(row.get<std::string>(2), kContactAd);
          if (!contact)
            throw StoreError("report " + std::to_string(item.id) + ": " + contact.error());
          item.contact = ContactFromJson(*contact);
        }
        pending.push_back(std::move(item));
      }
      if (pending.empty()) return MatchKeyBackfill{};
      std::vector<long long> ids;
      for (const auto& item : pending) ids.push_back(item.id);
      std::map<long long, size_t> index;
      for (size_t i = 0; i < pending.size(); ++i) index[pending[i].id] = i;
      soci::rowset<soci::row> letters =
          sql.prepare << "SELECT report_id, other_party_name_enc FROM case_letters WHERE "
                         "report_id IN (" +
                             IdList(ids) + ")";
      for (const auto& row : letters) {
        auto name = cipher().Open(row.get<std::string>(1), kPartyNameAd);
        if (name) pending[index[GetInteger(row, 0)]].parties.push_back(std::move(*name));
      }
    }
    std::vector<std::pair<long long, ReportMatchKeys>> keys;
    for (const auto& item : pending)
      keys.emplace_back(item.id, MatchKeysOf(item.description, item.contact, item.parties));
    const std::vector<MatchReason> all = {MatchReason::kEmail, MatchReason::kPhone,
                                          MatchReason::kParty, MatchReason::kText};
    Write([&](soci::session& sql) {
      for (const auto& [id, report_keys] : keys) SaveMatchKeysIn(sql, id, report_keys, all, true);
    });
    return MatchKeyBackfill{static_cast<long long>(keys.size()), keys.back().first};
  });
}

}  // namespace meldpunt
