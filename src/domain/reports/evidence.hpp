#pragma once
// Evidence (bewijsstukken): files a reporter adds to a report, such as screenshots, photos and
// letters. The limits, which kinds of file are taken, and the rules on counts and sizes. The
// content checks themselves (what a file really is, re-encoding images) are in src/evidence/.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

inline constexpr size_t kMiB = 1024 * 1024;

// The limits, in one place. A phone photo is 2 to 8 MiB; screenshots and letters are smaller.
inline constexpr size_t kMaxEvidenceFileBytes = 10 * kMiB;        // one file as received
inline constexpr size_t kMaxEvidenceFilesPerSubmission = 5;       // one form sent
inline constexpr size_t kMaxEvidenceSubmissionBytes = 25 * kMiB;  // all files of one form sent
inline constexpr long long kMaxEvidenceFilesPerReport = 20;       // over the report's life
// Images are decoded; a small file may claim a huge picture (a decompression bomb).
inline constexpr long long kMaxImagePixels = 50'000'000;
// Re-encoding may make an image larger (a GIF becomes a PNG); beyond this it is not kept.
inline constexpr size_t kMaxStoredEvidenceBytes = 3 * kMaxEvidenceFileBytes;
inline constexpr size_t kMaxEvidenceFilenameBytes = 255;

// The kinds of file taken, known by their content, never by name or declared type.
enum class EvidenceType { kJpeg, kPng, kWebp, kGif, kHeic, kPdf, kDocx, kXlsx, kOdt, kOds, kText };

// Why a file, or a submission's files, are not taken.
enum class EvidenceRefusal {
  kEmpty,
  kFileTooLarge,        // over kMaxEvidenceFileBytes
  kTooManyFiles,        // over kMaxEvidenceFilesPerSubmission
  kSubmissionTooLarge,  // over kMaxEvidenceSubmissionBytes together
  kReportFull,          // the report would hold over kMaxEvidenceFilesPerReport
  kTypeNotAllowed,      // not on the list of kinds taken
  kImageUnreadable,     // looks like an image but does not decode
  kImageTooLarge,       // over kMaxImagePixels
  kUnavailable,         // this server cannot process the kind (HEIC without a decoder)
};

// A stable code for logs and tests, e.g. "type_not_allowed".
std::string_view RefusalCode(EvidenceRefusal refusal);

// The kind for a media type as content sniffing names it; nothing when it is not taken.
std::optional<EvidenceType> EvidenceTypeOf(std::string_view media_type);
bool IsImage(EvidenceType type);
// The file extension staff get when they download a file of this media type, without the dot.
std::string_view ExtensionFor(std::string_view media_type);

// A file as received, before its content is looked at.
struct ReceivedFile {
  std::string filename;  // the client's word
  size_t size = 0;
};

struct EvidenceProblem {
  std::optional<size_t> file;  // index into the submission; none for the submission as a whole
  EvidenceRefusal refusal;
};

// The count and size rules for the files of one submission to a report that holds
// already_stored files. Empty when the files may go on to have their content checked.
std::vector<EvidenceProblem> CheckEvidenceCounts(const std::vector<ReceivedFile>& files,
                                                 long long already_stored);

// A client file name made fit to show: valid UTF-8 without control characters, at most
// kMaxEvidenceFilenameBytes bytes. Never used as a name on disk.
std::string CleanFilename(std::string_view filename);

// A file ready to be stored with a report.
struct EvidenceFile {
  std::string filename;         // cleaned client name, for staff only
  std::string media_type;       // of content, sniffed from it
  std::string content;          // the bytes kept: images re-encoded without metadata
  long long original_size = 0;  // bytes as received
  std::string original_sha256;  // hex, of the bytes as received: proof of what came in
};

}  // namespace meldpunt
