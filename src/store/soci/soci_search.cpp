// Search over a bureau's reports (zoeken): every filter but the free text in SQL; the free text
// matched in memory on a bounded set of decrypted candidates, since the columns it looks in are
// encrypted at rest. The work list (the bureau's reports, filtered, sorted and paged by key)
// shares the filters.
#include <soci/soci.h>

#include <algorithm>
#include <boost/json.hpp>
#include <deque>
#include <map>
#include <set>

#include "domain/cases/text_search.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

// The associated data of the columns searched; the same as where they are written.
constexpr std::string_view kDescriptionAd = "reports.description";
constexpr std::string_view kContactAd = "reports.contact";
constexpr std::string_view kEventTextAd = "case_events.text";

// A WHERE clause with its values bound by name (:p0, :p1, ...), for filters that are present or
// not. The values live in deques so that the references SOCI keeps stay valid.
class Conditions {
 public:
  std::string Text(std::string value) {
    texts_.push_back(std::move(value));
    return Name(&texts_.back(), nullptr);
  }
  std::string Number(long long value) {
    numbers_.push_back(value);
    return Name(nullptr, &numbers_.back());
  }
  void Add(std::string condition) { conditions_.push_back(std::move(condition)); }

  std::string Where() const {
    std::string where;
    for (const auto& condition : conditions_) {
      where += where.empty() ? " WHERE " : " AND ";
      where += condition;
    }
    return where;
  }
  // The query with every value bound.
  soci::rowset<soci::row> Run(soci::session& sql, const std::string& query) const {
    auto prepared = (sql.prepare << query);
    for (const auto& bound : bound_) {
      if (bound.text) {
        prepared, soci::use(*bound.text, bound.name);
      } else {
        prepared, soci::use(*bound.number, bound.name);
      }
    }
    return soci::rowset<soci::row>(prepared);
  }

 private:
  struct Bound {
    std::string name;
    const std::string* text;
    const long long* number;
  };
  std::string Name(const std::string* text, const long long* number) {
    bound_.push_back({"p" + std::to_string(bound_.size()), text, number});
    return ":" + bound_.back().name;
  }
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  std::deque<Bound> bound_;
  std::vector<std::string> conditions_;
};

Conditions ConditionsOf(const ReportSearch& s) {
  Conditions c;
  c.Add("r.bureau_id = " + c.Number(s.bureau_id));
  if (s.report_id) c.Add("r.id = " + c.Number(*s.report_id));
  if (s.reported_year) c.Add("r.reported_year = " + c.Number(*s.reported_year));
  if (s.reported_from) c.Add("r.reported_at >= " + c.Number(*s.reported_from));
  if (s.reported_until) c.Add("r.reported_at <= " + c.Number(*s.reported_until));
  if (!s.municipality.empty()) {
    std::string code = c.Text(s.municipality);
    switch (s.municipality_field) {
      case MunicipalityField::kIncident:
        c.Add("r.incident_municipality = " + code);
        break;
      case MunicipalityField::kResidence:
        c.Add("r.residence_municipality = " + code);
        break;
      case MunicipalityField::kEither:
        c.Add("(r.incident_municipality = " + code +
              " OR r.residence_municipality = " + c.Text(s.municipality) + ")");
        break;
    }
  }
  if (!s.grounds.empty()) {
    std::string list;
    for (const auto& ground : s.grounds) list += (list.empty() ? "" : ", ") + c.Text(ground);
    c.Add("EXISTS (SELECT 1 FROM report_grounds g WHERE g.report_id = r.id AND g.ground IN (" +
          list + "))");
  }
  if (!s.domain.empty()) c.Add("r.social_domain = " + c.Text(s.domain));
  if (!s.nature.empty()) c.Add("r.nature = " + c.Text(s.nature));
  if (!s.handling.empty()) {
    c.Add("EXISTS (SELECT 1 FROM report_handlings h WHERE h.report_id = r.id AND h.handling = " +
          c.Text(s.handling) + ")");
  }
  if (s.step) c.Add("r.case_step = " + c.Text(std::string(StepCode(*s.step))));
  if (s.open_only) {
    // The open steps named, not "NOT IN (closed, archived)": an IN list is a set of ranges on
    // (bureau_id, case_step, is_complaint), which SQLite then reads instead of the whole bureau
    // (several filters on 1,000,000 reports: 34 ms against 910 ms of CPU).
    std::string open;
    for (CaseStep step : kAllSteps) {
      if (step == CaseStep::kClosed || step == CaseStep::kArchived) continue;
      open += (open.empty() ? "'" : ", '") + std::string(StepCode(step)) + "'";
    }
    c.Add("r.case_step IN (" + open + ")");
  }
  if (s.assigned_to) c.Add("r.assigned_to = " + c.Number(*s.assigned_to));
  if (s.unassigned) c.Add("r.assigned_to IS NULL");
  if (s.complaint) c.Add(*s.complaint ? "r.is_complaint = 1" : "r.is_complaint = 0");
  if (!s.channel.empty()) c.Add("r.channel = " + c.Text(s.channel));
  // Issue 14: next deadline and mass-report event.
  if (s.due_from) c.Add("r.next_due_at >= " + c.Number(*s.due_from));
  if (s.due_until) c.Add("r.next_due_at < " + c.Number(*s.due_until));
  if (s.mass_event_id) c.Add("r.mass_event_id = " + c.Number(*s.mass_event_id));
  // A tag: one look-up per row in case_tags' primary key (report_id, tag_id).
  if (s.tag_id) {
    c.Add("EXISTS (SELECT 1 FROM case_tags ct WHERE ct.report_id = r.id AND ct.tag_id = " +
          c.Number(*s.tag_id) + ")");
  }
  return c;
}

