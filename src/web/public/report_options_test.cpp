#include "web/public/report_options.hpp"

#include <gtest/gtest.h>

#include "domain/reports/classification.hpp"

namespace meldpunt::web {
namespace {

// Every code of a domain list has a label, in the same order, and nothing else.
void ExpectSameCodes(std::span<const std::string_view> codes, std::span<const CodeLabel> labels) {
  ASSERT_EQ(codes.size(), labels.size());
  for (size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(codes[i], labels[i].code);
}

TEST(ReportOptions, EveryCodeHasALabel) {
  ExpectSameCodes(kReporterRoles, ReporterRoleLabels());
  ExpectSameCodes(kNatures, NatureLabels());
  ExpectSameCodes(kGrounds, GroundLabels());
  ExpectSameCodes(kDomains, DomainLabels());
  ExpectSameCodes(kScopes, ScopeLabels());
  ExpectSameCodes(kWishes, WishLabels());
  ExpectSameCodes(kContactPreferences, ContactPreferenceLabels());
}

TEST(ReportOptions, EveryLabelAndHintIsTranslatedIntoDutch) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  for (auto list : {ReporterRoleLabels(), NatureLabels(), GroundLabels(), DomainLabels(),
                    ScopeLabels(), WishLabels(), ContactPreferenceLabels()}) {
    for (const auto& entry : list) {
      EXPECT_TRUE(translator.Has(Lang::kNl, entry.label)) << entry.label;
      if (entry.hint) EXPECT_TRUE(translator.Has(Lang::kNl, entry.hint)) << entry.hint;
    }
  }
}

}  // namespace
}  // namespace meldpunt::web
