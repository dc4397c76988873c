#pragma once
// How a report's status and its messages look, for the reporter (/melden/volgen) and for staff
// (/medewerkers/meldingen/{id}). One rendering, so both sides see the same conversation.
#include <vector>

#include "store/evidence_store.hpp"
#include "store/follow_up_store.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

enum class Viewer { kReporter, kStaff };

// The status in plain words, and what it means for the reporter.
const char* StatusLabel(ReportStatus status);
const char* StatusExplanation(ReportStatus status);

// The thread (template "thread") as HTML: messages oldest first, each with who wrote it, when
// (Dutch time) and its attachments. The reporter sees "You" and "Reporting point"; staff see
// "Reporter" and the colleague's address.
// Files sent with a message are listed under it; staff get download links.
std::string RenderThread(const AppContext& app, Lang lang,
                         const std::vector<ThreadMessage>& messages,
                         const std::vector<EvidenceInfo>& files, Viewer viewer);

// "2.4 MB", "830 kB": a file size in the visitor's words.
std::string FormatFileSize(long long bytes);

}  // namespace meldpunt::web
