// Staff intake in the web layer: template partials, the channel labels, and closing reports that
// ask for registration only.
#include "domain/reports/intake.hpp"

#include <gtest/gtest.h>

#include "domain/reports/follow_up.hpp"
#include "domain/reports/test_report.hpp"
#include "web/common/templates.hpp"
#include "web/common/test_app.hpp"
#include "web/intake/intake_view.hpp"
#include "web/intake/registration_only.hpp"

namespace meldpunt::web {
namespace {

TEST(Partials, AreInsertedByNameAndMayNest) {
  std::map<std::string, std::string> partials = {{"_a", "A[{{> _b}}]"}, {"_b", "B {{x}}"}};
  EXPECT_EQ(ExpandPartials("<{{> _a}}>{{>_b}}", partials), "<A[B {{x}}]>B {{x}}");
  EXPECT_EQ(ExpandPartials("no partials {{x}}", partials), "no partials {{x}}");
  EXPECT_THROW(ExpandPartials("{{> _missing}}", partials), std::runtime_error);
  EXPECT_THROW(ExpandPartials("{{> _a", partials), std::runtime_error);
  std::map<std::string, std::string> cycle = {{"_c", "{{> _d}}"}, {"_d", "{{> _c}}"}};
  EXPECT_THROW(ExpandPartials("{{> _c}}", cycle), std::runtime_error);
}

TEST(Partials, TheIntakePageAsksThePublicFormsQuestions) {
  TestApp test;
  TemplateData data;
  data.set("channel_choices", kainjow::mustache::list{});
  std::string page = test.app().templates.Render("staff_intake", Lang::kNl, data);
  for (const char* id :
       {"id=\"reporter_role\"", "id=\"description\"", "id=\"incident_date\"", "id=\"wishes\"",
        "id=\"contact_email\"", "id=\"channel\"", "id=\"received_date\"", "id=\"consent-yes\""}) {
    EXPECT_NE(page.find(id), std::string::npos) << id;
  }
  EXPECT_EQ(page.find("name=\"website\""), std::string::npos) << "no honeypot for staff";
}

TEST(ChannelLabels, CoverTheWebAndEveryStaffChannelInOrder) {
  auto all = ChannelLabels();
  ASSERT_EQ(all.size(), kStaffChannels.size() + 1);
  EXPECT_EQ(all[0].code, kChannelWeb);
  auto staff = StaffChannelLabels();
  ASSERT_EQ(staff.size(), kStaffChannels.size());
  for (size_t i = 0; i < staff.size(); ++i) EXPECT_EQ(staff[i].code, kStaffChannels[i]);
}

TEST(RegistrationOnly, ClosesAMeldingOnceAndNeverAKlacht) {
  TestApp test;
  Store& store = test.store();
  const ClosingOnArrival closing = RegistrationOnlyClosing();
  auto melding =
      store.AddReport(TestReport("Only register it.", "GM0363", "unknown", "key-1"), 1, &closing);
  ASSERT_FALSE(melding.is_complaint);
  EXPECT_TRUE(melding.closed_on_arrival);
  auto stored = store.GetReport(melding.id);
  EXPECT_EQ(stored->status, ReportStatus::kClosed);
  EXPECT_EQ(stored->step, CaseStep::kClosed);
  EXPECT_EQ(stored->handlings, std::vector<std::string>{"registration_only"});
  EXPECT_EQ(stored->outcome, "registration_only");
  EXPECT_EQ(stored->case_version, melding.case_version);
  EXPECT_EQ(store.CountAudit(std::string(kClosedRegistrationOnly)), 1);

  // Staff reopen it; the same form sent again does not close it a second time.
  store.SetReportStatus(melding.id, ReportStatus::kInProgress, 2);
  auto resent =
      store.AddReport(TestReport("Only register it.", "GM0363", "unknown", "key-1"), 2, &closing);
  ASSERT_TRUE(resent.duplicate);
  EXPECT_FALSE(resent.closed_on_arrival);
  EXPECT_EQ(store.GetReport(melding.id)->status, ReportStatus::kInProgress);

  auto klacht = store.AddReport(TestReport("Please help.", "GM0363", "unknown", "",
                                           Contact{"", "a@example.nl", "", "", "", ""}),
                                3, &closing);
  ASSERT_TRUE(klacht.is_complaint);
  EXPECT_FALSE(klacht.closed_on_arrival);
  EXPECT_EQ(store.GetReport(klacht.id)->status, ReportStatus::kReceived);
  EXPECT_EQ(store.CountAudit(std::string(kClosedRegistrationOnly)), 1);
}

}  // namespace
}  // namespace meldpunt::web
