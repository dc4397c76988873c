// The SOCI store's audit log (inzage- en wijzigingslog): writing chained entries, reading a
// bureau's log with filters, and checking the chain.
#include <soci/soci.h>

#include <deque>

#include "domain/audit_listing.hpp"
#include "domain/date.hpp"
#include "domain/reports/reference.hpp"
#include "security/audit_chain.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"
#include "store/soci/statement_cache.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

constexpr size_t kMaxActionChars = 64;
constexpr size_t kMaxDetailChars = 1000;

std::optional<long long> OptionalInteger(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) != soci::i_ok) return std::nullopt;
  return GetInteger(row, column);
}

// The WHERE clause of a bureau's filtered log and its values, bound in order. The deques keep
// every value at a fixed address while the statement holds references to them.
struct FilterQuery {
  std::string where;
  std::deque<long long> numbers;
  std::deque<std::string> texts;
  std::vector<bool> is_text;  // per placeholder, in order

  void Number(std::string_view clause, long long value) {
    where += clause;
    numbers.push_back(value);
    is_text.push_back(false);
  }
  void Text(std::string_view clause, std::string value) {
    where += clause;
    texts.push_back(std::move(value));
    is_text.push_back(true);
  }
  // Hands the values to the statement in the order of the placeholders.
  void Bind(soci::statement& statement) {
    auto number = numbers.begin();
    auto text = texts.begin();
    for (bool t : is_text) {
      if (t)
        statement.exchange(soci::use(*text++));
      else
        statement.exchange(soci::use(*number++));
    }
  }
};

FilterQuery BuildFilter(const AuditFilter& filter) {
  FilterQuery q;
  // A bureau's log: entries about the bureau and everything its own staff did.
  q.Number(" WHERE (a.bureau_id = :b1", filter.bureau_id);
  q.Number(" OR u.bureau_id = :b2)", filter.bureau_id);
  if (filter.report_id) {
    // A listing that showed the case: through audit_case_listings (the first listing per staff
    // member and day, issue 14); listings written before it by the range of their ids.
    q.Number(" AND (a.report_id = :r1", *filter.report_id);
    q.Number(" OR a.seq IN (SELECT l.audit_seq FROM audit_case_listings l WHERE l.report_id = :r2)",
             *filter.report_id);
    q.Number(" OR (a.listed_ids IS NULL AND a.listed_from <= :r3", *filter.report_id);
    q.Number(" AND a.listed_to >= :r6))", *filter.report_id);
    if (filter.report_year) {
      q.Number(" AND (NOT EXISTS (SELECT 1 FROM reports x WHERE x.id = :r4)", *filter.report_id);
      q.Number(" OR EXISTS (SELECT 1 FROM reports y WHERE y.id = :r5", *filter.report_id);
      q.Number(" AND y.reported_year = :year))", *filter.report_year);
    }
  }
  if (!filter.staff_email.empty()) q.Text(" AND u.email = :email", filter.staff_email);
  if (!filter.action.empty()) q.Text(" AND a.action = :action", filter.action);
  if (filter.from) q.Number(" AND a.at >= :from_at", *filter.from);
  if (filter.until) q.Number(" AND a.at < :until_at", *filter.until);
  if (filter.up_to_id) q.Number(" AND a.id <= :up_to", *filter.up_to_id);
  return q;
}

// "MP-2026-000042" at the start of a detail, followed by nothing, a space or a colon.
std::optional<ParsedReference> LeadingReference(std::string_view detail) {
  if (!detail.starts_with("MP-")) return std::nullopt;
  std::string_view token = detail.substr(0, detail.find_first_of(" :"));
  auto ref = ParseReference(token);
  if (!ref || FormatReference(ref->year, ref->number) != token) return std::nullopt;
  return ref;
}

// One row per case the listing showed in audit_case_listings, unless the staff member had the
// case on a listing that day already: one statement, ids inlined (numbers decoded from our own
// encoding, never typed text).
void IndexListing(soci::session& sql, const std::string& listed_ids, long long user_id,
                  long long now, long long seq) {
  auto ids = DecodeListedIds(listed_ids);
  if (!ids || ids->empty()) return;
  std::string tail = "," + std::to_string(user_id) + "," + std::to_string(now / 86400) + "," +
                     std::to_string(seq) + ")";
  std::string statement =
      "INSERT INTO audit_case_listings (report_id, user_id, day, audit_seq) VALUES ";
  for (size_t i = 0; i < ids->size(); ++i) {
    if (i > 0) statement += ",";
    statement += "(" + std::to_string((*ids)[i]) + tail;
  }
  statement += " ON CONFLICT (report_id, user_id, day) DO NOTHING";
  sql << statement;
}

constexpr const char* kFilterFrom =
    " FROM audit_log a LEFT JOIN staff_users u ON u.id = a.user_id"
    " LEFT JOIN reports r ON r.id = a.report_id";

}  // namespace

void SociStore::Audit(const AuditEntry& entry, long long now) {
  CheckAuditEntry(entry);
  Guard("writing the audit log",
        [&] { Write([&](soci::session& sql) { AppendAudit(sql, entry, now); }); });
}

