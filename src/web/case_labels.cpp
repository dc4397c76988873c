#include "web/case_labels.hpp"

#include <array>

namespace meldpunt::web {
namespace {

constexpr std::array kSteps = {
    CodeLabel{"received", N_("Received")},
    CodeLabel{"first_analysis", N_("First analysis")},
    CodeLabel{"intake", N_("Intake conversation")},
    CodeLabel{"investigation", N_("Investigation")},
    CodeLabel{"approach_agreed", N_("Approach agreed with the reporter")},
    CodeLabel{"actions", N_("Carrying out")},
    CodeLabel{"evaluation", N_("Evaluation")},
    CodeLabel{"closed", N_("Closed")},
    CodeLabel{"archived", N_("Archived")},
};

constexpr std::array kHandlingLabels = {
    CodeLabel{"registration_only", N_("Registration only")},
    CodeLabel{"advice", N_("Information and advice")},
    CodeLabel{"referral", N_("Referral")},
    CodeLabel{"intervention", N_("Letter to the other party (intervention)")},
    CodeLabel{"mediation", N_("Mediation")},
    CodeLabel{"complaint_procedure", N_("Support with a complaint procedure")},
    CodeLabel{"police_report", N_("Support with a police report")},
    CodeLabel{"listening_ear", N_("Listening ear")},
    CodeLabel{"own_initiative", N_("Own initiative of the bureau")},
    CodeLabel{"other", N_("Other")},
};

constexpr std::array kDeadlineKinds = {
    CodeLabel{"receipt_confirmation", N_("Confirm receipt")},
    CodeLabel{"first_contact", N_("First contact with the reporter")},
    CodeLabel{"reporter_silence", N_("Close: no reply after a missed appointment")},
    CodeLabel{"no_shows", N_("Close: too many missed appointments")},
    CodeLabel{"other_party_reply", N_("Reply from the other party")},
};

constexpr std::array kDeadlineStates = {
    CodeLabel{"ok", N_("On time")},
    CodeLabel{"due_soon", N_("Due soon")},
    CodeLabel{"overdue", N_("Overdue")},
    CodeLabel{"met", N_("Met")},
};

}  // namespace

std::span<const CodeLabel> StepLabels() { return kSteps; }
std::span<const CodeLabel> HandlingLabels() { return kHandlingLabels; }
std::span<const CodeLabel> DeadlineKindLabels() { return kDeadlineKinds; }
std::span<const CodeLabel> DeadlineStateLabels() { return kDeadlineStates; }

}  // namespace meldpunt::web
