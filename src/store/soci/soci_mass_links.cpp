// Linking reports to mass-report events (massameldingen) and finding the reports to link. Linking
// and unlinking thousands of reports is one transaction of prepared statements; every report
// still gets its own case event and a new case_version, as with any change to a case. Events are
// the installation's, reports stay their bureau's: every read and write here names the bureau
// whose reports it touches, and never touches another's.
#include <soci/soci.h>

#include "domain/cases/mass_event.hpp"
#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

constexpr const char* kLinkedCode = "linked";
constexpr const char* kUnlinkedCode = "unlinked";

// The year of a report's reference (the Dutch calendar's).
int YearOf(long long unix_seconds) { return DutchYearOf(unix_seconds); }

// The reports a filter matches. An empty code matches any (CAST: PostgreSQL must know the type).
constexpr const char* kFilterWhere =
    " FROM reports r WHERE r.bureau_id = :bureau AND r.mass_event_id IS NULL AND "
    "r.reported_at >= :from_at AND r.reported_at < :until_at AND "
    "(CAST(:nature AS TEXT) = '' OR r.nature = :nature2) AND "
    "(CAST(:domain AS TEXT) = '' OR r.social_domain = :domain2) AND "
    "(CAST(:ground AS TEXT) = '' OR EXISTS (SELECT 1 FROM report_grounds g WHERE "
    "g.report_id = r.id AND g.ground = :ground2))";

}  // namespace

std::vector<MassLinkedReport> SociStore::ListMassEventReports(long long event_id,
                                                              long long bureau_id) {
  return Guard("listing the reports of a mass-report event", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, reported_at, incident_municipality, case_step, case_version "
                        "FROM reports WHERE mass_event_id = :event AND bureau_id = :bureau "
                        "ORDER BY id",
         soci::use(event_id), soci::use(bureau_id));
    std::vector<MassLinkedReport> reports;
    for (const auto& row : rows) {
      MassLinkedReport report;
      report.id = GetInteger(row, 0);
      report.reported_at = GetInteger(row, 1);
      report.reference = FormatReference(YearOf(report.reported_at), report.id);
      report.incident_municipality = row.get<std::string>(2);
      report.step = ParseStep(row.get<std::string>(3)).value_or(CaseStep::kReceived);
      report.case_version = GetInteger(row, 4);
      reports.push_back(std::move(report));
    }
    return reports;
  });
}

long long SociStore::CountUnlinkedReports(const MassReportFilter& f) {
  return Guard("counting reports to link", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << std::string("SELECT COUNT(*)") + kFilterWhere, soci::use(f.bureau_id),
        soci::use(f.reported_from), soci::use(f.reported_until), soci::use(f.nature),
        soci::use(f.nature), soci::use(f.domain), soci::use(f.domain), soci::use(f.ground),
        soci::use(f.ground), soci::into(count);
    return count;
  });
}

std::vector<ParsedReference> SociStore::FindUnlinkedReports(const MassReportFilter& f, int limit) {
  return Guard("finding reports to link", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT r.id, r.reported_at") + kFilterWhere +
                            " ORDER BY r.id LIMIT :limit",
         soci::use(f.bureau_id), soci::use(f.reported_from), soci::use(f.reported_until),
         soci::use(f.nature), soci::use(f.nature), soci::use(f.domain), soci::use(f.domain),
         soci::use(f.ground), soci::use(f.ground), soci::use(limit));
    std::vector<ParsedReference> found;
    for (const auto& row : rows) found.push_back({YearOf(GetInteger(row, 1)), GetInteger(row, 0)});
    return found;
  });
}

