// Cases (dossiers): the one write path for every change to a case and its history.
#include <soci/soci.h>

#include "store/soci/new_case_due.hpp"
#include "store/soci/report_columns.hpp"
#include "store/soci/soci_staff_user_row.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"
#include "store/soci/statement_cache.hpp"

namespace meldpunt {
namespace {

using report_columns::SortedCodes;
using soci_util::GetInteger;
using soci_util::Guard;

constexpr std::string_view kEventTextAd = "case_events.text";

// Thrown inside a write to undo the changes of ApplyCaseChangesTogether made so far: the write
// queue rolls the write's savepoint back (and the direct transaction is never committed). Not a
// std::exception, so Guard lets it through as it is.
struct NotTogether {};

// The rows a change writes beside the report's own, one statement text each (prepared once on
// the SQLite writer), shared by ApplyCaseChangeIn and WriteClosingOnArrival.
void InsertStatusChange(StatementCache& st, long long report_id, long long at,
                        const std::string& status) {
  st.Execute("INSERT INTO report_status_changes (report_id, at, status) VALUES (:id, :at, :status)",
             report_id, at, status);
}

void InsertHandlings(StatementCache& st, long long report_id,
                     const std::vector<std::string>& handlings) {
  for (const auto& handling : handlings) {
    st.Execute("INSERT INTO report_handlings (report_id, handling) VALUES (:id, :handling)",
               report_id, handling);
  }
}

void InsertCaseEvent(StatementCache& st, long long report_id, long long at,
                     Nullable<long long> staff, const std::string& kind, const std::string& code,
                     const std::string& detail, Nullable<std::string> text) {
  st.Execute(
      "INSERT INTO case_events (report_id, at, staff_user_id, kind, code, detail, text_enc) VALUES "
      "(:report, :at, :staff, :kind, :code, :detail, :text)",
      report_id, at, staff, kind, code, detail, text);
}

}  // namespace

bool SociStore::ApplyCaseChangeIn(soci::session& sql, const CaseChange& change,
                                  const std::string& text_enc, long long now) {
  // The statements every change runs are prepared once on the SQLite writer (issue 16).
  PreparedStatements statements(sql);
  StatementCache& st = *statements;
  std::string kind(CaseEventCode(change.kind));
  long long id = change.report_id;
  // Claims the case: only one change per version gets through.
  long long next = change.expected_version + 1;
  if (st.Execute("UPDATE reports SET case_version = :next WHERE id = :id AND case_version = "
                 ":expected",
                 next, id, change.expected_version) == 0) {
    return false;
  }
  if (change.step) {
    std::string step(StepCode(*change.step));
    std::string status(StatusCode(ReporterStatusOf(*change.step)));
    std::string was;
    st.Fetch("SELECT status FROM reports WHERE id = :id", std::tie(was), id);
    st.Execute("UPDATE reports SET case_step = :step, status = :status WHERE id = :id", step,
               status, id);
    // What the reporter saw changes with the step: kept for the access request.
    if (was != status) InsertStatusChange(st, id, now, status);
    if (*change.step != CaseStep::kClosed && *change.step != CaseStep::kArchived) {
      // Reopened (or never closed): no handling, no outcome, no closing time.
      st.Execute("DELETE FROM report_handlings WHERE report_id = :id", id);
      st.Execute(
          "UPDATE reports SET outcome = '', case_closed_at = NULL, handling_codes = '' WHERE id "
          "= :id",
          id);
    }
  }
  if (change.close) {
    const auto& [handlings, outcome] = *change.close;
    st.Execute("DELETE FROM report_handlings WHERE report_id = :id", id);
    InsertHandlings(st, id, handlings);
    std::string handling_codes = SortedCodes(handlings);
    st.Execute(
        "UPDATE reports SET outcome = :outcome, case_closed_at = :now, handling_codes = "
        ":handlings WHERE id = :id",
        outcome, now, handling_codes, id);
  }
  if (change.assign) {
    long long user = change.assign->value_or(0);
    soci::indicator user_ind = *change.assign ? soci::i_ok : soci::i_null;
    sql << "UPDATE reports SET assigned_to = :user WHERE id = :id", soci::use(user, user_ind),
        soci::use(change.report_id);
  }
  if (change.consent) {
    int consent = *change.consent ? 1 : 0;
    sql << "UPDATE reports SET consent_recorded = :consent WHERE id = :id", soci::use(consent),
        soci::use(change.report_id);
  }
  if (change.classify) {
    const auto& c = *change.classify;
    std::string ground_codes = SortedCodes(c.grounds);
    sql << "UPDATE reports SET nature = :nature, social_domain = :domain, code_list_version "
           "= :version, ground_codes = :grounds WHERE id = :id",
        soci::use(c.nature), soci::use(c.domain), soci::use(c.code_list_version),
        soci::use(ground_codes), soci::use(change.report_id);
    sql << "DELETE FROM report_grounds WHERE report_id = :id", soci::use(change.report_id);
    for (const auto& ground : c.grounds) {
      sql << "INSERT INTO report_grounds (report_id, ground) VALUES (:id, :ground)",
          soci::use(change.report_id), soci::use(ground);
    }
  }
  if (change.tag) {
    long long tag_id = change.tag->first;
    if (change.tag->second) {
      sql << "INSERT INTO case_tags (report_id, tag_id, added_at) VALUES (:id, :tag, :now) ON "
             "CONFLICT (report_id, tag_id) DO NOTHING",
          soci::use(change.report_id), soci::use(tag_id), soci::use(now);
    } else {
      sql << "DELETE FROM case_tags WHERE report_id = :id AND tag_id = :tag",
          soci::use(change.report_id), soci::use(tag_id);
    }
  }
  if (change.related) {
    long long other = change.related->first;
    long long staff_id = change.staff_user_id.value_or(0);
    soci::indicator staff_ind = change.staff_user_id ? soci::i_ok : soci::i_null;
    if (change.related->second) {
      sql << "INSERT INTO case_relations (report_id, related_id, linked_at, linked_by) VALUES "
             "(:id, :other, :now, :staff) ON CONFLICT (report_id, related_id) DO NOTHING",
          soci::use(change.report_id), soci::use(other), soci::use(now),
          soci::use(staff_id, staff_ind);
    } else {
      sql << "DELETE FROM case_relations WHERE report_id = :id AND related_id = :other",
          soci::use(change.report_id), soci::use(other);
    }
  }
  InsertCaseEvent(st, id, now, Nullable<long long>::Of(change.staff_user_id), kind, change.code,
                  change.detail, Nullable<std::string>{text_enc, text_enc.empty()});
  // Next deadline and last activity, same transaction; a closed case needs no timeline.
  bool closed =
      change.step && (*change.step == CaseStep::kClosed || *change.step == CaseStep::kArchived);
  if (!closed || !StampClosedCaseDue(sql, change.report_id, now)) {
    RefreshCaseDue(sql, {change.report_id});
  }
  return true;
}

void SociStore::WriteClosingOnArrival(soci::session& sql, const ClosingOnArrival& closing,
                                      const RegisteredReport& stored, long long now) const {
  PreparedStatements statements(sql);
  StatementCache& st = *statements;
  // As ApplyCaseChangeIn closes a case that was just registered (status "received").
  std::string status(StatusCode(stored.status));
  if (stored.status != ReportStatus::kReceived) InsertStatusChange(st, stored.id, now, status);
  InsertHandlings(st, stored.id, closing.handlings);
  InsertCaseEvent(st, stored.id, now, {}, std::string(CaseEventCode(CaseEventKind::kClosed)), "",
                  closing.detail, {});
  AuditEntry entry = AuditEntry::BySystem(closing.audit_action, stored.reference);
  entry.report_id = stored.id;
  entry.bureau_id = stored.bureau_id;
  AppendAudit(sql, entry, now);
}

bool SociStore::ApplyCaseChange(const CaseChange& change, long long now) {
  // Encryption happens before the write queue so the single writer does only database work.
  std::string text_enc = change.text.empty() ? "" : cipher().Seal(change.text, kEventTextAd);
  std::optional<SealedMediation> mediation;
  if (change.mediation) mediation = SealMediation(*change.mediation);
  return Guard("changing a case", [&] {
    bool applied = false;
    Write([&](soci::session& sql) {
      applied = ApplyCaseChangeIn(sql, change, text_enc, now);
      if (applied && mediation) {
        SaveMediationIn(sql, change.report_id, *mediation, now);
        RefreshCaseDue(sql, {change.report_id});  // the mediation is a deadline of its own
      }
    });
    return applied;
  });
}

std::vector<bool> SociStore::ApplyCaseChanges(const std::vector<CaseChange>& changes,
                                              long long now) {
  std::vector<std::string> texts_enc;
  texts_enc.reserve(changes.size());
  for (const auto& change : changes)
    texts_enc.push_back(change.text.empty() ? "" : cipher().Seal(change.text, kEventTextAd));
  return Guard("changing cases", [&] {
    std::vector<bool> applied(changes.size(), false);
    Write([&](soci::session& sql) {
      for (size_t i = 0; i < changes.size(); ++i)
        applied[i] = ApplyCaseChangeIn(sql, changes[i], texts_enc[i], now);
    });
    return applied;
  });
}

bool SociStore::ApplyCaseChangesTogether(const std::vector<CaseChange>& changes, long long now) {
  if (changes.empty()) return true;
  std::vector<std::string> texts_enc;
  texts_enc.reserve(changes.size());
  for (const auto& change : changes)
    texts_enc.push_back(change.text.empty() ? "" : cipher().Seal(change.text, kEventTextAd));
  try {
    Guard("changing a case in several steps", [&] {
      Write([&](soci::session& sql) {
        long long version = changes.front().expected_version;
        for (size_t i = 0; i < changes.size(); ++i) {
          CaseChange change = changes[i];
          change.expected_version = version++;
          if (!ApplyCaseChangeIn(sql, change, texts_enc[i], now)) throw NotTogether{};
        }
      });
      return true;
    });
  } catch (const NotTogether&) {
    return false;
  }
  return true;
}

long long SociStore::UnassignOpenCases(long long user_id, std::optional<long long> keep_bureau,
                                       std::optional<long long> staff_user_id,
                                       const std::string& code, long long now) {
  return Guard("unassigning an account's cases", [&] {
    long long unassigned = 0;
    Write([&](soci::session& sql) {
      // Through reports_by_assignee (assigned_to, case_step): one handler's cases only.
      // bureau_id <> -1 keeps every bureau: one statement for both engines without a typed NULL.
      long long keep = keep_bureau.value_or(-1);
      std::vector<std::pair<long long, long long>> cases;  // id, case_version
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT id, case_version FROM reports WHERE assigned_to = :user AND "
                          "case_step NOT IN ('closed', 'archived') AND bureau_id <> :keep "
                          "ORDER BY id",
           soci::use(user_id), soci::use(keep));
      for (const auto& row : rows) cases.emplace_back(GetInteger(row, 0), GetInteger(row, 1));
      // Each case through the one write path, so its version, history, next deadline and last
      // activity change as for an assignment on the case page.
      for (const auto& [id, version] : cases) {
        CaseChange change;
        change.report_id = id;
        change.staff_user_id = staff_user_id;
        change.expected_version = version;
        change.kind = CaseEventKind::kAssigned;
        change.code = code;
        change.assign.emplace(std::nullopt);
        if (ApplyCaseChangeIn(sql, change, "", now)) ++unassigned;
      }
    });
    return unassigned;
  });
}

