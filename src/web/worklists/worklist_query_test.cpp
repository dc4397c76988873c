// The list of reports' query parameters: what is accepted, what comes back with which message,
// and the links that carry them.
#include "web/worklists/worklist_query.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace meldpunt::web {
namespace {

const MunicipalityRegistry& Municipalities() {
  static const MunicipalityRegistry registry = [] {
    std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
    std::stringstream text;
    text << in.rdbuf();
    return MunicipalityRegistry::FromCsv(text.str()).value();
  }();
  return registry;
}

std::vector<StaffUser> Handlers() {
  StaffUser user;
  user.id = 12;
  user.email = "h@example.nl";
  user.role = "handler";
  return {user};
}

WorklistValidation Check(const WorklistInput& input) {
  return ValidateWorklist(input, 3, 40, Municipalities(), Handlers(), {"web", "phone"}, 100);
}

std::vector<std::string> Fields(const WorklistValidation& v) {
  std::vector<std::string> fields;
  for (const auto& error : v.errors) fields.push_back(error.field);
  return fields;
}

WorklistInput InputOf(std::string_view query) {
  return WorklistInputOf(http::ParseFormFields(query, 100).value());
}

TEST(WorklistQuery, NoParametersIsTheNewestReceivedFirst) {
  auto v = Check({});
  ASSERT_TRUE(v.errors.empty());
  EXPECT_EQ(v.query.filter.bureau_id, 3);
  EXPECT_EQ(v.query.order, WorklistOrder::kReceived);
  EXPECT_FALSE(v.query.ascending);
  EXPECT_FALSE(v.query.after);
  EXPECT_FALSE(v.query.before);
  EXPECT_EQ(v.query.limit, 100);
  EXPECT_FALSE(v.query.filter.assigned_to);
  EXPECT_TRUE(v.query.filter.folded_text.empty());
}

TEST(WorklistQuery, ReadsTheDutchParameters) {
  auto in = InputOf(
      "stap=intake&behandelaar=12&soort=klacht&gemeente=GM0363&grond=religion&kanaal=phone&"
      "van=2026-03-01&tot=2026-03-31&sorteer=referentie&volgorde=op&na=2026-1234");
  auto v = Check(in);
  ASSERT_TRUE(v.errors.empty()) << v.errors[0].field;
  const ReportSearch& f = v.query.filter;
  EXPECT_EQ(f.step, CaseStep::kIntake);
  EXPECT_EQ(f.assigned_to, 12);
  EXPECT_EQ(f.complaint, true);
  EXPECT_EQ(f.municipality, "GM0363");
  EXPECT_EQ(f.municipality_field, MunicipalityField::kIncident);
  EXPECT_EQ(f.grounds, (std::vector<std::string>{"religion", "religion.antisemitism",
                                                 "religion.anti_muslim"}));
  EXPECT_EQ(f.channel, "phone");
  EXPECT_EQ(*f.reported_from, 1772319600);   // 2026-03-01 00:00 in the Netherlands (CET)
  EXPECT_EQ(*f.reported_until, 1774994399);  // 2026-03-31 23:59:59 (CEST)
  EXPECT_EQ(v.query.order, WorklistOrder::kReference);
  EXPECT_TRUE(v.query.ascending);
  EXPECT_EQ(v.query.after, (WorklistKey{.value = 2026, .id = 1234}));
}

TEST(WorklistQuery, UnassignedMeldingAndOwnCases) {
  auto v = Check(InputOf("behandelaar=geen&soort=melding&stap=open"));
  ASSERT_TRUE(v.errors.empty());
  EXPECT_TRUE(v.query.filter.unassigned);
  EXPECT_EQ(v.query.filter.complaint, false);
  EXPECT_TRUE(v.query.filter.open_only);
  // mijn=1: the staff member's own cases, whatever behandelaar says.
  auto mine = Check(InputOf("mijn=1&behandelaar=geen"));
  ASSERT_TRUE(mine.errors.empty());
  EXPECT_EQ(mine.query.filter.assigned_to, 40);
  EXPECT_FALSE(mine.query.filter.unassigned);
}

TEST(WorklistQuery, WrongValuesAreNamedByTheirParameter) {
  auto bad = Check(InputOf(
      "stap=x&behandelaar=13&soort=complaint&gemeente=GM9999&grond=relig&kanaal=fax&van=1-3-2026&"
      "tot=2026-02-30&sorteer=naam&volgorde=down&na=abc&voor=x"));
  EXPECT_EQ(Fields(bad),
            (std::vector<std::string>{"van", "tot", "gemeente", "grond", "stap", "behandelaar",
                                      "soort", "kanaal", "sorteer", "volgorde", "na", "voor"}));
  EXPECT_EQ(Fields(Check(InputOf("behandelaar=none"))), std::vector<std::string>{"behandelaar"});
  EXPECT_EQ(Fields(Check(InputOf("van=2026-05-02&tot=2026-05-01"))),
            std::vector<std::string>{"tot"});
  // Both directions at once is not a link this list makes.
  EXPECT_EQ(Fields(Check(InputOf("na=5-1&voor=9-2"))), std::vector<std::string>{"voor"});
}

TEST(WorklistQuery, KeysAreValueAndNumber) {
  EXPECT_EQ(FormatWorklistKey({1774738800, 42}), "1774738800-42");
  EXPECT_EQ(FormatWorklistKey({2026, 42}), "2026-42");
  EXPECT_EQ(ParseWorklistKey("1774738800-42"), (WorklistKey{1774738800, 42}));
  EXPECT_EQ(ParseWorklistKey("2026-42"), (WorklistKey{2026, 42}));
  for (std::string_view bad : {"", "42", "-42", "1-", "a-1", "1-0", "1--2", "1-2-3",
                               "99999999999999999999-1", "1 -2", "+4-1"})
    EXPECT_FALSE(ParseWorklistKey(bad)) << bad;
}

TEST(WorklistQuery, LinksKeepFiltersAndOrderAndReadBackTheSame) {
  auto in = InputOf("soort=klacht&grond=origin.anti_black&van=2026-03-01&sorteer=datum&na=9-9");
  std::string next = WorklistQueryString(in, "na", "1774738800-42");
  EXPECT_EQ(next,
            "soort=klacht&grond=origin.anti_black&van=2026-03-01&sorteer=datum&na=1774738800-42");
  auto again = InputOf(next);
  EXPECT_EQ(again.kind, "klacht");
  EXPECT_EQ(again.ground, "origin.anti_black");
  EXPECT_EQ(again.after, "1774738800-42");
  // Without paging, the filters only; mijn=1 stays and leaves out behandelaar.
  EXPECT_EQ(WorklistQueryString(InputOf("mijn=1&behandelaar=12&stap=intake")),
            "mijn=1&stap=intake");
  // Anything else is encoded.
  WorklistInput odd;
  odd.step = "a b&c=d";
  EXPECT_EQ(WorklistQueryString(odd), "stap=a%20b%26c%3Dd");
}

TEST(WorklistQuery, TheAuditRecordGetsCodesNotPaging) {
  auto in = InputOf("stap=intake&behandelaar=geen&gemeente=GM0363&sorteer=referentie&na=2026-12");
  EXPECT_EQ(WorklistAuditFilter(in),
            "stap=intake behandelaar=geen gemeente=GM0363 sorteer=referentie");
  EXPECT_EQ(WorklistAuditFilter({}), "");
}

// label: one of the bureau's tags (its id), or an error on the field and nothing listed.
TEST(WorklistQuery, LabelIsOneOfTheBureausTags) {
  WorklistInput input{.label = "7"};
  WorklistValidation ok = Check(input);
  ValidateWorklistLabel(input, {5, 7}, ok);
  EXPECT_TRUE(ok.errors.empty());
  EXPECT_EQ(ok.query.filter.tag_id, 7);
  for (std::string label : {"8", "abc", "-7", "7 "}) {
    WorklistInput wrong{.label = label};
    WorklistValidation v = Check(wrong);
    ValidateWorklistLabel(wrong, {5, 7}, v);
    EXPECT_EQ(Fields(v), std::vector<std::string>{"label"}) << label;
    EXPECT_FALSE(v.query.filter.tag_id) << label;
  }
  WorklistValidation none = Check({});
  ValidateWorklistLabel({}, {5, 7}, none);
  EXPECT_FALSE(none.query.filter.tag_id);
  // The filter goes into the links and the audit record.
  EXPECT_EQ(WorklistQueryString(input, "na", "1-2"), "label=7&na=1-2");
  EXPECT_EQ(WorklistAuditFilter(input), "label=7");
}

}  // namespace
}  // namespace meldpunt::web

