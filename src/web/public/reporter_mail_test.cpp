#include "web/public/reporter_mail.hpp"

#include <gtest/gtest.h>

#include "domain/reports/test_report.hpp"
#include "store/mail_outbox.hpp"
#include "store/outbox_store.hpp"
#include "store/report_store.hpp"
#include "web/common/test_app.hpp"

namespace meldpunt::web {
namespace {

NewReport Report(std::optional<Contact> contact) {
  return TestReport("Described in detail", "GM0363", "unknown", "", contact);
}

TEST(ReporterMail, ConfirmationOnceAndANoticePerMessageInTheReportersLanguage) {
  TestApp test;
  const AppContext& app = test.app();
  auto stored = app.reports.AddReport(Report(Contact{"", "ann@example.nl", ""}), app.now());
  QueueReportConfirmation(app, stored, Lang::kEn);
  stored.duplicate = true;  // the same form again
  QueueReportConfirmation(app, stored, Lang::kEn);
  EXPECT_EQ(app.outbox.CountOutbox().pending, 1);

  EXPECT_TRUE(QueueReporterNotice(app, stored.id));
  EXPECT_TRUE(QueueReporterNotice(app, stored.id));
  EXPECT_EQ(app.outbox.CountOutbox().pending, 3);
  std::vector<OutboxMail> mails;
  while (auto mail = app.outbox.ClaimDueMail(app.now(), app.now() + 60)) mails.push_back(*mail);
  ASSERT_EQ(mails.size(), 3u);
  EXPECT_EQ(mails[0].kind, MailKind::kConfirmation);
  for (const auto& mail : mails) {
    EXPECT_EQ(mail.lang, "en");
    EXPECT_EQ(mail.recipient, "ann@example.nl");
  }
  EXPECT_EQ(mails[2].kind, MailKind::kNotice);
}

TEST(ReporterMail, NothingForReportersWithoutAnEmailAddress) {
  TestApp test;
  const AppContext& app = test.app();
  auto anonymous = app.reports.AddReport(Report(std::nullopt), app.now());
  auto phone = app.reports.AddReport(Report(Contact{"Bob", "", "0612345678"}), app.now());
  QueueReportConfirmation(app, anonymous, Lang::kNl);
  QueueReportConfirmation(app, phone, Lang::kNl);
  EXPECT_FALSE(QueueReporterNotice(app, anonymous.id));
  EXPECT_FALSE(QueueReporterNotice(app, phone.id));
  EXPECT_EQ(app.outbox.CountOutbox().pending, 0);
}

}  // namespace
}  // namespace meldpunt::web
