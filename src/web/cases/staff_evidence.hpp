#pragma once
// Evidence files for staff: downloading one file, and the links to a report's files on the case
// page and in lists.
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"
#include "store/evidence_store.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

std::string EvidenceUrl(long long report_id, long long evidence_id);

// The report and file of "/medewerkers/meldingen/<report>/bestanden/<file>", if the path is that.
std::optional<std::pair<long long, long long>> ParseEvidencePath(std::string_view path);

// Hands one file to a signed-in staff member as a download, never to be shown by the browser:
// attachment with a generated name, the sniffed type, nosniff and a sandboxing policy. Every
// download is written to the audit log. 303 to the login page without a session; 404 when the
// file does not belong to that report.
http::Response StaffEvidenceDownload(const AppContext& app, const StaffRequest& request);

// A report's files for a template, oldest first: per file {url, name, size, at, with_report}.
// The url is the audited download route (kEvidencePath); with_report is set for the files sent
// with the report itself, not later with a message.
kainjow::mustache::list EvidenceFileList(Lang lang, const std::vector<EvidenceInfo>& files);

// The file list for each report with files among those shown (ids from first to last), for a
// template: per report a list of {url, name, size}.
std::map<long long, kainjow::mustache::list> EvidenceLinks(const AppContext& app, Lang lang,
                                                           long long first_id, long long last_id);

// A size for people: "840 KB", "2.4 MB" ("2,4 MB" in Dutch).
std::string HumanSize(long long bytes, Lang lang);

}  // namespace meldpunt::web