std::vector<CaseEvent> SociStore::ListCaseEvents(long long report_id) {
  return Guard("reading a case's history", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT e.id, e.at, e.staff_user_id, u.email, e.kind, e.code, e.detail, "
                        "e.text_enc FROM case_events e LEFT JOIN staff_users u ON "
                        "u.id = e.staff_user_id WHERE e.report_id = :id ORDER BY e.id",
         soci::use(report_id));
    std::vector<CaseEvent> events;
    for (const auto& row : rows) {
      CaseEvent event;
      event.id = GetInteger(row, 0);
      event.report_id = report_id;
      event.at = GetInteger(row, 1);
      if (row.get_indicator(2) == soci::i_ok) event.staff_user_id = GetInteger(row, 2);
      if (row.get_indicator(3) == soci::i_ok) event.staff_email = row.get<std::string>(3);
      auto kind = ParseCaseEvent(row.get<std::string>(4));
      if (!kind) continue;  // written by a newer version: not shown rather than misread
      event.kind = *kind;
      event.code = row.get<std::string>(5);
      event.detail = row.get<std::string>(6);
      if (row.get_indicator(7) == soci::i_ok) {
        auto text = cipher().Open(row.get<std::string>(7), kEventTextAd);
        if (!text) throw StoreError("case event " + std::to_string(event.id) + ": " + text.error());
        event.text = std::move(*text);
      }
      events.push_back(std::move(event));
    }
    return events;
  });
}

std::vector<StaffUser> SociStore::ListBureauStaff(long long bureau_id) {
  return Guard("listing a bureau's staff", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + soci_util::kStaffUserColumns +
                            " FROM staff_users WHERE bureau_id = :bureau ORDER BY email",
         soci::use(bureau_id));
    std::vector<StaffUser> staff;
    for (const auto& row : rows) staff.push_back(soci_util::ReadStaffUser(row));
    return staff;
  });
}

}  // namespace meldpunt
