// The per-report facts for the figures (domain/figures/figures.hpp): clear columns only, one query.
#include <soci/soci.h>

#include <algorithm>

#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "store/soci/report_columns.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using report_columns::SplitCodes;
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
    // One query, read in chunks into column vectors (no soci::row per report): at a million
    // reports the largest municipality has about 30,000 in two years. Each branch of the
    // UNION ALL is one range of a covering index of migrations 21, 22 and 25 (municipality,
    // year, ..., ground_codes, handling_codes; on PostgreSQL with the id included), so neither
    // engine reads the report rows: the reports about the municipalities, then those by their
    // residents about somewhere else (incident_municipality is NOT NULL, so NOT IN leaves out
    // exactly the rows of the first branch: no report counts twice). An OR of the two is a
    // bitmap OR on PostgreSQL, which reads every matching row from the table. The codes come
    // from the report row (report_columns::SortedCodes), so the read never touches
    // report_grounds or report_handlings. Sorted by id in the query: facts built in that order
    // cost the server less than sorting them afterwards (docs/design.md).
    const std::string columns =
        "SELECT r.id, r.reported_year, r.incident_date, r.incident_municipality, "
        "r.residence_municipality, r.social_domain, r.nature, CASE WHEN r.mass_event_id IS NULL "
        "THEN 0 ELSE 1 END, r.reported_at, r.ground_codes, r.handling_codes FROM reports r ";
    std::string query = columns + "WHERE r.incident_municipality IN (" + codes +
                        ") AND r.reported_year BETWEEN :from_year AND :to_year UNION ALL " +
                        columns + "WHERE r.residence_municipality IN (" + codes +
                        ") AND r.reported_year BETWEEN :from_year2 AND :to_year2 AND "
                        "r.incident_municipality NOT IN (" +
                        codes + ") ORDER BY 1";
    constexpr size_t kChunk = 2048;
    std::vector<long long> ids(kChunk), reported_at(kChunk);
    std::vector<int> years(kChunk), mass(kChunk);
    std::vector<std::string> dates(kChunk), incident(kChunk), residence(kChunk), domains(kChunk),
        natures(kChunk), grounds(kChunk), handlings(kChunk);
    soci::session sql(*readers_);
    soci::statement statement =
        (sql.prepare << query, soci::into(ids), soci::into(years), soci::into(dates),
         soci::into(incident), soci::into(residence), soci::into(domains), soci::into(natures),
         soci::into(mass), soci::into(reported_at), soci::into(grounds), soci::into(handlings),
         soci::use(from_year, "from_year"), soci::use(to_year, "to_year"),
         soci::use(from_year, "from_year2"), soci::use(to_year, "to_year2"));
    std::vector<ReportFacts> facts;
    statement.execute();
    while (statement.fetch()) {
      for (size_t i = 0; i < ids.size(); ++i) {
        ReportFacts& fact = facts.emplace_back();
        fact.id = ids[i];
        fact.reported_year = years[i];
        fact.incident_year = IncidentYearOf(dates[i]);
        fact.incident_municipality = std::move(incident[i]);
        fact.residence_municipality = std::move(residence[i]);
        fact.domain = std::move(domains[i]);
        fact.nature = std::move(natures[i]);
        fact.mass = mass[i] != 0;
        // The month of the same Dutch calendar day that reported_year was taken from.
        fact.reported_month = DutchMonthOf(reported_at[i]);
        SplitCodes(grounds[i], fact.grounds);
        SplitCodes(handlings[i], fact.handlings);
      }
      for (auto* column : {&dates, &incident, &residence, &domains, &natures, &grounds, &handlings})
        column->resize(kChunk);
      ids.resize(kChunk);
      reported_at.resize(kChunk);
      years.resize(kChunk);
      mass.resize(kChunk);
    }
    return facts;
  });
}

}  // namespace meldpunt
