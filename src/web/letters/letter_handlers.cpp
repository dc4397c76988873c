#include "web/letters/letter_handlers.hpp"

#include <charconv>
#include <optional>

#include "base/log.hpp"
#include "base/text.hpp"
#include "domain/cases/case_action.hpp"
#include "domain/cases/deadlines.hpp"
#include "domain/cases/letter_event.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/report.hpp"
#include "http/form.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/letter_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/admin/deadline_settings.hpp"
#include "web/cases/case_own_initiative_handlers.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/refusal_messages.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/cases/standard_reply_insert.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/letters/case_letter.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

std::string LetterFormUrl(long long report_id) {
  return std::string(kStaffReportsPrefix) + std::to_string(report_id) + "/brief";
}
std::string LetterPdfUrl(long long report_id, long long letter_id) {
  return std::string(kStaffReportsPrefix) + std::to_string(report_id) + "/brieven/" +
         std::to_string(letter_id);
}

// "/medewerkers/meldingen/5/brieven/3" -> {5, 3}; with want_reply, ".../brieven/3/reactie".
std::optional<std::pair<long long, long long>> ParseLetterPath(std::string_view path,
                                                               bool want_reply) {
  auto parsed = ParseStaffReportPath(path);
  if (!parsed) return std::nullopt;
  std::string_view action = parsed->action;
  constexpr std::string_view kLetters = "brieven/";
  constexpr std::string_view kReply = "/reactie";
  if (!action.starts_with(kLetters)) return std::nullopt;
  action.remove_prefix(kLetters.size());
  if (want_reply) {
    if (!action.ends_with(kReply)) return std::nullopt;
    action.remove_suffix(kReply.size());
  }
  auto letter = ParseId(action);
  if (!letter) return std::nullopt;
  return std::make_pair(parsed->id, *letter);
}

// The rules' facts, with the own-initiative marker from the case's history.
CaseFacts FactsOf(const AppContext& app, const RegisteredReport& report) {
  CaseFacts facts{report.anonymous, report.scope, report.consent_recorded, report.step};
  facts.own_initiative = OwnInitiativeOfCase(app.cases.ListCaseEvents(report.id));
  return facts;
}

// A letter that the case's history records as sent, and the reply to it, if any.
struct SentLetter {
  CaseLetter letter;
  Date reply_by{};
  std::optional<CaseEvent> reply;
};

// The letters with a letter_sent event, oldest first. A stored letter without one was never
// confirmed as sent (its event could not be written) and is left out.
std::vector<SentLetter> SentLetters(const AppContext& app, long long report_id) {
  std::map<long long, Date> sent;
  std::map<long long, CaseEvent> replies;
  std::optional<long long> latest;  // the last letter sent so far, in the history's order
  for (auto& event : app.cases.ListCaseEvents(report_id)) {
    if (event.kind == CaseEventKind::kLetterSent) {
      if (auto detail = ParseLetterSentDetail(event.detail)) {
        sent[detail->letter_id] = detail->reply_by;
        latest = detail->letter_id;
      }
    } else if (event.kind == CaseEventKind::kReplyReceived) {
      // A reply recorded here names its letter; one recorded with the case page's contact form
      // does not, and answers the last letter sent before it.
      auto letter = ParseReplyReceivedDetail(event.detail);
      if (!letter) letter = latest;
      if (letter) replies[*letter] = event;
    }
  }
  std::vector<SentLetter> letters;
  for (auto& letter : app.letters.ListCaseLetters(report_id)) {
    auto found = sent.find(letter.id);
    if (found == sent.end()) continue;
    SentLetter item{std::move(letter), found->second, std::nullopt};
    if (auto reply = replies.find(item.letter.id); reply != replies.end())
      item.reply = reply->second;
    letters.push_back(std::move(item));
  }
  return letters;
}

// Whether the case's history records that letter as sent.
bool WasSent(const AppContext& app, long long report_id, long long letter_id) {
  for (const auto& event : app.cases.ListCaseEvents(report_id)) {
    if (event.kind != CaseEventKind::kLetterSent) continue;
    if (auto detail = ParseLetterSentDetail(event.detail); detail && detail->letter_id == letter_id)
      return true;
  }
  return false;
}

// What the page shows besides the case: the form as typed and what went wrong.
struct PageState {
  std::optional<LetterForm> typed;
  std::vector<LetterFieldError> errors;
  std::string problem;  // a refusal, a conflict or a letter that could not be made
  long long reply_letter = 0;
  std::string reply_typed;
  const char* reply_error = nullptr;
  // A standard reply inserted into the summary (issue 14): the one chosen, the placeholders left
  // to fill in, or why nothing was inserted (a msgid).
  std::string standard_reply;
  std::string standard_reply_notice;
  const char* standard_reply_error = nullptr;
};

