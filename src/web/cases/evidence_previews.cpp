#include "web/cases/evidence_previews.hpp"

#include <charconv>
#include <optional>

#include "base/text.hpp"
#include "evidence/previews.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kTicketPurpose = "evidence-preview";

// Reads "/medewerkers/meldingen/<report>/bestanden/<file>/voorbeeld".
std::optional<std::pair<long long, long long>> ParsePreviewPath(std::string_view path) {
  constexpr std::string_view kSuffix = "/voorbeeld";
  if (!path.ends_with(kSuffix)) return std::nullopt;
  path.remove_suffix(kSuffix.size());
  return ParseEvidencePath(path);
}

std::string TicketValue(long long user_id, long long report_id, long long evidence_id,
                        long long expires) {
  return std::to_string(user_id) + "-" + std::to_string(report_id) + "-" +
         std::to_string(evidence_id) + "-" + std::to_string(expires);
}

}  // namespace

std::string EvidencePreviewUrl(const AppContext& app, long long user_id, long long report_id,
                               long long evidence_id) {
  std::string value =
      TicketValue(user_id, report_id, evidence_id, app.now() + kPreviewTicketSeconds);
  return EvidenceUrl(report_id, evidence_id) +
         "/voorbeeld?t=" + app.signer.Sign(kTicketPurpose, value);
}

bool PreviewTicketValid(const AppContext& app, std::string_view ticket, long long user_id,
                        long long report_id, long long evidence_id) {
  auto value = app.signer.Verify(kTicketPurpose, ticket);
  if (!value) return false;
  std::string prefix = TicketValue(user_id, report_id, evidence_id, 0);
  prefix.resize(prefix.size() - 1);  // without the "0" of the expiry
  if (!value->starts_with(prefix)) return false;
  auto expires = ParseId(std::string_view(*value).substr(prefix.size()));
  return expires && *expires >= app.now();
}

kainjow::mustache::list CaseFileList(const AppContext& app, Lang lang, long long user_id,
                                     const std::vector<EvidenceInfo>& files) {
  kainjow::mustache::list list = EvidenceFileList(lang, files);
  for (size_t i = 0; i < files.size() && i < list.size(); ++i) {
    const EvidenceInfo& info = files[i];
    if (evidence::HasThumbnail(info.media_type)) {
      list[i].set("thumb_url", EvidencePreviewUrl(app, user_id, info.report_id, info.id));
    } else if (evidence::HasTextPreview(info.media_type) &&
               static_cast<size_t>(info.size) <= evidence::kMaxPdfPreviewBytes) {
      // The text is read while the page is made (the case open is the audited read); the first
      // page is drawn when the browser asks for it (the same ticket as an image's thumbnail). A
      // PDF without text (a scan) shows its first page only; a broken or locked one says so.
      auto file = app.evidence.GetEvidence(info.report_id, info.id);
      if (!file) continue;
      evidence::PdfPreview preview = evidence::ReadPdfPreview(file->content);
      switch (preview.problem) {
        case evidence::PdfProblem::kLocked:
          list[i].set("preview_problem",
                      app.translator.Get(lang, N_("This PDF is protected by a password, so it has "
                                                  "no preview. Download it to open it.")));
          continue;
        case evidence::PdfProblem::kBroken:
          list[i].set("preview_problem",
                      app.translator.Get(lang, N_("This PDF could not be read (it may be damaged), "
                                                  "so it has no preview. Download it to try to "
                                                  "open it.")));
          continue;
        case evidence::PdfProblem::kNone:
          break;
      }
      list[i].set("thumb_url", EvidencePreviewUrl(app, user_id, info.report_id, info.id));
      list[i].set("thumb_pdf", Bool(true));
      if (preview.text) list[i].set("preview_text", *preview.text);
    }
  }
  return list;
}

http::Response StaffEvidencePreview(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  auto ids = ParsePreviewPath(request.path);
  if (!ids) return ErrorPage(app, 404, &request);
  auto [report_id, evidence_id] = *ids;
  auto report = VisibleReport(app, req.staff, report_id);
  if (!report) return ErrorPage(app, 404, &request);
  if (!PreviewTicketValid(app, request.QueryParam("t"), req.staff.user_id, report_id, evidence_id))
    return ErrorPage(app, 404, &request);
  auto file = app.evidence.GetEvidence(report_id, evidence_id);
  if (!file) return ErrorPage(app, 404, &request);
  // An image's thumbnail, or a PDF's first page (bounded in pixels and in time, kMaxPdfRenderTime).
  auto thumbnail = evidence::HasTextPreview(file->info.media_type)
                       ? evidence::MakePdfThumbnail(file->content)
                       : evidence::MakeThumbnail(file->content, file->info.media_type);
  if (!thumbnail) return ErrorPage(app, 404, &request);
  http::Response response{200, {}, std::move(thumbnail->bytes)};
  response.Set("Content-Type", thumbnail->media_type);
  // A thumbnail shows the same personal data as the file: never kept by a browser or a proxy.
  response.Set("Cache-Control", "private, no-store");
  response.Set("X-Content-Type-Options", "nosniff");
  response.Set("Content-Security-Policy", "sandbox; default-src 'none'");
  return response;
}

}  // namespace meldpunt::web
