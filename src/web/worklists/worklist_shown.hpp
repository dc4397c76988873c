#pragma once
// "Shown 1–100 of 5,629" above the work list, from counts that stop at a cap (issue 14): "of
// more than 10,000" when the filter passes more rows than the store counts, and "100 rows after
// the first 10,000" when the page lies beyond the cap. Numbers are grouped as the language
// writes them ("10.000" in Dutch).
#include <string>

#include "store/case_list_store.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

struct WorklistShown {
  std::string text;  // the sentence, translated
  // For the page's data attributes: empty when not known exactly.
  std::string first;
  std::string last;
  std::string total;
  std::string more_than;  // the cap when the total is "more than" it; else empty
};

WorklistShown DescribeWorklistShown(const Translator& translator, Lang lang,
                                    const WorklistPage& page);

// For the audit entry (English, ungrouped): "1-100 of 5629", "1-100 of more than 10000",
// "after more than 10000, of more than 10000".
std::string WorklistShownForAudit(const WorklistPage& page);

}  // namespace meldpunt::web
