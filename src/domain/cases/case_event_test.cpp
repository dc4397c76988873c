#include "domain/cases/case_event.hpp"

#include <gtest/gtest.h>

#include <set>

namespace meldpunt {
namespace {

TEST(CaseEvent, CodesRoundTripAndAreUnique) {
  std::set<std::string_view> seen;
  for (CaseEventKind kind : kAllCaseEventKinds) {
    EXPECT_FALSE(CaseEventCode(kind).empty()) << "every kind has a stored code";
    EXPECT_TRUE(seen.insert(CaseEventCode(kind)).second) << CaseEventCode(kind);
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
