// The outbox worker against a real SQLite store and a sender that fails on demand.
#include "mail/outbox_worker.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"

namespace meldpunt::mail {
namespace {

using namespace std::chrono_literals;

TEST(RetryDelay, DoublesFromTheBaseUpToTheMaximum) {
  RetryPolicy policy{30s, 3600s, 10};
  std::vector<long long> delays;
  for (int failed = 1; failed <= 9; ++failed) delays.push_back(RetryDelay(policy, failed).count());
  EXPECT_EQ(delays, (std::vector<long long>{30, 60, 120, 240, 480, 960, 1920, 3600, 3600}));
  EXPECT_EQ(RetryDelay(policy, 1000), 3600s);  // no overflow
  EXPECT_EQ(RetryDelay(RetryPolicy{1s, 60s, 10}, 3), 4s);
}

struct Sent {
  std::string from, to, message;
};

class FakeSender : public MailSender {
 public:
  std::optional<SendError> Send(const std::string& from, const std::string& to,
                                const std::string& message, const std::atomic<bool>&) override {
    std::lock_guard lock(mutex);
    ++attempts;
    if (failures_left > 0) {
      --failures_left;
      return SendError{"connection refused"};
    }
    sent.push_back({from, to, message});
    return std::nullopt;
  }
  std::mutex mutex;
  int failures_left = 0;
  int attempts = 0;
  std::vector<Sent> sent;
};

class Outbox : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSodium();
    dir_ = std::filesystem::temp_directory_path() / ("meldpunt-worker-" + RandomToken(6));
    Key key;
    key.fill(4);
    store_ = OpenStore("sqlite:" + (dir_ / "m.db").string(), key);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  long long Report(const std::string& email) {
    NewReport report =
        TestReport("Secret-description-text", "GM0363", "unknown", "", Contact{"Ann", email, ""});
    return store_->AddReport(report, now_).id;
  }
  std::unique_ptr<OutboxWorker> Worker(RetryPolicy retry = {30s, 3600s, 10}) {
    OutboxOptions options{
        {"Meldpunt", "meldpunt@example.nl"}, "https://meldpunt.example.nl", retry};
    return std::make_unique<OutboxWorker>(
        *store_, sender_, [](std::string_view, std::string_view id) { return std::string(id); },
        options, [this] { return now_.load(); });
  }

  std::atomic<long long> now_ = 1790000000;
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  FakeSender sender_;
};

TEST_F(Outbox, SendsTheConfirmationWithoutAnythingFromTheReport) {
  long long id = Report("ann@example.nl");
  ASSERT_TRUE(store_->EnqueueReporterMail(id, MailKind::kConfirmation, "en", now_));
  EXPECT_EQ(Worker()->SendDue(), 1);
  ASSERT_EQ(sender_.sent.size(), 1u);
  const Sent& mail = sender_.sent[0];
  EXPECT_EQ(mail.from, "meldpunt@example.nl");
  EXPECT_EQ(mail.to, "ann@example.nl");
  EXPECT_NE(mail.message.find("\r\nTo: ann@example.nl\r\n"), std::string::npos);
  EXPECT_NE(mail.message.find("Subject: We received your report\r\n"), std::string::npos);
  EXPECT_NE(mail.message.find("https://meldpunt.example.nl/melden/volgen"), std::string::npos);
  EXPECT_EQ(mail.message.find("Secret-description-text"), std::string::npos);
  EXPECT_EQ(mail.message.find("MP-"), std::string::npos);  // not even the reference
  EXPECT_EQ(store_->CountOutbox().sent, 1);
  EXPECT_EQ(Worker()->SendDue(), 0);  // sent once
}

TEST_F(Outbox, RetriesWithBackoffUntilTheServerTakesIt) {
  store_->EnqueueReporterMail(Report("ann@example.nl"), MailKind::kNotice, "nl", now_);
  sender_.failures_left = 2;
  auto worker = Worker();
  EXPECT_EQ(worker->SendDue(), 1);  // attempt 1 fails: again in 30 s
  now_ += 29;
  EXPECT_EQ(worker->SendDue(), 0);
  now_ += 1;
  EXPECT_EQ(worker->SendDue(), 1);  // attempt 2 fails: again in 60 s
  now_ += 59;
  EXPECT_EQ(worker->SendDue(), 0);
  now_ += 1;
  EXPECT_EQ(worker->SendDue(), 1);  // attempt 3 succeeds
  EXPECT_EQ(sender_.attempts, 3);
  EXPECT_EQ(sender_.sent.size(), 1u);
  EXPECT_EQ(store_->CountOutbox().pending, 0);
}

TEST_F(Outbox, GivesUpAfterTheLastAttempt) {
  store_->EnqueueReporterMail(Report("ann@example.nl"), MailKind::kConfirmation, "nl", now_);
  sender_.failures_left = 100;
  auto worker = Worker({1s, 60s, 3});
  for (int i = 0; i < 10; ++i) {
    worker->SendDue();
    now_ += 60;
  }
  EXPECT_EQ(sender_.attempts, 3);
  auto counts = store_->CountOutbox();
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(counts.pending, 0);
}

TEST_F(Outbox, AnAddressThatCannotBeSentIsGivenUpAtOnce) {
  // The form accepts this address; SMTP without SMTPUTF8 cannot carry it.
  store_->EnqueueReporterMail(Report("jürgen@example.de"), MailKind::kConfirmation, "nl", now_);
  EXPECT_EQ(Worker()->SendDue(), 1);
  EXPECT_EQ(sender_.attempts, 0);
  EXPECT_EQ(store_->CountOutbox().failed, 1);
}

TEST_F(Outbox, TheThreadSendsWhenWokenAndStops) {
  auto worker = Worker();
  worker->Start();
  store_->EnqueueReporterMail(Report("ann@example.nl"), MailKind::kConfirmation, "nl", now_);
  worker->Wake();
  for (int i = 0; i < 500 && store_->CountOutbox().sent == 0; ++i)
    std::this_thread::sleep_for(10ms);
  EXPECT_EQ(store_->CountOutbox().sent, 1);
  worker->Stop();
}

}  // namespace
}  // namespace meldpunt::mail
