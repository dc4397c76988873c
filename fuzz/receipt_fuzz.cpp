// Receipt codes (volgcode) and references as a reporter types them at /melden/volgen
// (domain/reports/receipt.hpp, reference.hpp). A code accepted is 20 digits, its printed form is
// accepted as the same code, and a reference read back from its printed form is the same.
#include <array>
#include <cstring>
#include <string>

#include "check.hpp"
#include "domain/reports/receipt.hpp"
#include "domain/reports/reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  std::string_view text = fuzz::AsText(data, size);

  if (auto digits = NormaliseReceipt(text)) {
    FUZZ_CHECK(digits->size() == kReceiptDigits);
    FUZZ_CHECK(digits->find_first_not_of("0123456789") == std::string::npos);
    std::string printed = FormatReceipt(*digits);
    FUZZ_CHECK(printed.size() == kReceiptDigits + kReceiptDigits / kReceiptGroupDigits - 1);
    FUZZ_CHECK(NormaliseReceipt(printed) == digits);
    FUZZ_CHECK(ReceiptGroups(*digits).size() == kReceiptDigits / kReceiptGroupDigits);
  }

  // Any 16 bytes make a code that reads back as itself.
  std::array<unsigned char, kReceiptSeedBytes> seed{};
  std::memcpy(seed.data(), data, std::min(size, seed.size()));
  std::string made = ReceiptFromBytes(seed);
  FUZZ_CHECK(NormaliseReceipt(made) == made);
  FUZZ_CHECK(NormaliseReceipt(FormatReceipt(made)) == made);

  if (auto reference = ParseReference(text)) {
    FUZZ_CHECK(reference->number > 0);
    auto again = ParseReference(FormatReference(reference->year, reference->number));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->year == reference->year && again->number == reference->number);
  }
  return 0;
}
