// The next deadline and the last activity of cases on their report rows (reports.next_due_at,
// reports.last_activity_at), recomputed inside the transaction of every write that changes what
// they are made of: a history entry (steps, assignment, contacts, letters, notes, ...), a
// message, a follow-up date, a status, the bureau of a report or the bureau's deadline settings.
// The rule is store/case_due.hpp's, on the timelines the deadlines page reads
// (ReadCaseTimelines), so the list and the deadlines page agree.
#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "domain/cases/bureau_settings.hpp"
#include "store/case_due.hpp"
#include "store/soci/new_case_due.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"
#include "store/soci/statement_cache.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;

// Ids per statement: keeps the IN lists short.
constexpr size_t kChunk = 500;

std::string IdList(std::vector<long long>::const_iterator first,
                   std::vector<long long>::const_iterator last) {
  std::string list;
  for (auto it = first; it != last; ++it) list += (list.empty() ? "" : ", ") + std::to_string(*it);
  return list;
}

DeadlineSettings SettingsOf(soci::session& sql, long long bureau_id,
                            std::map<long long, DeadlineSettings>& cache) {
  auto found = cache.find(bureau_id);
  if (found != cache.end()) return found->second;
  std::map<std::string, std::string> values;
  std::string name, value;
  PreparedStatements statements(sql);
  statements->ForEach(
      "SELECT name, value FROM bureau_settings WHERE bureau_id = :bureau", std::tie(name, value),
      [&] { values[name] = value; }, bureau_id);
  return cache[bureau_id] = BureauSettings::FromStored(values).Deadlines();
}

void Latest(std::map<long long, long long>& latest, soci::session& sql, const std::string& query) {
  soci::rowset<soci::row> rows = (sql.prepare << query);
  for (const auto& row : rows) {
    if (row.get_indicator(1) != soci::i_ok) continue;
    long long& slot = latest[GetInteger(row, 0)];
    slot = std::max(slot, GetInteger(row, 1));
  }
}

}  // namespace

void SociStore::RefreshCaseDue(soci::session& sql, std::vector<long long> report_ids) {
  std::sort(report_ids.begin(), report_ids.end());
  report_ids.erase(std::unique(report_ids.begin(), report_ids.end()), report_ids.end());
  std::map<long long, DeadlineSettings> settings;
  for (size_t at = 0; at < report_ids.size(); at += kChunk) {
    auto first = report_ids.begin() + at;
    auto last = report_ids.begin() + std::min(report_ids.size(), at + kChunk);
    const std::string list = IdList(first, last);
    std::vector<CaseTimeline> timelines = ReadCaseTimelines(sql, " WHERE r.id IN (" + list + ")");

    std::map<long long, long long> activity;
    for (const auto& t : timelines) {
      activity[t.report_id] = std::max(t.reported_at, t.registered_at.value_or(0));
    }
    Latest(activity, sql,
           "SELECT report_id, MAX(at) FROM case_events WHERE report_id IN (" + list +
               ") GROUP BY report_id");
    Latest(activity, sql,
           "SELECT report_id, MAX(at) FROM report_messages WHERE report_id IN (" + list +
               ") GROUP BY report_id");

    long long id = 0, due = 0, last_activity = 0;
    soci::statement update =
        (sql.prepare << "UPDATE reports SET next_due_at = :due, last_activity_at = :activity "
                        "WHERE id = :id",
         soci::use(due), soci::use(last_activity), soci::use(id));
    for (const auto& t : timelines) {
      id = t.report_id;
      due = NextDueAt(t, SettingsOf(sql, t.bureau_id, settings)).value_or(kNoDueAt);
      last_activity = activity[t.report_id];
      update.execute(true);
    }
  }
}

void SociStore::StampReceivedActivity(soci::session& sql,
                                      const std::vector<long long>& report_ids) {
  for (size_t at = 0; at < report_ids.size(); at += kChunk) {
    auto first = report_ids.begin() + at;
    auto last = report_ids.begin() + std::min(report_ids.size(), at + kChunk);
    sql << "UPDATE reports SET last_activity_at = reported_at WHERE id IN (" + IdList(first, last) +
               ")";
  }
}

NewCaseDue NewCaseDueOf(soci::session& sql, const CaseTimeline& timeline) {
  std::map<long long, DeadlineSettings> settings;
  NewCaseDue due;
  due.next_due_at =
      NextDueAt(timeline, SettingsOf(sql, timeline.bureau_id, settings)).value_or(kNoDueAt);
  due.last_activity_at = NewCaseLastActivity(timeline);
  return due;
}

long long NewCaseLastActivity(const CaseTimeline& timeline) {
  return std::max(timeline.reported_at, timeline.registered_at.value_or(0));
}

bool StampClosedCaseDue(soci::session& sql, long long report_id, long long now) {
  PreparedStatements statements(sql);
  StatementCache& st = *statements;
  Nullable<long long> last_activity;
  if (!st.Fetch("SELECT last_activity_at FROM reports WHERE id = :id", std::tie(last_activity),
                report_id) ||
      last_activity.null) {
    return false;
  }
  st.Execute("UPDATE reports SET next_due_at = :due, last_activity_at = :activity WHERE id = :id",
             kNoDueAt, std::max(last_activity.value, now), report_id);
  return true;
}

void SociStore::RefreshBureauCaseDue(soci::session& sql, long long bureau_id) {
  // Only cases that may have a next deadline: a closed one has none, whatever the settings.
  std::vector<long long> ids;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id FROM reports WHERE bureau_id = :bureau AND case_step NOT IN "
                      "('closed', 'archived') AND case_closed_at IS NULL",
       soci::use(bureau_id));
  for (const auto& row : rows) ids.push_back(GetInteger(row, 0));
  RefreshCaseDue(sql, std::move(ids));
}

void SociStore::BackfillCaseDue(soci::session& sql) {
  // Every report has kNoDueAt from the migration; only the open ones can have another.
  std::vector<long long> ids;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id FROM reports WHERE case_step NOT IN ('closed', 'archived') AND "
                      "case_closed_at IS NULL ORDER BY id");
  for (const auto& row : rows) ids.push_back(GetInteger(row, 0));
  RefreshCaseDue(sql, std::move(ids));
}

}  // namespace meldpunt
