#include "store/retention.hpp"

#include "domain/cases/bureau_settings.hpp"
#include "domain/cases/retention.hpp"

namespace meldpunt {

std::vector<BureauRetention> ApplyRetention(Store& store, long long now, bool dry_run) {
  std::vector<BureauRetention> results;
  for (const auto& bureau : store.ListBureaus()) {
    BureauRetention result;
    result.bureau_id = bureau.id;
    result.bureau_name = bureau.name;
    result.months =
        BureauSettings::FromStored(store.ReadBureauSettings(bureau.id)).RetentionMonths();
    result.closed_before = RetentionCutoff(now, result.months);
    result.reports = dry_run ? store.CountReportsToAnonymise(bureau.id, result.closed_before)
                             : store.AnonymiseClosedReports(bureau.id, result.closed_before, now);
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace meldpunt
