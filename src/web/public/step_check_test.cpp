#include "web/public/step_check.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

namespace json = boost::json;

// The browser shows the server's own texts: each message is the one the server gives for the
// same field and problem, in the page's language.
TEST(StepCheck, MessagesAreTheServersOwn) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  for (Lang lang : Languages().All()) {
    json::value doc = json::parse(StepCheckJson(translator, lang));
    const json::object& messages = doc.at("messages").as_object();
    EXPECT_EQ(json::value_to<std::string>(messages.at("reporter_role").at("required")),
              translator.Get(lang, ProblemMessage("reporter_role", Problem::kRequired)));
    EXPECT_EQ(
        json::value_to<std::string>(messages.at("residence_postcode").at("invalid_postcode")),
        translator.Get(lang, ProblemMessage("residence_postcode", Problem::kInvalidPostcode)));
    EXPECT_EQ(json::value_to<std::string>(messages.at("incident_year").at("invalid_date")),
              translator.Get(lang, ProblemMessage("incident_year", Problem::kInvalidDate)));
    for (const auto& [field, problems] : messages) {
      for (const auto& [key, text] : problems.as_object()) {
        EXPECT_FALSE(text.as_string().empty()) << field << " " << key;
      }
    }
  }
  json::value dutch = json::parse(StepCheckJson(translator, Lang::kNl));
  EXPECT_EQ(json::value_to<std::string>(dutch.at("messages").at("description").at("required")),
            "Beschrijf wat er is gebeurd.");
}

TEST(StepCheck, RulesComeFromTheDomain) {
  Translator translator(MELDPUNT_LOCALE_DIR);
  json::value doc = json::parse(StepCheckJson(translator, Lang::kEn));
  EXPECT_EQ(doc.at("rules").at("earliest_year").as_int64(), kEarliestIncidentYear);
}

TEST(StepCheck, EveryProblemHasAKey) {
  EXPECT_EQ(ProblemKey(Problem::kRequired), "required");
  EXPECT_EQ(ProblemKey(Problem::kInvalidPostcode), "invalid_postcode");
  EXPECT_EQ(ProblemKey(Problem::kFutureDate), "future_date");
}

}  // namespace
}  // namespace meldpunt::web
