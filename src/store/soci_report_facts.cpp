// The per-report facts for the figures (domain/figures.hpp): clear columns only, three queries.
#include <soci/soci.h>

#include <algorithm>
#include <unordered_map>

#include "domain/date.hpp"
#include "store/soci_store.hpp"
#include "store/soci_util.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

namespace {

// The codes as an SQL list of literals. Municipal codes and the special values are letters,
// digits and underscores only; anything else is refused, so the literals need no escaping.
std::string CodeList(const std::vector<std::string>& codes) {
  if (codes.empty() || codes.size() > kMaxFactsMunicipalities)
    throw StoreError("listing report facts: between 1 and 1000 municipalities");
  std::string list;
  for (const auto& code : codes) {
    bool plain = !code.empty() && code.size() <= 16 &&
                 std::all_of(code.begin(), code.end(),
                             [](unsigned char c) { return std::isalnum(c) || c == '_'; });
    if (!plain) throw StoreError("listing report facts: not a municipality code");
    list += (list.empty() ? "'" : ", '") + code + "'";
  }
  return list;
}

}  // namespace

std::vector<ReportFacts> SociStore::ListReportFacts(
    int from_year, int to_year, const std::vector<std::string>& municipalities) {
  return Guard("listing report facts", [&] {
    std::string codes = CodeList(municipalities);
    std::string where =
        " WHERE r.reported_year BETWEEN :from_year AND :to_year AND "
        "(r.incident_municipality IN (" +
        codes + ") OR r.residence_municipality IN (" + codes + "))";
    soci::session sql(*readers_);
    std::vector<ReportFacts> facts;
    std::unordered_map<long long, size_t> by_id;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT r.id, r.reported_year, r.incident_date, "
                          "r.incident_municipality, r.residence_municipality, r.social_domain, "
                          "r.nature, CASE WHEN r.mass_event_id IS NULL THEN 0 ELSE 1 END, "
                          "r.reported_at "
                          "FROM reports r"
                       << where << " ORDER BY r.id",
           soci::use(from_year, "from_year"), soci::use(to_year, "to_year"));
      for (const auto& row : rows) {
        ReportFacts fact;
        fact.id = GetInteger(row, 0);
        fact.reported_year = static_cast<int>(GetInteger(row, 1));
        fact.incident_year = IncidentYearOf(row.get<std::string>(2));
        fact.incident_municipality = row.get<std::string>(3);
        fact.residence_municipality = row.get<std::string>(4);
        fact.domain = row.get<std::string>(5);
        fact.nature = row.get<std::string>(6);
        fact.mass = GetInteger(row, 7) != 0;
        // The month of the same UTC date that reported_year was taken from.
        fact.reported_month =
            static_cast<int>(unsigned(DateOfUnixSeconds(GetInteger(row, 8)).month()));
        by_id[fact.id] = facts.size();
        facts.push_back(std::move(fact));
      }
    }
    for (const char* table : {"report_grounds", "report_handlings"}) {
      bool grounds = std::string_view(table) == "report_grounds";
      const char* column = grounds ? "ground" : "handling";
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT c.report_id, c." << column << " FROM " << table
                       << " c JOIN reports r ON r.id = c.report_id" << where
                       << " ORDER BY c.report_id, c." << column,
           soci::use(from_year, "from_year"), soci::use(to_year, "to_year"));
      for (const auto& row : rows) {
        auto it = by_id.find(GetInteger(row, 0));
        if (it == by_id.end()) continue;
        auto& fact = facts[it->second];
        (grounds ? fact.grounds : fact.handlings).push_back(row.get<std::string>(1));
      }
    }
    return facts;
  });
}

}  // namespace meldpunt
