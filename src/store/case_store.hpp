#pragma once
// Cases (dossiers): changing a case together with its history, and reading that history.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/cases/case_event.hpp"
#include "domain/cases/case_protocol.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// One event in a case's history (domain/cases/case_event.hpp), decrypted.
struct CaseEvent {
  long long id = 0;
  long long report_id = 0;
  long long at = 0;  // Unix seconds
  std::optional<long long> staff_user_id;
  std::string staff_email;  // who did it; empty for the system
  CaseEventKind kind = CaseEventKind::kNote;
  std::string code;    // see CaseEventKind
  std::string detail;  // codes and ids only, never personal data
  std::string text;    // free text (personal data), decrypted
};

// A planned mediation (bemiddeling) of a case: when, where, with whom. Place and participants are
// personal data, encrypted in the store; after erasure they read as empty.
// The limits are the domain's (domain/cases/mediation.hpp).
struct Mediation {
  long long planned_at = 0;  // Unix seconds
  std::string place;
  std::string participants;
};

// One change to a case, applied in one transaction together with its event, and only when the
// case is still at `expected_version` (a colleague's change in between makes it fail, so two
// people never undo each other unseen). The checks of what is allowed are the caller's (domain/).
struct CaseChange {
  long long report_id = 0;
  std::optional<long long> staff_user_id;  // none: the system (e.g. registration only)
  long long expected_version = 0;
  CaseEventKind kind = CaseEventKind::kNote;
  std::string code;
  std::string detail;
  std::string text;  // encrypted in the store
  // What changes on the case besides its history:
  // Also sets the reporter's status (ReporterStatusOf), and adds it to the status history
  // (ListStatusChanges) when it changes.
  std::optional<CaseStep> step;
  std::optional<std::optional<long long>> assign;  // a handler, or nobody
  std::optional<bool> consent;
  // Closing: the handling codes and the outcome. Set with step kClosed; a step that leaves
  // kClosed (reopening) clears them.
  std::optional<std::pair<std::vector<std::string>, std::string>> close;
  // Classifying again: the codes and the code-list version they come from.
  struct Classification {
    std::string nature;
    std::vector<std::string> grounds;
    std::string domain;
    std::string code_list_version;
  };
  std::optional<Classification> classify;
  // Planning a mediation, or changing the plan: replaces the case's one planned mediation. Only
  // with ApplyCaseChange.
  std::optional<Mediation> mediation;
  // A tag (tag_store.hpp) put on the case (true) or taken off (false); with kind kTagged.
  std::optional<std::pair<long long, bool>> tag;
  // Another case of the bureau linked as related (true) or unlinked (false); with kind kRelated.
  // Only with DuplicateStore::RelateCases, which records it on both cases.
  std::optional<std::pair<long long, bool>> related;
};

class CaseStore {
 public:
  virtual ~CaseStore() = default;

  // Cases (soci_cases.cpp). Returns false, changing nothing, when the report does not exist or
  // its case_version is no longer change.expected_version.
  virtual bool ApplyCaseChange(const CaseChange& change, long long now) = 0;
  // Many changes at once (bulk work on mass reports), in one transaction, each exactly as
  // ApplyCaseChange would apply it: result[i] says whether changes[i] applied.
  virtual std::vector<bool> ApplyCaseChanges(const std::vector<CaseChange>& changes,
                                             long long now) = 0;
  // Several changes to one case as one: all in one transaction, each recorded as its own event at
  // the same moment, or none at all. changes[0] expects the case's version and each next one the
  // version the one before left (set here; the callers' expected_version of the others is
  // ignored). Returns false, changing nothing, when any of them would not apply (a colleague's
  // change came first). For a combined step change (case_protocol.hpp: StepPath).
  virtual bool ApplyCaseChangesTogether(const std::vector<CaseChange>& changes, long long now) = 0;
  // The case's planned mediation, decrypted, if one was planned (soci_mediations.cpp).
  virtual std::optional<Mediation> GetMediation(long long report_id) = 0;
  // Only the moment of the planned mediation, without decrypting anything: for the work list's
  // next deadline (not used there yet; see docs/design.md).
  virtual std::optional<long long> PlannedMediationAt(long long report_id) = 0;
  // Oldest first, decrypted, with the staff member's e-mail address.
  virtual std::vector<CaseEvent> ListCaseEvents(long long report_id) = 0;
  // The open cases (not closed or archived) assigned to user_id in any bureau but keep_bureau
  // (none: in every bureau) become unassigned, each with a kAssigned event (detail empty: nobody;
  // code: why, e.g. kUnassignedAccountMoved) by staff_user_id, in one transaction (issue 14: an
  // account moved to another bureau or deactivated). Returns how many cases. Running it again
  // finds nothing more to do.
  virtual long long UnassignOpenCases(long long user_id, std::optional<long long> keep_bureau,
                                      std::optional<long long> staff_user_id,
                                      const std::string& code, long long now) = 0;
};

}  // namespace meldpunt
