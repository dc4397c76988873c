// Retention, erasure, correction, status history and bureau settings, on a real SQLite file.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <fstream>

#include "domain/reports/test_report.hpp"
#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/retention.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

constexpr long long kDay = 86400;

class PrivacyStoreTest : public SqliteStoreFixture {
 protected:
  PrivacyStoreTest() : SqliteStoreFixture(KeyOf(7), KeyOf(7)) {}
  // A named report with a receipt, a message each way, a file, a follow-up session, an e-mail
  // waiting, a note on the case and a letter to the other party: every kind of personal data
  // there is.
  RegisteredReport AddFull(const std::string& tag, long long at) {
    Contact contact{"Name-" + tag, tag + "@example.nl", "0612345678", "email", "", ""};
    NewReport report = TestReport("Description-" + tag, "GM0363", "GM0599", "key-" + tag, contact);
    report.receipt_hash = "receipt-" + tag;
    report.site_language = "tr";
    report.evidence = {
        EvidenceFile{"file-" + tag + ".txt", "text/plain", "Content-" + tag, 10, "sha-" + tag}};
    auto stored = store_->AddReport(report, at);
    store_->AddMessage(stored.id, MessageAuthor::kReporter, std::nullopt, "Question-" + tag,
                       at + 1);
    store_->AddMessage(stored.id, MessageAuthor::kBureau, std::nullopt, "Answer-" + tag, at + 2);
    store_->AddFollowUpSession("session-" + tag, stored.id, at + 3, 0);
    store_->EnqueueReporterMail(stored.id, MailKind::kConfirmation, "nl", at);
    CaseChange note{.report_id = stored.id, .kind = CaseEventKind::kNote, .text = "Note-" + tag};
    EXPECT_TRUE(store_->ApplyCaseChange(note, at + 4));
    CaseChange mediation{.report_id = stored.id,
                         .expected_version = 1,
                         .kind = CaseEventKind::kMediationPlanned,
                         .detail = "2026-12-10 14:30",
                         .text = "Place-" + tag,
                         .mediation = Mediation{at + 9000, "Place-" + tag, "People-" + tag}};
    EXPECT_TRUE(store_->ApplyCaseChange(mediation, at + 5));
    NewCaseLetter letter{.report_id = stored.id,
                         .lang = "nl",
                         .reply_by = "2026-06-01",
                         .other_party_name = "Party-" + tag,
                         .other_party_address = "Street-" + tag,
                         .summary = "Summary-" + tag,
                         .signed_by = "Signed-" + tag,
                         .pdf = "%PDF-" + tag};
    store_->AddCaseLetter(letter, at + 5);
    return stored;
  }
  long long Query(const std::string& query) {
    soci::session sql(soci::sqlite3, "db=" + file_);
    long long value = 0;
    sql << query, soci::into(value);
    return value;
  }
};

TEST_F(PrivacyStoreTest, ClosingSetsClosedAtReopeningClearsItAndEveryChangeIsKept) {
  auto report = AddFull("a", 1000);
  EXPECT_FALSE(store_->GetReport(report.id)->closed_at);
  EXPECT_TRUE(store_->SetReportStatus(report.id, ReportStatus::kClosed, 2000));
  EXPECT_EQ(store_->GetReport(report.id)->closed_at, 2000);
  // Saving "closed" again keeps the first closing time.
  EXPECT_TRUE(store_->SetReportStatus(report.id, ReportStatus::kClosed, 3000));
  EXPECT_EQ(store_->GetReport(report.id)->closed_at, 2000);
  EXPECT_TRUE(store_->SetReportStatus(report.id, ReportStatus::kInProgress, 4000));
  EXPECT_FALSE(store_->GetReport(report.id)->closed_at);
  auto changes = store_->ListStatusChanges(report.id);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].at, 2000);
  EXPECT_EQ(changes[0].status, ReportStatus::kClosed);
  EXPECT_EQ(changes[1].at, 4000);
  EXPECT_EQ(changes[1].status, ReportStatus::kInProgress);
}

