// Registering many reports in one transaction (demo data): the same encryption and columns as
// AddReport, with prepared statements reused for every row so a million reports take minutes.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <utility>

#include "domain/cases/case_event.hpp"
#include "domain/cases/case_protocol.hpp"
#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/classification.hpp"
#include "store/soci/pg_multi_row_insert.hpp"
#include "store/soci/report_columns.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using report_columns::ContactToJson;
using report_columns::JoinCodes;
using report_columns::kContactAd;
using report_columns::kDescriptionAd;
using report_columns::SortedCodes;
using soci_util::Guard;

namespace {

// The columns a batch sets, in the order of its values.
constexpr const char* kInsertedColumns =
    "reported_at, reported_year, incident_date, incident_municipality, residence_municipality, "
    "anonymous, channel, description_enc, contact_enc, reporter_role, nature, social_domain, "
    "scope, wishes, is_complaint, code_list_version, bureau_id, status, case_step, outcome, "
    "case_closed_at, mass_event_id, ground_codes, handling_codes";

// What the writer binds for one report, sealed and formatted before the write begins so the
// single writer does only database work.
struct BatchRow {
  long long reported_at = 0;
  int year = 0;
  std::string incident_date;
  std::string description_enc;
  std::string contact_enc;  // empty: none (NULL)
  std::string wishes;
  std::string status;
  std::string step;
  std::string ground_codes;
  std::string handling_codes;  // "" while the case is open
};

}  // namespace

