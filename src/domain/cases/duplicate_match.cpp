#include "domain/cases/duplicate_match.hpp"

#include <algorithm>
#include <limits>

namespace meldpunt {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(start, end - start + 1);
}

// splitmix64's finaliser: a fast, well-mixing permutation of 64-bit values.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Legal forms and articles that say nothing about who the other party is.
constexpr std::string_view kPartyNoise[] = {"bv", "nv", "vof", "cv", "b", "v", "n", "o", "f", "c"};
constexpr std::string_view kLeadingArticles[] = {"de", "het", "the"};

}  // namespace

std::string_view MatchReasonCode(MatchReason reason) {
  switch (reason) {
    case MatchReason::kEmail:
      return "email";
    case MatchReason::kPhone:
      return "phone";
    case MatchReason::kParty:
      return "party";
    case MatchReason::kText:
      return "text";
  }
  return "text";
}

std::optional<MatchReason> ParseMatchReason(std::string_view code) {
  for (auto reason :
       {MatchReason::kEmail, MatchReason::kPhone, MatchReason::kParty, MatchReason::kText}) {
    if (MatchReasonCode(reason) == code) return reason;
  }
  return std::nullopt;
}

std::string NormaliseEmail(std::string_view email) {
  std::string_view trimmed = Trim(email);
  size_t at = trimmed.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= trimmed.size()) return {};
  std::string out;
  out.reserve(trimmed.size());
  for (char c : trimmed) out.push_back(Lower(c));
  return out;
}

std::string NormalisePhone(std::string_view phone) {
  std::string digits;
  std::string_view trimmed = Trim(phone);
  bool plus = !trimmed.empty() && trimmed.front() == '+';
  for (size_t i = 0; i < trimmed.size(); ++i) {
    // "+31 (0)6 …": the trunk zero in brackets is not dialled from abroad.
    if (trimmed.substr(i, 3) == "(0)") {
      i += 2;
      continue;
    }
    char c = trimmed[i];
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  // +31 6 1234 5678 and 0031 6 1234 5678 are 06 1234 5678.
  if (plus && digits.starts_with("31")) {
    digits.erase(0, 1);  // "31…" becomes "01…"
    digits[0] = '0';
  } else if (digits.starts_with("0031")) {
    digits.erase(0, 3);  // "0031…" becomes "01…"
    digits[0] = '0';
  } else if (plus) {
    digits.insert(0, 2, '0');  // another country: its international form
  }
  if (digits.size() < 7) return {};
  return digits;
}

std::vector<std::string> TextWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsWordByte(static_cast<unsigned char>(c))) {
      word.push_back(Lower(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string NormalisePartyName(std::string_view name) {
  std::vector<std::string> words = TextWords(name);
  std::erase_if(words, [](const std::string& word) {
    return std::find(std::begin(kPartyNoise), std::end(kPartyNoise), word) != std::end(kPartyNoise);
  });
  if (words.size() > 1 && std::find(std::begin(kLeadingArticles), std::end(kLeadingArticles),
                                    words.front()) != std::end(kLeadingArticles)) {
    words.erase(words.begin());
  }
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

std::vector<std::string> TextShingles(std::string_view text) {
  std::vector<std::string> words = TextWords(text);
  std::vector<std::string> shingles;
  if (words.size() < kShingleWords) return shingles;
  shingles.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::string shingle = words[i];
    for (size_t j = 1; j < kShingleWords; ++j) shingle += " " + words[i + j];
    shingles.push_back(std::move(shingle));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

std::optional<TextSignature> SignatureOf(std::string_view text, const ShingleHash& shingle_hash) {
  std::vector<std::string> shingles = TextShingles(text);
  if (shingles.size() < kMinShingles) return std::nullopt;
  TextSignature signature;
  signature.fill(std::numeric_limits<std::uint32_t>::max());
  for (const auto& shingle : shingles) {
    // One keyed hash per shingle; the kSignatureSize functions are fixed permutations of it, so
    // the values are as secret as the key while hashing stays cheap (one BLAKE2b per shingle).
    std::uint64_t h = shingle_hash(shingle);
    for (size_t i = 0; i < kSignatureSize; ++i) {
      auto value = static_cast<std::uint32_t>(Mix(h + 0x9e3779b97f4a7c15ULL * (i + 1)) >> 32);
      signature[i] = std::min(signature[i], value);
    }
  }
  return signature;
}

double EstimatedSimilarity(const TextSignature& a, const TextSignature& b) {
  size_t equal = 0;
  for (size_t i = 0; i < kSignatureSize; ++i) equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(kSignatureSize);
}

std::array<long long, kBands> BandKeys(const TextSignature& signature) {
  std::array<long long, kBands> keys{};
  for (size_t band = 0; band < kBands; ++band) {
    std::uint64_t h = Mix(0x7465787462616e64ULL + band);  // "textband"
    for (size_t row = 0; row < kRowsPerBand; ++row) {
      h = Mix(h ^ signature[band * kRowsPerBand + row]);
    }
    keys[band] = static_cast<long long>(h >> 1);
  }
  return keys;
}

std::string SignatureToHex(const TextSignature& signature) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(kSignatureSize * 8);
  for (std::uint32_t value : signature) {
    for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 0xf]);
  }
  return out;
}

std::optional<TextSignature> SignatureFromHex(std::string_view hex) {
  if (hex.size() != kSignatureSize * 8) return std::nullopt;
  TextSignature signature{};
  for (size_t i = 0; i < kSignatureSize; ++i) {
    std::uint32_t value = 0;
    for (size_t j = 0; j < 8; ++j) {
      char c = hex[i * 8 + j];
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else {
        return std::nullopt;
      }
      value = (value << 4) | digit;
    }
    signature[i] = value;
  }
  return signature;
}

}  // namespace meldpunt