namespace meldpunt::web {
namespace {

// Issue 14: next deadline and last activity, the deadline filter and the mass-report event.
TEST(WorklistDueQuery, SortsByNextDeadlineSoonestFirstAndActivityNewestFirst) {
  auto v = Check(InputOf("sorteer=termijn"));
  ASSERT_TRUE(v.errors.empty());
  EXPECT_EQ(v.query.order, WorklistOrder::kNextDue);
  EXPECT_TRUE(v.query.ascending) << "the soonest deadline first by default";
  v = Check(InputOf("sorteer=termijn&volgorde=af"));
  EXPECT_FALSE(v.query.ascending);
  v = Check(InputOf("sorteer=activiteit"));
  EXPECT_EQ(v.query.order, WorklistOrder::kLastActivity);
  EXPECT_FALSE(v.query.ascending) << "the most recent activity first";
}

TEST(WorklistDueQuery, OverdueIsBeforeNowAndDueSoonTheBureausWindow) {
  constexpr long long kNow = 1'800'000'000;
  auto in = InputOf("termijn=verlopen");
  auto v = Check(in);
  ASSERT_TRUE(v.errors.empty());
  ApplyDueFilter(in, kNow, 3, v.query);
  EXPECT_FALSE(v.query.filter.due_from);
  EXPECT_EQ(v.query.filter.due_until, kNow);
  in = InputOf("termijn=binnenkort");
  v = Check(in);
  ApplyDueFilter(in, kNow, 3, v.query);
  EXPECT_EQ(v.query.filter.due_from, kNow);
  EXPECT_EQ(v.query.filter.due_until, kNow + 3 * 24 * 60 * 60);
  v = Check(InputOf(""));
  ApplyDueFilter({}, kNow, 3, v.query);
  EXPECT_FALSE(v.query.filter.due_from || v.query.filter.due_until);
}

TEST(WorklistDueQuery, WrongValuesAreNamed) {
  EXPECT_EQ(Fields(Check(InputOf("termijn=gisteren"))), std::vector<std::string>{"termijn"});
  EXPECT_EQ(Fields(Check(InputOf("massa=abc"))), std::vector<std::string>{"massa"});
  EXPECT_EQ(Fields(Check(InputOf("massa=0"))), std::vector<std::string>{"massa"});
  EXPECT_EQ(Fields(Check(InputOf("sorteer=deadline"))), std::vector<std::string>{"sorteer"});
  auto v = Check(InputOf("massa=42"));
  ASSERT_TRUE(v.errors.empty());
  EXPECT_EQ(v.query.filter.mass_event_id, 42);
}

TEST(WorklistDueQuery, LinksAndTheAuditRecordCarryTheNewParameters) {
  auto in = InputOf("termijn=verlopen&massa=42&sorteer=termijn");
  EXPECT_EQ(WorklistQueryString(in, "na", "253402300799-7"),
            "termijn=verlopen&massa=42&sorteer=termijn&na=253402300799-7");
  EXPECT_EQ(WorklistAuditFilter(in), "termijn=verlopen massa=42 sorteer=termijn");
}

}  // namespace
}  // namespace meldpunt::web
