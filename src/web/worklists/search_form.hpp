#pragma once
// The search form of the staff side (zoeken): the fields as typed, their checks, and the search
// they make. Pure, so the rules are tested without a server.
#include <optional>
#include <string>
#include <vector>

#include "domain/municipality.hpp"
#include "http/form.hpp"
#include "store/case_list_store.hpp"
#include "store/staff_account_store.hpp"

namespace meldpunt::web {

inline constexpr size_t kMaxSearchTextChars = 200;
inline constexpr size_t kMinSearchTextChars = 2;
inline constexpr size_t kMaxReferenceChars = 40;
inline constexpr int kMaxSearchPage = 10000;

// The fields exactly as sent; nothing here is trusted yet.
struct SearchInput {
  std::string ref = {};                 // MP-2026-000042, or the number
  std::string from = {};                // YYYY-MM-DD, reported on or after
  std::string to = {};                  // YYYY-MM-DD, reported on or before
  std::string municipality = {};        // a CBS code or special value
  std::string municipality_field = {};  // either, incident, residence
  std::string ground = {};              // kGrounds; a ground includes its sub-grounds
  std::string domain = {};              // kDomains
  std::string nature = {};              // kNatures
  std::string handling = {};            // kHandlings
  std::string step = {};                // a step code, or "open"
  std::string handler = {};             // a staff user id, or "none"
  std::string type = {};                // complaint (klacht) or report (melding only)
  std::string text = {};                // free text; the parameter q (issue 14)
  int page = 1;
};
SearchInput SearchInputOf(const http::FormFields& form);

// The search as the query string of its GET address (issue 14: a search can be bookmarked and
// reopened): every field that is set, the free text as q, and the page when it is not the first.
std::string SearchQueryString(const SearchInput& input, int page);

struct SearchFieldError {
  std::string field;    // the form field's name (and the id of its control)
  const char* message;  // message id
};

struct SearchValidation {
  ReportSearch search;  // meaningful only when errors is empty
  std::vector<SearchFieldError> errors;
};

// Checks every field; `handlers` are the staff a case may be assigned to (the handler field
// accepts their ids only).
SearchValidation ValidateSearch(const SearchInput& input, long long bureau_id,
                                const MunicipalityRegistry& municipalities,
                                const std::vector<StaffUser>& handlers);

// What the audit record says about a search: every filter used, but of the free text only that
// there was one (it may hold a name or an address).
std::string SearchAuditSubject(const SearchInput& input);

// The first and the last second (Unix) of a Dutch calendar day.
long long StartOfDutchDate(Date date);
long long EndOfDutchDate(Date date);

}  // namespace meldpunt::web
