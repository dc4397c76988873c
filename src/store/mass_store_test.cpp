// Mass-report events on a real SQLite file: linking many reports in one go with a case event and
// a new version each, finding what to link, one answer to all of them, bulk changes that skip a
// case changed meanwhile, and figures with and without the linked reports.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"

namespace meldpunt {
namespace {

constexpr long long kNow = 1'800'000'000;  // in 2027

class MassStore : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSodium();
    dir_ = std::filesystem::temp_directory_path() / ("meldpunt-mass-" + RandomToken(6));
    Key key;
    key.fill(7);
    store_ = OpenStore("sqlite:" + (dir_ / "m.db").string(), key);
    ASSERT_TRUE(store_->AddUser({"c@example.nl", "x", StaffRole::kCoordinator, 1, ""}, 1));
    staff_ = store_->FindUser("c@example.nl")->id;
    other_bureau_ = *store_->AddBureau("ADV Utrecht", 1);
    ASSERT_TRUE(store_->AddToWorkingArea(other_bureau_, {"GM0344"}));
    event_ = *store_->AddMassEvent(
        {1, "Uitspraak in talkshow", "NPO 1, 3 maart", "2027-01-10", staff_}, kNow);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  RegisteredReport Add(const std::string& nature = "public_statement",
                       const std::string& incident = "none", long long at = kNow,
                       std::optional<Contact> contact = std::nullopt) {
    NewReport report = TestReport("Ik zag de uitzending.", incident, "unknown", "", contact);
    report.nature = nature;
    report.domain = "media";
    return store_->AddReport(report, at);
  }
  static ParsedReference Ref(const RegisteredReport& r) { return *ParseReference(r.reference); }
  // Closing as registration only, as bulk closing does.
  CaseChange Close(long long id, long long version) const {
    CaseChange change;
    change.report_id = id;
    change.staff_user_id = staff_;
    change.expected_version = version;
    change.kind = CaseEventKind::kClosed;
    change.detail = "registration_only;registration_only";
    change.step = CaseStep::kClosed;
    change.close = std::make_pair(std::vector<std::string>{"registration_only"},
                                  std::string("registration_only"));
    return change;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  long long staff_ = 0;
  long long other_bureau_ = 0;
  long long event_ = 0;
};

TEST_F(MassStore, EventsAreUniquePerBureauAndListedWithTheirCounts) {
  EXPECT_FALSE(store_->AddMassEvent({1, "Uitspraak in talkshow", "", "2027-01-10", staff_}, kNow));
  EXPECT_TRUE(store_->AddMassEvent(
      {other_bureau_, "Uitspraak in talkshow", "", "2027-01-10", staff_}, kNow));
  auto a = Add(), b = Add();
  ASSERT_EQ(store_->LinkReports(event_, {Ref(a), Ref(b)}, staff_, kNow + 1).linked, 2);
  ASSERT_TRUE(store_->ApplyCaseChange(Close(a.id, 1), kNow + 2));
  auto events = store_->ListMassEvents(1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "Uitspraak in talkshow");
  EXPECT_EQ(events[0].description, "NPO 1, 3 maart");
  EXPECT_EQ(events[0].started_on, "2027-01-10");
  EXPECT_EQ(events[0].created_by_email, "c@example.nl");
  EXPECT_EQ(events[0].linked, 2);
  EXPECT_EQ(events[0].open, 1);
  EXPECT_EQ(events[0].closed, 1);
  EXPECT_EQ(store_->GetMassEvent(event_)->linked, 2);
  EXPECT_FALSE(store_->GetMassEvent(999));
}

TEST_F(MassStore, LinkingTakesOnlyReportsOfTheBureauAndNoneOfAnotherEvent) {
  auto mine = Add(), also = Add();
  auto elsewhere = Add("public_statement", "GM0344");  // the other bureau's
  ASSERT_EQ(elsewhere.bureau_id, other_bureau_);
  auto second = *store_->AddMassEvent({1, "Tweede", "", "2027-01-11", staff_}, kNow);
  ASSERT_EQ(store_->LinkReports(second, {Ref(also)}, staff_, kNow).linked, 1);
  ParsedReference wrong_year = Ref(mine);
  wrong_year.year -= 1;
  auto result = store_->LinkReports(
      event_, {Ref(mine), Ref(mine), Ref(also), Ref(elsewhere), wrong_year, {2027, 999}}, staff_,
      kNow + 5);
  EXPECT_EQ(result.linked, 1);
  EXPECT_EQ(result.already_linked, std::vector<std::string>{mine.reference});
  EXPECT_EQ(result.other_event, std::vector<std::string>{also.reference});
  EXPECT_EQ(result.not_found.size(), 3u);
  EXPECT_FALSE(result.event_full);

  auto linked = store_->ListMassEventReports(event_);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].reference, mine.reference);
  EXPECT_EQ(linked[0].case_version, 1);
  auto history = store_->ListCaseEvents(mine.id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].kind, CaseEventKind::kLinked);
  EXPECT_EQ(history[0].code, "linked");
  EXPECT_EQ(history[0].detail, std::to_string(event_));
  EXPECT_EQ(history[0].staff_email, "c@example.nl");
  EXPECT_THROW(store_->LinkReports(999, {Ref(mine)}, staff_, kNow), StoreError);
}

