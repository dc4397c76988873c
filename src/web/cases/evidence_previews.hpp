#pragma once
// Previews of a report's files on the case page (issue 14): a thumbnail of an image, the first
// words of a PDF, else the plain name. A thumbnail is fetched with a ticket signed by the case
// page that showed it, for that staff member and file, valid for kPreviewTicketSeconds: the case
// open is the audited read, so a thumbnail adds no audit entry of its own, and a thumbnail cannot
// be fetched without such a read.
#include <string>
#include <vector>

#include "http/message.hpp"
#include "store/evidence_store.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

inline constexpr long long kPreviewTicketSeconds = 60 * 60;

// The thumbnail address of one file for this staff member, with a ticket valid from now.
std::string EvidencePreviewUrl(const AppContext& app, long long user_id, long long report_id,
                               long long evidence_id);

// Whether a ticket (the "t" query value) is right for this staff member and file at now.
bool PreviewTicketValid(const AppContext& app, std::string_view ticket, long long user_id,
                        long long report_id, long long evidence_id);

// The case page's file list: EvidenceFileList plus, per file, thumb_url (an image), or
// preview_text (a PDF with text), or neither (the file's name and an icon).
kainjow::mustache::list CaseFileList(const AppContext& app, Lang lang, long long user_id,
                                     const std::vector<EvidenceInfo>& files);

// GET kEvidencePreviewPath: the thumbnail as image/webp, private and never stored by the browser.
// 404 for another bureau's case, a file of another report, a file without a thumbnail, and a
// missing or wrong ticket.
http::Response StaffEvidencePreview(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
