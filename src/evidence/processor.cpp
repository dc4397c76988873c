#include "evidence/processor.hpp"

#include <semaphore>

#include "evidence/images.hpp"
#include "evidence/media_type.hpp"
#include "security/crypto.hpp"

namespace meldpunt::evidence {
namespace {

std::counting_semaphore<kConcurrentJobs> image_jobs(kConcurrentJobs);

// Holds one of the image slots while it lives.
class ImageSlot {
 public:
  ImageSlot() { image_jobs.acquire(); }
  ~ImageSlot() { image_jobs.release(); }
  ImageSlot(const ImageSlot&) = delete;
  ImageSlot& operator=(const ImageSlot&) = delete;
};

}  // namespace

void InitProcessing() {
  InitImages();
  SniffMediaType("");
}

std::variant<EvidenceFile, EvidenceRefusal> ProcessFile(std::string_view filename,
                                                        std::string_view bytes) {
  if (bytes.empty()) return EvidenceRefusal::kEmpty;
  if (bytes.size() > kMaxEvidenceFileBytes) return EvidenceRefusal::kFileTooLarge;
  std::string sniffed = SniffMediaType(bytes);
  auto type = EvidenceTypeOf(sniffed);
  if (!type) return EvidenceRefusal::kTypeNotAllowed;

  EvidenceFile file;
  file.filename = CleanFilename(filename);
  file.original_size = static_cast<long long>(bytes.size());
  file.original_sha256 = Sha256Hex(bytes);
  if (!IsImage(*type)) {
    // Documents are kept as they came: they are only ever handed to staff as a download.
    file.media_type = std::move(sniffed);
    file.content = std::string(bytes);
    return file;
  }
  ImageSlot slot;
  auto image = ReencodeImage(bytes, *type);
  if (auto* refusal = std::get_if<EvidenceRefusal>(&image)) return *refusal;
  auto& clean = std::get<CleanImage>(image);
  if (clean.bytes.size() > kMaxStoredEvidenceBytes) return EvidenceRefusal::kImageTooLarge;
  file.media_type = std::move(clean.media_type);
  file.content = std::move(clean.bytes);
  return file;
}

}  // namespace meldpunt::evidence
