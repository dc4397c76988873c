#pragma once
// Evidence files (bewijsstukken) of reports.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/reports/evidence.hpp"
#include "domain/reports/report.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// A stored evidence file (bewijsstuk), without its content.
struct EvidenceInfo {
  long long id = 0;
  long long report_id = 0;
  std::optional<long long> message_id;  // set for files added later in the follow-up thread
  long long received_at = 0;            // Unix seconds
  std::string media_type;               // of the stored bytes, as sniffed
  long long size = 0;                   // of the stored bytes
  long long original_size = 0;          // of the bytes as received
  std::string original_sha256;          // hex, of the bytes as received
  std::string filename;                 // the client's name, decrypted; for display only
};

struct EvidenceContent {
  EvidenceInfo info;
  std::string content;  // decrypted
};

class EvidenceStore {
 public:
  virtual ~EvidenceStore() = default;

  // Evidence files. AddReport stores NewReport::evidence with the report; AddEvidence adds files
  // to a report later (message_id: the follow-up message they came with). It stores nothing and
  // returns nothing when the report would then hold more than kMaxEvidenceFilesPerReport files;
  // otherwise the new ids. Throws StoreError when the report does not exist.
  virtual std::optional<std::vector<long long>> AddEvidence(long long report_id,
                                                            std::optional<long long> message_id,
                                                            const std::vector<EvidenceFile>& files,
                                                            long long now) = 0;
  // Oldest first, without content.
  virtual std::vector<EvidenceInfo> ListEvidence(long long report_id) = 0;
  // One file with its content, when it belongs to that report.
  virtual std::optional<EvidenceContent> GetEvidence(long long report_id,
                                                     long long evidence_id) = 0;
  virtual long long CountEvidence(long long report_id) = 0;
  // Files per report for the reports with ids from first_id to last_id; reports without files
  // are left out.
  virtual std::map<long long, long long> CountEvidenceByReport(long long first_id,
                                                               long long last_id) = 0;
};

}  // namespace meldpunt
