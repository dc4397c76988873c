#include "store/soci/soci_store.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <set>

#include "domain/cases/handling.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/classification.hpp"
#include "domain/reports/reference.hpp"
#include "store/case_due.hpp"
#include "store/soci/migrations.hpp"
#include "store/soci/new_case_due.hpp"
#include "store/soci/report_columns.hpp"
#include "store/soci/soci_staff_user_row.hpp"
#include "store/soci/soci_util.hpp"
#include "store/soci/statement_cache.hpp"
#include "store/soci/wal_checkpointer.hpp"
#include "store/soci/write_queue.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;
using soci_util::kStaffUserColumnCount;
using soci_util::kStaffUserColumns;
using soci_util::ReadStaffUser;

constexpr size_t kMaxBatch = 512;
constexpr size_t kMaxPendingWrites = 20000;
using report_columns::ContactFromJson;
using report_columns::ContactToJson;
using report_columns::JoinCodes;
using report_columns::kContactAd;
using report_columns::kDescriptionAd;
using report_columns::SortedCodes;
using report_columns::SplitCodes;
// The columns ReadReport expects, in its order.
constexpr const char* kReportColumns =
    "id, reported_at, incident_date, incident_municipality, residence_municipality, anonymous, "
    "channel, description_enc, contact_enc, status, reporter_role, nature, social_domain, scope, "
    "wishes, is_complaint, code_list_version, bureau_id, case_step, assigned_to, consent_recorded, "
    "outcome, case_closed_at, case_version, anonymised_at, next_due_at, last_activity_at, "
    "site_language";

// A report's year (reported_year, the year of its reference): the Dutch calendar's.
int YearOf(long long unix_seconds) { return DutchYearOf(unix_seconds); }

}  // namespace

SociStore::SociStore(const DatabaseUrl& url, std::optional<Key> data_key, size_t pool_size,
                     std::optional<Key> audit_key, long long worklist_count_cap)
    : url_(url),
      cipher_(data_key ? std::optional<Cipher>(Cipher(*data_key)) : std::nullopt),
      audit_key_(audit_key),
      match_keys_(MakeMatchKeys(data_key)),
      worklist_count_cap_(std::max(1LL, worklist_count_cap)) {
  Guard("opening the database", [&] {
    if (url_.engine == Engine::kSqlite) {
      // Before SQLite's first connection of the process (later, SQLite ignores it): no memory
      // statistics, whose global mutex every allocation took (issue 16, the writer's time).
      static std::once_flag configured;
      std::call_once(configured, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    }
    auto first = std::make_unique<soci::session>();
    Open(*first);
    Migrate(*first);
    readers_ = std::make_unique<ReaderPool>(pool_size);
    for (size_t i = 0; i < pool_size; ++i) Open(readers_->at(i));
    if (url_.engine == Engine::kSqlite) {
      // The writer does not need the readers' 32 MiB: evidence blobs pass through its cache, and
      // a burst of uploads left ~27 MiB of their pages resident (issue 16, docs/benchmarks.md).
      *first << "PRAGMA cache_size=-8192";
      // Each queued write runs in a savepoint, so SQLite copies every page it changes into a
      // sub-journal first; in memory that costs no write system call (perf: 15-20% of the
      // writer's time went to pwrite on that temp file; issue 16).
      *first << "PRAGMA temp_store=MEMORY";
      // Its checkpoints on a thread of their own (wal_checkpointer.hpp).
      checkpointer_ = std::make_unique<WalCheckpointer>("db=" + url_.target + " timeout=10");
      checkpointer_->Attach(*first);
      writer_ = std::make_unique<WriteQueue>(std::move(first), kMaxBatch, kMaxPendingWrites);
    }
  });
}

SociStore::~SociStore() = default;

const Cipher& SociStore::cipher() const {
  if (!cipher_)
    throw StoreError("this command has no data key, so it cannot read or write reports");
  return *cipher_;
}

void SociStore::Open(soci::session& sql) const {
  if (url_.engine == Engine::kPostgres) {
    sql.open(soci::postgresql, url_.target);
    sql << "SET client_min_messages TO WARNING";  // no NOTICE chatter on stderr
    return;
  }
  sql.open(soci::sqlite3, "db=" + url_.target + " timeout=10");
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=FULL";
  sql << "PRAGMA foreign_keys=ON";
  // Erased personal data (retention, the reporter's request) is overwritten in the file, not
  // left in free pages.
  sql << "PRAGMA secure_delete=ON";
  // Up to 32 MiB of pages per connection (default 2 MiB), used only as they are read: the
  // figures walk the grounds and handlings of tens of thousands of reports (docs/benchmarks.md).
  sql << "PRAGMA cache_size=-32768";
}

void SociStore::Migrate(soci::session& sql) {
  soci::transaction tx(sql);
  if (url_.engine == Engine::kPostgres) {
    // Several nodes may start at once: one migrates, the others wait for it.
    sql << "SELECT pg_advisory_xact_lock(7261530)";
  }
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "description TEXT NOT NULL)";
  // Versions are applied one by one, not "everything above the highest": migrations written on
  // parallel branches may land out of order, and a gap must not hide one.
  std::set<int> applied;
  {
    soci::rowset<int> versions = sql.prepare << "SELECT version FROM schema_migrations";
    applied.insert(versions.begin(), versions.end());
  }
  const bool case_due_missing = !applied.contains(29);
  for (const auto& migration : AllMigrations()) {
    if (applied.contains(migration.version)) continue;
    for (const auto& statement : SplitStatements(SqlForEngine(migration.sql, url_.engine))) {
      sql << statement;
    }
    std::string description(migration.description);
    sql << "INSERT INTO schema_migrations (version, description) VALUES (:v, :d)",
        soci::use(migration.version), soci::use(description);
  }
  // Migration 29's next deadlines need the deadline rules (C++), and every table they read.
  if (case_due_missing) BackfillCaseDue(sql);
  tx.commit();
}

int SociStore::SchemaVersion() {
  soci::session sql(*readers_);
  int version = 0;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version);
  return version;
}