TEST_F(MassStore, UnlinkingRecordsItAndBumpsTheVersion) {
  auto a = Add(), b = Add();
  store_->LinkReports(event_, {Ref(a), Ref(b)}, staff_, kNow);
  EXPECT_EQ(store_->UnlinkReports(event_, {a.id, 999, a.id}, staff_, kNow + 1), 1);
  auto linked = store_->ListMassEventReports(event_);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].id, b.id);
  EXPECT_EQ(store_->GetReport(a.id)->case_version, 2);
  auto history = store_->ListCaseEvents(a.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].code, "unlinked");
  // Unlinked, it can be found and linked again.
  MassReportFilter filter{1, kNow - 10, kNow + 10, "", "", ""};
  EXPECT_EQ(store_->CountUnlinkedReports(filter), 1);
}

TEST_F(MassStore, ACaseHandedToAnotherBureauLeavesItsEvent) {
  auto a = Add(), b = Add();
  store_->LinkReports(event_, {Ref(a), Ref(b)}, staff_, kNow);
  ASSERT_TRUE(store_->MoveReport(a.id, other_bureau_));
  auto linked = store_->ListMassEventReports(event_);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].id, b.id);
}

TEST_F(MassStore, TheFilterFindsUnlinkedReportsByDateAndCodes) {
  auto first = Add("public_statement", "none", kNow - 86400);
  auto second = Add("public_statement", "none", kNow);
  auto hostile = Add("hostile_treatment", "none", kNow);
  Add("public_statement", "GM0344", kNow);  // the other bureau's
  auto later = Add("public_statement", "none", kNow + 3 * 86400);
  MassReportFilter all{1, kNow - 86400, kNow + 86400, "", "", ""};
  EXPECT_EQ(store_->CountUnlinkedReports(all), 3);
  MassReportFilter statements = all;
  statements.nature = "public_statement";
  statements.domain = "media";
  statements.ground = "religion.anti_muslim";
  EXPECT_EQ(store_->CountUnlinkedReports(statements), 2);
  auto found = store_->FindUnlinkedReports(statements, 10);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].number, first.id);  // oldest first
  EXPECT_EQ(store_->FindUnlinkedReports(statements, 1).size(), 1u);
  statements.ground = "age";
  EXPECT_EQ(store_->CountUnlinkedReports(statements), 0);
  statements.ground = "";
  statements.domain = "labour";
  EXPECT_EQ(store_->CountUnlinkedReports(statements), 0);
  // Linked reports are not found again.
  store_->LinkReports(event_, {Ref(second)}, staff_, kNow);
  EXPECT_EQ(store_->CountUnlinkedReports(all), 2);
  (void)hostile;
  (void)later;
}

