#include "domain/reports/follow_up.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(ReportStatus, CodesRoundTrip) {
  for (ReportStatus status : kAllStatuses) EXPECT_EQ(ParseStatus(StatusCode(status)), status);
  EXPECT_EQ(StatusCode(ReportStatus::kInProgress), "in_progress");
  EXPECT_FALSE(ParseStatus("open"));
  EXPECT_FALSE(ParseStatus(""));
  EXPECT_EQ(ParseAuthor(AuthorCode(MessageAuthor::kBureau)), MessageAuthor::kBureau);
  EXPECT_EQ(ParseAuthor(AuthorCode(MessageAuthor::kReporter)), MessageAuthor::kReporter);
  EXPECT_FALSE(ParseAuthor("staff"));
}

TEST(Message, IsTrimmedAndCheckedLikeADescription) {
  EXPECT_EQ(ValidateMessage("  Dank u.\n").text, "Dank u.");
  EXPECT_FALSE(ValidateMessage("Regel een\nRegel twee").problem);
  EXPECT_EQ(ValidateMessage(" \n ").problem, Problem::kRequired);
  EXPECT_EQ(ValidateMessage("bel\x07").problem, Problem::kInvalidText);
  EXPECT_EQ(ValidateMessage("\xff\xfe").problem, Problem::kInvalidText);
  EXPECT_FALSE(ValidateMessage(std::string(kMaxMessageChars, 'a')).problem);
  EXPECT_EQ(ValidateMessage(std::string(kMaxMessageChars + 1, 'a')).problem, Problem::kTooLong);
  // Characters, not bytes: 5000 letters é (two bytes each) are allowed.
  std::string accents;
  for (size_t i = 0; i < kMaxMessageChars; ++i) accents += "\xC3\xA9";
  EXPECT_FALSE(ValidateMessage(accents).problem);
}

}  // namespace
}  // namespace meldpunt
