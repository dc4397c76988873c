#pragma once
// Duplicate hints (mogelijk dezelfde zaak) and related cases (gerelateerde zaken), issue 14. The
// rules are domain/cases/duplicate_match.hpp; the keys are made by the store from the report's
// personal data when it is registered, corrected, or a letter names its other party, and erased
// with it. Every method may block and must not be called on an I/O thread. Failures throw
// StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/case_protocol.hpp"
#include "domain/cases/duplicate_match.hpp"
#include "store/case_store.hpp"

namespace meldpunt {

// Another report of the bureau that may be about the same matter.
struct DuplicateHint {
  long long report_id = 0;
  std::string reference;
  long long reported_at = 0;         // Unix seconds
  std::vector<MatchReason> reasons;  // in MatchReason order, each once
  double text_similarity = 0;        // with kText: the estimate, 0.5 to 1
};

// A case linked as related, seen from the other one.
struct RelatedCase {
  long long report_id = 0;
  std::string reference;
  long long reported_at = 0;
  CaseStep step = CaseStep::kReceived;
  long long linked_at = 0;
};

// One batch of BackfillMatchKeys.
struct MatchKeyBackfill {
  long long done = 0;     // reports whose keys were made
  long long last_id = 0;  // the highest of them (0: none)
};

class DuplicateStore {
 public:
  virtual ~DuplicateStore() = default;

  // Reports of `bureau_id` received within kDuplicateWindowSeconds of this one that share its
  // e-mail, phone or an other party, or whose text is similar (kSimilarTextThreshold), newest
  // first, at most `max_hints`; never the report itself, an erased report or one already related
  // to it. Reads at most kMaxDuplicateCandidates index entries and never decrypts a report.
  virtual std::vector<DuplicateHint> FindDuplicateHints(long long bureau_id, long long report_id,
                                                        int max_hints) = 0;
  // The cases related to this one that belong to `bureau_id`, in the order they were linked (at
  // most kMaxRelatedCases).
  virtual std::vector<RelatedCase> ListRelatedCases(long long bureau_id, long long report_id) = 0;
  // How many cases are related to this one, of any bureau (for the limit).
  virtual long long CountRelatedCases(long long report_id) = 0;
  // Links (related->second true) or unlinks two cases: `mine` and `theirs` each name the other in
  // `related`, with kind kRelated; both are applied, each at its own expected_version, in one
  // transaction, or neither (false: a colleague changed one of them first).
  virtual bool RelateCases(const CaseChange& mine, const CaseChange& theirs, long long now) = 0;
  // Makes the keys of up to `batch` reports registered before duplicate hints existed (no row in
  // match_signatures, not erased) with an id above `after_id`, lowest id first; returns how many
  // and the last id made, to pass as after_id next time, so that each batch reads on from where
  // the last one stopped instead of past every report done (on 1,000,000 reports that rereading
  // made the backfill quadratic). Run from 0 until it returns 0 (`meldpunt duplicates backfill`).
  virtual MatchKeyBackfill BackfillMatchKeys(int batch, long long after_id) = 0;
};

}  // namespace meldpunt