void SociStore::Write(const std::function<void(soci::session&)>& work) {
  if (writer_) return writer_->Run(work);
  soci::session sql(*readers_);
  soci::transaction tx(sql);
  work(sql);
  tx.commit();
}

std::optional<std::string> SociStore::ReporterEmail(long long report_id) {
  soci::session sql(*readers_);
  std::string contact_enc;
  soci::indicator ind = soci::i_null;
  sql << "SELECT contact_enc FROM reports WHERE id = :id", soci::use(report_id),
      soci::into(contact_enc, ind);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  auto contact = cipher().Open(contact_enc, kContactAd);
  if (!contact) throw StoreError("report " + std::to_string(report_id) + ": " + contact.error());
  std::string email = ContactFromJson(*contact).email;
  if (email.empty()) return std::nullopt;
  return email;
}

bool SociStore::Ping() {
  try {
    soci::session sql(*readers_);
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

RegisteredReport SociStore::AddReport(const NewReport& report, long long now,
                                      const ClosingOnArrival* closing) {
  RegisteredReport stored;
  // A report that reached the bureau on an earlier day (a letter read today) counts from then.
  stored.reported_at = report.received_at.value_or(now);
  stored.incident_date = FormatIncidentDate(report.incident_date);
  stored.incident_municipality = report.incident_municipality;
  stored.residence_municipality = report.residence_municipality;
  stored.anonymous = report.anonymous;
  stored.channel = report.channel;
  stored.reporter_role = report.reporter_role;
  stored.nature = report.nature;
  stored.grounds = report.grounds;
  stored.domain = report.domain;
  stored.scope = report.scope;
  stored.wishes = report.wishes;
  stored.is_complaint = IsComplaint(report.wishes);
  stored.code_list_version = report.code_list_version;
  stored.description = report.description;
  stored.contact = report.anonymous ? std::nullopt : report.contact;

  // Encryption happens before the write queue so the single writer does only database work.
  std::string description_enc = cipher().Seal(report.description, kDescriptionAd);
  Nullable<std::string> contact_enc;
  if (stored.contact)
    contact_enc = {cipher().Seal(ContactToJson(*stored.contact), kContactAd), false};
  int year = YearOf(stored.reported_at);
  int anonymous = report.anonymous ? 1 : 0;
  int is_complaint = stored.is_complaint ? 1 : 0;
  std::string wishes = JoinCodes(report.wishes);
  std::string ground_codes = SortedCodes(report.grounds);
  // The key arrives as a keyed hash (see NewReport); NULL when the form sent none (NULLs never
  // conflict).
  Nullable<std::string> key_hash{report.submission_key, report.submission_key.empty()};
  stored.site_language = report.site_language;
  Nullable<std::string> site_language{report.site_language, report.site_language.empty()};
  auto evidence = SealEvidence(report.evidence);
  // Duplicate hints (soci_duplicates.cpp): the blind index and the text's signature.
  ReportMatchKeys match = MatchKeysOf(report.description, stored.contact, {});
  // Registration only: it goes in closed (ClosingOnArrival), in its final state, which costs the
  // single writer a third of closing it afterwards (issue 16). A resent form keeps what the first
  // made (below).
  const bool closes = closing != nullptr && !stored.is_complaint;
  if (closes) {
    stored.closed_on_arrival = true;
    stored.step = CaseStep::kClosed;
    stored.status = ReporterStatusOf(CaseStep::kClosed);
    stored.case_version = 1;  // one change: the closing
    stored.handlings = closing->handlings;
    stored.outcome = closing->outcome;
    stored.closed_at = now;
  }
  Guard("registering a report", [&] {
    Write([&](soci::session& sql) {
      // Prepared once on the SQLite writer (statement_cache.hpp, issue 16).
      PreparedStatements statements(sql);
      StatementCache& st = *statements;
      stored.bureau_id =
          RouteReport(sql, stored.incident_municipality, stored.residence_municipality);
      // Its first deadline and its first activity go in with the row: it has no history yet.
      // Closed on arrival, it has no deadline, and closing is its last activity.
      CaseTimeline timeline;
      timeline.reported_at = stored.reported_at;
      if (report.registered_by != 0) timeline.registered_at = now;
      timeline.channel = stored.channel;
      timeline.is_complaint = stored.is_complaint;
      timeline.bureau_id = stored.bureau_id;
      NewCaseDue due = closes ? NewCaseDue{kNoDueAt, std::max(NewCaseLastActivity(timeline), now)}
                              : NewCaseDueOf(sql, timeline);
      bool added = st.Fetch(
          "INSERT INTO reports (reported_at, reported_year, incident_date, incident_municipality, "
          "residence_municipality, anonymous, channel, description_enc, contact_enc, "
          "submission_key, reporter_role, nature, social_domain, scope, wishes, is_complaint, "
          "code_list_version, bureau_id, ground_codes, site_language, next_due_at, "
          "last_activity_at, case_step, status, case_version, outcome, case_closed_at, "
          "handling_codes) VALUES (:at, :year, :date, :inc, :res, :anon, :channel, :descr, "
          ":contact, :key, :role, :nature, :domain, :scope, :wishes, :complaint, :codes, :bureau, "
          ":grounds, :lang, :due, :activity, :step, :status, :version, :outcome, :closed_at, "
          ":handlings) ON CONFLICT (submission_key) DO NOTHING RETURNING id",
          std::tie(stored.id), stored.reported_at, year, stored.incident_date,
          stored.incident_municipality, stored.residence_municipality, anonymous, stored.channel,
          description_enc, contact_enc, key_hash, stored.reporter_role, stored.nature,
          stored.domain, stored.scope, wishes, is_complaint, stored.code_list_version,
          stored.bureau_id, ground_codes, site_language, due.next_due_at, due.last_activity_at,
          std::string(StepCode(stored.step)), std::string(StatusCode(stored.status)),
          stored.case_version, stored.outcome, Nullable<long long>::Of(stored.closed_at),
          SortedCodes(stored.handlings));
      if (added) {
        stored.reference = FormatReference(year, stored.id);
        stored.next_due_at =
            due.next_due_at == kNoDueAt ? std::nullopt : std::optional<long long>(due.next_due_at);
        stored.last_activity_at = due.last_activity_at;
        for (const auto& ground : stored.grounds) {
          st.Execute("INSERT INTO report_grounds (report_id, ground) VALUES (:id, :ground)",
                     stored.id, ground);
        }
        InsertEvidence(sql, stored.id, std::nullopt, evidence, now);  // with the report, or not
        // In the same transaction: a report is never registered without its receipt.
        if (!report.receipt_hash.empty()) {
          st.Execute("INSERT INTO report_receipts (receipt_hash, report_id) VALUES (:hash, :id)",
                     report.receipt_hash, stored.id);
        }
        if (report.partner_key_id != 0) {
          st.Execute(
              "INSERT INTO partner_reports (report_id, api_key_id, request_hash) VALUES (:id, "
              ":key, :hash)",
              stored.id, report.partner_key_id, report.partner_request_hash);
        }
        if (report.registered_by != 0) {
          st.Execute(
              "INSERT INTO report_intake (report_id, staff_user_id, registered_at) VALUES (:id, "
              ":staff, :now)",
              stored.id, report.registered_by, now);
        }
        // A new report has no keys to replace: no DELETEs (issue 16, the writer's work).
        SaveMatchKeysIn(sql, stored.id, match, {}, true);
        if (closes) WriteClosingOnArrival(sql, *closing, stored, now);
        return;
      }
      // The same submission arrived before (a double click, a resend after a lost connection):
      // answer with the report it made instead of registering it twice.
      st.Fetch("SELECT id, reported_at, bureau_id FROM reports WHERE submission_key = :key",
               std::tie(stored.id, stored.reported_at, stored.bureau_id), key_hash.value);
      stored.duplicate = true;
      if (closes) {  // not closed by this call: the first sending's report is as it is
        RegisteredReport open;
        stored.closed_on_arrival = false;
        stored.step = open.step;
        stored.status = open.status;
        stored.case_version = open.case_version;
        stored.handlings.clear();
        stored.outcome.clear();
        stored.closed_at.reset();
      }
    });
  });
  if (!stored.duplicate) registered_by_channel_.Add(stored.channel);
  stored.reference = FormatReference(YearOf(stored.reported_at), stored.id);
  return stored;
}

std::vector<RegisteredReport> SociStore::ListReports(int limit, int offset) {
  return Guard("listing reports", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kReportColumns
                     << " FROM reports ORDER BY id DESC LIMIT :limit OFFSET :offset",
         soci::use(limit), soci::use(offset));
    std::vector<RegisteredReport> reports;
    for (const auto& row : rows) reports.push_back(ReadReport(row));
    ReadGrounds(sql, reports);
    return reports;
  });
}

