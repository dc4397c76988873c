#include "web/cases/case_labels.hpp"

#include <gtest/gtest.h>

#include "domain/cases/case_protocol.hpp"
#include "domain/cases/handling.hpp"

namespace meldpunt::web {
namespace {

TEST(CaseLabels, EveryStepHandlingAndOutcomeHasALabelInOrder) {
  ASSERT_EQ(StepLabels().size(), std::size(kAllSteps));
  for (size_t i = 0; i < std::size(kAllSteps); ++i)
    EXPECT_EQ(StepLabels()[i].code, StepCode(kAllSteps[i]));
  ASSERT_EQ(HandlingLabels().size(), kHandlings.size());
  for (size_t i = 0; i < kHandlings.size(); ++i) EXPECT_EQ(HandlingLabels()[i].code, kHandlings[i]);
  ASSERT_EQ(OutcomeLabels().size(), kOutcomes.size());
  for (size_t i = 0; i < kOutcomes.size(); ++i) EXPECT_EQ(OutcomeLabels()[i].code, kOutcomes[i]);
}

TEST(CaseLabels, EveryLabelIsTranslatedIntoDutch) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  for (auto list : {StepLabels(), HandlingLabels(), OutcomeLabels()}) {
    for (const auto& entry : list)
      EXPECT_TRUE(translator.Has(Lang::kNl, entry.label)) << entry.label;
  }
}

}  // namespace
}  // namespace meldpunt::web
