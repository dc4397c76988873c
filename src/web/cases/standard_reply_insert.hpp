#pragma once
// Inserting a bureau's standard reply (standaardteksten, domain/cases/standard_reply.hpp) into a
// form without JavaScript: the form has a select and an "Insert" button that posts the form as it
// is; the handler answers with the same form, the chosen text filled in from the case and added
// to what was typed, and nothing sent. Used by the case page's message to the reporter and by the
// letter page.
#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/standard_reply.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// The form field of the select and of the button.
inline constexpr std::string_view kReplyChoiceField = "standaardtekst";
inline constexpr std::string_view kReplyInsertField = "invoegen";

// The select's options for where a text is written (kMessage, kLetter), for a reader of `lang`
// ("nl", "en"): one per title, in that language where the bureau has it (RepliesToOffer); other
// languages are named in the label. Empty when the bureau has none for this use.
kainjow::mustache::list StandardReplyOptions(const AppContext& app, Lang page_lang,
                                             long long bureau_id, ReplyUse where,
                                             std::string_view lang, const std::string& selected);

// The values of the placeholders for a case, for a reader of `lang`. `handler`: who the text is
// from (the letter's signature when typed, else the case's handler's e-mail address; staff
// accounts hold no names). Empty values stay as placeholders (FillStandardReply).
std::map<std::string, std::string> StandardReplyValues(const AppContext& app,
                                                       const RegisteredReport& report,
                                                       std::string_view lang,
                                                       const std::string& handler);

// The outcome of pressing "Insert": the text for the field (what was typed, a blank line, the
// filled-in text), the placeholders left for the staff member to fill in, or a problem (a msgid:
// no text chosen, or not one of the bureau's).
struct InsertedReply {
  std::string text;
  std::vector<std::string> missing;
  const char* problem = nullptr;
};
InsertedReply InsertStandardReply(const AppContext& app, const RegisteredReport& report,
                                  ReplyUse where, std::string_view lang, const std::string& chosen,
                                  const std::string& typed, const std::string& handler);

// "Fill in yourself: {telefoon_bureau}." in the page's language, or "" when nothing is missing.
std::string MissingPlaceholdersNotice(const AppContext& app, Lang page_lang,
                                      const std::vector<std::string>& missing);

// The e-mail address of the case's handler, else of `fallback_user` (the staff member writing).
std::string CaseHandlerName(const AppContext& app, const RegisteredReport& report,
                            long long fallback_user);

}  // namespace meldpunt::web
