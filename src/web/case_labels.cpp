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
    CodeLabel{"actions", N_("Carrying out the approach")},
    CodeLabel{"evaluation", N_("Evaluation")},
    CodeLabel{"closed", N_("Closed")},
    CodeLabel{"archived", N_("Archived")},
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

constexpr std::array kDeadlines = {
    CodeLabel{"receipt_confirmation", N_("Receipt confirmed")},
    CodeLabel{"first_contact", N_("First contact with the reporter")},
    CodeLabel{"reporter_silence", N_("Reply after a missed appointment, else close")},
    CodeLabel{"no_shows", N_("Too many missed appointments: close the case")},
    CodeLabel{"other_party_reply", N_("Reply from the other party")},
};

constexpr std::array kDeadlineStates = {
    CodeLabel{"ok", N_("On time")},
    CodeLabel{"due_soon", N_("Due soon")},
    CodeLabel{"overdue", N_("Overdue")},
    CodeLabel{"met", N_("Done")},
};

}  // namespace

std::span<const CodeLabel> StepLabels() { return kSteps; }
std::span<const CodeLabel> HandlingLabels() { return kHandlingLabels; }
std::span<const CodeLabel> DeadlineLabels() { return kDeadlines; }
std::span<const CodeLabel> DeadlineStateLabels() { return kDeadlineStates; }

}  // namespace meldpunt::web
