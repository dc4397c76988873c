#include "web/api/report_json.hpp"

#include <gtest/gtest.h>

#include <map>

#include "security/partner_keys.hpp"
#include "web/api/report_api.hpp"

namespace meldpunt::web {
namespace {

TEST(ReportJson, ReadsTheFormsFieldsUnderTheirNames) {
  ReportJson parsed = ParseReportJson(
      R"({"reporter_role":"victim","description":"Tekst","grounds":["religion","age"],)"
      R"("anonymous":true,"consent":false,"incident_year":2025,"incident_month":3,)"
      R"("contact_email":null})");
  ASSERT_FALSE(parsed.malformed);
  EXPECT_TRUE(parsed.errors.empty());
  EXPECT_EQ(parsed.input.reporter_role, "victim");
  EXPECT_EQ(parsed.input.description, "Tekst");
  EXPECT_EQ(parsed.input.grounds, (std::vector<std::string>{"religion", "age"}));
  EXPECT_EQ(parsed.input.anonymous, "yes");
  EXPECT_EQ(parsed.input.consent, "no");
  EXPECT_EQ(parsed.input.incident_year, "2025");
  EXPECT_EQ(parsed.input.incident_month, "3");
  EXPECT_EQ(parsed.input.contact_email, "");
}

TEST(ReportJson, NamesEveryFieldOfTheWrongType) {
  ReportJson parsed = ParseReportJson(
      R"({"scope":1,"anonymous":"yes","grounds":"age","wishes":[1],"incident_year":"x","colour":"blue"})");
  ASSERT_FALSE(parsed.malformed);
  std::map<std::string, std::string> codes;
  for (const auto& error : parsed.errors) codes[error.field] = error.code;
  EXPECT_EQ(codes["scope"], "not_text");
  EXPECT_EQ(codes["anonymous"], "not_boolean");
  EXPECT_EQ(codes["grounds"], "not_list");
  EXPECT_EQ(codes["wishes"], "not_list");
  EXPECT_EQ(codes["incident_year"], "not_whole_number");
  EXPECT_EQ(codes["colour"], "unknown_field");
}

TEST(ReportJson, RefusesWhatIsNotOneShallowObject) {
  EXPECT_TRUE(ParseReportJson("").malformed);
  EXPECT_TRUE(ParseReportJson("[1]").malformed);
  EXPECT_TRUE(ParseReportJson(R"({"a":)").malformed);
  EXPECT_TRUE(ParseReportJson(R"({"grounds":[["age"]]})").malformed);
  EXPECT_TRUE(ParseReportJson(std::string(kMaxReportJsonBytes + 1, ' ')).malformed);
  std::string many = "[";
  for (size_t i = 0; i <= kMaxReportJsonListItems; ++i)
    many += std::string(i ? "," : "") + "\"age\"";
  ReportJson parsed = ParseReportJson(R"({"grounds":)" + many + "]}");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].code, "too_many");
}

TEST(PartnerKeys, AreRandomWellFormedAndHashedWithTheKey) {
  InitSodium();
  std::string key = PartnerKeys::NewKey();
  EXPECT_TRUE(PartnerKeys::LooksLikeKey(key));
  EXPECT_NE(key, PartnerKeys::NewKey());
  EXPECT_FALSE(PartnerKeys::LooksLikeKey("mpk_short"));
  EXPECT_FALSE(PartnerKeys::LooksLikeKey("xyz_" + key.substr(4)));
  Key one{};
  Key two{};
  two.fill(2);
  EXPECT_EQ(PartnerKeys(one).Hash(key), PartnerKeys(one).Hash(key));
  EXPECT_NE(PartnerKeys(one).Hash(key), PartnerKeys(two).Hash(key));
  EXPECT_EQ(PartnerKeys(one).Hash(key).size(), 64u);
}

TEST(IdempotencyKey, TakesShortTokens) {
  EXPECT_TRUE(IsIdempotencyKey("3f2c-9a1b:retry.1_x"));
  EXPECT_FALSE(IsIdempotencyKey(""));
  EXPECT_FALSE(IsIdempotencyKey(std::string(65, 'a')));
  EXPECT_FALSE(IsIdempotencyKey("with space"));
}

}  // namespace
}  // namespace meldpunt::web
