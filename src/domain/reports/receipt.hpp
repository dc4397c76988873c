#pragma once
// The receipt code (volgcode) a reporter gets once, when the report is registered: with it, and
// without an account, they can follow the report at /melden/volgen. 20 decimal digits, shown in
// five groups of four: about 66 bits, more than GlobaLeaks' 16 digits (53 bits), and only digits
// so it is easy to read aloud, to write down and to type on a phone's number pad.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

inline constexpr size_t kReceiptDigits = 20;
inline constexpr size_t kReceiptGroupDigits = 4;
// Bytes of randomness (or keyed-hash output) that make one receipt; see ReceiptFromBytes.
inline constexpr size_t kReceiptSeedBytes = 16;

// The receipt as typed: digits, with any spaces, dashes or dots between them (people copy it
// from paper, from a print or from a password manager). Returns the 20 digits, or nullopt when
// what is left is not exactly 20 ASCII digits.
std::optional<std::string> NormaliseReceipt(std::string_view typed);

// "1234 5678 9012 3456 7890" for 20 digits.
std::string FormatReceipt(std::string_view digits);
// The groups of four, for pages that lay them out one by one.
std::vector<std::string> ReceiptGroups(std::string_view digits);

// 20 digits from 16 uniformly random bytes: each half (8 bytes, read as an unsigned 64-bit number)
// gives 10 digits as its remainder by 10^10. The bias of that remainder is below 10^-9 per digit
// group, far too small to help anyone guess.
std::string ReceiptFromBytes(const std::array<unsigned char, kReceiptSeedBytes>& seed);

}  // namespace meldpunt