// The contact details' fields that a search looks in, each folded on its own so that a term
// never matches across two fields.
std::vector<std::string> FoldedContactFields(const std::string& json) {
  std::vector<std::string> fields;
  auto value = boost::json::parse(json);
  if (!value.is_object()) return fields;
  for (const char* key : {"name", "email", "phone"}) {
    auto* field = value.as_object().if_contains(key);
    if (field && field->is_string()) fields.push_back(FoldForSearch(field->as_string()));
  }
  return fields;
}

// The column a work list is sorted on before the id.
const char* SortColumn(const WorklistQuery& q) {
  switch (q.order) {
    case WorklistOrder::kReference:
      return "r.reported_year";
    case WorklistOrder::kNextDue:
      return "r.next_due_at";
    case WorklistOrder::kLastActivity:
      return "r.last_activity_at";
    case WorklistOrder::kReceived:
      break;
  }
  return "r.reported_at";
}

// The key condition of a work list: the rows strictly after `key` in the order (later = true)
// or strictly before it. Row values, which SQLite (3.15 on) and PostgreSQL both compare
// lexicographically and both use as a range on the index (bureau_id, <column>, id).
void AddKeyCondition(Conditions& c, const WorklistQuery& q, const WorklistKey& key, bool later) {
  // Later in a descending order is smaller.
  const char* op = later == q.ascending ? " > " : " < ";
  c.Add("(" + std::string(SortColumn(q)) + ", r.id)" + op + "(" + c.Number(key.value) + ", " +
        c.Number(key.id) + ")");
}

// `sort_found`: the rows are few (the count said so), so sort what the filter finds rather than
// walk the order's index: the unary plus keeps SQLite's planner off that index and on the
// filter's own (several filters on 1,000,000 reports: 930 rows found and sorted in 3.5 ms of CPU,
// against 11.5 ms to walk the bureau's newest reports until 101 pass). It changes no value, so
// neither the order nor PostgreSQL's plan choice.
std::string OrderBy(const WorklistQuery& q, bool reversed, bool sort_found = false) {
  const char* direction = q.ascending != reversed ? " ASC" : " DESC";
  return std::string(" ORDER BY ") + (sort_found ? "+" : "") + SortColumn(q) + direction +
         ", r.id" + direction;
}

// At most this many rows in a work list: sorted as found (OrderBy's sort_found).
constexpr long long kSortFoundRows = 2000;

}  // namespace

std::vector<RegisteredReport> SociStore::ReadReportsInOrder(
    soci::session& sql, const std::vector<long long>& ids) const {
  std::vector<RegisteredReport> reports;
  reports.reserve(ids.size());
  constexpr size_t kChunk = 500;
  for (size_t at = 0; at < ids.size(); at += kChunk) {
    size_t end = std::min(ids.size(), at + kChunk);
    std::string list;
    for (size_t i = at; i < end; ++i) list += (list.empty() ? "" : ", ") + std::to_string(ids[i]);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << ReportColumns() << ", ground_codes FROM reports WHERE id IN ("
                     << list << ")");
    std::map<long long, RegisteredReport> by_id;
    for (const auto& row : rows) {
      RegisteredReport report = ReadReport(row);
      std::string codes = row.get<std::string>(28);  // after the 28 report columns
      for (size_t from = 0; from < codes.size();) {
        size_t comma = codes.find(',', from);
        if (comma == std::string::npos) comma = codes.size();
        if (comma > from) report.grounds.push_back(codes.substr(from, comma - from));
        from = comma + 1;
      }
      by_id.emplace(report.id, std::move(report));
    }
    for (size_t i = at; i < end; ++i) {
      auto found = by_id.find(ids[i]);
      if (found != by_id.end()) reports.push_back(std::move(found->second));
    }
  }
  return reports;
}

