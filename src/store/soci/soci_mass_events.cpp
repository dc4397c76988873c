// Mass-report events (massameldingen): every event of the installation, and how many reports the
// reading bureau linked to it, next to how many other bureaus linked.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

// The event's columns and its counts for the reading bureau (bound three times, first), then
// `where` (may be empty); closed counts closed and archived cases.
std::string EventQuery(const char* where) {
  std::string closed = "'" + std::string(StepCode(CaseStep::kClosed)) + "', '" +
                       std::string(StepCode(CaseStep::kArchived)) + "'";
  return "SELECT e.id, e.bureau_id, b.name, e.name, e.description, e.started_on, e.created_at, "
         "u.email, "
         "(SELECT COUNT(*) FROM reports r WHERE r.mass_event_id = e.id AND r.bureau_id = :b1), "
         "(SELECT COUNT(*) FROM reports r WHERE r.mass_event_id = e.id AND r.bureau_id = :b2 AND "
         "r.case_step IN (" +
         closed +
         ")), "
         "(SELECT COUNT(*) FROM reports r WHERE r.mass_event_id = e.id AND r.bureau_id <> :b3) "
         "FROM mass_events e JOIN bureaus b ON b.id = e.bureau_id LEFT JOIN staff_users u ON "
         "u.id = e.created_by" +
         (*where ? " WHERE " + std::string(where) : std::string()) + " ORDER BY e.id DESC";
}

MassEvent ReadEvent(const soci::row& row) {
  MassEvent event;
  event.id = GetInteger(row, 0);
  event.bureau_id = GetInteger(row, 1);
  event.bureau_name = row.get<std::string>(2);
  event.name = row.get<std::string>(3);
  event.description = row.get<std::string>(4);
  event.started_on = row.get<std::string>(5);
  event.created_at = GetInteger(row, 6);
  if (row.get_indicator(7) == soci::i_ok) event.created_by_email = row.get<std::string>(7);
  event.linked = GetInteger(row, 8);
  event.closed = GetInteger(row, 9);
  event.open = event.linked - event.closed;
  event.linked_elsewhere = GetInteger(row, 10);
  return event;
}

}  // namespace

std::optional<long long> SociStore::AddMassEvent(const NewMassEvent& event, long long now) {
  return Guard("adding a mass-report event", [&] {
    std::optional<long long> added;
    Write([&](soci::session& sql) {
      long long existing = 0;
      // One name in the whole installation: every bureau sees every event, and a second event
      // for the same burst would split its reports again. (The table's own constraint is per
      // bureau, from migration 17; the writer checks the wider rule.)
      sql << "SELECT COUNT(*) FROM mass_events WHERE name = :name", soci::use(event.name),
          soci::into(existing);
      if (existing > 0) return;
      long long id = 0;
      // created_by 0: made by meldpunt itself (demo data), by nobody on the staff.
      soci::indicator by_ind = event.created_by == 0 ? soci::i_null : soci::i_ok;
      sql << "INSERT INTO mass_events (bureau_id, name, description, started_on, created_at, "
             "created_by) VALUES (:bureau, :name, :description, :started, :now, :by) RETURNING id",
          soci::use(event.bureau_id), soci::use(event.name), soci::use(event.description),
          soci::use(event.started_on), soci::use(now), soci::use(event.created_by, by_ind),
          soci::into(id);
      added = id;
    });
    return added;
  });
}

std::vector<MassEvent> SociStore::ListMassEvents(long long bureau_id) {
  return Guard("listing mass-report events", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows = (sql.prepare << EventQuery(""), soci::use(bureau_id),
                                    soci::use(bureau_id), soci::use(bureau_id));
    std::vector<MassEvent> events;
    for (const auto& row : rows) events.push_back(ReadEvent(row));
    return events;
  });
}

std::vector<MassEvent> SociStore::ListMassEventNames() {
  return Guard("listing mass-report event names", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, bureau_id, name FROM mass_events ORDER BY id DESC");
    std::vector<MassEvent> events;
    for (const auto& row : rows) {
      MassEvent event;
      event.id = GetInteger(row, 0);
      event.bureau_id = GetInteger(row, 1);
      event.name = row.get<std::string>(2);
      events.push_back(std::move(event));
    }
    return events;
  });
}

std::optional<MassEvent> SociStore::GetMassEvent(long long event_id, long long bureau_id) {
  return Guard("reading a mass-report event", [&]() -> std::optional<MassEvent> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << EventQuery("e.id = :id"), soci::use(bureau_id), soci::use(bureau_id),
         soci::use(bureau_id), soci::use(event_id));
    for (const auto& row : rows) return ReadEvent(row);
    return std::nullopt;
  });
}

std::vector<MassEventCount> SociStore::CountMassReports(int year) {
  return Guard("counting mass reports", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT e.id, e.bureau_id, e.name, COUNT(*) FROM reports r JOIN "
                        "mass_events e ON e.id = r.mass_event_id WHERE r.reported_year = :year "
                        "GROUP BY e.id, e.bureau_id, e.name ORDER BY e.name, e.id",
         soci::use(year));
    std::vector<MassEventCount> counts;
    for (const auto& row : rows) {
      counts.push_back(
          {GetInteger(row, 0), GetInteger(row, 1), row.get<std::string>(2), GetInteger(row, 3)});
    }
    return counts;
  });
}

}  // namespace meldpunt
