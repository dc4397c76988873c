#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"

namespace meldpunt::app {

// Each returns the process exit code.
int Serve(const Config& config);
int Migrate(const Config& config);
struct NewUserOptions {
  std::string email;
  std::string role = "handler";
  std::optional<long long> bureau;
  std::string municipality;
};
int AddUser(const Config& config, const NewUserOptions& options);
// Bureaus (bureau_commands.cpp).
int AddBureau(const Config& config, const std::string& name);
int ListBureaus(const Config& config);
int AddToWorkingArea(const Config& config, long long bureau_id,
                     const std::vector<std::string>& codes);
// The audit log (audit_commands.cpp): checks the hash chain; 0 when intact, 1 at a break.
int VerifyAuditLog(const Config& config);

}  // namespace meldpunt::app
