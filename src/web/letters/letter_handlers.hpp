#pragma once
// Letters to the other party from a case (hoor en wederhoor), for staff who handle cases:
//   GET  /medewerkers/meldingen/{id}/brief                      the letters sent and the form
//   POST /medewerkers/meldingen/{id}/brief                      action=preview: the PDF;
//                                                               action=send: recorded as sent
//   GET  /medewerkers/meldingen/{id}/brieven/{letter}           a sent letter's PDF
//   POST /medewerkers/meldingen/{id}/brieven/{letter}/reactie   the other party replied
// A letter is made and sent only when the case allows it (CheckAction: the reporter's consent on
// record, not an anonymous incident, the approach agreed, the case open).
#include <cstddef>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// The letter form holds up to 5,000 characters of summary, which URL-encoded may pass 64 KiB.
inline constexpr size_t kLetterFormBodyLimit = 128 * 1024;
// At most this many characters describe the other party's reply.
inline constexpr size_t kMaxReplyNote = 2'000;

// For those who handle cases (the routes' policy: Permission::kHandleCases); the case comes from
// FindCase (web/cases/case_request.hpp).
http::Response CaseLetterPage(const AppContext& app, const StaffRequest& req);
http::Response CaseLetterAction(const AppContext& app, const StaffRequest& req);
http::Response CaseLetterDownload(const AppContext& app, const StaffRequest& req);
http::Response CaseLetterReply(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
