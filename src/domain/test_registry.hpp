#pragma once
// For unit tests: the project's own list of municipalities (data/gemeenten.csv), as the server
// loads it.
#include <fstream>
#include <sstream>
#include <string>

#include "domain/municipality.hpp"

namespace meldpunt {

inline MunicipalityRegistry TestRegistry() {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
  std::stringstream text;
  text << in.rdbuf();
  return *MunicipalityRegistry::FromCsv(text.str());
}

}  // namespace meldpunt
