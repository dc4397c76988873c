// meldpunt: the reporting point's server and its command-line tools.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/mail_service.hpp"
#include "http/log.hpp"
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
  std::string email, role = "handler";
  user_add->add_option("--email", email, "The staff member's e-mail address")->required();
  user_add->add_option("--role", role, "admin, coordinator, handler, intake or viewer")
      ->capture_default_str();
  auto* outbox = cli.add_subcommand("outbox", "Show how many e-mails wait, were sent or failed");
  for (auto* sub : {serve, migrate, user, user_add, outbox}) sub->fallthrough();

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
    if (*user_add) return app::AddUser(config, email, role);
    if (*outbox) return app::ShowOutbox(config);
  } catch (const std::exception& e) {
    log::Error("fatal", {{"error", e.what()}});
    return 1;
  }
  return 0;
}
