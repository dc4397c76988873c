// The search form's checks: what is accepted, what comes back with which message.
#include "web/worklists/search_form.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/cases/text_search.hpp"
#include "store/case_list_store.hpp"
#include "store/staff_account_store.hpp"

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

SearchValidation Check(const SearchInput& input) {
  return ValidateSearch(input, 3, Municipalities(), Handlers());
}

std::vector<std::string> Fields(const SearchValidation& v) {
  std::vector<std::string> fields;
  for (const auto& error : v.errors) fields.push_back(error.field);
  return fields;
}

TEST(SearchForm, AnEmptyFormSearchesTheWholeBureau) {
  auto v = Check({});
  EXPECT_TRUE(v.errors.empty());
  EXPECT_EQ(v.search.bureau_id, 3);
  EXPECT_FALSE(v.search.report_id);
  EXPECT_TRUE(v.search.folded_text.empty());
}

TEST(SearchForm, ReferencesWithOrWithoutTheirPrefix) {
  auto full = Check({.ref = "mp-2026-000042"});
  EXPECT_TRUE(full.errors.empty());
  EXPECT_EQ(full.search.report_id, 42);
  EXPECT_EQ(full.search.reported_year, 2026);
  auto number = Check({.ref = "000042"});
  EXPECT_EQ(number.search.report_id, 42);
  EXPECT_FALSE(number.search.reported_year);
  for (std::string bad : {"MP-2026", "MP-20x6-000042", "42a", "-3", "0", "Jansen"})
    EXPECT_EQ(Fields(Check({.ref = bad})), std::vector<std::string>{"ref"}) << bad;
}

TEST(SearchForm, DatesAreDutchCalendarDays) {
  auto v = Check({.from = "2026-03-29", .to = "2026-03-29"});
  ASSERT_TRUE(v.errors.empty());
  // Summer time starts on 2026-03-29: the day runs from 23:00 UTC the day before to 22:00 UTC.
  EXPECT_EQ(*v.search.reported_from, 1774738800);   // 2026-03-28 23:00:00 UTC
  EXPECT_EQ(*v.search.reported_until, 1774821599);  // 2026-03-29 21:59:59 UTC
  EXPECT_EQ(Fields(Check({.from = "31-12-2026"})), std::vector<std::string>{"from"});
  EXPECT_EQ(Fields(Check({.to = "2026-02-30"})), std::vector<std::string>{"to"});
  EXPECT_EQ(Fields(Check({.from = "2026-05-02", .to = "2026-05-01"})),
            std::vector<std::string>{"to"});
}

TEST(SearchForm, CodesMustComeFromTheirLists) {
  auto v = Check({.municipality = "GM0363",
                  .municipality_field = "residence",
                  .ground = "religion",
                  .domain = "housing",
                  .nature = "threat",
                  .handling = "mediation",
                  .step = "open",
                  .handler = "12",
                  .type = "complaint"});
  ASSERT_TRUE(v.errors.empty());
  EXPECT_EQ(v.search.municipality, "GM0363");
  EXPECT_EQ(v.search.municipality_field, MunicipalityField::kResidence);
  EXPECT_EQ(v.search.grounds, (std::vector<std::string>{"religion", "religion.antisemitism",
                                                        "religion.anti_muslim"}));
  EXPECT_TRUE(v.search.open_only);
  EXPECT_EQ(v.search.assigned_to, 12);
  EXPECT_EQ(v.search.complaint, true);
  EXPECT_EQ(Check({.ground = "origin.anti_black"}).search.grounds,
            std::vector<std::string>{"origin.anti_black"});
  EXPECT_EQ(Check({.step = "intake"}).search.step, CaseStep::kIntake);
  EXPECT_TRUE(Check({.handler = "none"}).search.unassigned);
  EXPECT_EQ(Check({.municipality = "none"}).search.municipality, "none");

  auto bad = Check({.municipality = "GM9999",
                    .municipality_field = "both",
                    .ground = "relig",
                    .domain = "x",
                    .nature = "x",
                    .handling = "x",
                    .step = "x",
                    .handler = "13",
                    .type = "x"});
  EXPECT_EQ(Fields(bad),
            (std::vector<std::string>{"municipality", "municipality_field", "ground", "domain",
                                      "nature", "handling", "step", "handler", "type"}));
}

TEST(SearchForm, FreeTextIsFoldedAndLimited) {
  EXPECT_EQ(Check({.text = "  Café RUÏNE "}).search.folded_text, "cafe ruine");
  EXPECT_EQ(Fields(Check({.text = "a"})), std::vector<std::string>{"text"});
  EXPECT_EQ(Fields(Check({.text = std::string(201, 'a')})), std::vector<std::string>{"text"});
  EXPECT_TRUE(Check({.text = std::string(200, 'a')}).errors.empty());
  EXPECT_EQ(Fields(Check({.text = "ab\x01"})), std::vector<std::string>{"text"});
  EXPECT_EQ(Fields(Check({.text = "a\xFF"})), std::vector<std::string>{"text"});
}

TEST(SearchForm, TheAuditRecordNamesTheFiltersButNeverTheText) {
  SearchInput input{.ref = "MP-2026-000042", .ground = "age", .text = "Fatima de Vries"};
  input.page = 2;
  std::string subject = SearchAuditSubject(input);
  EXPECT_EQ(subject, "ref=MP-2026-000042 ground=age text=yes page=2");
  EXPECT_EQ(subject.find("Fatima"), std::string::npos);
  EXPECT_EQ(SearchAuditSubject({}), "page=1");
}

TEST(SearchForm, FieldsAreReadAsSent) {
  http::FormFields form;
  form.fields = {{"ref", " 42 "}, {"q", " x "}, {"page", "3"}, {"ground", "age"}};
  auto input = SearchInputOf(form);
  EXPECT_EQ(input.ref, "42");
  EXPECT_EQ(input.text, " x ");
  EXPECT_EQ(input.page, 3);
  form.fields = {{"page", "-1"}};
  EXPECT_EQ(SearchInputOf(form).page, 1);
  form.fields = {{"page", "999999"}};
  EXPECT_EQ(SearchInputOf(form).page, 1);
}

// Issue 14: the search is a GET address that reopens the same search.
TEST(SearchForm, TheAddressHoldsTheSearchAndReadsBackTheSame) {
  SearchInput in{.ref = "42", .ground = "age", .step = "open", .text = "Café & co/ 100%"};
  std::string query = SearchQueryString(in, 3);
  EXPECT_EQ(query, "ref=42&ground=age&step=open&q=Caf%C3%A9%20%26%20co%2F%20100%25&page=3");
  auto fields = http::ParseFormFields(query, 100);
  ASSERT_TRUE(fields);
  SearchInput back = SearchInputOf(*fields);
  EXPECT_EQ(back.ref, in.ref);
  EXPECT_EQ(back.ground, in.ground);
  EXPECT_EQ(back.step, in.step);
  EXPECT_EQ(back.text, in.text);
  EXPECT_EQ(back.page, 3);
  // The first page is the address without a page; a search without any field still is one.
  EXPECT_EQ(SearchQueryString(in, 1),
            "ref=42&ground=age&step=open&q=Caf%C3%A9%20%26%20co%2F%20100%25");
  EXPECT_EQ(SearchQueryString({}, 1), "page=1");
}

}  // namespace
}  // namespace meldpunt::web
