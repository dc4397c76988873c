#pragma once
#include <string>

#include "app/config.hpp"

namespace meldpunt::app {

// Each returns the process exit code.
int Serve(const Config& config);
int Migrate(const Config& config);
int AddUser(const Config& config, const std::string& email, const std::string& role);

}  // namespace meldpunt::app
