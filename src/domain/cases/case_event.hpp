#pragma once
// What is recorded on a case (dossier): every step, action, note, assignment, consent, contact
// and closing is an event with who and when, so the case history is the list of its events.
// Free text in an event (a note, what was done) is personal data and stored encrypted.
#include <array>
#include <optional>
#include <string_view>

#include "domain/cases/case_protocol.hpp"
#include "domain/reports/follow_up.hpp"

namespace meldpunt {

enum class CaseEventKind {
  kStep,               // moved to another protocol step; code: the new step
  kAction,             // an action (case_action.hpp); code: its kind, detail: its target
  kNote,               // a note for colleagues (notitie); never shown to the reporter
  kAssigned,           // assigned (toegewezen); detail: the handler's user id, empty: nobody;
                       // code: empty, or why the system unassigned (kUnassignedAccount…)
  kConsent,            // the reporter's consent; code: "given" or "withdrawn"
  kContact,            // contact with the reporter outside the thread; code: kContactCodes
  kMissedAppointment,  // the reporter did not come (niet verschenen)
  kLetterSent,         // a letter to the other party was sent; detail: the letter's id
  kReplyReceived,      // the other party replied
  kClosed,             // closed; detail: "handling,codes;outcome"
  kReopened,           // closed to evaluation
  kMoved,              // handed over to another bureau; detail: the bureau id
  kLinked,             // linked to a mass-report event (massamelding); detail: the event id;
                       // code: "linked", or "unlinked" when taken out of it again
  kClassified,         // classified again (herclassificatie); detail: the code-list version
  kMediationPlanned,   // a mediation (bemiddeling) planned or changed; detail: its moment,
                       // "YYYY-MM-DD HH:MM" Dutch time; text: place and participants
  kFollowUp,           // a follow-up date (opvolgdatum, issue 14); code: "set" with the date
                       // (YYYY-MM-DD) as detail and the note as text, or "done"
  kTagged,             // a tag (label) put on (code "added") or taken off ("removed"); detail:
                       // the tag's id, text: its name at the time
  kReferred,           // referred (doorverwezen); code: the destination (referral.hpp), detail:
                       // the day (YYYY-MM-DD), text: the other body's name with "other"
  kOwnInitiative,      // marked as the bureau's own initiative (eigen initiatief,
                       // own_initiative.hpp); code: the reason or "ended", text: why
  kRelated,            // linked to another case of the bureau as related (gerelateerde zaak,
                       // issue 14); code: "linked" or "unlinked", detail: the other case's
                       // reference. Recorded on both cases.
};

inline constexpr std::array<CaseEventKind, 20> kAllCaseEventKinds = {
    CaseEventKind::kStep,
    CaseEventKind::kAction,
    CaseEventKind::kNote,
    CaseEventKind::kAssigned,
    CaseEventKind::kConsent,
    CaseEventKind::kContact,
    CaseEventKind::kMissedAppointment,
    CaseEventKind::kLetterSent,
    CaseEventKind::kReplyReceived,
    CaseEventKind::kClosed,
    CaseEventKind::kReopened,
    CaseEventKind::kMoved,
    CaseEventKind::kLinked,
    CaseEventKind::kClassified,
    CaseEventKind::kMediationPlanned,
    CaseEventKind::kFollowUp,
    CaseEventKind::kTagged,
    CaseEventKind::kReferred,
    CaseEventKind::kOwnInitiative,
    CaseEventKind::kRelated};

std::string_view CaseEventCode(CaseEventKind kind);
std::optional<CaseEventKind> ParseCaseEvent(std::string_view code);

// Contact with the reporter: the bureau reached them (first contact), or they answered.
inline constexpr std::array<std::string_view, 2> kContactCodes = {"bureau_contacted",
                                                                  "reporter_responded"};

// What the reporter sees of a case on the follow-up page: received, being handled, closed.
ReportStatus ReporterStatusOf(CaseStep step);

// Why a case was unassigned without anyone choosing it (kAssigned's code, issue 14): its
// handler's account was moved to another bureau, or deactivated.
inline constexpr const char* kUnassignedAccountMoved = "account_moved";
inline constexpr const char* kUnassignedAccountDeactivated = "account_deactivated";

}  // namespace meldpunt
