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
    CodeLabel{"complaint_procedure", N_("Support in a complaint procedure")},
    CodeLabel{"police_report", N_("Support with a police report")},
    CodeLabel{"listening_ear", N_("Listening ear, emotional support")},
    CodeLabel{"own_initiative", N_("Own initiative of the bureau")},
    CodeLabel{"other", N_("Other handling")},
};

constexpr std::array kOutcomeLabels = {
    CodeLabel{"resolved", N_("Resolved")},
    CodeLabel{"partly_resolved", N_("Partly resolved")},
    CodeLabel{"not_resolved", N_("Not resolved")},
    CodeLabel{"reporter_withdrew", N_("The reporter withdrew")},
    CodeLabel{"no_contact", N_("No contact with the reporter")},
    CodeLabel{"referred", N_("Referred to another organisation")},
    CodeLabel{"registration_only", N_("Registered only")},
    CodeLabel{"unknown", N_("Outcome unknown")},
};

}  // namespace

std::span<const CodeLabel> StepLabels() { return kSteps; }
std::span<const CodeLabel> HandlingLabels() { return kHandlingLabels; }
std::span<const CodeLabel> OutcomeLabels() { return kOutcomeLabels; }

}  // namespace meldpunt::web
