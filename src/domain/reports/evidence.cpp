#include "domain/reports/evidence.hpp"

#include <array>
#include <utility>

namespace meldpunt {
namespace {

struct Kind {
  std::string_view media_type;
  EvidenceType type;
  std::string_view extension;
};

// Media types as libmagic names them. Office files are zip archives; libmagic tells them apart
// by their first entries, and a plain zip (or a macro-enabled document) is not on this list.
constexpr std::array kKinds = {
    Kind{"image/jpeg", EvidenceType::kJpeg, "jpg"},
    Kind{"image/png", EvidenceType::kPng, "png"},
    Kind{"image/webp", EvidenceType::kWebp, "webp"},
    Kind{"image/gif", EvidenceType::kGif, "gif"},
    Kind{"image/heic", EvidenceType::kHeic, "heic"},
    Kind{"application/pdf", EvidenceType::kPdf, "pdf"},
    Kind{"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         EvidenceType::kDocx, "docx"},
    Kind{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EvidenceType::kXlsx,
         "xlsx"},
    Kind{"application/vnd.oasis.opendocument.text", EvidenceType::kOdt, "odt"},
    Kind{"application/vnd.oasis.opendocument.spreadsheet", EvidenceType::kOds, "ods"},
    Kind{"text/plain", EvidenceType::kText, "txt"},
};

// The length of the valid UTF-8 sequence at the start of text, or 0.
size_t Utf8SequenceLength(std::string_view text) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  auto continuation = [&](size_t i) { return i < text.size() && (b(i) & 0xc0) == 0x80; };
  unsigned char first = b(0);
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (first == 0xe0 && b(1) < 0xa0) return 0;   // overlong
    if (first == 0xed && b(1) >= 0xa0) return 0;  // surrogates
    return 3;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (first == 0xf0 && b(1) < 0x90) return 0;   // overlong
    if (first == 0xf4 && b(1) >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

std::string_view RefusalCode(EvidenceRefusal refusal) {
  switch (refusal) {
    case EvidenceRefusal::kEmpty:
      return "empty";
    case EvidenceRefusal::kFileTooLarge:
      return "file_too_large";
    case EvidenceRefusal::kTooManyFiles:
      return "too_many_files";
    case EvidenceRefusal::kSubmissionTooLarge:
      return "submission_too_large";
    case EvidenceRefusal::kReportFull:
      return "report_full";
    case EvidenceRefusal::kTypeNotAllowed:
      return "type_not_allowed";
    case EvidenceRefusal::kImageUnreadable:
      return "image_unreadable";
    case EvidenceRefusal::kImageTooLarge:
      return "image_too_large";
    case EvidenceRefusal::kUnavailable:
      return "unavailable";
  }
  return "unknown";
}

std::optional<EvidenceType> EvidenceTypeOf(std::string_view media_type) {
  for (const auto& kind : kKinds) {
    if (kind.media_type == media_type) return kind.type;
  }
  return std::nullopt;
}

bool IsImage(EvidenceType type) {
  switch (type) {
    case EvidenceType::kJpeg:
    case EvidenceType::kPng:
    case EvidenceType::kWebp:
    case EvidenceType::kGif:
    case EvidenceType::kHeic:
      return true;
    default:
      return false;
  }
}

std::string_view ExtensionFor(std::string_view media_type) {
  for (const auto& kind : kKinds) {
    if (kind.media_type == media_type) return kind.extension;
  }
  return "bin";
}

std::vector<EvidenceProblem> CheckEvidenceCounts(const std::vector<ReceivedFile>& files,
                                                 long long already_stored) {
  std::vector<EvidenceProblem> problems;
  if (files.size() > kMaxEvidenceFilesPerSubmission) {
    problems.push_back({std::nullopt, EvidenceRefusal::kTooManyFiles});
  } else if (already_stored + static_cast<long long>(files.size()) > kMaxEvidenceFilesPerReport) {
    problems.push_back({std::nullopt, EvidenceRefusal::kReportFull});
  }
  size_t total = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    total += files[i].size;
    if (files[i].size == 0) problems.push_back({i, EvidenceRefusal::kEmpty});
    if (files[i].size > kMaxEvidenceFileBytes)
      problems.push_back({i, EvidenceRefusal::kFileTooLarge});
  }
  if (total > kMaxEvidenceSubmissionBytes) {
    problems.push_back({std::nullopt, EvidenceRefusal::kSubmissionTooLarge});
  }
  return problems;
}

std::string CleanFilename(std::string_view filename) {
  std::string clean;
  while (!filename.empty()) {
    size_t length = Utf8SequenceLength(filename);
    std::string_view piece = filename.substr(0, length);
    if (length == 0) {
      piece = "\xef\xbf\xbd";  // U+FFFD for a byte that is not UTF-8
      length = 1;
    } else if (length == 1 && (static_cast<unsigned char>(piece[0]) < 0x20 || piece[0] == 0x7f)) {
      piece = "_";
    }
    if (clean.size() + piece.size() > kMaxEvidenceFilenameBytes) break;
    clean.append(piece);
    filename.remove_prefix(length);
  }
  return clean;
}

}  // namespace meldpunt
