// The standard replies of a bureau in the store: per bureau, one title per language, the limit,
// retiring, and the reporter's language from the e-mails sent.
#include <gtest/gtest.h>

#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class StandardReplyStoreTest : public SqliteStoreFixture {};

StandardReply Reply(long long bureau, std::string title, std::string lang,
                    ReplyUse use = ReplyUse::kBoth) {
  StandardReply reply;
  reply.bureau_id = bureau;
  reply.title = std::move(title);
  reply.lang = std::move(lang);
  reply.use = use;
  reply.body = "Uw melding {referentie}.";
  return reply;
}

TEST_F(StandardReplyStoreTest, OneTitlePerLanguagePerBureauAndOnlyTheBureausOwn) {
  auto other = store_->AddBureau("Ander bureau", 1);
  ASSERT_TRUE(other);
  long long id = 0;
  ASSERT_EQ(store_->AddStandardReply(Reply(1, "Ontvangst", "nl"), 10, &id), ReplyWrite::kDone);
  EXPECT_EQ(store_->AddStandardReply(Reply(1, " ONTVANGST ", "nl"), 11), ReplyWrite::kDuplicate);
  EXPECT_EQ(store_->AddStandardReply(Reply(1, "Ontvangst", "en", ReplyUse::kMessage), 12),
            ReplyWrite::kDone);
  EXPECT_EQ(store_->AddStandardReply(Reply(*other, "Ontvangst", "nl"), 13), ReplyWrite::kDone);

  auto mine = store_->ListStandardReplies(1);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].lang, "en");
  EXPECT_EQ(mine[0].use, ReplyUse::kMessage);
  EXPECT_EQ(mine[1].body, "Uw melding {referentie}.");
  EXPECT_FALSE(store_->GetStandardReply(*other, id));

  StandardReply changed = *store_->GetStandardReply(1, id);
  changed.title = "Bevestiging";
  EXPECT_EQ(store_->UpdateStandardReply(changed, 20), ReplyWrite::kDone);
  EXPECT_EQ(store_->GetStandardReply(1, id)->title, "Bevestiging");
  changed.bureau_id = *other;  // another bureau cannot change it
  changed.title = "Overgenomen";
  EXPECT_EQ(store_->UpdateStandardReply(changed, 21), ReplyWrite::kNotFound);
  EXPECT_EQ(store_->SetStandardReplyRetired(*other, id, true, 22), ReplyWrite::kNotFound);
  EXPECT_EQ(store_->SetStandardReplyRetired(1, id, true, 23), ReplyWrite::kDone);
  EXPECT_EQ(store_->GetStandardReply(1, id)->retired_at, 23);
  EXPECT_EQ(store_->SetStandardReplyRetired(1, id, false, 24), ReplyWrite::kDone);
  EXPECT_FALSE(store_->GetStandardReply(1, id)->retired_at);
}

TEST_F(StandardReplyStoreTest, AtMostTheLimitPerBureau) {
  for (long long i = 0; i < kMaxStandardRepliesPerBureau; ++i) {
    ASSERT_EQ(store_->AddStandardReply(Reply(1, "Tekst " + std::to_string(i), "nl"), i),
              ReplyWrite::kDone);
  }
  EXPECT_EQ(store_->AddStandardReply(Reply(1, "Nog een", "nl"), 200), ReplyWrite::kTooMany);
}

TEST_F(StandardReplyStoreTest, AReportWithoutEmailsIsReadInDutch) {
  EXPECT_EQ(store_->ReporterLanguage(12345), "nl");
}

}  // namespace
}  // namespace meldpunt