http::Response LetterPage(const AppContext& app, const http::Request& request,
                          const StaffSession& staff, const RegisteredReport& report, int status,
                          const PageState& state = {}) {
  Lang lang = LangOf(request);
  auto tr = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  auto letters = SentLetters(app, report.id);
  // The letters hold the other party's name: reading them is a read of the case's personal data.
  app.audit.Audit(staff.user_id, "letter.read", report.reference, app.now());

  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("reference", report.reference);
  data.set("case_version", std::to_string(report.case_version));
  CaseFacts facts = FactsOf(app, report);
  Verdict verdict = CheckAction(ActionKind::kLetterToOtherParty, facts);
  if (!verdict) data.set("refusal", tr(RefusalMessage(verdict.refusal())));
  // Allowed because of the own initiative: the page says why no consent is needed.
  if (verdict && !facts.own_initiative.empty()) {
    data.set("own_initiative_reason", tr(OwnInitiativeLetterReason(facts.own_initiative)));
  }
  // Only set when there is one: Mustache shows a section for any string, even an empty one.
  if (!state.problem.empty()) data.set("problem", state.problem);

  Date today = DutchToday(app.now());
  kainjow::mustache::list rows;
  for (const auto& sent : letters) {
    TemplateData row;
    row.set("letter_id", std::to_string(sent.letter.id));
    row.set("sent_at", FormatDutchDateTime(sent.letter.at));
    row.set("sent_by", sent.letter.staff_email);
    row.set("to", sent.letter.letter.other_party_name);
    row.set("lang", tr(sent.letter.letter.lang == "nl" ? N_("Dutch") : N_("English")));
    row.set("reply_by", FormatIsoDate(sent.reply_by));
    row.set("pdf_url", LetterPdfUrl(report.id, sent.letter.id));
    std::string reply_state = "awaiting";
    if (sent.reply) {
      reply_state = "received";
      row.set("reply_at", FormatDutchDateTime(sent.reply->at));
      row.set("reply_text", sent.reply->text);
      row.set("reply_label", tr(N_("received")));
    } else if (std::chrono::sys_days{today} > std::chrono::sys_days{sent.reply_by}) {
      reply_state = "overdue";
      row.set("reply_label", tr(N_("overdue: no reply yet")));
    } else {
      row.set("reply_label", tr(N_("awaited")));
    }
    row.set("reply_state", reply_state);
    row.set("reply_form", Bool(!sent.reply && IsOpen(report.step)));
    bool this_reply = state.reply_letter == sent.letter.id;
    row.set("reply_typed", this_reply ? state.reply_typed : "");
    if (this_reply && state.reply_error) row.set("reply_error", tr(state.reply_error));
    rows.push_back(row);
  }
  data.set("letters", rows);
  data.set("has_letters", Bool(!rows.empty()));
  data.set("max_reply", std::to_string(kMaxReplyNote));

  DeadlineSettings settings = DeadlineSettingsFor(app, report.bureau_id);
  LetterForm form;
  if (state.typed) {
    form = *state.typed;
  } else {
    form.lang = "nl";
    form.reply_by = FormatIsoDate(DefaultReplyBy(app.now(), settings));
  }
  data.set("other_party_name", form.other_party_name);
  data.set("other_party_address", form.other_party_address);
  data.set("other_party_attention", form.other_party_attention);
  data.set("max_attention", std::to_string(kMaxAttention));
  // A warning, never a refusal: the letter still reads well without it (BureauContactSentence).
  data.set("no_phone", Bool(app.letters.GetLetterhead(report.bureau_id).phone.empty()));
  data.set("summary", form.summary);
  // Standard replies for letters, in the letter's language where the bureau has them.
  auto standard_replies =
      StandardReplyOptions(app, lang, report.bureau_id, ReplyUse::kLetter,
                           form.lang == "en" ? "en" : "nl", state.standard_reply);
  data.set("has_standard_replies", Bool(!standard_replies.empty()));
  data.set("standard_replies", standard_replies);
  if (!state.standard_reply_notice.empty())
    data.set("std_reply_notice", state.standard_reply_notice);
  if (state.standard_reply_error) data.set("std_reply_error", tr(state.standard_reply_error));
  data.set("lang_nl", Bool(form.lang != "en"));
  data.set("lang_en", Bool(form.lang == "en"));
  data.set("reply_by", form.reply_by);
  data.set("signed_by", form.signed_by);
  data.set("today", FormatIsoDate(today));
  data.set("reply_days", std::to_string(settings.other_party_reply_days));
  data.set("max_name", std::to_string(kMaxOtherPartyName));
  data.set("max_summary", std::to_string(kMaxLetterSummary));
  data.set("max_signed_by", std::to_string(kMaxSignedBy));
  kainjow::mustache::list errors;
  for (const auto& error : state.errors) {
    TemplateData item;
    item.set("field", error.field);
    item.set("message", tr(error.msgid));
    errors.push_back(item);
    data.set(error.field + "_error", tr(error.msgid));
  }
  data.set("errors", errors);
  data.set("has_errors", Bool(!state.errors.empty()));
  data.set("sent", Bool(request.QueryParam("verzonden") == "1"));
  data.set("replied", Bool(request.QueryParam("reactie") == "1"));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_letter",
                        N_("Letter to the other party"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

// Whether the form was made for the case as it is now (the hidden case_version).
bool SameVersion(const http::FormFields& form, const RegisteredReport& report) {
  return form.Get("case_version") == std::to_string(report.case_version);
}

constexpr const char* kConflict =
    N_("A colleague changed this case meanwhile, so nothing was saved. Look at the case again: "
       "what you typed is still in the form.");
// The page again, as the case is now, with what was typed and the conflict explained (409).
http::Response Conflict(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, long long report_id, PageState state) {
  auto report = VisibleReport(app, staff, report_id);
  if (!report) return ErrorPage(app, 404, &request);  // handed over to another bureau meanwhile
  state.problem = app.translator.Get(LangOf(request), kConflict);
  return LetterPage(app, request, staff, *report, 409, state);
}

http::Response PdfDownload(std::string pdf, const std::string& filename) {
  http::Response response{200, {}, std::move(pdf)};
  response.Set("Content-Type", "application/pdf");
  response.Set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  response.Set("Cache-Control", "no-store");
  response.Set("X-Content-Type-Options", "nosniff");
  response.Set("Content-Security-Policy", "sandbox; default-src 'none'");
  return response;
}

}  // namespace

http::Response CaseLetterPage(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  return LetterPage(app, req.http, req.staff, *found.report, 200);
}

http::Response CaseLetterAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const StaffSession& staff = req.staff;
  const RegisteredReport& report = *found.report;
  const http::FormFields& form_fields = req.form.fields;
  Lang lang = LangOf(request);
  std::string action = form_fields.Get("action");
  if (action != "preview" && action != "send" && action != "insert")
    return ErrorPage(app, 400, &request);

  PageState state;
  state.typed = ReadLetterForm(form_fields);
  if (action == "insert") {
    // A standard reply into the summary (issue 14): the form again, nothing made or sent. The
    // text is in the letter's language where the bureau has it.
    state.standard_reply = form_fields.Get(kReplyChoiceField);
    std::string handler = Trim(state.typed->signed_by);
    if (handler.empty()) handler = CaseHandlerName(app, report, staff.user_id);
    InsertedReply inserted =
        InsertStandardReply(app, report, ReplyUse::kLetter, state.typed->lang == "en" ? "en" : "nl",
                            state.standard_reply, state.typed->summary, handler);
    if (inserted.problem) {
      state.standard_reply_error = inserted.problem;
      return LetterPage(app, request, staff, report, 422, state);
    }
    state.typed->summary = inserted.text;
    state.standard_reply_notice = MissingPlaceholdersNotice(app, lang, inserted.missing);
    return LetterPage(app, request, staff, report, 200, state);
  }
  state.errors = CheckLetterForm(*state.typed, DutchToday(app.now()));
  if (!state.errors.empty()) return LetterPage(app, request, staff, report, 422, state);
  // Nothing reaches the other party without what the rules require, not even a printed draft.
  Verdict verdict = CheckAction(ActionKind::kLetterToOtherParty, FactsOf(app, report));
  if (!verdict) {
    state.problem = app.translator.Get(lang, RefusalMessage(verdict.refusal()));
    return LetterPage(app, request, staff, report, 422, state);
  }
  if (action == "send" && !SameVersion(form_fields, report))
    return Conflict(app, request, staff, report.id, std::move(state));
  auto pdf = RenderCaseLetter(app, report, *state.typed);
  if (!pdf) {
    log::Error("letter not made", {{"reference", report.reference}, {"error", pdf.error()}});
    state.problem = app.translator.Get(
        lang, N_("The letter could not be made: it does not fit the layout (at most 20 pages, "
                 "lines of at most 200 characters). Shorten the summary or the address."));
    return LetterPage(app, request, staff, report, 422, state);
  }

  if (action == "preview") {
    // Printing a letter processes the case's personal data: on the record before it is handed out.
    app.audit.Audit(staff.user_id, "letter.print", report.reference + " preview", app.now());
    return PdfDownload(std::move(*pdf), "brief-" + report.reference + "-concept.pdf");
  }

  const LetterForm& form = *state.typed;
  NewCaseLetter letter{report.id,
                       staff.user_id,
                       form.lang,
                       form.reply_by,
                       form.other_party_name,
                       form.other_party_address,
                       form.summary,
                       form.signed_by,
                       std::move(*pdf),
                       form.other_party_attention};
  long long letter_id = app.letters.AddCaseLetter(letter, app.now());
  CaseChange change;
  change.report_id = report.id;
  change.staff_user_id = staff.user_id;
  change.expected_version = report.case_version;
  change.kind = CaseEventKind::kLetterSent;
  change.code = std::string(ActionCode(ActionKind::kLetterToOtherParty));
  change.detail = FormatLetterSentDetail({letter_id, *ParseIsoDate(form.reply_by)});
  change.text = form.other_party_name;  // to whom, for the case's history
  if (!app.cases.ApplyCaseChange(change, app.now())) {
    // A colleague's change came first: the letter was not sent as far as the case knows.
    app.letters.DeleteCaseLetter(report.id, letter_id);
    return Conflict(app, request, staff, report.id, std::move(state));
  }
  app.audit.Audit(staff.user_id, "letter.send",
                  report.reference + " letter " + std::to_string(letter_id), app.now());
  return http::Response::SeeOther(LetterFormUrl(report.id) + "?verzonden=1");
}

