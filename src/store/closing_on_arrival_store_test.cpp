// A report registered closed (ClosingOnArrival, issue 16) must leave exactly the rows that
// registering it open and then closing it with ApplyCaseChange and AuditSystem leaves: the fast
// path may not drift from the general one. Compared column by column on the SQLite file.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <map>
#include <string>
#include <vector>

#include "domain/cases/handling.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/intake.hpp"
#include "domain/reports/test_report.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

using Row = std::map<std::string, std::string>;

std::string Text(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "NULL";
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    case soci::dt_double:
      return std::to_string(row.get<double>(i));
    default:
      return "?";
  }
}

// Every row the query returns, as column -> value, leaving out the named columns.
std::vector<Row> Rows(soci::session& sql, const std::string& query,
                      const std::vector<std::string>& leave_out = {}) {
  std::vector<Row> rows;
  soci::rowset<soci::row> result = sql.prepare << query;
  for (const auto& row : result) {
    Row values;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string& name = row.get_properties(i).get_name();
      if (std::find(leave_out.begin(), leave_out.end(), name) != leave_out.end()) continue;
      values[name] = Text(row, i);
    }
    rows.push_back(values);
  }
  return rows;
}

class ClosingOnArrivalTest : public SqliteStoreFixture {
 protected:
  ClosingOnArrivalTest() : SqliteStoreFixture(KeyOf(6), KeyOf(6)) {}

  ClosingOnArrival Closing() const {
    ClosingOnArrival closing;
    closing.handlings = {std::string(kHandlingRegistrationOnly)};
    closing.outcome = std::string(kOutcomeRegistrationOnly);
    closing.detail = "registration_only;registration_only";
    closing.audit_action = "report.closed.registration_only";
    return closing;
  }

  // The general way: a report registered open, closed by a case change, with the audit entry.
  bool CloseAfterwards(const RegisteredReport& report, const ClosingOnArrival& closing,
                       long long now) {
    CaseChange change;
    change.report_id = report.id;
    change.expected_version = report.case_version;
    change.kind = CaseEventKind::kClosed;
    change.detail = closing.detail;
    change.step = CaseStep::kClosed;
    change.close = std::make_pair(closing.handlings, closing.outcome);
    if (!store_->ApplyCaseChange(change, now)) return false;
    store_->AuditSystem(closing.audit_action, report.reference, now);
    return true;
  }

  // What the two reports left behind, per table, with their ids made alike.
  void ExpectTheSameRows(long long fast, long long general) {
    soci::session sql(soci::sqlite3, "db=" + file_);
    auto of = [&](const std::string& table, long long id, const std::string& key,
                  const std::vector<std::string>& leave_out) {
      return Rows(
          sql,
          "SELECT * FROM " + table + " WHERE " + key + " = " + std::to_string(id) + " ORDER BY 1",
          leave_out);
    };
    // The report row: all but its id and what is sealed with a fresh nonce or unique per form.
    EXPECT_EQ(
        of("reports", fast, "id", {"id", "description_enc", "contact_enc", "submission_key"}),
        of("reports", general, "id", {"id", "description_enc", "contact_enc", "submission_key"}));
    for (const char* table : {"report_status_changes", "report_handlings", "case_events",
                              "report_grounds", "match_signatures", "report_intake"}) {
      auto fast_rows = of(table, fast, "report_id", {"id", "report_id"});
      EXPECT_EQ(fast_rows, of(table, general, "report_id", {"id", "report_id"})) << table;
    }
    EXPECT_EQ(of("case_events", fast, "report_id", {}).size(), 1u);
    // The audit entries about each: the same but for the chain's own fields and the reference.
    auto audit = [&](long long id) {
      auto rows =
          of("audit_log", id, "report_id", {"id", "report_id", "subject", "seq", "chain_hash"});
      return rows;
    };
    EXPECT_EQ(audit(fast), audit(general));
    EXPECT_EQ(audit(fast).size(), 1u);
  }
};

TEST_F(ClosingOnArrivalTest, LeavesTheRowsThatClosingAfterwardsLeaves) {
  long long now = StartOfYearUnixSeconds(2026) + 40 * 86400;
  const ClosingOnArrival closing = Closing();

  auto fast =
      store_->AddReport(TestReport("Only register it.", "GM0363", "unknown", "k-1"), now, &closing);
  ASSERT_TRUE(fast.closed_on_arrival);

  auto general =
      store_->AddReport(TestReport("Only register it.", "GM0363", "unknown", "k-2"), now);
  ASSERT_FALSE(general.closed_on_arrival);
  ASSERT_TRUE(CloseAfterwards(general, closing, now));

  ExpectTheSameRows(fast.id, general.id);

  // What AddReport answers is what is stored.
  auto read = store_->GetReport(fast.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->step, fast.step);
  EXPECT_EQ(read->status, fast.status);
  EXPECT_EQ(read->case_version, fast.case_version);
  EXPECT_EQ(read->handlings, fast.handlings);
  EXPECT_EQ(read->outcome, fast.outcome);
  EXPECT_EQ(read->closed_at, fast.closed_at);
  EXPECT_EQ(read->next_due_at, fast.next_due_at);
  EXPECT_EQ(read->last_activity_at, fast.last_activity_at);
}

TEST_F(ClosingOnArrivalTest, AStaffRegistrationOfAnEarlierLetterLeavesTheSameRowsToo) {
  ASSERT_TRUE(store_->AddUser({"intake@example.nl", "hash", StaffRole::kIntake, 1, ""}, 10));
  long long staff = store_->FindUser("intake@example.nl")->id;
  long long now = StartOfYearUnixSeconds(2026) + 50 * 86400;
  const ClosingOnArrival closing = Closing();
  auto letter = [&](const std::string& key) {
    NewReport report = TestReport("A letter.", "GM0599", "GM0363", key);
    report.channel = "letter";
    report.registered_by = staff;
    report.received_at = now - 3 * 86400;  // it came in three days before
    return report;
  };
  auto fast = store_->AddReport(letter("l-1"), now, &closing);
  auto general = store_->AddReport(letter("l-2"), now);
  ASSERT_TRUE(CloseAfterwards(general, closing, now));
  ExpectTheSameRows(fast.id, general.id);
}

TEST_F(ClosingOnArrivalTest, AComplaintOrAResentFormIsNotClosed) {
  const ClosingOnArrival closing = Closing();
  auto complaint = store_->AddReport(TestReport("Help me.", "GM0363", "unknown", "c-1",
                                                Contact{"", "a@example.nl", "", "", "", ""}),
                                     100, &closing);
  EXPECT_FALSE(complaint.closed_on_arrival);
  EXPECT_EQ(store_->GetReport(complaint.id)->step, CaseStep::kReceived);
  EXPECT_EQ(store_->GetReport(complaint.id)->case_version, 0);

  auto first =
      store_->AddReport(TestReport("Register.", "GM0363", "unknown", "r-1"), 100, &closing);
  ASSERT_TRUE(first.closed_on_arrival);
  auto resent =
      store_->AddReport(TestReport("Register.", "GM0363", "unknown", "r-1"), 200, &closing);
  EXPECT_TRUE(resent.duplicate);
  EXPECT_FALSE(resent.closed_on_arrival);
  EXPECT_EQ(resent.id, first.id);
  EXPECT_EQ(store_->CountAudit(closing.audit_action), 1);
}

}  // namespace
}  // namespace meldpunt