void SociStore::AuditSystem(const std::string& action, const std::string& subject, long long now) {
  Audit(AuditEntry::BySystem(action, subject), now);
}

void SociStore::CheckAuditEntry(const AuditEntry& entry) const {
  if (!audit_key_) {
    throw StoreError("this command has no audit chain key, so it cannot write the audit log");
  }
  if (entry.action.empty() || entry.action.size() > kMaxActionChars) {
    throw StoreError("an audit entry needs an action of at most 64 characters");
  }
}

void SociStore::AppendAudit(soci::session& sql, AuditEntry entry, long long now) const {
  CheckAuditEntry(entry);
  if (entry.detail.size() > kMaxDetailChars) {
    // Cut at a character boundary: PostgreSQL takes only valid UTF-8.
    size_t cut = kMaxDetailChars;
    while (cut > 0 && (static_cast<unsigned char>(entry.detail[cut]) & 0xC0) == 0x80) --cut;
    entry.detail.resize(cut);
  }
  // The older form names a case only at the start of its detail ("MP-2026-000042: closed").
  if (!entry.report_id) {
    if (auto ref = LeadingReference(entry.detail)) {
      long long bureau = 0;
      sql << "SELECT bureau_id FROM reports WHERE id = :id AND reported_year = :year",
          soci::use(ref->number), soci::use(ref->year), soci::into(bureau);
      if (sql.got_data()) {
        entry.report_id = ref->number;
        if (!entry.bureau_id) entry.bureau_id = bureau;
      }
    }
  }
  if (!entry.bureau_id && entry.report_id) {
    long long bureau = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT bureau_id FROM reports WHERE id = :id", soci::use(*entry.report_id),
        soci::into(bureau, ind);
    if (sql.got_data() && ind == soci::i_ok) entry.bureau_id = bureau;
  }
  if (!entry.bureau_id && entry.user_id) {
    long long bureau = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT bureau_id FROM staff_users WHERE id = :id", soci::use(*entry.user_id),
        soci::into(bureau, ind);
    if (sql.got_data() && ind == soci::i_ok) entry.bureau_id = bureau;
  }

  // The chain is linear: on SQLite the single writer orders the entries; on PostgreSQL the head
  // row is locked until this transaction commits, so writers (on every node) take turns.
  // Prepared once on the SQLite writer (statement_cache.hpp, issue 16).
  PreparedStatements statements(sql);
  StatementCache& st = *statements;
  long long seq = 0;
  std::string previous;
  if (!st.Fetch(url_.engine == Engine::kPostgres
                    ? "SELECT last_seq, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE"
                    : "SELECT last_seq, last_hash FROM audit_chain WHERE id = 1",
                std::tie(seq, previous))) {
    throw StoreError("the audit chain head (audit_chain) is missing");
  }
  ++seq;
  std::string listed_ids = EncodeListedIds(entry.listed_ids);
  std::string hash = AuditChainHash(*audit_key_, previous,
                                    AuditChainFields{.seq = seq,
                                                     .at = now,
                                                     .user_id = entry.user_id,
                                                     .action = entry.action,
                                                     .report_id = entry.report_id,
                                                     .bureau_id = entry.bureau_id,
                                                     .listed_from = entry.listed_from,
                                                     .listed_to = entry.listed_to,
                                                     .detail = entry.detail,
                                                     .listed_ids = listed_ids});
  st.Execute(
      "INSERT INTO audit_log (at, user_id, action, subject, report_id, bureau_id, listed_from, "
      "listed_to, listed_ids, seq, chain_hash) VALUES (:at, :user, :action, :detail, :report, "
      ":bureau, :listed_from, :listed_to, :listed_ids, :seq, :hash)",
      now, Nullable<long long>::Of(entry.user_id), entry.action, entry.detail,
      Nullable<long long>::Of(entry.report_id), Nullable<long long>::Of(entry.bureau_id),
      Nullable<long long>::Of(entry.listed_from), Nullable<long long>::Of(entry.listed_to),
      Nullable<std::string>{listed_ids, listed_ids.empty()}, seq, hash);
  if (!listed_ids.empty() && entry.user_id) IndexListing(sql, listed_ids, *entry.user_id, now, seq);
  st.Execute("UPDATE audit_chain SET last_seq = :seq, last_hash = :hash WHERE id = 1", seq, hash);
}

long long SociStore::CountAudit(const std::string& action) {
  return Guard("reading the audit log", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE action = :action", soci::use(action),
        soci::into(count);
    return count;
  });
}