TEST_F(PrivacyStoreTest, RetentionAnonymisesOnlyClosedReportsPastTheCutoff) {
  auto old_closed = AddFull("old", 1000);
  auto young_closed = AddFull("young", 1000);
  auto open = AddFull("open", 1000);
  store_->SetReportStatus(old_closed.id, ReportStatus::kClosed, 5 * kDay);
  store_->SetReportStatus(young_closed.id, ReportStatus::kClosed, 20 * kDay);
  auto counts_before = store_->CountByMunicipality(1970);

  EXPECT_EQ(store_->CountReportsToAnonymise(1, 10 * kDay), 1);
  EXPECT_EQ(store_->AnonymiseClosedReports(1, 10 * kDay, 30 * kDay), 1);
  EXPECT_EQ(store_->CountReportsToAnonymise(1, 10 * kDay), 0);
  EXPECT_EQ(store_->AnonymiseClosedReports(1, 10 * kDay, 31 * kDay), 0) << "once only";

  auto gone = store_->GetReport(old_closed.id);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->anonymised_at, 30 * kDay);
  EXPECT_EQ(gone->description, "");
  EXPECT_FALSE(gone->contact);
  EXPECT_EQ(gone->site_language, "") << "the language of the site hints at origin";
  // The classification stays.
  EXPECT_EQ(gone->grounds, old_closed.grounds);
  EXPECT_EQ(gone->nature, "hostile_treatment");
  EXPECT_EQ(gone->incident_municipality, "GM0363");
  EXPECT_EQ(gone->residence_municipality, "GM0599");
  EXPECT_EQ(gone->status, ReportStatus::kClosed);
  EXPECT_EQ(gone->closed_at, 5 * kDay);
  EXPECT_FALSE(gone->anonymous);
  EXPECT_FALSE(store_->FindReportByReceipt("receipt-old"));
  EXPECT_FALSE(store_->UseFollowUpSession("session-old", 1004, 0, 0));
  EXPECT_EQ(store_->CountEvidence(old_closed.id), 0);
  auto messages = store_->ListMessages(old_closed.id);
  ASSERT_EQ(messages.size(), 2u) << "that messages were sent, and when, stays";
  EXPECT_TRUE(messages[0].erased);
  EXPECT_EQ(messages[0].body, "");
  EXPECT_EQ(messages[0].at, 1001);
  EXPECT_EQ(
      Query("SELECT COUNT(*) FROM mail_outbox WHERE report_id = " + std::to_string(old_closed.id)),
      0);
  auto events = store_->ListCaseEvents(old_closed.id);
  ASSERT_EQ(events.size(), 2u) << "the case history stays";
  EXPECT_EQ(events[0].kind, CaseEventKind::kNote);
  EXPECT_EQ(events[0].text, "");
  EXPECT_EQ(events[1].kind, CaseEventKind::kMediationPlanned);
  EXPECT_EQ(events[1].detail, "2026-12-10 14:30") << "the moment stays";
  EXPECT_EQ(events[1].text, "");
  EXPECT_EQ(store_->CountAudit("report.anonymise"), 1);
  EXPECT_EQ(store_->CountByMunicipality(1970).size(), counts_before.size());
  EXPECT_EQ(store_->CountReports(), 3);

  for (const auto& kept : {young_closed, open}) {
    auto report = store_->GetReport(kept.id);
    EXPECT_FALSE(report->anonymised_at);
    EXPECT_EQ(report->description, kept.description);
    ASSERT_TRUE(report->contact);
    EXPECT_EQ(store_->CountEvidence(kept.id), 1);
    EXPECT_EQ(store_->ListMessages(kept.id)[0].body.substr(0, 9), "Question-");
    EXPECT_EQ(store_->ListCaseEvents(kept.id)[0].text.substr(0, 5), "Note-");
    EXPECT_TRUE(store_->FindReportByReceipt("receipt-" + kept.description.substr(12)));
  }
  // The receipt hash, the one value stored in clear, is no longer in the file.
  store_.reset();  // checkpoint the WAL into the file
  std::string bytes = FileBytes();
  EXPECT_EQ(bytes.find("receipt-old"), std::string::npos);
  EXPECT_NE(bytes.find("receipt-young"), std::string::npos);
}

