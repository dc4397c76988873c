// meldpunt audit verify: checks the audit log's hash chain (security/audit_chain.hpp).
#include <filesystem>
#include <iostream>

#include "app/command_util.hpp"
#include "app/commands.hpp"
#include "store/open_store.hpp"

namespace meldpunt::app {

int VerifyAuditLog(const Config& config) {
  // A new key would make every entry look forged: the key that wrote the log must be there.
  if (!std::filesystem::exists(config.key_file)) {
    std::cerr << "no key file at " << config.key_file
              << ": the audit log can only be checked with the key file the server uses\n";
    return 2;
  }
  auto store =
      OpenStore(config.database, std::nullopt, AuditChainKey(LoadExistingMasterKey(config)));
  AuditChainReport report = store->VerifyAuditChain();
  if (!report.intact) {
    std::cout << "audit log BROKEN";
    if (report.broken_id) std::cout << " at entry " << *report.broken_id;
    std::cout << ": " << report.problem << "\n"
              << report.chained << " entries before it are intact\n";
    return 1;
  }
  std::cout << "audit log intact: " << report.chained << " chained entries";
  if (report.legacy > 0)
    std::cout << ", and " << report.legacy << " entries from before the chain (not protected)";
  std::cout << "\n";
  return 0;
}

}  // namespace meldpunt::app
