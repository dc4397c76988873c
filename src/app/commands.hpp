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
// Demo data for test installations (demo_data_command.cpp); refuses a database that holds
// reports unless force.
struct DemoDataOptions {
  long long reports = 1000;
  int years = 3;
  unsigned long long seed = 1;
  std::optional<long long> bureau;  // all reports to this bureau, spread over its working area
  bool force = false;
};
int MakeDemoData(const Config& config, const DemoDataOptions& options);
// The audit log (audit_commands.cpp): checks the hash chain; 0 when intact, 1 at a break.
int VerifyAuditLog(const Config& config);
// Duplicate hints (duplicate_commands.cpp): makes the keys of reports registered before them,
// `batch` reports per transaction, until none is left.
int BackfillDuplicateKeys(const Config& config, int batch);
// Backups of a SQLite database (backup_command.cpp, issue 17): a consistent copy taken while the
// server runs, written atomically; 2 when refused (the file exists, PostgreSQL).
struct BackupOptions {
  std::string to;
  bool force = false;  // overwrite an existing file
};
int Backup(const Config& config, const BackupOptions& options);
// Restores a backup into a database file that does not exist, in a folder that holds at most the
// key file; refuses (2) a file that is not SQLite, has a newer schema or a broken audit chain.
struct RestoreOptions {
  std::string from;
};
int Restore(const Config& config, const RestoreOptions& options);

}  // namespace meldpunt::app