std::vector<long long> SociStore::AddReportBatch(const std::vector<BatchReport>& reports,
                                                 long long now) {
  std::vector<BatchRow> rows;
  rows.reserve(reports.size());
  for (const auto& batch : reports) {
    const NewReport& r = batch.report;
    BatchRow row;
    row.reported_at = r.received_at.value_or(now);
    row.year = DutchYearOf(row.reported_at);  // as AddReport: the Dutch calendar's year
    row.incident_date = FormatIncidentDate(r.incident_date);
    row.description_enc = cipher().Seal(r.description, kDescriptionAd);
    if (!r.anonymous && r.contact)
      row.contact_enc = cipher().Seal(ContactToJson(*r.contact), kContactAd);
    row.wishes = JoinCodes(r.wishes);
    row.ground_codes = SortedCodes(r.grounds);
    if (batch.closed_at) row.handling_codes = SortedCodes(batch.handlings);
    CaseStep step = batch.closed_at ? CaseStep::kClosed : CaseStep::kReceived;
    row.step = std::string(StepCode(step));
    row.status = std::string(StatusCode(ReporterStatusOf(step)));
    rows.push_back(std::move(row));
  }
  std::vector<long long> ids;
  ids.reserve(reports.size());
  Guard("registering reports in bulk", [&] {
    Write([&](soci::session& sql) {
      ids.clear();  // a retried write starts again
      // A batch touches more pages than SQLite's default cache (2 MiB) holds; spilling them to
      // the write-ahead log mid-transaction writes each page many times. Only this process's
      // writer connection gets the larger cache, and only the demo-data command calls this.
      if (url_.engine == Engine::kSqlite) sql << "PRAGMA cache_size = -65536";
      // Bound once; every row below only changes the values.
      long long reported_at = 0, bureau = 0, mass = 0, closed_at = 0, id = 0;
      int year = 0, anonymous = 0, complaint = 0;
      std::string date, incident, residence, channel, description, contact, role, nature, domain,
          scope, wishes, codes, status, step, outcome, ground_codes, handling_codes;
      soci::indicator contact_ind = soci::i_null, mass_ind = soci::i_null,
                      closed_ind = soci::i_null;
      soci::statement insert =
          (sql.prepare << "INSERT INTO reports (" << kInsertedColumns
                       << ") VALUES (:at, :year, :date, :inc, :res, :anon, :channel, :descr, "
                          ":contact, :role, :nature, :domain, :scope, :wishes, :complaint, "
                          ":codes, :bureau, :status, :step, :outcome, :closed, :mass, :grounds, "
                          ":handlings) RETURNING id",
           soci::use(reported_at), soci::use(year), soci::use(date), soci::use(incident),
           soci::use(residence), soci::use(anonymous), soci::use(channel), soci::use(description),
           soci::use(contact, contact_ind), soci::use(role), soci::use(nature), soci::use(domain),
           soci::use(scope), soci::use(wishes), soci::use(complaint), soci::use(codes),
           soci::use(bureau), soci::use(status), soci::use(step), soci::use(outcome),
           soci::use(closed_at, closed_ind), soci::use(mass, mass_ind), soci::use(ground_codes),
           soci::use(handling_codes), soci::into(id));
      std::string code;
      soci::statement add_ground =
          (sql.prepare << "INSERT INTO report_grounds (report_id, ground) VALUES (:id, :code)",
           soci::use(id), soci::use(code));
      soci::statement add_handling =
          (sql.prepare << "INSERT INTO report_handlings (report_id, handling) VALUES (:id, :code)",
           soci::use(id), soci::use(code));
      // PostgreSQL: the ids taken from the sequence first, then the rows sent many per
      // statement (PgMultiRowInsert), instead of one round trip per row.
      const bool multi_row = url_.engine == Engine::kPostgres;
      std::vector<long long> reserved;
      std::optional<PgMultiRowInsert> pg_reports, pg_grounds, pg_handlings;
      if (multi_row) {
        // Committed to disk before the commit returns, as with PostgreSQL's default, also on a
        // server set to synchronous_commit off (the test clusters): VACUUM marks a page
        // all-visible only once the commits of its rows are flushed, and VacuumAfterBulkLoad
        // follows the last batch at once.
        sql << "SET LOCAL synchronous_commit TO on";
        reserved.resize(reports.size());
        int count = static_cast<int>(reports.size());
        sql << "SELECT nextval(pg_get_serial_sequence('reports', 'id')) FROM "
               "generate_series(1, :n)",
            soci::use(count), soci::into(reserved);
        pg_reports.emplace(sql,
                           std::string("INSERT INTO reports (id, ") + kInsertedColumns +
                               ") OVERRIDING SYSTEM VALUE",
                           25, 1000);
        pg_grounds.emplace(sql, "INSERT INTO report_grounds (report_id, ground)", 2, 5000,
                           &*pg_reports);
        pg_handlings.emplace(sql, "INSERT INTO report_handlings (report_id, handling)", 2, 5000,
                             &*pg_reports);
      }
      // Routing asks the working areas; the same pair of municipalities routes the same way.
      std::map<std::pair<std::string, std::string>, long long> routes;
      for (size_t i = 0; i < reports.size(); ++i) {
        const BatchReport& batch = reports[i];
        const NewReport& r = batch.report;
        BatchRow& row = rows[i];
        reported_at = row.reported_at;
        year = row.year;
        date = row.incident_date;
        incident = r.incident_municipality;
        residence = r.residence_municipality;
        anonymous = r.anonymous ? 1 : 0;
        channel = r.channel;
        description = row.description_enc;
        contact = row.contact_enc;
        contact_ind = contact.empty() ? soci::i_null : soci::i_ok;
        role = r.reporter_role;
        nature = r.nature;
        domain = r.domain;
        scope = r.scope;
        wishes = row.wishes;
        complaint = IsComplaint(r.wishes) ? 1 : 0;
        codes = r.code_list_version;
        bureau = batch.bureau_id;
        if (bureau == 0) {
          auto key = std::make_pair(incident, residence);
          auto found = routes.find(key);
          if (found == routes.end()) {
            found = routes.emplace(key, RouteReport(sql, incident, residence)).first;
          }
          bureau = found->second;
        }
        status = row.status;
        step = row.step;
        outcome = batch.closed_at ? batch.outcome : std::string();
        ground_codes = row.ground_codes;
        handling_codes = row.handling_codes;
        closed_at = batch.closed_at.value_or(0);
        closed_ind = batch.closed_at ? soci::i_ok : soci::i_null;
        mass = batch.mass_event_id.value_or(0);
        mass_ind = batch.mass_event_id ? soci::i_ok : soci::i_null;
        if (multi_row) {
          id = reserved[i];
          auto text = [](long long n) { return std::optional(std::to_string(n)); };
          auto optional_text = [&](long long n, soci::indicator ind) {
            return ind == soci::i_ok ? text(n) : std::nullopt;
          };
          pg_reports->Add({text(id),
                           text(reported_at),
                           text(year),
                           date,
                           incident,
                           residence,
                           text(anonymous),
                           channel,
                           description,
                           contact_ind == soci::i_ok ? std::optional(contact) : std::nullopt,
                           role,
                           nature,
                           domain,
                           scope,
                           wishes,
                           text(complaint),
                           codes,
                           text(bureau),
                           status,
                           step,
                           outcome,
                           optional_text(closed_at, closed_ind),
                           optional_text(mass, mass_ind),
                           ground_codes,
                           handling_codes});
          ids.push_back(id);
          for (const auto& ground : r.grounds) pg_grounds->Add({text(id), ground});
          if (batch.closed_at) {
            for (const auto& handling : batch.handlings) pg_handlings->Add({text(id), handling});
          }
          continue;
        }
        insert.execute(true);
        ids.push_back(id);
        for (const auto& ground : r.grounds) {
          code = ground;
          add_ground.execute(true);
        }
        if (batch.closed_at) {
          for (const auto& handling : batch.handlings) {
            code = handling;
            add_handling.execute(true);
          }
        }
      }
      if (multi_row) {
        // The grounds and handlings send the reports they refer to first.
        pg_grounds->Flush();
        pg_handlings->Flush();
        pg_reports->Flush();
      }
      // Next deadline and last activity: a new report has no history yet, so only the open
      // ones need the deadline rules; the closed ones were last active when received.
      std::vector<long long> open;
      for (size_t i = 0; i < ids.size(); ++i) {
        if (!reports[i].closed_at) open.push_back(ids[i]);
      }
      StampReceivedActivity(sql, ids);
      RefreshCaseDue(sql, std::move(open));
      // Receipt hashes, for the few reports that have one (demo data gives two a receipt code).
      for (size_t i = 0; i < ids.size(); ++i) {
        const std::string& hash = reports[i].report.receipt_hash;
        if (hash.empty()) continue;
        sql << "INSERT INTO report_receipts (receipt_hash, report_id) VALUES (:hash, :id)",
            soci::use(hash), soci::use(ids[i]);
      }
    });
  });
  return ids;
}

bool SociStore::VacuumAfterBulkLoad() {
  return Guard("vacuuming the tables after a bulk load", [&]() -> bool {
    if (url_.engine == Engine::kPostgres) {
      // VACUUM refuses to run in a transaction: a pool session in autocommit. Vacuuming sets
      // the visibility map, without which an index-only scan still visits every row's page;
      // ANALYZE gives the planner the new sizes. Autovacuum would get there in the end, but
      // only after the first figures had been slow (docs/benchmarks.md).
      soci::session sql(*readers_);
      // Two statements, not VACUUM (ANALYZE) of the three: right after a load, PostgreSQL 15
      // then left the visibility map of the second and third table empty (the analysis of
      // the first table came between; seen in pg_class.relallvisible).
      sql << "VACUUM reports, report_grounds, report_handlings";
      sql << "ANALYZE reports, report_grounds, report_handlings";
      return true;
    }
    // SQLite: nothing. It has no visibility map, and its planner already takes the covering
    // index ranges for the figures; ANALYZE (5 s at a million reports) changed none of their
    // plans, and SQLite never refreshes the statistics it stores, so those of the demo data
    // would steer the planner long after (docs/benchmarks.md).
    return false;
  });
}

}  // namespace meldpunt
