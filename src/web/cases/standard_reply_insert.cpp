#include "web/cases/standard_reply_insert.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/bureau/bureau_profile.hpp"
#include "domain/dutch_time.hpp"
#include "letters/letter_date.hpp"
#include "store/bureau_store.hpp"
#include "store/letter_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/standard_reply_store.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

kainjow::mustache::list StandardReplyOptions(const AppContext& app, Lang page_lang,
                                             long long bureau_id, ReplyUse where,
                                             std::string_view lang, const std::string& selected) {
  kainjow::mustache::list options;
  auto offered = RepliesToOffer(app.standard_replies.ListStandardReplies(bureau_id), where, lang);
  if (offered.empty()) return options;
  options.push_back(SelectOption("", app.translator.Get(page_lang, N_("Choose a standard reply")),
                                 selected.empty()));
  for (const auto& reply : offered) {
    std::string label = reply.title;
    if (reply.lang != lang) {
      const char* language = reply.lang == "en" ? N_("English") : N_("Dutch");
      label += " (" + app.translator.Get(page_lang, language) + ")";
    }
    std::string id = std::to_string(reply.id);
    options.push_back(SelectOption(id, label, id == selected));
  }
  return options;
}

std::string CaseHandlerName(const AppContext& app, const RegisteredReport& report,
                            long long fallback_user) {
  long long user = report.assigned_to.value_or(fallback_user);
  for (const auto& member : app.staff.ListBureauStaff(report.bureau_id)) {
    if (member.id == user) return member.email;
  }
  return "";
}

std::map<std::string, std::string> StandardReplyValues(const AppContext& app,
                                                       const RegisteredReport& report,
                                                       std::string_view lang,
                                                       const std::string& handler) {
  std::string bureau_name;
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    if (bureau.id == report.bureau_id) bureau_name = bureau.name;
  }
  // The name the bureau shows the public, when its admin set one (issue 15).
  bureau_name = PublicNameOf(app.bureaus.GetBureauProfile(report.bureau_id), bureau_name);
  Letterhead letterhead = app.letters.GetLetterhead(report.bureau_id);
  letters::Lang letter_lang = lang == "en" ? letters::Lang::kEn : letters::Lang::kNl;
  return {
      {"referentie", report.reference},
      {"datum_melding", letters::FormatLetterDate(DutchDateOf(report.reported_at), letter_lang)},
      {"behandelaar", handler},
      {"bureau", bureau_name},
      {"telefoon_bureau", letterhead.phone},
      {"email_bureau", letterhead.email},
  };
}

InsertedReply InsertStandardReply(const AppContext& app, const RegisteredReport& report,
                                  ReplyUse where, std::string_view lang, const std::string& chosen,
                                  const std::string& typed, const std::string& handler) {
  InsertedReply inserted;
  inserted.text = typed;
  auto id = ParseId(chosen);
  if (!id) {
    inserted.problem = N_("Choose a standard reply to insert.");
    return inserted;
  }
  auto replies = app.standard_replies.ListStandardReplies(report.bureau_id);
  auto found = std::find_if(replies.begin(), replies.end(), [&](const StandardReply& reply) {
    return reply.id == *id && !reply.retired_at && ReplyUsableFor(reply.use, where);
  });
  // Another bureau's text, a retired one or one for the other use: as if it did not exist.
  if (found == replies.end()) {
    inserted.problem = N_("Choose one of the standard replies in the list.");
    return inserted;
  }
  const StandardReply& reply = ReplyInLanguage(replies, *found, where, lang);
  FilledReply filled =
      FillStandardReply(reply.body, StandardReplyValues(app, report, reply.lang, handler));
  std::string before = typed;
  while (!before.empty() &&
         (before.back() == '\n' || before.back() == '\r' || before.back() == ' '))
    before.pop_back();
  inserted.text = before.empty() ? filled.text : before + "\n\n" + filled.text;
  inserted.missing = std::move(filled.missing);
  return inserted;
}

std::string MissingPlaceholdersNotice(const AppContext& app, Lang page_lang,
                                      const std::vector<std::string>& missing) {
  if (missing.empty()) return "";
  std::string names;
  for (const auto& name : missing) names += (names.empty() ? "{" : ", {") + name + "}";
  return FillIn(
      app.translator.Get(page_lang, N_("The case or the bureau has no value for {names}: fill it "
                                       "in yourself before sending.")),
      "{names}", names);
}

}  // namespace meldpunt::web
