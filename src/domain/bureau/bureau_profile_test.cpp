#include "domain/bureau/bureau_profile.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

BureauProfile Complete() {
  BureauProfile p;
  p.public_name = "Discriminatie.nl Zuid";
  p.phone = "030 - 123 45 67";
  p.email = "info@zuid.example";
  p.postal_address = {"Postbus 12", "3500 AA Utrecht"};
  p.visiting_address = {"Stationsplein 1", "3511 AA Utrecht"};
  p.opening_hours = "ma-do 9.00-17.00\nvr 9.00-12.00";
  p.report_by_phone = true;
  p.report_at_desk = true;
  p.whatsapp = "+31 6 12345678";
  p.primary_colour = "#00497A";
  p.on_primary_colour = "#ffffff";
  return p;
}

std::vector<std::pair<ProfileField, ProfileProblem>> Problems(BureauProfile p) {
  std::vector<std::pair<ProfileField, ProfileProblem>> out;
  for (const auto& e : CheckBureauProfile(p)) out.emplace_back(e.field, e.problem);
  return out;
}

using F = ProfileField;
using P = ProfileProblem;

TEST(BureauProfile, ACompleteProfileIsAcceptedAndTidied) {
  BureauProfile p = Complete();
  p.public_name = "  Discriminatie.nl Zuid ";
  p.postal_address = {" Postbus 12", "", "3500 AA Utrecht "};
  p.opening_hours = "\nma-do 9.00-17.00  \nvr 9.00-12.00\n\n";
  EXPECT_TRUE(CheckBureauProfile(p).empty());
  EXPECT_EQ(p.public_name, "Discriminatie.nl Zuid");
  EXPECT_EQ(p.postal_address, (std::vector<std::string>{"Postbus 12", "3500 AA Utrecht"}));
  EXPECT_EQ(p.opening_hours, "ma-do 9.00-17.00\nvr 9.00-12.00");
  EXPECT_EQ(p.primary_colour, "#00497a");
}

TEST(BureauProfile, AnEmptyProfileIsAllowed) { EXPECT_TRUE(Problems(BureauProfile{}).empty()); }

TEST(BureauProfile, EveryFieldHasALimit) {
  BureauProfile p = Complete();
  p.public_name = std::string(kMaxPublicNameChars + 1, 'a');
  p.phone = std::string(kMaxBureauPhoneChars + 1, '1');
  p.email = std::string(250, 'a') + "@x.nl";
  p.postal_address = std::vector<std::string>(kMaxAddressLines + 1, "regel");
  p.visiting_address = {std::string(kMaxAddressLineChars + 1, 'b')};
  p.opening_hours = std::string(kMaxOpeningHoursChars + 1, 'c');
  p.whatsapp = std::string(kMaxBureauPhoneChars + 1, '2');
  p.report_by_phone = false;
  auto problems = Problems(p);
  EXPECT_EQ(problems, (std::vector<std::pair<F, P>>{{F::kPublicName, P::kTooLong},
                                                    {F::kPhone, P::kTooLong},
                                                    {F::kEmail, P::kTooLong},
                                                    {F::kPostalAddress, P::kTooManyLines},
                                                    {F::kVisitingAddress, P::kTooLong},
                                                    {F::kOpeningHours, P::kTooLong},
                                                    {F::kWhatsapp, P::kTooLong}}));
  // Names count characters, not bytes: 100 letters with accents fit.
  BureauProfile accents = Complete();
  std::string name;
  for (size_t i = 0; i < kMaxPublicNameChars; ++i) name += "é";
  accents.public_name = name;
  EXPECT_TRUE(Problems(accents).empty());
  BureauProfile lines = Complete();
  lines.opening_hours = "a\nb\nc\nd\ne\nf\ng\nh\ni";
  EXPECT_EQ(Problems(lines), (std::vector<std::pair<F, P>>{{F::kOpeningHours, P::kTooManyLines}}));
}

TEST(BureauProfile, NumbersAndAddressesMustLookRight) {
  BureauProfile p = Complete();
  p.phone = "bel ons";
  p.email = "info at zuid";
  p.whatsapp = "12";
  EXPECT_EQ(Problems(p), (std::vector<std::pair<F, P>>{{F::kPhone, P::kNotAPhone},
                                                       {F::kEmail, P::kNotAnEmail},
                                                       {F::kWhatsapp, P::kNotAPhone}}));
  BureauProfile control = Complete();
  control.public_name = "Naam\x01";
  EXPECT_EQ(Problems(control), (std::vector<std::pair<F, P>>{{F::kPublicName, P::kInvalidText}}));
}

TEST(BureauProfile, AWayToReportNeedsItsDetails) {
  BureauProfile p = Complete();
  p.phone.clear();
  p.visiting_address.clear();
  EXPECT_EQ(Problems(p), (std::vector<std::pair<F, P>>{{F::kPhone, P::kPhoneNeeded},
                                                       {F::kVisitingAddress, P::kAddressNeeded}}));
  p.report_by_phone = false;
  p.report_at_desk = false;
  EXPECT_TRUE(Problems(p).empty());
}

TEST(BureauProfile, ColoursComeAsAReadablePair) {
  BureauProfile p = Complete();
  p.primary_colour = "blue";
  EXPECT_EQ(Problems(p), (std::vector<std::pair<F, P>>{{F::kPrimaryColour, P::kNotAColour}}));
  p.primary_colour = "#00497a";
  p.on_primary_colour.clear();
  EXPECT_EQ(Problems(p), (std::vector<std::pair<F, P>>{{F::kOnPrimaryColour, P::kColourMissing}}));
  p.primary_colour.clear();
  EXPECT_TRUE(Problems(p).empty());  // neither: the site's own colours
  // Yellow text on orange: far below 4.5:1, refused with the ratio.
  p.primary_colour = "#ff8800";
  p.on_primary_colour = "#ffff00";
  auto errors = CheckBureauProfile(p);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].problem, P::kLowContrast);
  EXPECT_NEAR(errors[0].contrast, 2.23, 0.01);
  // Just under and just over the limit.
  p.primary_colour = "#777777";
  p.on_primary_colour = "#ffffff";
  EXPECT_EQ(Problems(p), (std::vector<std::pair<F, P>>{{F::kOnPrimaryColour, P::kLowContrast}}));
  p.primary_colour = "#767676";
  EXPECT_TRUE(Problems(p).empty());
}

TEST(BureauProfile, AddressLinesAndPublicName) {
  EXPECT_EQ(AddressLines(" a \r\n\n b\n"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(JoinLines({"a", "b"}), "a\nb");
  BureauProfile p;
  EXPECT_EQ(PublicNameOf(p, "Bureau 1"), "Bureau 1");
  p.public_name = "Zuid";
  EXPECT_EQ(PublicNameOf(p, "Bureau 1"), "Zuid");
}

}  // namespace
}  // namespace meldpunt
