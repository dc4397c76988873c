#include "domain/case_event.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(CaseEvent, CodesRoundTripAndAreUnique) {
  for (CaseEventKind kind : kAllCaseEventKinds) {
    EXPECT_EQ(ParseCaseEvent(CaseEventCode(kind)), kind);
  }
  EXPECT_FALSE(ParseCaseEvent("status"));
}

TEST(CaseEvent, TheReporterSeesThreeStates) {
  EXPECT_EQ(ReporterStatusOf(CaseStep::kReceived), ReportStatus::kReceived);
  EXPECT_EQ(ReporterStatusOf(CaseStep::kFirstAnalysis), ReportStatus::kInProgress);
  EXPECT_EQ(ReporterStatusOf(CaseStep::kEvaluation), ReportStatus::kInProgress);
  EXPECT_EQ(ReporterStatusOf(CaseStep::kClosed), ReportStatus::kClosed);
  EXPECT_EQ(ReporterStatusOf(CaseStep::kArchived), ReportStatus::kClosed);
}

}  // namespace
}  // namespace meldpunt