std::vector<AuditRecord> SociStore::ListAudit(const AuditFilter& filter, int limit, int offset) {
  return Guard("reading the audit log", [&] {
    soci::session sql(*readers_);
    FilterQuery q = BuildFilter(filter);
    q.Number(" ORDER BY a.id DESC LIMIT :limit", limit);
    q.Number(" OFFSET :offset", offset);
    soci::row row;
    soci::statement statement(sql);
    statement.exchange(soci::into(row));
    q.Bind(statement);
    statement.alloc();
    statement.prepare(std::string("SELECT a.id, a.at, a.user_id, u.email, a.action, a.report_id, "
                                  "r.reported_at, a.bureau_id, a.subject") +
                      kFilterFrom + q.where);
    statement.define_and_bind();
    statement.execute(false);
    std::vector<AuditRecord> records;
    while (statement.fetch()) {
      AuditRecord record;
      record.id = GetInteger(row, 0);
      record.at = GetInteger(row, 1);
      record.user_id = OptionalInteger(row, 2).value_or(0);
      if (row.get_indicator(3) == soci::i_ok) record.user_email = row.get<std::string>(3);
      record.action = row.get<std::string>(4);
      record.report_id = OptionalInteger(row, 5);
      if (auto reported_at = OptionalInteger(row, 6); reported_at && record.report_id) {
        record.report_reference = ReferenceOfReport(*reported_at, *record.report_id);
      }
      record.bureau_id = OptionalInteger(row, 7);
      record.detail = row.get<std::string>(8);
      records.push_back(std::move(record));
    }
    return records;
  });
}

long long SociStore::CountAuditMatching(const AuditFilter& filter) {
  return Guard("counting audit entries", [&] {
    soci::session sql(*readers_);
    FilterQuery q = BuildFilter(filter);
    long long count = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(count));
    q.Bind(statement);
    statement.alloc();
    statement.prepare(std::string("SELECT COUNT(*)") + kFilterFrom + q.where);
    statement.define_and_bind();
    statement.execute(true);
    return count;
  });
}

AuditChainReport SociStore::VerifyAuditChain() {
  if (!audit_key_) throw StoreError("checking the audit log needs the audit chain key");
  return Guard("checking the audit log", [&] {
    soci::session sql(*readers_);
    // One snapshot for the head and the entries, also while the server keeps writing.
    soci::transaction snapshot(sql);
    if (url_.engine == Engine::kPostgres) sql << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
    AuditChainReport report;
    auto broken = [&report](std::optional<long long> id, std::string problem) {
      report.intact = false;
      report.broken_id = id;
      report.problem = std::move(problem);
      return report;
    };
    long long last_seq = 0, legacy_last_id = 0, legacy_count = 0;
    std::string last_hash;
    sql << "SELECT last_seq, last_hash, legacy_last_id, legacy_count FROM audit_chain "
           "WHERE id = 1",
        soci::into(last_seq), soci::into(last_hash), soci::into(legacy_last_id),
        soci::into(legacy_count);
    if (!sql.got_data()) return broken(std::nullopt, "the chain head (table audit_chain) is gone");

    long long expected_seq = 1;
    std::string previous(kAuditChainStart);
    soci::rowset<soci::row> rows =
        (sql.prepare
         << "SELECT id, seq, at, user_id, action, subject, report_id, bureau_id, "
            "listed_from, listed_to, chain_hash, listed_ids FROM audit_log ORDER BY id");
    for (const auto& row : rows) {
      long long id = GetInteger(row, 0);
      auto seq = OptionalInteger(row, 1);
      std::string entry = "entry " + std::to_string(id);
      if (!seq) {
        if (id <= legacy_last_id) {
          ++report.legacy;
          continue;
        }
        return broken(id, entry + " is not in the chain: it was not written by meldpunt");
      }
      if (*seq != expected_seq) {
        return broken(id, entry + " has chain position " + std::to_string(*seq) + " where " +
                              std::to_string(expected_seq) +
                              " was expected: entries were removed, added or reordered");
      }
      std::string action = row.get<std::string>(4);
      std::string detail = row.get<std::string>(5);
      std::string stored = row.get_indicator(10) == soci::i_ok ? row.get<std::string>(10) : "";
      std::string listed_ids =
          row.get_indicator(11) == soci::i_ok ? row.get<std::string>(11) : std::string();
      std::string expected = AuditChainHash(*audit_key_, previous,
                                            AuditChainFields{.seq = *seq,
                                                             .at = GetInteger(row, 2),
                                                             .user_id = OptionalInteger(row, 3),
                                                             .action = action,
                                                             .report_id = OptionalInteger(row, 6),
                                                             .bureau_id = OptionalInteger(row, 7),
                                                             .listed_from = OptionalInteger(row, 8),
                                                             .listed_to = OptionalInteger(row, 9),
                                                             .detail = detail,
                                                             .listed_ids = listed_ids});
      if (expected != stored) {
        return broken(id, entry +
                              " does not match its hash: it was changed, or written without "
                              "the key");
      }
      previous = std::move(expected);
      ++expected_seq;
      ++report.chained;
    }
    if (report.chained != last_seq || previous != last_hash) {
      return broken(std::nullopt, "the log ends at chain position " +
                                      std::to_string(report.chained) + " but the chain head says " +
                                      std::to_string(last_seq) + ": entries at the end are gone");
    }
    if (report.legacy != legacy_count) {
      return broken(std::nullopt, "there are " + std::to_string(report.legacy) +
                                      " entries from before the chain where there were " +
                                      std::to_string(legacy_count));
    }
    return report;
  });
}

}  // namespace meldpunt
