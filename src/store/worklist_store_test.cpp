// Work lists and search on a real SQLite file: the moments of many open cases read in one go,
// the same as from one case's history; every search filter, free text in decrypted fields, the
// cap on candidates, paging, and another bureau's reports never found.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "domain/cases/text_search.hpp"
#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store_fixture.hpp"
#include "web/cases/case_times.hpp"

namespace meldpunt {
namespace {

constexpr long long kT0 = 1'800'000'000;  // 2027-01-15

class WorklistStore : public SqliteStoreFixture {
 protected:
  WorklistStore() : SqliteStoreFixture(KeyOf(7), std::nullopt) {}
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    ASSERT_TRUE(store_->AddUser({"a@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
    ASSERT_TRUE(store_->AddUser({"b@example.nl", "x", StaffRole::kHandler, 1, ""}, 1));
    handler_a_ = store_->FindUser("a@example.nl")->id;
    handler_b_ = store_->FindUser("b@example.nl")->id;
    other_bureau_ = *store_->AddBureau("ADV Utrecht", 1);
    ASSERT_TRUE(store_->AddToWorkingArea(other_bureau_, {"GM0344"}));
  }
  // A complaint (it asks for advice) from a named reporter.
  RegisteredReport Complaint(const std::string& description, long long at,
                             const std::string& incident = "GM0363",
                             const std::string& name = "Fatima de Vries") {
    Contact contact{name, "melder@example.nl", "0612345678", "email", "", ""};
    return store_->AddReport(TestReport(description, incident, "GM0599", "", contact), at);
  }
  RegisteredReport Registration(const std::string& description, long long at,
                                const std::string& incident = "GM0363") {
    return store_->AddReport(TestReport(description, incident, "unknown"), at);
  }
  // Applies one change to a case as handler A, at the case's current version.
  void Apply(long long report_id, CaseChange change, long long at) {
    change.report_id = report_id;
    change.staff_user_id = handler_a_;
    change.expected_version = store_->GetReport(report_id)->case_version;
    ASSERT_TRUE(store_->ApplyCaseChange(change, at));
  }
  static CaseChange Event(CaseEventKind kind, std::string code = "") {
    CaseChange change;
    change.kind = kind;
    change.code = std::move(code);
    return change;
  }
  static CaseChange Note(std::string text) {
    CaseChange change = Event(CaseEventKind::kNote);
    change.text = std::move(text);
    return change;
  }
  static CaseChange Step(CaseStep step) {
    CaseChange change = Event(CaseEventKind::kStep, std::string(StepCode(step)));
    change.step = step;
    return change;
  }
  static CaseChange Close(std::vector<std::string> handlings) {
    CaseChange change = Event(CaseEventKind::kClosed);
    change.step = CaseStep::kClosed;
    change.close = std::make_pair(std::move(handlings), std::string("resolved"));
    return change;
  }
  void Assign(long long report_id, long long user, long long at) {
    CaseChange change = Event(CaseEventKind::kAssigned);
    change.assign = std::optional<long long>(user);
    Apply(report_id, change, at);
  }
  std::vector<long long> Ids(const ReportSearchResult& result) {
    std::vector<long long> ids;
    for (const auto& report : result.reports) ids.push_back(report.id);
    return ids;
  }
  ReportSearchResult Search(ReportSearch search, int limit = 50, int offset = 0, int cap = 5000) {
    if (search.bureau_id == 0) search.bureau_id = 1;
    return store_->SearchReports(search, limit, offset, cap);
  }

  long long handler_a_ = 0;
  long long handler_b_ = 0;
  long long other_bureau_ = 0;
};

TEST_F(WorklistStore, OpenCaseTimelinesAggregateTheSameAsOneCaseHistory) {
  auto a = Complaint("eerste", kT0);
  auto b = Complaint("tweede", kT0 + 10);
  auto registration = Registration("alleen registratie", kT0 + 20);
  auto closed = Complaint("gesloten", kT0 + 30);
  Complaint("ander bureau", kT0 + 40, "GM0344");
  store_->AddMessage(a.id, MessageAuthor::kReporter, std::nullopt, "vraag", kT0 + 100);
  store_->AddMessage(a.id, MessageAuthor::kBureau, handler_a_, "antwoord", kT0 + 200);
  store_->AddMessage(a.id, MessageAuthor::kBureau, handler_a_, "nog een", kT0 + 300);
  store_->AddMessage(a.id, MessageAuthor::kReporter, std::nullopt, "dank", kT0 + 400);
  Apply(a.id, Event(CaseEventKind::kMissedAppointment), kT0 + 500);
  Apply(a.id, Event(CaseEventKind::kContact, "reporter_responded"), kT0 + 600);
  Apply(a.id, Event(CaseEventKind::kMissedAppointment), kT0 + 700);
  Apply(a.id, Event(CaseEventKind::kLetterSent), kT0 + 750);
  Apply(a.id, Event(CaseEventKind::kAction, "letter_to_other_party"), kT0 + 800);
  Apply(a.id, Event(CaseEventKind::kAction, "listening_ear"), kT0 + 850);
  Apply(a.id, Event(CaseEventKind::kContact, "bureau_contacted"), kT0 + 860);
  Apply(a.id, Event(CaseEventKind::kReplyReceived), kT0 + 900);
  Apply(a.id, Note("geen termijn"), kT0 + 950);
  Assign(a.id, handler_a_, kT0 + 1000);
  Assign(b.id, handler_b_, kT0 + 1000);
  Apply(closed.id, Close({"advice"}), kT0 + 1100);

  auto all = store_->ListOpenCaseTimelines(1, std::nullopt);
  ASSERT_EQ(all.size(), 2u) << "open complaints of the bureau only";
  EXPECT_EQ(all[0].report_id, a.id);
  EXPECT_EQ(all[1].report_id, b.id);
  (void)registration;

  const CaseTimeline& t = all[0];
  EXPECT_EQ(t.reference, a.reference);
  EXPECT_EQ(t.first_bureau_message_at, kT0 + 200);
  EXPECT_EQ(t.last_reporter_message_at, kT0 + 400);
  EXPECT_EQ(t.first_contact_at, kT0 + 600);
  EXPECT_EQ(t.last_reporter_responded_at, kT0 + 600) << "not the bureau's later contact";
  EXPECT_EQ(t.last_missed_appointment_at, kT0 + 700);
  EXPECT_EQ(t.missed_appointments, 2);
  EXPECT_EQ(t.last_letter_sent_at, kT0 + 800);
  EXPECT_EQ(t.last_reply_received_at, kT0 + 900);
  EXPECT_EQ(t.assigned_to, handler_a_);
  EXPECT_EQ(all[1].first_bureau_message_at, std::nullopt);
  EXPECT_EQ(all[1].missed_appointments, 0);

  // The case page builds the same timeline from one case's history.
  auto report = *store_->GetReport(a.id);
  auto one = web::CaseTimelineOf(report, store_->ListCaseEvents(a.id), store_->ListMessages(a.id));
  EXPECT_EQ(one.first_bureau_message_at, t.first_bureau_message_at);
  EXPECT_EQ(one.last_reporter_message_at, t.last_reporter_message_at);
  EXPECT_EQ(one.first_contact_at, t.first_contact_at);
  EXPECT_EQ(one.last_reporter_responded_at, t.last_reporter_responded_at);
  EXPECT_EQ(one.last_missed_appointment_at, t.last_missed_appointment_at);
  EXPECT_EQ(one.missed_appointments, t.missed_appointments);
  EXPECT_EQ(one.last_letter_sent_at, t.last_letter_sent_at);
  EXPECT_EQ(one.last_reply_received_at, t.last_reply_received_at);
  EXPECT_EQ(one.assigned_to, t.assigned_to);
  EXPECT_EQ(one.reference, t.reference);

  auto mine = store_->ListOpenCaseTimelines(1, handler_a_);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].report_id, a.id);
  EXPECT_EQ(mine[0].missed_appointments, 2) << "aggregates with the assignee filter too";
  EXPECT_EQ(store_->ListOpenCaseTimelines(1, handler_b_).size(), 1u);
  EXPECT_TRUE(store_->ListOpenCaseTimelines(1, 9999).empty());
  EXPECT_EQ(store_->ListOpenCaseTimelines(other_bureau_, std::nullopt).size(), 1u);
}

TEST_F(WorklistStore, TheLastLetterGivesItsReplyDateAndALateRegistrationConfirmsReceiptThen) {
  auto a = Complaint("brief", kT0);
  auto letter = [](const std::string& detail) {
    CaseChange change = Event(CaseEventKind::kLetterSent, "letter_to_other_party");
    change.detail = detail;
    return change;
  };
  // Every read of the timelines must agree with the one the case page builds.
  auto both = [&](long long id) {
    auto all = store_->ListOpenCaseTimelines(1, std::nullopt);
    auto it =
        std::find_if(all.begin(), all.end(), [&](const auto& t) { return t.report_id == id; });
    EXPECT_NE(it, all.end());
    auto intake = store_->GetReportIntake(id);
    auto one = web::CaseTimelineOf(
        *store_->GetReport(id), store_->ListCaseEvents(id), store_->ListMessages(id),
        intake ? std::optional<long long>(intake->registered_at) : std::nullopt);
    EXPECT_EQ(one.last_letter_reply_by, it->last_letter_reply_by);
    EXPECT_EQ(one.last_letter_sent_at, it->last_letter_sent_at);
    EXPECT_EQ(one.registered_at, it->registered_at);
    return *it;
  };
  Apply(a.id, letter("5;2027-02-01"), kT0 + 100);
  EXPECT_EQ(both(a.id).last_letter_reply_by, *ParseIsoDate("2027-02-01"));
  Apply(a.id, Event(CaseEventKind::kAction, "letter_to_other_party"), kT0 + 200);
  EXPECT_EQ(both(a.id).last_letter_reply_by, std::nullopt)
      << "the last letter was recorded as an action: the bureau's reply term counts";
  Apply(a.id, letter("6;2027-03-01"), kT0 + 300);
  auto t = both(a.id);
  EXPECT_EQ(t.last_letter_sent_at, kT0 + 300);
  EXPECT_EQ(t.last_letter_reply_by, *ParseIsoDate("2027-03-01"));
  EXPECT_EQ(web::CaseTimesOf(t).reply_by, *ParseIsoDate("2027-03-01"));
  EXPECT_EQ(t.registered_at, std::nullopt) << "from the public form";
  EXPECT_EQ(web::CaseTimesOf(t).receipt_confirmed_at, kT0);

  // A letter that arrived twelve days ago, registered now: receipt is confirmed now.
  NewReport late = TestReport("per post", "GM0363", "GM0599", "",
                              Contact{"Jan", "", "0612345678", "phone", "", ""});
  late.wishes = {"advice"};
  late.channel = "letter";
  late.registered_by = handler_a_;
  late.received_at = kT0 - 12 * 86'400;
  auto registered = store_->AddReport(late, kT0 + 400);
  t = both(registered.id);
  EXPECT_EQ(t.reported_at, kT0 - 12 * 86'400);
  EXPECT_EQ(t.registered_at, kT0 + 400);
  EXPECT_EQ(web::CaseTimesOf(t).received_at, kT0 - 12 * 86'400) << "the terms count from receipt";
  EXPECT_EQ(web::CaseTimesOf(t).receipt_confirmed_at, kT0 + 400) << "confirmed when registered";
}

TEST_F(WorklistStore, SearchFiltersInSql) {
  auto a = Complaint("een", kT0, "GM0363");                  // Amsterdam, reporter in GM0599
  auto b = Registration("twee", kT0 + 86'400 * 10, "none");  // online
  auto c = Complaint("drie", kT0 + 86'400 * 20, "GM0599");
  auto elsewhere = Complaint("vier", kT0, "GM0344");
  Assign(a.id, handler_a_, kT0 + 5);
  Apply(c.id, Step(CaseStep::kFirstAnalysis), kT0 + 6);

  EXPECT_EQ(Ids(Search({})), (std::vector<long long>{c.id, b.id, a.id})) << "newest first";
  EXPECT_EQ(Search({}).total, 3);
  EXPECT_EQ(Ids(Search({.report_id = b.id})), (std::vector<long long>{b.id}));
  EXPECT_TRUE(Ids(Search({.report_id = b.id, .reported_year = 2020})).empty());
  EXPECT_TRUE(Ids(Search({.report_id = elsewhere.id})).empty()) << "another bureau's report";
  EXPECT_EQ(Ids(Search({.reported_from = kT0 + 86'400, .reported_until = kT0 + 86'400 * 15})),
            (std::vector<long long>{b.id}));
  EXPECT_EQ(Ids(Search({.municipality = "GM0599"})), (std::vector<long long>{c.id, a.id}))
      << "incident or residence";
  EXPECT_EQ(
      Ids(Search({.municipality = "GM0599", .municipality_field = MunicipalityField::kIncident})),
      (std::vector<long long>{c.id}));
  EXPECT_EQ(
      Ids(Search({.municipality = "GM0599", .municipality_field = MunicipalityField::kResidence})),
      (std::vector<long long>{c.id, a.id}));
  EXPECT_EQ(
      Ids(Search({.municipality = "GM0363", .municipality_field = MunicipalityField::kIncident})),
      (std::vector<long long>{a.id}));
  EXPECT_TRUE(
      Ids(Search({.municipality = "GM0363", .municipality_field = MunicipalityField::kResidence}))
          .empty());
  EXPECT_EQ(Search({.grounds = {"religion.anti_muslim"}}).total, 3);
  EXPECT_EQ(Search({.grounds = {"age"}}).total, 0);
  EXPECT_EQ(Search({.domain = "public_space", .nature = "hostile_treatment"}).total, 3);
  EXPECT_EQ(Search({.nature = "threat"}).total, 0);
  EXPECT_EQ(Ids(Search({.step = CaseStep::kFirstAnalysis})), (std::vector<long long>{c.id}));
  EXPECT_EQ(Search({.open_only = true}).total, 3);
  EXPECT_EQ(Ids(Search({.assigned_to = handler_a_})), (std::vector<long long>{a.id}));
  EXPECT_TRUE(Ids(Search({.assigned_to = handler_b_})).empty());
  EXPECT_EQ(Ids(Search({.unassigned = true})), (std::vector<long long>{c.id, b.id}));
  EXPECT_EQ(Ids(Search({.complaint = false})), (std::vector<long long>{b.id}));
  EXPECT_EQ(Ids(Search({.complaint = true})), (std::vector<long long>{c.id, a.id}));

  Apply(a.id, Close({"mediation", "advice"}), kT0 + 7);
  EXPECT_EQ(Ids(Search({.handling = "mediation"})), (std::vector<long long>{a.id}));
  EXPECT_TRUE(Ids(Search({.handling = "referral"})).empty());
  EXPECT_EQ(Search({.open_only = true}).total, 2);
  auto page = Search({}, 2, 2);
  EXPECT_EQ(Ids(page), (std::vector<long long>{a.id}));
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(page.reports[0].grounds.size(), 2u) << "reports come back whole";
  EXPECT_EQ(page.reports[0].handlings.size(), 2u);
}

TEST_F(WorklistStore, FreeTextIsFoundInDecryptedFieldsOnly) {
  auto cafe = Complaint("De portier van Café Ruïne hield me tegen.", kT0);
  auto named = Complaint("Iets anders.", kT0 + 1, "GM0363", "Jan Öztürk");
  auto noted = Complaint("Nog iets.", kT0 + 2);
  auto anonymous = Registration("Scheldwoorden in de tram.", kT0 + 3);
  auto elsewhere = Complaint("Ook café Ruïne, maar in Utrecht.", kT0 + 4, "GM0344");
  Apply(noted.id, Note("Wederpartij: woningcorporatie Zonnehuis"), kT0 + 5);

  auto text = [&](const std::string& term) {
    return Ids(Search({.folded_text = FoldForSearch(term)}));
  };
  EXPECT_EQ(text("cafe ruine"), (std::vector<long long>{cafe.id}));
  EXPECT_EQ(text("OZTURK"), (std::vector<long long>{named.id}));
  EXPECT_EQ(text("zonnehuis"), (std::vector<long long>{noted.id})) << "notes";
  EXPECT_EQ(text("tram"), (std::vector<long long>{anonymous.id}));
  EXPECT_EQ(text("0612345678").size(), 3u) << "phone numbers";
  EXPECT_EQ(text("melder@example.nl").size(), 3u) << "e-mail addresses";
  EXPECT_TRUE(text("utrecht").empty()) << "another bureau's report is never a candidate";
  EXPECT_TRUE(text("preference").empty()) << "the contact's JSON keys are not text";
  (void)elsewhere;
  // Free text together with other filters.
  EXPECT_EQ(Ids(Search({.complaint = false, .folded_text = FoldForSearch("iets")})),
            std::vector<long long>{});
  EXPECT_EQ(Search({.complaint = true, .folded_text = FoldForSearch("iets")}).total, 2);
}

TEST_F(WorklistStore, FreeTextReadsAtMostTheCapAndPages) {
  for (int i = 0; i < 7; ++i) Registration("gezocht " + std::to_string(i), kT0 + i);
  auto capped = Search({.folded_text = "gezocht"}, 2, 0, 5);
  EXPECT_TRUE(capped.capped);
  EXPECT_EQ(capped.total, 5) << "the 5 newest candidates were matched";
  EXPECT_EQ(capped.reports.size(), 2u);
  EXPECT_EQ(capped.reports[0].description, "gezocht 6");
  auto second = Search({.folded_text = "gezocht"}, 2, 2, 5);
  EXPECT_EQ(second.reports[0].description, "gezocht 4");
  auto all = Search({.folded_text = "gezocht"}, 50, 0, 7);
  EXPECT_FALSE(all.capped);
  EXPECT_EQ(all.total, 7);
}

// Timing for docs/benchmarks.md, not run by default:
//   build/release/meldpunt_unit_tests --gtest_also_run_disabled_tests
//     --gtest_filter='*DISABLED_SearchTenThousand*'
TEST_F(WorklistStore, DISABLED_SearchTenThousandReportsWithFreeText) {
  constexpr int kReports = 10000;
  std::vector<std::thread> writers;
  for (int w = 0; w < 8; ++w) {
    writers.emplace_back([&, w] {
      for (int i = w; i < kReports; i += 8) {
        std::string text =
            "Bij de sollicitatie werd gezegd dat mijn hoofddoek niet past bij het "
            "bedrijf. Melding nummer " +
            std::to_string(i) + ".";
        if (i % 1000 == 0) text += " Café Ruïne.";
        Complaint(text, kT0 + i);
      }
    });
  }
  for (auto& writer : writers) writer.join();
  for (int cap : {5000, kReports}) {
    auto start = std::chrono::steady_clock::now();
    auto result = Search({.folded_text = FoldForSearch("cafe ruine")}, 50, 0, cap);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    std::printf("free text over %d candidates: %lld found in %lld ms\n", cap,
                static_cast<long long>(result.total), static_cast<long long>(ms));
  }
  auto start = std::chrono::steady_clock::now();
  auto result = Search({.municipality = "GM0363"}, 50, 0, 5000);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  std::printf("municipality filter, first page: %lld found in %lld ms\n",
              static_cast<long long>(result.total), static_cast<long long>(ms));
}

}  // namespace
}  // namespace meldpunt
