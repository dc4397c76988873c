// Mass-report events on a real SQLite file: linking many reports in one go with a case event and
// a new version each, finding what to link, one answer to all of them, bulk changes that skip a
// case changed meanwhile, and figures with and without the linked reports. An event is the
// installation's: two bureaus link their own reports to it, and neither touches the other's.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

constexpr long long kNow = 1'800'000'000;  // in 2027

class MassStore : public SqliteStoreFixture {
 protected:
  MassStore() : SqliteStoreFixture(KeyOf(7), std::nullopt) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    ASSERT_TRUE(store_->AddUser({"c@example.nl", "x", StaffRole::kCoordinator, 1, ""}, 1));
    staff_ = store_->FindUser("c@example.nl")->id;
    other_bureau_ = *store_->AddBureau("ADV Utrecht", 1);
    ASSERT_TRUE(store_->AddToWorkingArea(other_bureau_, {"GM0344"}));
    ASSERT_TRUE(
        store_->AddUser({"c2@example.nl", "x", StaffRole::kCoordinator, other_bureau_, ""}, 1));
    other_staff_ = store_->FindUser("c2@example.nl")->id;
    event_ = *store_->AddMassEvent(
        {1, "Uitspraak in talkshow", "NPO 1, 3 maart", "2027-01-10", staff_}, kNow);
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

  long long staff_ = 0;
  long long other_bureau_ = 0;
  long long other_staff_ = 0;
  long long event_ = 0;
};

TEST_F(MassStore, EventsAreUniqueInTheInstallationAndEveryBureauListsThem) {
  // One burst, one event: another bureau cannot make a second one of the same name.
  EXPECT_FALSE(store_->AddMassEvent({1, "Uitspraak in talkshow", "", "2027-01-10", staff_}, kNow));
  EXPECT_FALSE(store_->AddMassEvent(
      {other_bureau_, "Uitspraak in talkshow", "", "2027-01-10", other_staff_}, kNow));
  auto a = Add(), b = Add();
  ASSERT_EQ(store_->LinkReports(event_, 1, {Ref(a), Ref(b)}, staff_, kNow + 1).linked, 2);
  ASSERT_TRUE(store_->ApplyCaseChange(Close(a.id, 1), kNow + 2));
  auto events = store_->ListMassEvents(1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "Uitspraak in talkshow");
  EXPECT_EQ(events[0].bureau_id, 1);
  EXPECT_EQ(events[0].bureau_name, store_->ListBureaus().front().name);
  EXPECT_EQ(events[0].description, "NPO 1, 3 maart");
  EXPECT_EQ(events[0].started_on, "2027-01-10");
  EXPECT_EQ(events[0].created_by_email, "c@example.nl");
  EXPECT_EQ(events[0].linked, 2);
  EXPECT_EQ(events[0].open, 1);
  EXPECT_EQ(events[0].closed, 1);
  EXPECT_EQ(events[0].linked_elsewhere, 0);
  EXPECT_EQ(store_->GetMassEvent(event_, 1)->linked, 2);
  EXPECT_FALSE(store_->GetMassEvent(999, 1));
  // The other bureau sees the same event, with none of its own reports and two of others.
  auto seen_elsewhere = store_->ListMassEvents(other_bureau_);
  ASSERT_EQ(seen_elsewhere.size(), 1u);
  EXPECT_EQ(seen_elsewhere[0].id, event_);
  EXPECT_EQ(seen_elsewhere[0].bureau_id, 1);
  EXPECT_EQ(seen_elsewhere[0].linked, 0);
  EXPECT_EQ(seen_elsewhere[0].open, 0);
  EXPECT_EQ(seen_elsewhere[0].closed, 0);
  EXPECT_EQ(seen_elsewhere[0].linked_elsewhere, 2);
}

