#include "domain/reports/proof_of_work.hpp"

namespace meldpunt {

int LeadingZeroBits(std::string_view digest) {
  int bits = 0;
  for (char c : digest) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == 0) {
      bits += 8;
      continue;
    }
    for (int mask = 0x80; (byte & mask) == 0; mask >>= 1) ++bits;
    break;
  }
  return bits;
}

}  // namespace meldpunt
