#include "domain/cases/duplicate_match.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace meldpunt {
namespace {

// A stand-in for the keyed hash (MatchKeys::ShingleHash): the domain only needs a hash.
std::uint64_t TestHash(std::string_view text) { return std::hash<std::string_view>{}(text); }

constexpr std::string_view kText =
    "Bij de ingang van de sportschool aan de Lange Straat werd mij gezegd dat ik met mijn "
    "hoofddoek niet mocht sporten. De medewerker zei dat dit de regel is in alle vestigingen.";

TEST(DuplicateMatch, EmailIsTrimmedAndFolded) {
  EXPECT_EQ(NormaliseEmail("  Anna.Jansen@Example.NL "), "anna.jansen@example.nl");
  EXPECT_EQ(NormaliseEmail("geen adres"), "");
  EXPECT_EQ(NormaliseEmail("@example.nl"), "");
}

TEST(DuplicateMatch, PhoneInEveryDutchFormIsOneNumber) {
  EXPECT_EQ(NormalisePhone("06-1234 5678"), "0612345678");
  EXPECT_EQ(NormalisePhone("+31 6 12345678"), "0612345678");
  EXPECT_EQ(NormalisePhone("+31 (0)6 1234 5678"), "0612345678");
  EXPECT_EQ(NormalisePhone("0031 6 1234 5678"), "0612345678");
  EXPECT_EQ(NormalisePhone("+32 2 123 45 67"), "003221234567");
  EXPECT_EQ(NormalisePhone("112"), "");
}

TEST(DuplicateMatch, PartyNameWithoutLegalFormOrCase) {
  EXPECT_EQ(NormalisePartyName("Sportschool FitFit B.V."), "sportschool fitfit");
  EXPECT_EQ(NormalisePartyName("sportschool  fitfit bv"), "sportschool fitfit");
  EXPECT_EQ(NormalisePartyName("De Gemeente Utrecht"), "gemeente utrecht");
  EXPECT_EQ(NormalisePartyName("B.V."), "");
  EXPECT_NE(NormalisePartyName("Sportschool FitFit"), NormalisePartyName("Sportschool Fit"));
}

TEST(DuplicateMatch, ShinglesAreThreeWordRunsWithoutRepeats) {
  auto shingles = TextShingles("Een twee drie, een twee drie!");
  // een twee drie / twee drie een / drie een twee (the repeat counted once)
  EXPECT_EQ(shingles.size(), 3u);
  EXPECT_TRUE(TextShingles("twee woorden").empty());
}

TEST(DuplicateMatch, ShortTextHasNoSignature) {
  EXPECT_FALSE(SignatureOf("Ik werd gediscrimineerd.", TestHash).has_value());
  EXPECT_TRUE(SignatureOf(kText, TestHash).has_value());
}

TEST(DuplicateMatch, SameTextIsFullySimilarAndSharesEveryBand) {
  auto a = SignatureOf(kText, TestHash);
  auto b = SignatureOf(std::string(kText) + "  ", TestHash);
  ASSERT_TRUE(a && b);
  EXPECT_DOUBLE_EQ(EstimatedSimilarity(*a, *b), 1.0);
  EXPECT_EQ(BandKeys(*a), BandKeys(*b));
}

TEST(DuplicateMatch, ReworkedTextIsSimilarAndUnrelatedTextIsNot) {
  auto original = SignatureOf(kText, TestHash);
  // The same story told again with a few words changed.
  auto again = SignatureOf(
      "Bij de ingang van de sportschool aan de Lange Straat werd mij gezegd dat ik met mijn "
      "hoofddoek niet mocht sporten. De medewerker zei dat dit de regel is in alle filialen.",
      TestHash);
  auto other = SignatureOf(
      "Mijn buurman scheldt mij al maanden uit vanwege mijn afkomst en heeft nu ook een briefje "
      "in de brievenbus gedaan met bedreigingen erop.",
      TestHash);
  ASSERT_TRUE(original && again && other);
  EXPECT_GE(EstimatedSimilarity(*original, *again), kSimilarTextThreshold);
  EXPECT_LT(EstimatedSimilarity(*original, *other), 0.2);
  // A similar text shares at least one band (the candidate key); an unrelated one none.
  auto a = BandKeys(*original), b = BandKeys(*again), c = BandKeys(*other);
  int shared_similar = 0, shared_other = 0;
  for (size_t i = 0; i < kBands; ++i) {
    shared_similar += a[i] == b[i] ? 1 : 0;
    shared_other += a[i] == c[i] ? 1 : 0;
  }
  EXPECT_GT(shared_similar, 0);
  EXPECT_EQ(shared_other, 0);
  for (long long key : a) EXPECT_GE(key, 0);
}

TEST(DuplicateMatch, TheHashDecidesTheSignature) {
  // Another key (another hash) gives other values: stored signatures reveal nothing without it.
  auto keyed = SignatureOf(kText, [](std::string_view s) { return TestHash(s) ^ 0x5555; });
  auto plain = SignatureOf(kText, TestHash);
  ASSERT_TRUE(keyed && plain);
  EXPECT_LT(EstimatedSimilarity(*keyed, *plain), 0.2);
}

TEST(DuplicateMatch, SignatureRoundTripsAsHex) {
  auto signature = SignatureOf(kText, TestHash);
  ASSERT_TRUE(signature);
  std::string hex = SignatureToHex(*signature);
  EXPECT_EQ(hex.size(), kSignatureSize * 8);
  EXPECT_EQ(SignatureFromHex(hex), signature);
  EXPECT_FALSE(SignatureFromHex("xyz").has_value());
  EXPECT_FALSE(SignatureFromHex(std::string(kSignatureSize * 8, 'g')).has_value());
}

TEST(DuplicateMatch, ReasonCodesRoundTrip) {
  for (auto reason :
       {MatchReason::kEmail, MatchReason::kPhone, MatchReason::kParty, MatchReason::kText}) {
    EXPECT_EQ(ParseMatchReason(MatchReasonCode(reason)), reason);
  }
  EXPECT_FALSE(ParseMatchReason("name").has_value());
}

}  // namespace
}  // namespace meldpunt