TEST_F(MassStore, LinkingTakesOnlyReportsOfTheLinkingBureauAndNoneOfAnotherEvent) {
  auto mine = Add(), also = Add();
  auto elsewhere = Add("public_statement", "GM0344");  // the other bureau's
  ASSERT_EQ(elsewhere.bureau_id, other_bureau_);
  auto second = *store_->AddMassEvent({1, "Tweede", "", "2027-01-11", staff_}, kNow);
  ASSERT_EQ(store_->LinkReports(second, 1, {Ref(also)}, staff_, kNow).linked, 1);
  ParsedReference wrong_year = Ref(mine);
  wrong_year.year -= 1;
  auto result = store_->LinkReports(
      event_, 1, {Ref(mine), Ref(mine), Ref(also), Ref(elsewhere), wrong_year, {2027, 999}}, staff_,
      kNow + 5);
  EXPECT_EQ(result.linked, 1);
  EXPECT_EQ(result.already_linked, std::vector<std::string>{mine.reference});
  EXPECT_EQ(result.other_event, std::vector<std::string>{also.reference});
  EXPECT_EQ(result.not_found.size(), 3u);
  EXPECT_FALSE(result.event_full);

  auto linked = store_->ListMassEventReports(event_, 1);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].reference, mine.reference);
  EXPECT_EQ(linked[0].case_version, 1);
  auto history = store_->ListCaseEvents(mine.id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].kind, CaseEventKind::kLinked);
  EXPECT_EQ(history[0].code, "linked");
  EXPECT_EQ(history[0].detail, std::to_string(event_));
  EXPECT_EQ(history[0].staff_email, "c@example.nl");
  EXPECT_TRUE(store_->ListCaseEvents(elsewhere.id).empty());
  EXPECT_THROW(store_->LinkReports(999, 1, {Ref(mine)}, staff_, kNow), StoreError);
}

TEST_F(MassStore, TwoBureausLinkTheirOwnReportsToOneEventAndNeverTheOthers) {
  auto mine = Add();
  auto theirs = Add("public_statement", "GM0344");  // routed to the other bureau
  ASSERT_EQ(theirs.bureau_id, other_bureau_);
  // The other bureau links its report to bureau 1's event, and cannot link bureau 1's: that
  // one is "not found", as if it did not exist.
  auto result =
      store_->LinkReports(event_, other_bureau_, {Ref(theirs), Ref(mine)}, other_staff_, kNow + 1);
  EXPECT_EQ(result.linked, 1);
  EXPECT_EQ(result.not_found, std::vector<std::string>{mine.reference});
  EXPECT_TRUE(store_->ListCaseEvents(mine.id).empty());
  EXPECT_EQ(store_->GetReport(mine.id)->case_version, 0);
  ASSERT_EQ(store_->LinkReports(event_, 1, {Ref(mine)}, staff_, kNow + 2).linked, 1);

  // Each bureau reads its own reports on the event and counts the other's.
  auto for_one = store_->ListMassEventReports(event_, 1);
  ASSERT_EQ(for_one.size(), 1u);
  EXPECT_EQ(for_one[0].id, mine.id);
  auto for_other = store_->ListMassEventReports(event_, other_bureau_);
  ASSERT_EQ(for_other.size(), 1u);
  EXPECT_EQ(for_other[0].id, theirs.id);
  EXPECT_EQ(store_->GetMassEvent(event_, 1)->linked, 1);
  EXPECT_EQ(store_->GetMassEvent(event_, 1)->linked_elsewhere, 1);
  EXPECT_EQ(store_->GetMassEvent(event_, other_bureau_)->linked, 1);
  EXPECT_EQ(store_->GetMassEvent(event_, other_bureau_)->linked_elsewhere, 1);

  // Nor does it unlink bureau 1's report.
  EXPECT_EQ(store_->UnlinkReports(event_, other_bureau_, {mine.id}, other_staff_, kNow + 3), 0);
  EXPECT_EQ(store_->ListMassEventReports(event_, 1).size(), 1u);
  EXPECT_EQ(store_->ListCaseEvents(mine.id).size(), 1u);

  // Bureau 1's answer reaches bureau 1's reporter only; the other bureau answers its own.
  auto sent = store_->SendMassMessage(
      {event_, 1, staff_, "Antwoord van bureau 1.", "key-of-bureau-one-0001"}, kNow + 4);
  EXPECT_EQ(sent.recipients, 1);
  EXPECT_EQ(store_->ListMessages(mine.id).size(), 1u);
  EXPECT_TRUE(store_->ListMessages(theirs.id).empty());
  sent = store_->SendMassMessage(
      {event_, other_bureau_, other_staff_, "Antwoord van Utrecht.", "key-of-utrecht-00001"},
      kNow + 5);
  EXPECT_EQ(sent.recipients, 1);
  ASSERT_EQ(store_->ListMessages(theirs.id).size(), 1u);
  EXPECT_EQ(store_->ListMessages(theirs.id)[0].body, "Antwoord van Utrecht.");
  EXPECT_EQ(store_->ListMessages(mine.id).size(), 1u);

  // "Without mass reports" leaves out both, whichever bureau linked them; the event's line in
  // the figures counts both.
  auto total = [](const std::vector<MunicipalityCount>& counts) {
    long long n = 0;
    for (const auto& c : counts) n += c.incident;
    return n;
  };
  EXPECT_EQ(total(store_->CountByMunicipality(2027)), 2);
  EXPECT_EQ(total(store_->CountByMunicipality(2027, MassReports::kExcluded)), 0);
  auto mass = store_->CountMassReports(2027);
  ASSERT_EQ(mass.size(), 1u);
  EXPECT_EQ(mass[0].reports, 2);
  long long flagged = 0;
  for (const auto& fact : store_->ListReportFacts(2027, 2027, {"GM0344"})) flagged += fact.mass;
  EXPECT_EQ(flagged, 1);  // the other bureau's report, in the municipal report's read
}

