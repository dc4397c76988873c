// The mail outbox in the SQLite store: what is queued for whom, claims with leases, retries, and
// that addresses leave the outbox once a mail is done.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class OutboxStoreTest : public SqliteStoreFixture {
 protected:
  OutboxStoreTest() : SqliteStoreFixture(KeyOf(3), std::nullopt) {}
  long long AddReport(std::optional<Contact> contact) {
    NewReport report =
        TestReport("Nothing of this goes into an e-mail", "GM0363", "unknown", "", contact);
    return store_->AddReport(report, kNow).id;
  }
  std::string FileBytes() {
    std::string bytes;
    for (const auto* suffix : {"", "-wal"}) {
      std::ifstream in((dir_ / "m.db").string() + suffix, std::ios::binary);
      bytes += std::string((std::istreambuf_iterator<char>(in)), {});
    }
    return bytes;
  }

  static constexpr long long kNow = 1790000000;
};

TEST_F(OutboxStoreTest, QueuesOneConfirmationForAReporterWithAnEmailAddress) {
  long long with_email = AddReport(Contact{"Ann", "ann@example.nl", ""});
  long long phone_only = AddReport(Contact{"Bob", "", "0612345678"});
  long long anonymous = AddReport(std::nullopt);
  EXPECT_TRUE(store_->EnqueueReporterMail(with_email, MailKind::kConfirmation, "en", kNow));
  EXPECT_TRUE(store_->EnqueueReporterMail(with_email, MailKind::kConfirmation, "en", kNow));
  EXPECT_FALSE(store_->EnqueueReporterMail(phone_only, MailKind::kConfirmation, "nl", kNow));
  EXPECT_FALSE(store_->EnqueueReporterMail(anonymous, MailKind::kConfirmation, "nl", kNow));
  EXPECT_FALSE(store_->EnqueueReporterMail(9999, MailKind::kNotice, "nl", kNow));
  EXPECT_EQ(store_->CountOutbox().pending, 1);

  auto mail = store_->ClaimDueMail(kNow, kNow + 60);
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->kind, MailKind::kConfirmation);
  EXPECT_EQ(mail->recipient, "ann@example.nl");
  EXPECT_EQ(mail->lang, "en");
  EXPECT_EQ(mail->created_at, kNow);
  EXPECT_EQ(mail->attempts, 1);
  // Held by this sender: nobody else gets it while the lease runs.
  EXPECT_FALSE(store_->ClaimDueMail(kNow + 1, kNow + 61));
  // The address is stored encrypted.
  EXPECT_EQ(FileBytes().find("ann@example.nl"), std::string::npos);
}

TEST_F(OutboxStoreTest, ANoticeTakesTheLanguageOfTheReportersEarlierMail) {
  long long english = AddReport(Contact{"", "en@example.nl", ""});
  long long never_mailed = AddReport(Contact{"", "nl@example.nl", ""});
  store_->EnqueueReporterMail(english, MailKind::kConfirmation, "en", kNow);
  EXPECT_TRUE(store_->EnqueueReporterMail(english, MailKind::kNotice, "", kNow + 1));
  EXPECT_TRUE(store_->EnqueueReporterMail(english, MailKind::kNotice, "", kNow + 2));
  EXPECT_TRUE(store_->EnqueueReporterMail(never_mailed, MailKind::kNotice, "", kNow + 3));
  std::vector<OutboxMail> mails;
  while (auto mail = store_->ClaimDueMail(kNow + 10, kNow + 70)) mails.push_back(*mail);
  ASSERT_EQ(mails.size(), 4u);  // notices are not merged: each message gets its own
  EXPECT_EQ(mails[1].kind, MailKind::kNotice);
  EXPECT_EQ(mails[1].lang, "en");
  EXPECT_EQ(mails[2].lang, "en");
  EXPECT_EQ(mails[3].lang, "nl");
  EXPECT_EQ(mails[3].recipient, "nl@example.nl");
}

TEST_F(OutboxStoreTest, RetriesAtTheTimeGivenAndForgetsTheAddressWhenDone) {
  long long a = AddReport(Contact{"", "a@example.nl", ""});
  long long b = AddReport(Contact{"", "b@example.nl", ""});
  store_->EnqueueReporterMail(a, MailKind::kConfirmation, "nl", kNow);
  store_->EnqueueReporterMail(b, MailKind::kConfirmation, "nl", kNow);

  auto first = store_->ClaimDueMail(kNow, kNow + 60);
  ASSERT_TRUE(first);
  store_->RetryMail(first->id, kNow + 30, "connection refused");
  auto second = store_->ClaimDueMail(kNow, kNow + 60);
  ASSERT_TRUE(second);
  EXPECT_NE(second->id, first->id);
  store_->MarkMailSent(second->id, kNow + 1);
  EXPECT_FALSE(store_->ClaimDueMail(kNow + 29, kNow + 89));  // not due yet
  auto again = store_->ClaimDueMail(kNow + 30, kNow + 90);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->attempts, 2);
  EXPECT_EQ(again->recipient, "a@example.nl");
  store_->MarkMailFailed(again->id, kNow + 31, "gave up");

  auto counts = store_->CountOutbox();
  EXPECT_EQ(counts.pending, 0);
  EXPECT_EQ(counts.sent, 1);
  EXPECT_EQ(counts.failed, 1);
  EXPECT_FALSE(counts.oldest_pending_at);
  EXPECT_FALSE(store_->ClaimDueMail(kNow + 100000, kNow + 100060));
}

TEST_F(OutboxStoreTest, AnExpiredLeaseLetsAnotherSenderTakeTheMail) {
  long long a = AddReport(Contact{"", "a@example.nl", ""});
  store_->EnqueueReporterMail(a, MailKind::kConfirmation, "nl", kNow);
  ASSERT_TRUE(store_->ClaimDueMail(kNow, kNow + 60));  // this sender then died
  EXPECT_FALSE(store_->ClaimDueMail(kNow + 60, kNow + 120));
  auto taken = store_->ClaimDueMail(kNow + 61, kNow + 121);
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->attempts, 2);
  EXPECT_EQ(store_->CountOutbox().oldest_pending_at, kNow);
}

}  // namespace
}  // namespace meldpunt
