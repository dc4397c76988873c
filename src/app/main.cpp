// meldpunt: the reporting point's server and its command-line tools.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/mail_service.hpp"
#include "app/retention_service.hpp"
#include "base/log.hpp"
#include "security/crypto.hpp"

int main(int argc, char** argv) {
  using namespace meldpunt;
  CLI::App cli{"meldpunt: take in, register and count reports of discrimination"};
  cli.require_subcommand(1);
  app::Config config;
  app::AddConfigOptions(cli, config);

  auto* serve = cli.add_subcommand("serve", "Run the web server (migrates the database first)");
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  auto* user = cli.add_subcommand("user", "Manage staff accounts");
  user->require_subcommand(1);
  auto* user_add =
      user->add_subcommand("add", "Add a staff account; the password is read from stdin");
  app::NewUserOptions new_user;
  user_add->add_option("--email", new_user.email, "The staff member's e-mail address")->required();
  user_add
      ->add_option("--role", new_user.role,
                   "intake, handler, coordinator, bureau_admin, system_admin or "
                   "municipality_viewer")
      ->capture_default_str();
  user_add->add_option("--bureau", new_user.bureau,
                       "The bureau's id (see bureau list); default: the first bureau");
  user_add->add_option("--municipality", new_user.municipality,
                       "For a municipality viewer: the CBS code of their municipality (GM0363)");
  auto* bureau = cli.add_subcommand("bureau", "Manage bureaus and their working areas");
  bureau->require_subcommand(1);
  auto* bureau_add = bureau->add_subcommand("add", "Add a bureau");
  auto* bureau_list = bureau->add_subcommand("list", "List bureaus with their working areas");
  auto* bureau_area =
      bureau->add_subcommand("area", "Add municipalities to a bureau's working area");
  std::string bureau_name;
  long long bureau_id = 0;
  std::vector<std::string> area_codes;
  bureau_add->add_option("--name", bureau_name, "The bureau's name")->required();
  bureau_area->add_option("--bureau", bureau_id, "The bureau's id")->required();
  bureau_area->add_option("municipalities", area_codes, "CBS codes such as GM0363")->required();
  auto* outbox = cli.add_subcommand("outbox", "Show how many e-mails wait, were sent or failed");
  auto* audit = cli.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand(
      "verify", "Check that no audit entry was changed, added or removed outside meldpunt");
  auto* duplicates = cli.add_subcommand("duplicates", "Duplicate hints on the case page");
  duplicates->require_subcommand(1);
  auto* duplicates_backfill = duplicates->add_subcommand(
      "backfill",
      "Make the duplicate-hint keys of reports registered before them (once after upgrading; "
      "can be stopped and run again)");
  int backfill_batch = 500;
  duplicates_backfill->add_option("--batch", backfill_batch, "Reports per transaction")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  auto* retention = cli.add_subcommand("retention", "Retention of personal data");
  retention->require_subcommand(1);
  auto* retention_run = retention->add_subcommand(
      "run", "Anonymise closed cases past their bureau's retention period (serve does it daily)");
  bool dry_run = false;
  retention_run->add_flag("--dry-run", dry_run, "Only count, per bureau; change nothing");
  auto* demo = cli.add_subcommand(
      "demo-data",
      "Fill a test installation with generated, reproducible reports (never on real "
      "data)");
  app::DemoDataOptions demo_options;
  demo->add_option("--reports", demo_options.reports, "How many reports")
      ->check(CLI::Range(1LL, 10'000'000LL))
      ->capture_default_str();
  demo->add_option("--years", demo_options.years, "Spread over this year and the years before")
      ->check(CLI::Range(1, 30))
      ->capture_default_str();
  demo->add_option("--seed", demo_options.seed, "The same seed makes the same reports")
      ->capture_default_str();
  demo->add_option("--bureau", demo_options.bureau,
                   "Every report to this bureau, spread over its working area");
  demo->add_flag("--force", demo_options.force,
                 "Add demo reports to a database that holds reports already");
  auto* backup = cli.add_subcommand(
      "backup", "Copy the SQLite database to a file while the server runs (not the key file)");
  app::BackupOptions backup_options;
  backup->add_option("--to", backup_options.to, "The backup file to write")->required();
  backup->add_flag("--force", backup_options.force, "Overwrite the file if it exists");
  auto* restore = cli.add_subcommand(
      "restore",
      "Restore a backup into a new data folder (copy the key file there first); checks the "
      "schema version and the audit log");
  app::RestoreOptions restore_options;
  restore->add_option("--from", restore_options.from, "The backup file")->required();
  for (auto* sub : {backup, restore, serve, demo, migrate, user, user_add, bureau, bureau_add,
                    bureau_list, bureau_area, outbox, audit, audit_verify, retention, retention_run,
                    duplicates, duplicates_backfill})
    sub->fallthrough();

  if (auto flag = app::SecretOnCommandLine(argc, argv)) {
    std::cerr << *flag << " is not accepted on the command line, where others can read it; "
              << "use the environment or the config file\n";
    return 2;
  }
  CLI11_PARSE(cli, argc, argv);
  // Files meldpunt creates (database, key, logs it may write) are for its own user only.
  umask(077);
  try {
    InitSodium();
    config.Resolve();
    if (*serve) return app::Serve(config);
    if (*migrate) return app::Migrate(config);
    if (*user_add) return app::AddUser(config, new_user);
    if (*bureau_add) return app::AddBureau(config, bureau_name);
    if (*bureau_list) return app::ListBureaus(config);
    if (*bureau_area) return app::AddToWorkingArea(config, bureau_id, area_codes);
    if (*outbox) return app::ShowOutbox(config);
    if (*audit_verify) return app::VerifyAuditLog(config);
    if (*retention_run) return app::RunRetention(config, dry_run);
    if (*duplicates_backfill) return app::BackfillDuplicateKeys(config, backfill_batch);
    if (*demo) return app::MakeDemoData(config, demo_options);
    if (*backup) return app::Backup(config, backup_options);
    if (*restore) return app::Restore(config, restore_options);
  } catch (const std::exception& e) {
    log::Error("fatal", {{"error", e.what()}});
    return 1;
  }
  return 0;
}
