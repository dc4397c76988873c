// The config file (TOML or INI, app/config.hpp), read by CLI11 into the real options of every
// command. Only CLI11's own errors (CLI::Error: unknown keys, bad values, out of range) may
// escape, as main turns them into a message; and what is accepted keeps to the options' ranges.
#include <CLI/CLI.hpp>
#include <sstream>
#include <string>

#include "app/config.hpp"
#include "check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  if (size > 64 * 1024) return 0;  // a config file is a few lines
  // The options are made once (making them costs far more than reading a file); each run starts
  // from the defaults and a cleared parser.
  static app::Config config;
  static CLI::App cli{"meldpunt"};
  static bool ready = (app::AddConfigOptions(cli, config), true);
  (void)ready;
  config = app::Config{};
  cli.clear();
  std::istringstream input{std::string(fuzz::AsText(data, size))};
  try {
    cli.parse_from_stream(input);
  } catch (const CLI::Error&) {
    return 0;  // main prints these and exits
  }
  FUZZ_CHECK(config.port >= 0 && config.port <= 65535);
  FUZZ_CHECK(config.threads >= 0 && config.threads <= 256);
  config.Resolve();
  FUZZ_CHECK(!config.database.empty() && !config.key_file.empty() && !config.public_url.empty());
  return 0;
}
