#pragma once
// The sample files of tests/fixtures/evidence/ (made by tests/fixtures/make-fixtures).
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace meldpunt::evidence {

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/tests/fixtures/evidence/" + name,
                   std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace meldpunt::evidence