std::vector<RegisteredReport> SociStore::ListBureauReports(long long bureau_id, int limit,
                                                           int offset) {
  return Guard("listing a bureau's reports", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kReportColumns
                     << " FROM reports WHERE bureau_id = :bureau ORDER BY id DESC LIMIT :limit "
                        "OFFSET :offset",
         soci::use(bureau_id), soci::use(limit), soci::use(offset));
    std::vector<RegisteredReport> reports;
    for (const auto& row : rows) reports.push_back(ReadReport(row));
    ReadGrounds(sql, reports);
    return reports;
  });
}

long long SociStore::CountBureauReports(long long bureau_id) {
  return Guard("counting a bureau's reports", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM reports WHERE bureau_id = :bureau", soci::use(bureau_id),
        soci::into(count);
    return count;
  });
}

std::optional<RegisteredReport> SociStore::GetReport(long long id) {
  return Guard("reading a report", [&]() -> std::optional<RegisteredReport> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kReportColumns << " FROM reports WHERE id = :id",
         soci::use(id));
    std::vector<RegisteredReport> found;
    for (const auto& row : rows) found.push_back(ReadReport(row));
    if (found.empty()) return std::nullopt;
    ReadGrounds(sql, found);
    return std::move(found.front());
  });
}

const char* SociStore::ReportColumns() { return kReportColumns; }