WorklistPage SociStore::ListWorklist(const WorklistQuery& query) {
  if (!query.filter.folded_text.empty()) throw StoreError("a work list has no free text");
  return Guard("listing a work list", [&] {
    soci::session sql(*readers_);
    WorklistPage page;
    // Counts at most one row more than the cap, so that a count stops after reading that many
    // index entries instead of every one of the bureau's; the one more tells "more than".
    const long long cap = worklist_count_cap_;
    auto count = [&](const Conditions& c, const std::string& order_by, long long& n, bool& capped) {
      soci::rowset<soci::row> rows =
          c.Run(sql, "SELECT COUNT(*) FROM (SELECT 1 FROM reports r" + c.Where() + order_by +
                         " LIMIT " + std::to_string(cap + 1) + ") AS counted");
      for (const auto& row : rows) n = GetInteger(row, 0);
      capped = n > cap;
      if (capped) n = cap;
    };
    count(ConditionsOf(query.filter), "", page.total, page.total_capped);
    const bool few = !page.total_capped && page.total <= kSortFoundRows;

    // One row more than a page, to know whether there are more in the direction read.
    auto read_ids = [&](const std::optional<WorklistKey>& key, bool later) {
      Conditions c = ConditionsOf(query.filter);
      if (key) AddKeyCondition(c, query, *key, later);
      std::vector<long long> ids;
      soci::rowset<soci::row> rows =
          c.Run(sql, "SELECT r.id FROM reports r" + c.Where() + OrderBy(query, !later, few) +
                         " LIMIT " + std::to_string(query.limit + 1));
      for (const auto& row : rows) ids.push_back(GetInteger(row, 0));
      return ids;
    };
    std::vector<long long> ids;
    bool backwards = !query.after && query.before;
    if (backwards) {
      ids = read_ids(query.before, false);
      if (ids.size() > static_cast<size_t>(query.limit)) {
        ids.resize(query.limit);
        std::reverse(ids.begin(), ids.end());
      } else {
        // Fewer than a page before it (rows came or went since): the first page instead.
        backwards = false;
        ids.clear();
      }
    }
    if (!backwards) {
      ids = read_ids(query.after, true);
      page.more_after = ids.size() > static_cast<size_t>(query.limit);
      if (page.more_after) ids.resize(query.limit);
    } else {
      page.more_after = true;  // the key it came back from follows
    }
    if (ids.empty()) return page;

    // The grounds from the row's ground_codes: a page in another order than the number spans
    // the whole range of ids, and reading report_grounds for that range read every report's.
    page.reports = ReadReportsInOrder(sql, ids);
    // The first page has nothing before it. Before any other page of a long list (the total
    // reached the cap, so the rows are dense): counted along the order's index from the page
    // back, which the ORDER BY makes the planner take; without it SQLite would rather read, say,
    // every open complaint of the bureau through the step index. A short list is counted as its
    // total was, which costs at most what that count did.
    const bool first_page = !query.after && !backwards;
    if (!page.reports.empty() && !first_page) {
      Conditions c = ConditionsOf(query.filter);
      AddKeyCondition(c, query, WorklistKeyOf(page.reports.front(), query.order), false);
      count(c, page.total_capped ? OrderBy(query, true) : "", page.preceding,
            page.preceding_capped);
    }
    return page;
  });
}

WorklistExport SociStore::ExportWorklist(const WorklistQuery& query, int max_rows) {
  if (!query.filter.folded_text.empty()) throw StoreError("a work list has no free text");
  return Guard("exporting a work list", [&] {
    soci::session sql(*readers_);
    WorklistExport out;
    Conditions c = ConditionsOf(query.filter);
    {
      soci::rowset<soci::row> rows = c.Run(sql, "SELECT COUNT(*) FROM reports r" + c.Where());
      for (const auto& row : rows) out.total = GetInteger(row, 0);
    }
    std::vector<long long> ids;
    {
      soci::rowset<soci::row> rows =
          c.Run(sql, "SELECT r.id FROM reports r" + c.Where() + OrderBy(query, false) + " LIMIT " +
                         std::to_string(std::max(0, max_rows)));
      for (const auto& row : rows) ids.push_back(GetInteger(row, 0));
    }
    out.reports = ReadReportsInOrder(sql, ids);
    return out;
  });
}

