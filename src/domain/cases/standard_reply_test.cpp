#include "domain/cases/standard_reply.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

std::vector<std::string> Codes(const std::vector<StandardReplyProblem>& problems) {
  std::vector<std::string> codes;
  for (const auto& p : problems) codes.push_back(p.field + ":" + p.code);
  return codes;
}

StandardReplyInput Valid() {
  return {"Ontvangst", "nl", "both", "Wij hebben uw melding {referentie} ontvangen."};
}

TEST(StandardReply, AValidTextHasNoProblems) {
  EXPECT_TRUE(CheckStandardReply(Valid()).empty());
  StandardReplyInput all = Valid();
  all.body.clear();
  for (auto name : kReplyPlaceholders) all.body += "{" + std::string(name) + "}\n";
  EXPECT_TRUE(CheckStandardReply(all).empty());
}

TEST(StandardReply, FieldsAreChecked) {
  EXPECT_EQ(Codes(CheckStandardReply({" ", "de", "all", " \n "})),
            (std::vector<std::string>{"title:empty", "lang:choose", "use:choose", "body:empty"}));
  StandardReplyInput in = Valid();
  in.title = std::string(81, 'a');
  in.body = std::string(3001, 'b');
  EXPECT_EQ(Codes(CheckStandardReply(in)),
            (std::vector<std::string>{"title:too_long", "body:too_long"}));
  in.title = std::string(80, 'a');
  in.body = std::string(3000, 'b');
  EXPECT_TRUE(CheckStandardReply(in).empty());
  in.title = "two\nlines";
  EXPECT_EQ(Codes(CheckStandardReply(in)), std::vector<std::string>{"title:not_text"});
}

TEST(StandardReply, UnknownPlaceholdersAreRefusedWithTheirLine) {
  auto problems = CheckReplyPlaceholders("Beste,\n\nUw melding {refrentie} van {datum_melding}.");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "unknown_placeholder");
  EXPECT_EQ(problems[0].name, "refrentie");
  EXPECT_EQ(problems[0].line, 3);
  // Braces only for placeholders: a stray one, an empty one, capitals or spaces inside.
  EXPECT_EQ(Codes(CheckReplyPlaceholders("a { b")), std::vector<std::string>{"body:stray_brace"});
  EXPECT_EQ(Codes(CheckReplyPlaceholders("a } b")), std::vector<std::string>{"body:stray_brace"});
  EXPECT_EQ(Codes(CheckReplyPlaceholders("{}")),
            (std::vector<std::string>{"body:stray_brace", "body:stray_brace"}));
  EXPECT_FALSE(CheckReplyPlaceholders("{Referentie}").empty());
  EXPECT_FALSE(CheckReplyPlaceholders("{{referentie}}").empty());
  EXPECT_FALSE(CheckReplyPlaceholders("{ referentie }").empty());
  // The letter templates' placeholders are not these.
  EXPECT_EQ(CheckReplyPlaceholders("{reference}")[0].code, "unknown_placeholder");
}

TEST(StandardReply, FillInReplacesKnownValuesOnceAndKeepsTheMissingVisible) {
  auto filled = FillStandardReply(
      "Melding {referentie} van {datum_melding}. Bel {telefoon_bureau} of {telefoon_bureau}.",
      {{"referentie", "MP-2026-000042"},
       {"datum_melding", "3 maart 2026"},
       {"telefoon_bureau", ""}});
  EXPECT_EQ(filled.text,
            "Melding MP-2026-000042 van 3 maart 2026. Bel {telefoon_bureau} of {telefoon_bureau}.");
  EXPECT_EQ(filled.missing, std::vector<std::string>{"telefoon_bureau"});
  // A value is not read for placeholders itself.
  EXPECT_EQ(FillStandardReply("{bureau} {referentie}",
                              {{"bureau", "{referentie}"}, {"referentie", "MP-1"}})
                .text,
            "{referentie} MP-1");
  EXPECT_EQ(FillStandardReply("Geen", {}).text, "Geen");
}

StandardReply Reply(long long id, std::string title, std::string lang, ReplyUse use,
                    bool retired = false) {
  StandardReply r;
  r.id = id;
  r.title = std::move(title);
  r.lang = std::move(lang);
  r.use = use;
  if (retired) r.retired_at = 1;
  return r;
}

TEST(StandardReply, OfferedOncePerTitleInTheReadersLanguage) {
  std::vector<StandardReply> replies = {
      Reply(1, "Ontvangst", "nl", ReplyUse::kBoth),
      Reply(2, "ontvangst", "en", ReplyUse::kMessage),
      Reply(3, "Brief", "nl", ReplyUse::kLetter),
      Reply(4, "Oud", "nl", ReplyUse::kMessage, true),
      Reply(5, "Only English", "en", ReplyUse::kBoth),
  };
  auto ids = [](const std::vector<StandardReply>& offered) {
    std::vector<long long> out;
    for (const auto& r : offered) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(RepliesToOffer(replies, ReplyUse::kMessage, "en")), (std::vector<long long>{5, 2}));
  EXPECT_EQ(ids(RepliesToOffer(replies, ReplyUse::kMessage, "nl")), (std::vector<long long>{5, 1}));
  EXPECT_EQ(ids(RepliesToOffer(replies, ReplyUse::kLetter, "en")),
            (std::vector<long long>{3, 5, 1}));
  // Chosen in Dutch for an English reader: the English version of the same title.
  EXPECT_EQ(ReplyInLanguage(replies, replies[0], ReplyUse::kMessage, "en").id, 2);
  EXPECT_EQ(ReplyInLanguage(replies, replies[0], ReplyUse::kLetter, "en").id, 1);
  EXPECT_EQ(ReplyInLanguage(replies, replies[4], ReplyUse::kMessage, "nl").id, 5);
}

TEST(StandardReply, UseCodesRoundTrip) {
  for (ReplyUse use : {ReplyUse::kMessage, ReplyUse::kLetter, ReplyUse::kBoth})
    EXPECT_EQ(ParseReplyUse(ReplyUseCode(use)), use);
  EXPECT_FALSE(ParseReplyUse("all"));
  EXPECT_TRUE(ReplyUsableFor(ReplyUse::kBoth, ReplyUse::kLetter));
  EXPECT_FALSE(ReplyUsableFor(ReplyUse::kMessage, ReplyUse::kLetter));
}

}  // namespace
}  // namespace meldpunt
