// Work lists (werklijsten): the moments the deadlines of many open cases look at, read in three
// aggregate queries (cases, messages, events) instead of one query per case.
#include <soci/soci.h>

#include <map>

#include "domain/cases/letter_event.hpp"
#include "domain/date.hpp"
#include "domain/reports/reference.hpp"
#include "store/case_due.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

std::optional<long long> OptionalInteger(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) != soci::i_ok) return std::nullopt;
  return GetInteger(row, column);
}

// Open complaints of one bureau, optionally of one assignee; used as `r` in every query below.
// Only numbers go into the text.
std::string OpenCasesOf(long long bureau_id, std::optional<long long> assigned_to) {
  std::string where = " WHERE r.bureau_id = " + std::to_string(bureau_id) +
                      " AND r.is_complaint = 1 AND r.case_step NOT IN ('closed', 'archived')";
  if (assigned_to) where += " AND r.assigned_to = " + std::to_string(*assigned_to);
  return where;
}

}  // namespace

std::vector<CaseTimeline> SociStore::ListOpenCaseTimelines(long long bureau_id,
                                                           std::optional<long long> assigned_to) {
  return Guard("listing open cases", [&] {
    soci::session sql(*readers_);
    return ReadCaseTimelines(sql, OpenCasesOf(bureau_id, assigned_to));
  });
}

std::vector<CaseTimeline> SociStore::ReadCaseTimelines(soci::session& sql,
                                                       const std::string& where) {
  auto query = [&](const std::string& text) {
    return soci::rowset<soci::row>(sql.prepare << text);
  };
  std::vector<CaseTimeline> cases;
  std::map<long long, CaseTimeline*> by_id;
  {
    soci::rowset<soci::row> rows = query(
        "SELECT r.id, r.reported_at, r.channel, r.case_step, r.assigned_to, "
        "r.case_closed_at, i.registered_at, r.is_complaint, r.bureau_id FROM reports r "
        " LEFT JOIN report_intake i ON i.report_id = r.id" +
        where + " ORDER BY r.id");
    for (const auto& row : rows) {
      CaseTimeline c;
      c.report_id = GetInteger(row, 0);
      c.reported_at = GetInteger(row, 1);
      c.reference = ReferenceOfReport(c.reported_at, c.report_id);
      c.channel = row.get<std::string>(2);
      c.step = ParseStep(row.get<std::string>(3)).value_or(CaseStep::kReceived);
      c.assigned_to = OptionalInteger(row, 4);
      c.closed_at = OptionalInteger(row, 5);
      c.registered_at = OptionalInteger(row, 6);
      c.is_complaint = GetInteger(row, 7) != 0;
      c.bureau_id = OptionalInteger(row, 8).value_or(0);
      cases.push_back(std::move(c));
    }
  }
  for (auto& c : cases) by_id[c.report_id] = &c;
  if (cases.empty()) return cases;

  soci::rowset<soci::row> messages = query(
      "SELECT m.report_id, MIN(CASE WHEN m.author = 'bureau' THEN m.at END), "
      "MAX(CASE WHEN m.author = 'reporter' THEN m.at END) FROM report_messages m "
      "JOIN reports r ON r.id = m.report_id" +
      where + " GROUP BY m.report_id");
  for (const auto& row : messages) {
    auto it = by_id.find(GetInteger(row, 0));
    if (it == by_id.end()) continue;
    it->second->first_bureau_message_at = OptionalInteger(row, 1);
    it->second->last_reporter_message_at = OptionalInteger(row, 2);
  }

  soci::rowset<soci::row> events = query(
      "SELECT e.report_id, MIN(CASE WHEN e.kind = 'contact' THEN e.at END), "
      "MAX(CASE WHEN e.kind = 'contact' AND e.code = 'reporter_responded' THEN e.at END), "
      "MAX(CASE WHEN e.kind = 'missed_appointment' THEN e.at END), "
      "SUM(CASE WHEN e.kind = 'missed_appointment' THEN 1 ELSE 0 END), "
      "MAX(CASE WHEN e.kind = 'letter_sent' OR (e.kind = 'action' AND e.code = "
      "'letter_to_other_party') THEN e.at END), "
      "MAX(CASE WHEN e.kind = 'reply_received' THEN e.at END) FROM case_events e "
      "JOIN reports r ON r.id = e.report_id" +
      where +
      " AND e.kind IN ('contact', 'missed_appointment', 'letter_sent', 'reply_received', "
      "'action') "
      "GROUP BY e.report_id");
  for (const auto& row : events) {
    auto it = by_id.find(GetInteger(row, 0));
    if (it == by_id.end()) continue;
    CaseTimeline& c = *it->second;
    c.first_contact_at = OptionalInteger(row, 1);
    c.last_reporter_responded_at = OptionalInteger(row, 2);
    c.last_missed_appointment_at = OptionalInteger(row, 3);
    c.missed_appointments = static_cast<int>(OptionalInteger(row, 4).value_or(0));
    c.last_letter_sent_at = OptionalInteger(row, 5);
    c.last_reply_received_at = OptionalInteger(row, 6);
  }

  // The reply date of each case's last letter_sent event (in its detail), oldest first so the
  // last one stays; it applies when no letter recorded as an action came after it.
  soci::rowset<soci::row> letters = query(
      "SELECT e.report_id, e.at, e.detail FROM case_events e JOIN reports r ON r.id = "
      "e.report_id" +
      where + " AND e.kind = 'letter_sent' ORDER BY e.report_id, e.at, e.id");
  for (const auto& row : letters) {
    auto it = by_id.find(GetInteger(row, 0));
    if (it == by_id.end()) continue;
    CaseTimeline& c = *it->second;
    long long at = GetInteger(row, 1);
    auto detail = ParseLetterSentDetail(row.get<std::string>(2));
    if (c.last_letter_sent_at && at == *c.last_letter_sent_at) {
      c.last_letter_reply_by = detail ? std::optional(detail->reply_by) : std::nullopt;
    }
  }
  // The dates staff planned on the case (store/case_due.hpp): the follow-up date of the last
  // follow_up event, when that one set it rather than marked it done. Oldest first, so the last
  // one stays.
  soci::rowset<soci::row> follow_ups = query(
      "SELECT e.report_id, e.code, e.detail FROM case_events e JOIN reports r ON r.id = "
      "e.report_id" +
      where + " AND e.kind = 'follow_up' ORDER BY e.report_id, e.id");
  for (const auto& row : follow_ups) {
    auto it = by_id.find(GetInteger(row, 0));
    if (it == by_id.end()) continue;
    it->second->follow_up_due_at = FollowUpDueAt(row.get<std::string>(1), row.get<std::string>(2));
  }
  // The planned mediation, with the first history entry after its moment (the next step that
  // marks it done), per case by the primary key and the events' (report_id, id) index.
  soci::rowset<soci::row> mediations = query(
      "SELECT m.report_id, m.planned_at, (SELECT MIN(e.at) FROM case_events e WHERE e.report_id "
      "= m.report_id AND e.at > m.planned_at) FROM case_mediations m JOIN reports r ON r.id = "
      "m.report_id" +
      where);
  for (const auto& row : mediations) {
    auto it = by_id.find(GetInteger(row, 0));
    if (it == by_id.end()) continue;
    it->second->mediation_at = GetInteger(row, 1);
    it->second->mediation_followed_at = OptionalInteger(row, 2);
  }
  return cases;
}

}  // namespace meldpunt
