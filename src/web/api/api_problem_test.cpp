#include "web/api/api_problem.hpp"

#include <gtest/gtest.h>

namespace meldpunt::web {
namespace {

Lang LangFor(std::string accept_language) {
  http::Request request;
  if (!accept_language.empty()) request.headers.emplace_back("accept-language", accept_language);
  return ApiLang(request);
}

TEST(ApiLang, IsDutchUnlessEnglishComesFirst) {
  EXPECT_EQ(LangFor(""), Lang::kNl);
  EXPECT_EQ(LangFor("en"), Lang::kEn);
  EXPECT_EQ(LangFor("en-GB,en;q=0.9,nl;q=0.5"), Lang::kEn);
  EXPECT_EQ(LangFor("nl-NL,en;q=0.8"), Lang::kNl);
  EXPECT_EQ(LangFor("de,en;q=0.5"), Lang::kEn);
  EXPECT_EQ(LangFor("tr"), Lang::kNl);
  EXPECT_EQ(LangFor("en;q=0,nl"), Lang::kNl);
}

}  // namespace
}  // namespace meldpunt::web
