#include "domain/cases/letter_event.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(LetterEvent, SentDetailNamesTheLetterAndTheReplyDate) {
  LetterSentDetail detail{7, *ParseIsoDate("2026-04-01")};
  EXPECT_EQ(FormatLetterSentDetail(detail), "7;2026-04-01");
  auto parsed = ParseLetterSentDetail("7;2026-04-01");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->letter_id, 7);
  EXPECT_EQ(FormatIsoDate(parsed->reply_by), "2026-04-01");
}

TEST(LetterEvent, AnythingElseIsNotASentDetail) {
  for (const char* bad : {"", "7", ";2026-04-01", "7;", "0;2026-04-01", "-3;2026-04-01",
                          "7;2026-02-30", "7;2026-4-1", "x;2026-04-01", "7;2026-04-01;x"}) {
    EXPECT_FALSE(ParseLetterSentDetail(bad)) << bad;
  }
}

TEST(LetterEvent, ReplyDetailNamesTheLetter) {
  EXPECT_EQ(FormatReplyReceivedDetail(12), "12");
  EXPECT_EQ(ParseReplyReceivedDetail("12"), 12);
  EXPECT_FALSE(ParseReplyReceivedDetail(""));
  EXPECT_FALSE(ParseReplyReceivedDetail("12;x"));
  EXPECT_FALSE(ParseReplyReceivedDetail("0"));
}

}  // namespace
}  // namespace meldpunt