TEST_F(PrivacyStoreTest, ReportsClosedBeforeClosingTimesWereKeptStartTheirPeriodAtTheFirstRun) {
  auto report = AddFull("legacy", 1000);
  {
    soci::session sql(soci::sqlite3, "db=" + file_);
    sql << "UPDATE reports SET status = 'closed', case_closed_at = NULL WHERE id = " << report.id;
  }
  EXPECT_EQ(store_->CountReportsToAnonymise(1, 100 * kDay), 0) << "not known when it closed";
  EXPECT_EQ(store_->AnonymiseClosedReports(1, 100 * kDay, 200 * kDay), 0);
  EXPECT_EQ(store_->GetReport(report.id)->closed_at, 200 * kDay);
  EXPECT_EQ(store_->AnonymiseClosedReports(1, 201 * kDay, 300 * kDay), 1);
}

TEST_F(PrivacyStoreTest, RetentionFollowsEachBureausSetting) {
  long long other = *store_->AddBureau("Other", 1);
  ASSERT_TRUE(store_->AddToWorkingArea(other, {"GM0014"}));
  auto mine = AddFull("mine", 1000);
  NewReport theirs_report = TestReport("Theirs", "GM0014", "unknown", "key-theirs");
  auto theirs = store_->AddReport(theirs_report, 1000);
  ASSERT_EQ(theirs.bureau_id, other);
  long long now = 400 * kDay;
  store_->SetReportStatus(mine.id, ReportStatus::kClosed, now - 100 * kDay);
  store_->SetReportStatus(theirs.id, ReportStatus::kClosed, now - 100 * kDay);
  store_->WriteBureauSettings(other, {{"retention_months", "2"}}, 1);
  EXPECT_EQ(store_->ReadBureauSettings(other).at("retention_months"), "2");
  EXPECT_TRUE(store_->ReadBureauSettings(1).empty());

  auto dry = ApplyRetention(*store_, now, true);
  ASSERT_EQ(dry.size(), 2u);
  EXPECT_EQ(dry[0].months, 24);
  EXPECT_EQ(dry[0].reports, 0);
  EXPECT_EQ(dry[1].months, 2);
  EXPECT_EQ(dry[1].reports, 1);
  EXPECT_FALSE(store_->GetReport(theirs.id)->anonymised_at) << "a dry run changes nothing";

  auto run = ApplyRetention(*store_, now, false);
  EXPECT_EQ(run[1].reports, 1);
  EXPECT_TRUE(store_->GetReport(theirs.id)->anonymised_at);
  EXPECT_FALSE(store_->GetReport(mine.id)->anonymised_at);

  store_->WriteBureauSettings(other, {{"retention_months", "3"}}, 2);
  EXPECT_EQ(store_->ReadBureauSettings(other).at("retention_months"), "3") << "overwritten";
}

TEST_F(PrivacyStoreTest, ErasureWorksOnAnyReportAndIsIdempotent) {
  auto report = AddFull("erase", 1000);
  EXPECT_TRUE(store_->AnonymiseReport(report.id, 5000));
  EXPECT_EQ(store_->GetReport(report.id)->anonymised_at, 5000);
  EXPECT_EQ(store_->GetReport(report.id)->status, ReportStatus::kReceived);
  EXPECT_TRUE(store_->AnonymiseReport(report.id, 6000));
  EXPECT_EQ(store_->GetReport(report.id)->anonymised_at, 5000) << "the first time stays";
  EXPECT_FALSE(store_->AnonymiseReport(report.id + 100, 6000));
  EXPECT_EQ(store_->CountAudit("report.anonymise"), 0) << "the web handler audits erasure";
  EXPECT_FALSE(store_->CorrectReport(report.id, {std::string("new"), std::nullopt}))
      << "nothing left to correct";
}

