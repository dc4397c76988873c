#pragma once
// Evidence files sent with a form (the report form now, the follow-up thread later): the limits
// of such a form, the checks every file goes through, and the messages that say what was refused.
#include <string>
#include <vector>

#include "domain/reports/evidence.hpp"
#include "http/request_form.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The field of the file input.
inline constexpr std::string_view kEvidenceField = "evidence";
// The body limit of a route that takes files: every file of a submission, plus room for the text
// fields and the multipart framing.
inline constexpr size_t kUploadBodyLimit = kMaxEvidenceSubmissionBytes + kMiB;

// Parser limits for a form with files: hard limits only. The rules a reporter can run into (five
// files, 10 MB each) are checked afterwards, so that the form comes back with a clear message.
http::FormLimits UploadFormLimits(size_t max_fields);

struct EvidenceUpload {
  std::vector<EvidenceFile> files;    // when problems is empty: everything, ready to store
  std::vector<std::string> problems;  // one translated message per problem
  bool had_files = false;             // the form carried any file
};

// Checks counts and sizes, then every file's content, for a report holding already_stored files.
// Files sent under another field than kEvidenceField are refused as a whole (400 by the caller).
// Stops at the count and size rules: no file is processed when those fail.
EvidenceUpload ProcessEvidence(const AppContext& app, Lang lang,
                               const std::vector<http::UploadedFile>& files,
                               long long already_stored);
// Whether every file came in the evidence field.
bool OnlyEvidenceFiles(const std::vector<http::UploadedFile>& files);

// The message for a refusal, in the visitor's language, with the file's name when there is one.
std::string RefusalMessage(const AppContext& app, Lang lang, EvidenceRefusal refusal,
                           const std::string& filename);

// Adds the template values of the evidence fieldset (the limits), and when problems is not
// empty, the messages beside the file input and in the form's error summary.
void SetEvidenceFormData(TemplateData& data, const EvidenceUpload& upload);

}  // namespace meldpunt::web