RegisteredReport SociStore::ReadReport(const soci::row& row) const {
  RegisteredReport r;
  r.id = GetInteger(row, 0);
  r.reported_at = GetInteger(row, 1);
  r.incident_date = row.get<std::string>(2);
  r.incident_municipality = row.get<std::string>(3);
  r.residence_municipality = row.get<std::string>(4);
  r.anonymous = GetInteger(row, 5) != 0;
  r.channel = row.get<std::string>(6);
  if (row.get_indicator(24) == soci::i_ok) r.anonymised_at = GetInteger(row, 24);
  // An anonymised report has no description or contact details left to open.
  if (!r.anonymised_at) {
    auto description = cipher().Open(row.get<std::string>(7), kDescriptionAd);
    if (!description)
      throw StoreError("report " + std::to_string(r.id) + ": " + description.error());
    r.description = std::move(*description);
  }
  if (!r.anonymised_at && row.get_indicator(8) == soci::i_ok) {
    auto contact = cipher().Open(row.get<std::string>(8), kContactAd);
    if (!contact) throw StoreError("report " + std::to_string(r.id) + ": " + contact.error());
    r.contact = ContactFromJson(*contact);
  }
  r.status = ParseStatus(row.get<std::string>(9)).value_or(ReportStatus::kReceived);
  r.reporter_role = row.get<std::string>(10);
  r.nature = row.get<std::string>(11);
  r.domain = row.get<std::string>(12);
  r.scope = row.get<std::string>(13);
  SplitCodes(row.get<std::string>(14), r.wishes);
  r.is_complaint = GetInteger(row, 15) != 0;
  r.code_list_version = row.get<std::string>(16);
  r.bureau_id = row.get_indicator(17) == soci::i_ok ? GetInteger(row, 17) : 0;
  r.step = ParseStep(row.get<std::string>(18)).value_or(CaseStep::kReceived);
  if (row.get_indicator(19) == soci::i_ok) r.assigned_to = GetInteger(row, 19);
  r.consent_recorded = GetInteger(row, 20) != 0;
  r.outcome = row.get<std::string>(21);
  if (row.get_indicator(22) == soci::i_ok) r.closed_at = GetInteger(row, 22);
  r.case_version = GetInteger(row, 23);
  if (long long due = GetInteger(row, 25); due != kNoDueAt) r.next_due_at = due;
  r.last_activity_at = GetInteger(row, 26);
  if (row.get_indicator(27) == soci::i_ok) r.site_language = row.get<std::string>(27);
  r.reference = FormatReference(YearOf(r.reported_at), r.id);
  return r;
}