ReportSearchResult SociStore::SearchReports(const ReportSearch& search, int limit, int offset,
                                            int max_candidates) {
  return Guard("searching reports", [&] {
    soci::session sql(*readers_);
    Conditions conditions = ConditionsOf(search);
    const std::string where = conditions.Where();
    ReportSearchResult result;
    std::vector<long long> page_ids;

    if (search.folded_text.empty()) {
      {
        soci::rowset<soci::row> count =
            conditions.Run(sql, "SELECT COUNT(*) FROM reports r" + where);
        for (const auto& row : count) result.total = GetInteger(row, 0);
      }
      soci::rowset<soci::row> rows =
          conditions.Run(sql, "SELECT r.id FROM reports r" + where + " ORDER BY r.id DESC LIMIT " +
                                  std::to_string(limit) + " OFFSET " + std::to_string(offset));
      for (const auto& row : rows) page_ids.push_back(GetInteger(row, 0));
    } else {
      // Candidates: the newest that pass the other filters, one more than the cap to know
      // whether there were more.
      struct Candidate {
        long long id;
        bool matched;
      };
      std::vector<Candidate> candidates;
      const std::string& term = search.folded_text;
      {
        soci::rowset<soci::row> rows = conditions.Run(
            sql, "SELECT r.id, r.description_enc, r.contact_enc FROM reports r" + where +
                     " ORDER BY r.id DESC LIMIT " + std::to_string(max_candidates + 1));
        for (const auto& row : rows) {
          if (candidates.size() == static_cast<size_t>(max_candidates)) {
            result.capped = true;
            break;
          }
          long long id = GetInteger(row, 0);
          auto description = cipher().Open(row.get<std::string>(1), kDescriptionAd);
          if (!description)
            throw StoreError("report " + std::to_string(id) + ": " + description.error());
          bool matched = ContainsFolded(FoldForSearch(*description), term);
          if (!matched && row.get_indicator(2) == soci::i_ok) {
            auto contact = cipher().Open(row.get<std::string>(2), kContactAd);
            if (!contact) throw StoreError("report " + std::to_string(id) + ": " + contact.error());
            for (const auto& field : FoldedContactFields(*contact))
              matched |= ContainsFolded(field, term);
          }
          candidates.push_back({id, matched});
        }
      }
      if (!candidates.empty()) {
        // Notes of the candidates not matched yet (notities, for colleagues only), and the
        // closing notes written when a case was closed (afsluiting; issue 14). Both are case
        // events with encrypted text, read along the (report_id, id) index.
        std::set<long long> open;
        for (const auto& candidate : candidates) {
          if (!candidate.matched) open.insert(candidate.id);
        }
        if (!open.empty()) {
          long long first = *open.begin(), last = *open.rbegin();
          soci::rowset<soci::row> notes =
              (sql.prepare
                   << "SELECT report_id, text_enc FROM case_events WHERE kind IN ('note', "
                      "'closed') AND text_enc IS NOT NULL AND report_id BETWEEN :first AND :last",
               soci::use(first), soci::use(last));
          std::set<long long> found;
          for (const auto& row : notes) {
            long long id = GetInteger(row, 0);
            if (!open.contains(id) || found.contains(id)) continue;
            auto text = cipher().Open(row.get<std::string>(1), kEventTextAd);
            if (!text)
              throw StoreError("case text of report " + std::to_string(id) + ": " + text.error());
            if (ContainsFolded(FoldForSearch(*text), term)) found.insert(id);
          }
          for (auto& candidate : candidates) candidate.matched |= found.contains(candidate.id);
        }
      }
      for (const auto& candidate : candidates) {
        if (!candidate.matched) continue;
        if (result.total >= offset && result.total < static_cast<long long>(offset) + limit)
          page_ids.push_back(candidate.id);
        ++result.total;
      }
    }

    if (page_ids.empty()) return result;
    std::string ids;
    for (long long id : page_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT " << ReportColumns()
                                                << " FROM reports WHERE id IN (" << ids << ")");
    for (const auto& row : rows) result.reports.push_back(ReadReport(row));
    std::sort(result.reports.begin(), result.reports.end(),
              [](const auto& a, const auto& b) { return a.id > b.id; });
    ReadGrounds(sql, result.reports);
    return result;
  });
}

}  // namespace meldpunt