TEST_F(MassStore, OneAnswerReachesEveryLinkedReportOnce) {
  auto anonymous = Add();
  auto named =
      Add("public_statement", "none", kNow, Contact{"Ann", "ann@example.nl", "", "email", "", ""});
  auto unlinked = Add();
  store_->LinkReports(event_, {Ref(anonymous), Ref(named)}, staff_, kNow);
  MassMessage message{event_, staff_, "Dank voor uw melding over de uitzending.",
                      "key-of-the-form-0001"};
  auto sent = store_->SendMassMessage(message, kNow + 10);
  EXPECT_FALSE(sent.duplicate);
  EXPECT_EQ(sent.recipients, 2);
  EXPECT_EQ(sent.notices, 1);
  for (const auto& report : {anonymous, named}) {
    auto thread = store_->ListMessages(report.id);
    ASSERT_EQ(thread.size(), 1u);
    EXPECT_EQ(thread[0].body, "Dank voor uw melding over de uitzending.");
    EXPECT_EQ(thread[0].author, MessageAuthor::kBureau);
    EXPECT_EQ(thread[0].staff_email, "c@example.nl");
  }
  EXPECT_TRUE(store_->ListMessages(unlinked.id).empty());
  auto mail = store_->ClaimDueMail(kNow + 10, kNow + 70);
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->kind, MailKind::kNotice);
  EXPECT_EQ(mail->recipient, "ann@example.nl");
  EXPECT_EQ(mail->lang, "nl");
  // The same form again sends nothing and says what the first one did.
  auto again = store_->SendMassMessage(message, kNow + 11);
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.recipients, 2);
  EXPECT_EQ(store_->ListMessages(named.id).size(), 1u);
}

TEST_F(MassStore, BulkChangesApplyEachAtItsOwnVersion) {
  auto a = Add(), b = Add(), c = Add();
  store_->LinkReports(event_, {Ref(a), Ref(b), Ref(c)}, staff_, kNow);
  // b was changed by a colleague after the bulk form was made.
  CaseChange step;
  step.report_id = b.id;
  step.staff_user_id = staff_;
  step.expected_version = 1;
  step.kind = CaseEventKind::kStep;
  step.code = "first_analysis";
  step.step = CaseStep::kFirstAnalysis;
  ASSERT_TRUE(store_->ApplyCaseChange(step, kNow + 1));
  auto applied = store_->ApplyCaseChanges({Close(a.id, 1), Close(b.id, 1), Close(c.id, 1)}, kNow);
  EXPECT_EQ(applied, (std::vector<bool>{true, false, true}));
  EXPECT_EQ(store_->GetReport(a.id)->step, CaseStep::kClosed);
  EXPECT_EQ(store_->GetReport(a.id)->handlings, std::vector<std::string>{"registration_only"});
  EXPECT_EQ(store_->GetReport(b.id)->step, CaseStep::kFirstAnalysis);
  EXPECT_EQ(store_->ListCaseEvents(c.id).back().kind, CaseEventKind::kClosed);
  EXPECT_EQ(store_->GetMassEvent(event_)->closed, 2);
}

TEST_F(MassStore, FiguresComeWithAndWithoutMassReports) {
  auto a = Add("public_statement", "none"), b = Add("public_statement", "GM0363");
  Add("public_statement", "GM0363");
  store_->LinkReports(event_, {Ref(a), Ref(b)}, staff_, kNow);
  auto total = [](const std::vector<MunicipalityCount>& counts) {
    long long n = 0;
    for (const auto& c : counts) n += c.incident;
    return n;
  };
  EXPECT_EQ(total(store_->CountByMunicipality(2027)), 3);
  EXPECT_EQ(total(store_->CountByMunicipality(2027, MassReports::kExcluded)), 1);
  auto mass = store_->CountMassReports(2027);
  ASSERT_EQ(mass.size(), 1u);
  EXPECT_EQ(mass[0].name, "Uitspraak in talkshow");
  EXPECT_EQ(mass[0].reports, 2);
  EXPECT_TRUE(store_->CountMassReports(2026).empty());
}

}  // namespace
}  // namespace meldpunt