MassLinkResult SociStore::LinkReports(long long event_id, long long bureau_id,
                                      const std::vector<ParsedReference>& references,
                                      long long staff_user_id, long long now) {
  return Guard("linking reports to a mass-report event", [&] {
    MassLinkResult result;
    std::string detail = std::to_string(event_id);
    std::string kind(CaseEventCode(CaseEventKind::kLinked));
    std::string code = kLinkedCode;
    Write([&](soci::session& sql) {
      result = {};  // this work runs once, but says so on its own
      long long event_exists = 0;
      sql << "SELECT COUNT(*) FROM mass_events WHERE id = :id", soci::use(event_id),
          soci::into(event_exists);
      if (event_exists == 0) throw StoreError("no mass-report event " + detail);
      // The bound is on the whole event (every bureau's reports together), so each bureau's
      // answer to its part stays bounded too.
      long long linked_before = 0;
      sql << "SELECT COUNT(*) FROM reports WHERE mass_event_id = :id", soci::use(event_id),
          soci::into(linked_before);

      long long id = 0, report_bureau = 0, reported_at = 0, holder = 0;
      soci::indicator bureau_ind = soci::i_null, holder_ind = soci::i_null;
      soci::statement find =
          (sql.prepare
               << "SELECT bureau_id, reported_at, mass_event_id FROM reports WHERE id = :id",
           soci::use(id), soci::into(report_bureau, bureau_ind), soci::into(reported_at),
           soci::into(holder, holder_ind));
      soci::statement link =
          (sql.prepare << "UPDATE reports SET mass_event_id = :event, case_version = "
                          "case_version + 1 WHERE id = :id AND mass_event_id IS NULL",
           soci::use(event_id), soci::use(id));
      soci::statement record =
          (sql.prepare << "INSERT INTO case_events (report_id, at, staff_user_id, kind, code, "
                          "detail) VALUES (:report, :at, :staff, :kind, :code, :detail)",
           soci::use(id), soci::use(now), soci::use(staff_user_id), soci::use(kind),
           soci::use(code), soci::use(detail));
      std::vector<long long> touched;
      for (const auto& reference : references) {
        std::string formatted = FormatReference(reference.year, reference.number);
        id = reference.number;
        // Another bureau's report is answered like one that does not exist.
        if (!find.execute(true) || bureau_ind != soci::i_ok || report_bureau != bureau_id ||
            YearOf(reported_at) != reference.year) {
          result.not_found.push_back(std::move(formatted));
          continue;
        }
        if (holder_ind == soci::i_ok) {
          (holder == event_id ? result.already_linked : result.other_event)
              .push_back(std::move(formatted));
          continue;
        }
        if (linked_before + result.linked >= kMaxReportsPerMassEvent) {
          result.event_full = true;
          break;
        }
        link.execute(true);
        if (link.get_affected_rows() != 1) continue;  // not possible inside this transaction
        record.execute(true);
        touched.push_back(id);
        ++result.linked;
      }
      RefreshCaseDue(sql, touched);  // a history entry: last activity
    });
    return result;
  });
}

long long SociStore::UnlinkReports(long long event_id, long long bureau_id,
                                   const std::vector<long long>& report_ids,
                                   long long staff_user_id, long long now) {
  return Guard("unlinking reports from a mass-report event", [&] {
    long long unlinked = 0;
    std::string detail = std::to_string(event_id);
    std::string kind(CaseEventCode(CaseEventKind::kLinked));
    std::string code = kUnlinkedCode;
    Write([&](soci::session& sql) {
      unlinked = 0;
      long long id = 0;
      soci::statement unlink =
          (sql.prepare << "UPDATE reports SET mass_event_id = NULL, case_version = case_version "
                          "+ 1 WHERE id = :id AND mass_event_id = :event AND bureau_id = :bureau",
           soci::use(id), soci::use(event_id), soci::use(bureau_id));
      soci::statement record =
          (sql.prepare << "INSERT INTO case_events (report_id, at, staff_user_id, kind, code, "
                          "detail) VALUES (:report, :at, :staff, :kind, :code, :detail)",
           soci::use(id), soci::use(now), soci::use(staff_user_id), soci::use(kind),
           soci::use(code), soci::use(detail));
      std::vector<long long> touched;
      for (long long report_id : report_ids) {
        id = report_id;
        unlink.execute(true);
        if (unlink.get_affected_rows() != 1) continue;
        record.execute(true);
        touched.push_back(id);
        ++unlinked;
      }
      RefreshCaseDue(sql, touched);  // a history entry: last activity
    });
    return unlinked;
  });
}

}  // namespace meldpunt
