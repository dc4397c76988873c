#include "web/cases/staff_evidence.hpp"

#include <charconv>
#include <optional>

#include "base/text.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/evidence.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/evidence_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"

namespace meldpunt::web {

std::optional<std::pair<long long, long long>> ParseEvidencePath(std::string_view path) {
  constexpr std::string_view kPrefix = "/medewerkers/meldingen/";
  constexpr std::string_view kMiddle = "/bestanden/";
  if (!path.starts_with(kPrefix)) return std::nullopt;
  path.remove_prefix(kPrefix.size());
  size_t middle = path.find(kMiddle);
  if (middle == std::string_view::npos) return std::nullopt;
  auto report = ParseId(path.substr(0, middle));
  auto file = ParseId(path.substr(middle + kMiddle.size()));
  if (!report || !file) return std::nullopt;
  return std::make_pair(*report, *file);
}

std::string EvidenceUrl(long long report_id, long long evidence_id) {
  return "/medewerkers/meldingen/" + std::to_string(report_id) + "/bestanden/" +
         std::to_string(evidence_id);
}

http::Response StaffEvidenceDownload(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto ids = ParseEvidencePath(request.path);
  if (!ids) return ErrorPage(app, 404, &request);
  auto [report_id, evidence_id] = *ids;
  auto report = VisibleReport(app, req.staff, report_id);
  if (!report) return ErrorPage(app, 404, &request);
  auto file = app.evidence.GetEvidence(report_id, evidence_id);
  if (!file) return ErrorPage(app, 404, &request);
  // Opening a file is a read of personal data: it goes on the record before it is handed out.
  app.audit.Audit(
      AuditEntry::ForCase(req.staff.user_id, "download_evidence", report->id, report->bureau_id,
                          report->reference + " file " + std::to_string(evidence_id)),
      app.now());
  http::Response response{200, {}, std::move(file->content)};
  response.Set("Content-Type", file->info.media_type);
  // The client's own file name is shown in the staff pages, never used here: a generated name
  // with the extension of the type the content really has.
  response.Set("Content-Disposition", "attachment; filename=\"melding-" +
                                          std::to_string(report_id) + "-bestand-" +
                                          std::to_string(evidence_id) + "." +
                                          std::string(ExtensionFor(file->info.media_type)) + "\"");
  response.Set("X-Content-Type-Options", "nosniff");
  response.Set("Content-Security-Policy", "sandbox; default-src 'none'");
  return response;
}

kainjow::mustache::list EvidenceFileList(Lang lang, const std::vector<EvidenceInfo>& files) {
  kainjow::mustache::list list;
  for (const auto& info : files) {
    TemplateData link;
    link.set("id", std::to_string(info.id));
    link.set("url", EvidenceUrl(info.report_id, info.id));
    std::string name = info.filename;
    if (name.empty()) name.append("#").append(std::to_string(info.id));
    link.set("name", name);
    link.set("size", HumanSize(info.size, lang));
    link.set("at", FormatDutchDateTime(info.received_at));
    link.set("with_report", Bool(!info.message_id.has_value()));
    list.push_back(link);
  }
  return list;
}

std::map<long long, kainjow::mustache::list> EvidenceLinks(const AppContext& app, Lang lang,
                                                           long long first_id, long long last_id) {
  std::map<long long, kainjow::mustache::list> links;
  for (const auto& [report_id, count] : app.evidence.CountEvidenceByReport(first_id, last_id)) {
    if (count == 0) continue;
    links[report_id] = EvidenceFileList(lang, app.evidence.ListEvidence(report_id));
  }
  return links;
}

std::string HumanSize(long long bytes, Lang lang) {
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  long long tenths = (bytes * 10 + kMiB / 2) / static_cast<long long>(kMiB);
  return std::to_string(tenths / 10) + (lang == Lang::kNl ? "," : ".") +
         std::to_string(tenths % 10) + " MB";
}

}  // namespace meldpunt::web
