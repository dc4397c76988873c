#pragma once
// Duplicate hints (mogelijk dezelfde zaak, issue 14): the rules that say when two reports may be
// about the same matter, without any I/O. Personal data is encrypted at rest, so reports are
// never compared in the clear: at registration the store keeps keyed hashes of the normalised
// e-mail address, phone number and other party (a blind index), and a MinHash signature of the
// description. This file holds the normalisation, the signature and the comparison; the keyed
// hashing itself is security/match_keys.hpp.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

// What two reports have in common (reden).
enum class MatchReason {
  kEmail,  // zelfde e-mailadres
  kPhone,  // zelfde telefoonnummer
  kParty,  // zelfde wederpartij: the organisation or person a letter went to
  kText,   // lijkende tekst
};
// "email", "phone", "party", "text": the kind column of match_keys.
std::string_view MatchReasonCode(MatchReason reason);
std::optional<MatchReason> ParseMatchReason(std::string_view code);

// Hints look this far before and after the date a report was received: half a year either way
// covers a reporter who comes back about the same matter and a series of reports about one
// organisation, while staying a bounded slice of a bureau's cases.
inline constexpr long long kDuplicateWindowSeconds = 180LL * 24 * 3600;
// At most this many hints on a case page, and at most this many candidates read to find them.
inline constexpr int kMaxDuplicateHints = 10;
inline constexpr int kMaxDuplicateCandidates = 200;
// At most this many related cases (gerelateerde zaken) per case.
inline constexpr long long kMaxRelatedCases = 50;

// The e-mail address as compared: trimmed and in lower case; empty when it is not an address.
std::string NormaliseEmail(std::string_view email);
// The phone number as compared: digits only, a Dutch number in its national form (+31 6…,
// 0031 6… and 06… are one number); empty when fewer than 7 digits are left.
std::string NormalisePhone(std::string_view phone);
// The other party's name as compared: letters and digits in lower case (ASCII; other UTF-8 kept
// as it is), words separated by one space, without legal forms (B.V., N.V., V.O.F.) and "de"/"het"
// in front; empty when nothing is left.
std::string NormalisePartyName(std::string_view name);

// The words of a text, normalised like party names (lower case, letters and digits only).
std::vector<std::string> TextWords(std::string_view text);
// Word shingles: every run of kShingleWords consecutive words, joined by a space.
inline constexpr size_t kShingleWords = 3;
std::vector<std::string> TextShingles(std::string_view text);

// A MinHash signature of a text: for each of kSignatureSize hash functions, the smallest value
// over the text's shingles. The fraction of equal positions of two signatures estimates the
// Jaccard similarity of their shingle sets. kBands bands of kRowsPerBand values are the
// locality-sensitive keys: two texts are candidates when one band is equal, which happens with
// probability 1 - (1 - s^3)^10 for similarity s (0.74 at s = 0.5, 0.99 at s = 0.8, 0.03 at 0.15).
inline constexpr size_t kSignatureSize = 30;
inline constexpr size_t kRowsPerBand = 3;
inline constexpr size_t kBands = kSignatureSize / kRowsPerBand;
// A text with fewer shingles than this says too little to compare (a few words).
inline constexpr size_t kMinShingles = 5;
// Texts are "similar" (lijkende tekst) from this estimated similarity.
inline constexpr double kSimilarTextThreshold = 0.5;
using TextSignature = std::array<std::uint32_t, kSignatureSize>;

// `shingle_hash` is the keyed 64-bit hash of one shingle (MatchKeys::ShingleHash); the 30 hash
// functions are derived from it, so the signature cannot be computed without the key.
using ShingleHash = std::function<std::uint64_t(std::string_view)>;
std::optional<TextSignature> SignatureOf(std::string_view text, const ShingleHash& shingle_hash);
// The share of equal positions, 0 to 1.
double EstimatedSimilarity(const TextSignature& a, const TextSignature& b);
// One 63-bit key per band (non-negative, to fit a BIGINT column).
std::array<long long, kBands> BandKeys(const TextSignature& signature);
// As stored: 8 hex digits per value; nullopt for text that is not a signature.
std::string SignatureToHex(const TextSignature& signature);
std::optional<TextSignature> SignatureFromHex(std::string_view hex);

}  // namespace meldpunt
