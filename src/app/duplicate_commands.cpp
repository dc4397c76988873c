// `meldpunt duplicates backfill`: makes the duplicate-hint keys (docs/design.md, "Duplicate hints
// and related cases") of reports registered before they existed, in batches, each its own
// transaction, so it can be stopped and run again, also while the server runs.
#include <iostream>

#include "app/command_util.hpp"
#include "app/commands.hpp"
#include "store/open_store.hpp"

namespace meldpunt::app {

int BackfillDuplicateKeys(const Config& config, int batch) {
  // The keys are made from the decrypted description and contact details: the data key.
  Key master = LoadExistingMasterKey(config);
  auto store = OpenStore(config.database, DataKey(master), AuditChainKey(master));
  long long total = 0;
  long long after_id = 0;
  for (;;) {
    MatchKeyBackfill done = store->BackfillMatchKeys(batch, after_id);
    if (done.done == 0) break;
    total += done.done;
    after_id = done.last_id;
    std::cout << total << " reports done\n" << std::flush;
  }
  std::cout << "duplicate-hint keys made for " << total << " reports\n";
  return 0;
}

}  // namespace meldpunt::app