TEST_F(MassStore, UnlinkingRecordsItAndBumpsTheVersion) {
  auto a = Add(), b = Add();
  store_->LinkReports(event_, 1, {Ref(a), Ref(b)}, staff_, kNow);
  EXPECT_EQ(store_->UnlinkReports(event_, 1, {a.id, 999, a.id}, staff_, kNow + 1), 1);
  auto linked = store_->ListMassEventReports(event_, 1);
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

TEST_F(MassStore, ACaseHandedToAnotherBureauStaysOnItsEventWithTheNewBureau) {
  auto a = Add(), b = Add();
  store_->LinkReports(event_, 1, {Ref(a), Ref(b)}, staff_, kNow);
  ASSERT_TRUE(store_->MoveReport(a.id, other_bureau_));
  auto linked = store_->ListMassEventReports(event_, 1);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].id, b.id);
  auto moved = store_->ListMassEventReports(event_, other_bureau_);
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].id, a.id);
  EXPECT_EQ(store_->CountMassReports(2027).at(0).reports, 2);  // still a mass report
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
  store_->LinkReports(event_, 1, {Ref(second)}, staff_, kNow);
  EXPECT_EQ(store_->CountUnlinkedReports(all), 2);
  (void)hostile;
  (void)later;
}

TEST_F(MassStore, OneAnswerReachesEveryLinkedReportOnce) {
  auto anonymous = Add();
  auto named =
      Add("public_statement", "none", kNow, Contact{"Ann", "ann@example.nl", "", "email", "", ""});
  auto unlinked = Add();
  store_->LinkReports(event_, 1, {Ref(anonymous), Ref(named)}, staff_, kNow);
  MassMessage message{event_, 1, staff_, "Dank voor uw melding over de uitzending.",
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
  store_->LinkReports(event_, 1, {Ref(a), Ref(b), Ref(c)}, staff_, kNow);
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
  EXPECT_EQ(store_->GetMassEvent(event_, 1)->closed, 2);
}

TEST_F(MassStore, FiguresComeWithAndWithoutMassReports) {
  auto a = Add("public_statement", "none"), b = Add("public_statement", "GM0363");
  Add("public_statement", "GM0363");
  store_->LinkReports(event_, 1, {Ref(a), Ref(b)}, staff_, kNow);
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
