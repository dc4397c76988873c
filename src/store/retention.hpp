#pragma once
// Applying each bureau's retention period (bewaartermijn): shared by `meldpunt retention run`
// and the daily job in `serve`.
#include <string>
#include <vector>

#include "store/store.hpp"

namespace meldpunt {

struct BureauRetention {
  long long bureau_id = 0;
  std::string bureau_name;
  int months = 0;               // the bureau's setting (or the default)
  long long closed_before = 0;  // the cutoff: cases closed before it are due
  long long reports = 0;        // anonymised now, or due (dry run)
};

// For every bureau: anonymises the closed reports whose retention period has passed, or with
// dry_run only counts them and changes nothing.
std::vector<BureauRetention> ApplyRetention(Store& store, long long now, bool dry_run);

}  // namespace meldpunt
