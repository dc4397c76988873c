#include "web/public/evidence_upload.hpp"

#include <variant>

#include "evidence/processor.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

const char* RefusalText(EvidenceRefusal refusal) {
  switch (refusal) {
    case EvidenceRefusal::kEmpty:
      return N_("\"{file}\" is empty.");
    case EvidenceRefusal::kFileTooLarge:
      return N_("\"{file}\" is larger than {max_file_mb} MB. Choose a smaller file.");
    case EvidenceRefusal::kTooManyFiles:
      return N_("You can send at most {max_files} files at once.");
    case EvidenceRefusal::kSubmissionTooLarge:
      return N_(
          "The files are larger than {max_total_mb} MB together. Choose fewer or smaller "
          "files.");
    case EvidenceRefusal::kReportFull:
      return N_("A report can hold at most {max_report_files} files. Send fewer files.");
    case EvidenceRefusal::kTypeNotAllowed:
      return N_(
          "We cannot accept \"{file}\": this kind of file is not allowed. Send photos or "
          "screenshots (JPEG, PNG, WebP, GIF, HEIC), PDF, Word, Excel, OpenDocument or "
          "plain text files.");
    case EvidenceRefusal::kImageUnreadable:
      return N_(
          "\"{file}\" looks like a picture, but we cannot open it. The file may be "
          "damaged.");
    case EvidenceRefusal::kImageTooLarge:
      return N_("\"{file}\" is a picture that is too large. Make it smaller and try again.");
    case EvidenceRefusal::kUnavailable:
      return N_(
          "We cannot open \"{file}\" at the moment. Save it as JPEG or PNG and try "
          "again.");
  }
  return N_("\"{file}\" cannot be accepted.");
}

void Replace(std::string& text, std::string_view placeholder, const std::string& value) {
  for (size_t pos = 0; (pos = text.find(placeholder, pos)) != std::string::npos;
       pos += value.size()) {
    text.replace(pos, placeholder.size(), value);
  }
}

std::string NameOrNumber(const std::vector<http::UploadedFile>& files, size_t index) {
  std::string name = CleanFilename(files[index].filename);
  if (name.empty()) name.append("#").append(std::to_string(index + 1));
  return name;
}

}  // namespace

http::FormLimits UploadFormLimits(size_t max_fields) {
  // Generous on counts, so that six files get the message about five rather than a bare 400;
  // sizes are bounded by the route's body limit anyway.
  return http::FormLimits{.max_fields = max_fields,
                          .multipart = {.max_parts = max_fields + 50,
                                        .max_part_header_bytes = 4096,
                                        .max_field_bytes = 64 * 1024,
                                        .max_files = 50,
                                        .max_file_bytes = kUploadBodyLimit,
                                        .max_total_file_bytes = kUploadBodyLimit}};
}

bool OnlyEvidenceFiles(const std::vector<http::UploadedFile>& files) {
  for (const auto& file : files) {
    if (file.field != kEvidenceField) return false;
  }
  return true;
}

std::string RefusalMessage(const AppContext& app, Lang lang, EvidenceRefusal refusal,
                           const std::string& filename) {
  std::string text = app.translator.Get(lang, RefusalText(refusal));
  Replace(text, "{max_file_mb}", std::to_string(kMaxEvidenceFileBytes / kMiB));
  Replace(text, "{max_total_mb}", std::to_string(kMaxEvidenceSubmissionBytes / kMiB));
  Replace(text, "{max_files}", std::to_string(kMaxEvidenceFilesPerSubmission));
  Replace(text, "{max_report_files}", std::to_string(kMaxEvidenceFilesPerReport));
  Replace(text, "{file}", filename);  // last: a file name may itself contain braces
  return text;
}

EvidenceUpload ProcessEvidence(const AppContext& app, Lang lang,
                               const std::vector<http::UploadedFile>& files,
                               long long already_stored) {
  EvidenceUpload upload;
  upload.had_files = !files.empty();
  std::vector<ReceivedFile> received;
  for (const auto& file : files) received.push_back({file.filename, file.bytes.size()});
  for (const auto& problem : CheckEvidenceCounts(received, already_stored)) {
    upload.problems.push_back(RefusalMessage(
        app, lang, problem.refusal, problem.file ? NameOrNumber(files, *problem.file) : ""));
  }
  if (!upload.problems.empty()) return upload;
  for (size_t i = 0; i < files.size(); ++i) {
    auto result = evidence::ProcessFile(files[i].filename, files[i].bytes);
    if (auto* refusal = std::get_if<EvidenceRefusal>(&result)) {
      upload.problems.push_back(RefusalMessage(app, lang, *refusal, NameOrNumber(files, i)));
    } else {
      upload.files.push_back(std::move(std::get<EvidenceFile>(result)));
    }
  }
  if (!upload.problems.empty()) upload.files.clear();  // all or nothing
  return upload;
}

void SetEvidenceFormData(TemplateData& data, const EvidenceUpload& upload) {
  data.set("evidence_max_files", std::to_string(kMaxEvidenceFilesPerSubmission));
  data.set("evidence_max_file_mb", std::to_string(kMaxEvidenceFileBytes / kMiB));
  data.set("evidence_max_total_mb", std::to_string(kMaxEvidenceSubmissionBytes / kMiB));
  // A browser cannot fill a file input again: files chosen for a form that comes back are gone.
  data.set("evidence_dropped", Bool(upload.had_files));
  if (upload.problems.empty()) return;
  const auto* existing = data.get("errors");
  kainjow::mustache::list summary =
      existing && existing->is_list() ? existing->list_value() : kainjow::mustache::list{};
  kainjow::mustache::list messages;
  for (const auto& problem : upload.problems) {
    TemplateData message;
    message.set("message", problem);
    messages.push_back(message);
    TemplateData item;
    item.set("field", std::string(kEvidenceField));
    item.set("message", problem);
    summary.push_back(item);
  }
  data.set("evidence_errors", messages);
  data.set("has_evidence_errors", Bool(true));
  data.set("errors", summary);
  data.set("has_errors", Bool(true));
}

}  // namespace meldpunt::web