void SociStore::ReadGrounds(soci::session& sql, std::vector<RegisteredReport>& reports) const {
  if (reports.empty()) return;
  long long first = reports.front().id, last = reports.front().id;
  std::map<long long, RegisteredReport*> by_id;
  for (auto& r : reports) {
    by_id[r.id] = &r;
    first = std::min(first, r.id);
    last = std::max(last, r.id);
  }
  soci::rowset<soci::row> grounds =
      (sql.prepare << "SELECT report_id, ground FROM report_grounds WHERE report_id BETWEEN "
                      ":first AND :last",
       soci::use(first), soci::use(last));
  for (const auto& row : grounds) {
    auto it = by_id.find(GetInteger(row, 0));
    if (it != by_id.end()) it->second->grounds.push_back(row.get<std::string>(1));
  }
  soci::rowset<soci::row> handlings =
      (sql.prepare << "SELECT report_id, handling FROM report_handlings WHERE report_id BETWEEN "
                      ":first AND :last",
       soci::use(first), soci::use(last));
  for (const auto& row : handlings) {
    auto it = by_id.find(GetInteger(row, 0));
    if (it != by_id.end()) it->second->handlings.push_back(row.get<std::string>(1));
  }
  // In the order of the code lists, as the reporter and staff saw them.
  auto sort_by = [](std::vector<std::string>& codes, std::span<const std::string_view> list) {
    auto rank = [&](const std::string& code) {
      return std::find(list.begin(), list.end(), code) - list.begin();
    };
    std::sort(codes.begin(), codes.end(),
              [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  };
  for (auto& r : reports) {
    sort_by(r.grounds, kGrounds);
    sort_by(r.handlings, kHandlings);
  }
}

long long SociStore::CountReports() {
  return Guard("counting reports", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM reports", soci::into(count);
    return count;
  });
}

std::vector<MunicipalityCount> SociStore::CountByMunicipality(int year, MassReports mass,
                                                              std::optional<long long> bureau_id) {
  return Guard("counting per municipality", [&] {
    soci::session sql(*readers_);
    std::map<std::string, MunicipalityCount> counts;
    const char* without_mass = mass == MassReports::kExcluded ? " AND mass_event_id IS NULL" : "";
    // Without a bureau every bureau's reports (bureau ids start at 1).
    long long bureau = bureau_id.value_or(0);
    const char* of_bureau = bureau_id ? " AND bureau_id = :bureau" : " AND :bureau = 0";
    for (const char* column : {"incident_municipality", "residence_municipality"}) {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << column << ", COUNT(*) FROM reports "
                       << "WHERE reported_year = :year" << without_mass << of_bureau << " GROUP BY "
                       << column,
           soci::use(year), soci::use(bureau));
      bool incident = std::string_view(column) == "incident_municipality";
      for (const auto& row : rows) {
        auto code = row.get<std::string>(0);
        auto& entry = counts[code];
        entry.code = code;
        (incident ? entry.incident : entry.residence) = GetInteger(row, 1);
      }
    }
    std::vector<MunicipalityCount> result;
    for (auto& [code, count] : counts) result.push_back(count);
    return result;
  });
}

