#include "web/worklists/worklist_shown.hpp"

#include "web/common/locale_format.hpp"

namespace meldpunt::web {

WorklistShown DescribeWorklistShown(const Translator& translator, Lang lang,
                                    const WorklistPage& page) {
  const long long shown = static_cast<long long>(page.reports.size());
  const long long first = page.preceding + (shown == 0 ? 0 : 1);
  const long long last = page.preceding + shown;
  auto count = [&](long long n) { return FormatCount(lang, n); };
  WorklistShown out;
  std::string text;
  if (page.preceding_capped) {
    // Where the page lies is not counted: how many it shows, after how many at least.
    text = translator.Get(lang, N_("Shown {count} rows after the first {preceding} of more than "
                                   "{total}"));
    text = FillIn(text, "{count}", count(shown));
    text = FillIn(text, "{preceding}", count(page.preceding));
  } else {
    text = translator.Get(lang, page.total_capped ? N_("Shown {first}–{last} of more than {total}")
                                                  : N_("Shown {first}–{last} of {total}"));
    text = FillIn(text, "{first}", count(first));
    text = FillIn(text, "{last}", count(last));
    out.first = std::to_string(first);
    out.last = std::to_string(last);
  }
  text = FillIn(text, "{total}", count(page.total));
  if (page.total_capped || page.preceding_capped) {
    out.more_than = std::to_string(page.total);
  } else {
    out.total = std::to_string(page.total);
  }
  out.text = std::move(text);
  return out;
}

std::string WorklistShownForAudit(const WorklistPage& page) {
  const long long shown = static_cast<long long>(page.reports.size());
  const std::string total =
      (page.total_capped || page.preceding_capped ? "more than " : "") + std::to_string(page.total);
  if (page.preceding_capped)
    return "after more than " + std::to_string(page.preceding) + ", of " + total;
  return std::to_string(page.preceding + 1) + "-" + std::to_string(page.preceding + shown) +
         " of " + total;
}

}  // namespace meldpunt::web
