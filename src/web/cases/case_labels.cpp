#include "web/cases/case_labels.hpp"

#include <array>

namespace meldpunt::web {
namespace {

constexpr std::array kSteps = {
    CodeLabel{"received", N_("Received")},
    CodeLabel{"first_analysis", N_("First analysis")},
    CodeLabel{"intake", N_("Intake conversation")},
    CodeLabel{"investigation", N_("Investigation")},
    CodeLabel{"approach_agreed", N_("Approach agreed with the reporter")},
    CodeLabel{"actions", N_("Carrying out the approach")},
    CodeLabel{"evaluation", N_("Evaluation")},
    CodeLabel{"closed", N_("Closed")},
    CodeLabel{"archived", N_("Archived")},
};

constexpr std::array kTransitions = {
    CodeLabel{"forward", N_("the next step")},
    CodeLabel{"skip", N_("skips a step that does not apply")},
    CodeLabel{"back", N_("one step back, to correct")},
    CodeLabel{"reopen", N_("reopens the case")},
    CodeLabel{"archive", N_("final: the case can no longer be changed")},
};

constexpr std::array kActions = {
    CodeLabel{"information_advice", N_("Information and advice")},
    CodeLabel{"referral", N_("Referral")},
    CodeLabel{"letter_to_other_party", N_("Letter to the other party (hoor en wederhoor)")},
    CodeLabel{"mediation_session", N_("Mediation session")},
    CodeLabel{"complaint_procedure_support", N_("Support in a complaint procedure")},
    CodeLabel{"police_report_support", N_("Support with a police report")},
    CodeLabel{"listening_ear", N_("Listening ear")},
    CodeLabel{"own_initiative", N_("Own-initiative action by the bureau")},
};

constexpr std::array kTargets = {
    CodeLabel{"college_rechten_mens",
              N_("Netherlands Institute for Human Rights (College voor de Rechten van de Mens)")},
    CodeLabel{"nationale_ombudsman", N_("National Ombudsman (Nationale ombudsman)")},
    CodeLabel{"internal_procedure", N_("The other party's internal complaint procedure")},
};

constexpr std::array kHandlingLabels = {
    CodeLabel{"registration_only", N_("Registration only")},
    CodeLabel{"advice", N_("Information and advice")},
    CodeLabel{"referral", N_("Referral")},
    CodeLabel{"intervention", N_("Letter to the other party or intervention (hoor en wederhoor)")},
    CodeLabel{"mediation", N_("Mediation")},
    CodeLabel{"complaint_procedure", N_("Support in a complaint procedure")},
    CodeLabel{"police_report", N_("Support with a police report")},
    CodeLabel{"listening_ear", N_("Listening ear or emotional support")},
    CodeLabel{"own_initiative", N_("Own-initiative action by the bureau")},
    CodeLabel{"other", N_("Other handling")},
};

constexpr std::array kOutcomeLabels = {
    CodeLabel{"resolved", N_("Resolved")},
    CodeLabel{"partly_resolved", N_("Partly resolved")},
    CodeLabel{"not_resolved", N_("Not resolved")},
    CodeLabel{"reporter_withdrew", N_("The reporter withdrew the complaint")},
    CodeLabel{"no_contact", N_("No contact: the reporter stopped responding")},
    CodeLabel{"referred", N_("Referred to another organisation")},
    CodeLabel{"registration_only", N_("Registration only")},
    CodeLabel{"unknown", N_("Not known how it ended")},
};

constexpr std::array kEvents = {
    CodeLabel{"step", N_("Step")},
    CodeLabel{"action", N_("Action")},
    CodeLabel{"note", N_("Note for colleagues")},
    CodeLabel{"assigned", N_("Assigned")},
    CodeLabel{"consent", N_("Consent")},
    CodeLabel{"contact", N_("Contact with the reporter")},
    CodeLabel{"missed_appointment", N_("The reporter missed an appointment")},
    CodeLabel{"letter_sent", N_("Letter sent to the other party")},
    CodeLabel{"reply_received", N_("Reply from the other party received")},
    CodeLabel{"closed", N_("Closed")},
    CodeLabel{"reopened", N_("Reopened")},
    CodeLabel{"moved", N_("Handed over to another bureau")},
    CodeLabel{"linked", N_("Linked to a mass report")},
    CodeLabel{"classified", N_("Classified again")},
    CodeLabel{"mediation_planned", N_("Mediation planned")},
    CodeLabel{"follow_up", N_("Follow-up date")},
    CodeLabel{"tagged", N_("Tag")},
    CodeLabel{"referred", N_("Referred to")},
    CodeLabel{"own_initiative", N_("Own initiative")},
    CodeLabel{"related", N_("Related case")},
};

constexpr std::array kContacts = {
    CodeLabel{"bureau_contacted", N_("We reached the reporter")},
    CodeLabel{"reporter_responded", N_("The reporter responded")},
    CodeLabel{"missed_appointment", N_("The reporter missed an appointment")},
    CodeLabel{"reply_received", N_("Reply from the other party received")},
};

constexpr std::array kConsents = {
    CodeLabel{"given", N_("Consent given")},
    CodeLabel{"withdrawn", N_("Consent withdrawn")},
};

constexpr std::array kDeadlines = {
    CodeLabel{"receipt_confirmation", N_("Receipt confirmed")},
    CodeLabel{"first_contact", N_("First contact with the reporter")},
    CodeLabel{"reporter_silence", N_("Reply after a missed appointment, else close")},
    CodeLabel{"no_shows", N_("Too many missed appointments: close the case")},
    CodeLabel{"other_party_reply", N_("Reply from the other party")},
    CodeLabel{"follow_up", N_("Follow-up date")},
    CodeLabel{"mediation", N_("Planned mediation")},
};

constexpr std::array kDeadlineStates = {
    CodeLabel{"ok", N_("On time")},
    CodeLabel{"due_soon", N_("Due soon")},
    CodeLabel{"overdue", N_("Overdue")},
    CodeLabel{"met", N_("Done")},
};

constexpr std::array<std::span<const CodeLabel>, 11> kAllLists = {
    kSteps,  kTransitions, kActions,  kTargets,   kHandlingLabels, kOutcomeLabels,
    kEvents, kContacts,    kConsents, kDeadlines, kDeadlineStates};

}  // namespace

std::span<const CodeLabel> StepLabels() { return kSteps; }
std::span<const CodeLabel> TransitionLabels() { return kTransitions; }
std::span<const CodeLabel> ActionLabels() { return kActions; }
std::span<const CodeLabel> TargetLabels() { return kTargets; }
std::span<const CodeLabel> HandlingLabels() { return kHandlingLabels; }
std::span<const CodeLabel> OutcomeLabels() { return kOutcomeLabels; }
std::span<const CodeLabel> EventLabels() { return kEvents; }
std::span<const CodeLabel> ContactLabels() { return kContacts; }
std::span<const CodeLabel> ConsentLabels() { return kConsents; }
std::span<const CodeLabel> DeadlineLabels() { return kDeadlines; }
std::span<const CodeLabel> DeadlineStateLabels() { return kDeadlineStates; }
std::span<const std::span<const CodeLabel>> AllCaseLabelLists() { return kAllLists; }

}  // namespace meldpunt::web