// Every encrypted column of a table that belongs to a report is empty after anonymisation: a
// new table with personal data fails here until it is added to store/soci/personal_data.hpp.
TEST_F(PrivacyStoreTest, EveryEncryptedColumnIsErased) {
  auto report = AddFull("all", 1000);
  ASSERT_TRUE(store_->AnonymiseReport(report.id, 5000));
  soci::session sql(soci::sqlite3, "db=" + file_);
  std::vector<std::string> tables(200);
  sql << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      soci::into(tables);
  ASSERT_FALSE(tables.empty());
  int checked = 0;
  for (const auto& table : tables) {
    std::vector<std::string> columns;
    soci::rowset<soci::row> info = (sql.prepare << "PRAGMA table_info(" << table << ")");
    for (const auto& row : info) columns.push_back(row.get<std::string>(1));
    std::string key = table == "reports" ? "id"
                      : std::find(columns.begin(), columns.end(), "report_id") != columns.end()
                          ? "report_id"
                          : "";
    if (key.empty()) continue;
    for (const auto& column : columns) {
      if (!column.ends_with("_enc")) continue;
      long long left = 0;
      sql << "SELECT COUNT(*) FROM " << table << " WHERE " << key << " = " << report.id << " AND "
          << column << " IS NOT NULL AND " << column << " <> ''",
          soci::into(left);
      EXPECT_EQ(left, 0) << table << "." << column << " still holds personal data";
      ++checked;
    }
  }
  EXPECT_GE(checked, 14) << "reports (2), report_messages, evidence (2), mail_outbox, case_events, "
                            "case_letters (5), case_mediations (2)";
  auto mediation = store_->GetMediation(report.id);
  ASSERT_TRUE(mediation) << "the moment stays";
  EXPECT_EQ(mediation->place, "");
  EXPECT_EQ(mediation->participants, "");
}

TEST_F(PrivacyStoreTest, CorrectionReplacesTheValuesAndRedirectsWaitingMail) {
  auto report = AddFull("fix", 1000);
  Contact corrected{"Fixed Name", "fixed@example.nl", "", "email", "", ""};
  ASSERT_TRUE(store_->CorrectReport(report.id, {std::string("Fixed description"), corrected}));
  auto read = store_->GetReport(report.id);
  EXPECT_EQ(read->description, "Fixed description");
  EXPECT_EQ(read->contact->name, "Fixed Name");
  EXPECT_EQ(read->contact->email, "fixed@example.nl");
  auto mail = store_->ClaimDueMail(2000, 3000);
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->recipient, "fixed@example.nl");

  // Only the description: the contact stays.
  ASSERT_TRUE(store_->CorrectReport(report.id, {std::string("Again"), std::nullopt}));
  EXPECT_EQ(store_->GetReport(report.id)->contact->email, "fixed@example.nl");

  // Without an e-mail address, waiting mail is dropped.
  auto other = AddFull("phone", 1000);
  ASSERT_TRUE(store_->CorrectReport(
      other.id, {std::nullopt, Contact{"", "", "0612345678", "phone", "", ""}}));
  EXPECT_EQ(store_->GetReport(other.id)->description, "Description-phone");
  EXPECT_EQ(Query("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL "
                  "AND report_id = " +
                  std::to_string(other.id)),
            0);
  EXPECT_FALSE(store_->CorrectReport(other.id + 100, {std::string("x"), std::nullopt}));
  store_.reset();
  std::string bytes = FileBytes();
  EXPECT_EQ(bytes.find("Fixed description"), std::string::npos) << "encrypted";
}

}  // namespace
}  // namespace meldpunt