http::Response CaseLetterDownload(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto ids = ParseLetterPath(request.path, false);
  if (!ids) return ErrorPage(app, 404, &request);
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  auto letter = WasSent(app, report.id, ids->second)
                    ? app.letters.GetCaseLetter(report.id, ids->second)
                    : std::nullopt;
  if (!letter) return ErrorPage(app, 404, &request);
  app.audit.Audit(req.staff.user_id, "letter.print",
                  report.reference + " letter " + std::to_string(letter->id), app.now());
  return PdfDownload(std::move(letter->letter.pdf),
                     "brief-" + report.reference + "-" + std::to_string(letter->id) + ".pdf");
}

http::Response CaseLetterReply(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto ids = ParseLetterPath(request.path, true);
  if (!ids) return ErrorPage(app, 404, &request);
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const StaffSession& staff = req.staff;
  const RegisteredReport& report = *found.report;
  Lang lang = LangOf(request);
  if (!WasSent(app, report.id, ids->second)) return ErrorPage(app, 404, &request);

  PageState state;
  state.reply_letter = ids->second;
  state.reply_typed = Trim(req.form.fields.Get("reply"));
  if (state.reply_typed.empty()) {
    state.reply_error = N_("Write in a few words what the other party answered.");
  } else if (!IsValidUtf8Text(state.reply_typed, true)) {
    state.reply_error = N_("This text holds characters that cannot be printed.");
  } else if (CountCodePoints(state.reply_typed) > kMaxReplyNote) {
    state.reply_error = N_("Keep it to at most 2,000 characters.");
  }
  if (state.reply_error) return LetterPage(app, request, staff, report, 422, state);
  if (!IsOpen(report.step)) {
    state.problem = app.translator.Get(lang, RefusalMessage(Refusal::kCaseClosed));
    return LetterPage(app, request, staff, report, 422, state);
  }
  CaseChange change;
  change.report_id = report.id;
  change.staff_user_id = staff.user_id;
  change.expected_version = report.case_version;
  change.kind = CaseEventKind::kReplyReceived;
  change.detail = FormatReplyReceivedDetail(ids->second);
  change.text = state.reply_typed;
  if (!SameVersion(req.form.fields, report) || !app.cases.ApplyCaseChange(change, app.now()))
    return Conflict(app, request, staff, report.id, std::move(state));
  app.audit.Audit(staff.user_id, "letter.reply",
                  report.reference + " letter " + std::to_string(ids->second), app.now());
  return http::Response::SeeOther(LetterFormUrl(report.id) + "?reactie=1");
}

}  // namespace meldpunt::web