bool SociStore::AddUser(const NewStaffUser& user, long long now) {
  return Guard("adding a user", [&] {
    bool added = false;
    std::string role(RoleCode(user.role));
    long long bureau = user.bureau_id.value_or(0);
    soci::indicator bureau_ind = user.bureau_id ? soci::i_ok : soci::i_null;
    Write([&](soci::session& sql) {
      long long existing = 0;
      sql << "SELECT COUNT(*) FROM staff_users WHERE email = :email", soci::use(user.email),
          soci::into(existing);
      if (existing > 0) return;
      sql << "INSERT INTO staff_users (email, password_hash, role, created_at, bureau_id, "
             "municipality) VALUES (:email, :hash, :role, :now, :bureau, :municipality)",
          soci::use(user.email), soci::use(user.password_hash), soci::use(role), soci::use(now),
          soci::use(bureau, bureau_ind), soci::use(user.municipality);
      added = true;
    });
    return added;
  });
}

std::optional<StaffUser> SociStore::FindUser(const std::string& email) {
  return Guard("finding a user", [&]() -> std::optional<StaffUser> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + kStaffUserColumns +
                            ", password_hash FROM staff_users WHERE email = :email",
         soci::use(email));
    for (const auto& row : rows) {
      StaffUser user = ReadStaffUser(row);
      user.password_hash = row.get<std::string>(kStaffUserColumnCount);
      return user;
    }
    return std::nullopt;
  });
}

}  // namespace meldpunt
