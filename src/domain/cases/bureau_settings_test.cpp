#include "domain/cases/bureau_settings.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(BureauSettings, ABureauThatChoseNothingHasThePublishedDeadlines) {
  DeadlineSettings deadlines = BureauSettings{}.Deadlines();
  DeadlineSettings published;
  EXPECT_EQ(deadlines.receipt_confirmation_days, published.receipt_confirmation_days);
  EXPECT_EQ(deadlines.first_contact_days, published.first_contact_days);
  EXPECT_EQ(deadlines.silence_after_missed_days, published.silence_after_missed_days);
  EXPECT_EQ(deadlines.max_no_shows, published.max_no_shows);
  EXPECT_EQ(deadlines.max_incident_age_days, published.max_incident_age_days);
  EXPECT_EQ(deadlines.handling_complaint_months, published.handling_complaint_months);
  EXPECT_EQ(deadlines.other_party_reply_days, published.other_party_reply_days);
  EXPECT_EQ(deadlines.due_soon_days, published.due_soon_days);
}

TEST(BureauSettings, ChosenDeadlinesApplyAndOutOfRangeOnesFallBack) {
  BureauSettings settings = BureauSettings::FromStored(
      {{"first_contact_days", "7"}, {"other_party_reply_days", "21"}, {"max_no_shows", "11"}});
  DeadlineSettings deadlines = settings.Deadlines();
  EXPECT_EQ(deadlines.first_contact_days, 7);
  EXPECT_EQ(deadlines.other_party_reply_days, 21);
  EXPECT_EQ(deadlines.max_no_shows, 2) << "11 is out of range: the default applies";
  EXPECT_TRUE(settings.IsChosen(kFirstContactDays));
  EXPECT_FALSE(settings.IsChosen(kMaxNoShows));
}

TEST(BureauSettings, EveryDefinitionsRangeAgreesWithTheDeadlineRules) {
  // The page's ranges and the domain's check of deadline settings say the same.
  for (const auto& definition : AllBureauSettings()) {
    if (definition.name == kRetentionMonths) continue;
    for (long long value : {definition.min, definition.max, definition.fallback}) {
      BureauSettings settings =
          BureauSettings::FromStored({{std::string(definition.name), std::to_string(value)}});
      EXPECT_TRUE(InvalidDeadlineSettings(settings.Deadlines()).empty())
          << definition.name << " = " << value;
    }
    BureauSettings beyond = BureauSettings::FromStored(
        {{std::string(definition.name), std::to_string(definition.max + 1)}});
    EXPECT_FALSE(beyond.IsChosen(definition.name)) << definition.name;
  }
}

}  // namespace
}  // namespace meldpunt
