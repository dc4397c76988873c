#pragma once
// How a case ended: the handling codes (afhandeling, the fourth heading of the national
// registration form) and the outcome (resultaat), set together when a case closes. Like the
// lists in classification.hpp these are stable codes stored with the case; labels live in the
// web layer's catalogs.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/refusal.hpp"

namespace meldpunt {

// Handling (afhandeling): what the bureau did. Several may apply, except registration only.
inline constexpr std::array<std::string_view, 10> kHandlings = {
    "registration_only",    // alleen registratie
    "advice",               // informatie en advies
    "referral",             // doorverwijzing
    "intervention",         // hoor en wederhoor / interventie: a letter to the other party
    "mediation",            // bemiddeling
    "complaint_procedure",  // ondersteuning bij een klachtprocedure (College voor de Rechten van
                            // de Mens, Nationale ombudsman, an internal complaint procedure)
    "police_report",        // ondersteuning bij aangifte
    "listening_ear",        // luisterend oor / emotionele ondersteuning
    "own_initiative",       // eigen actie van het bureau, e.g. on a policy
    "other",                // overig
};
inline constexpr std::string_view kHandlingRegistrationOnly = "registration_only";
inline constexpr std::string_view kHandlingReferral = "referral";

// Outcome (resultaat): how it ended for the reporter's question. One per closing. The national
// form has no outcome heading; the bureau keeps it to evaluate its own work, so the list is
// short and every closed case fits one entry.
inline constexpr std::array<std::string_view, 8> kOutcomes = {
    "resolved",           // opgelost: what the reporter wanted was reached (an apology, a
                          // changed rule, an agreement)
    "partly_resolved",    // gedeeltelijk opgelost
    "not_resolved",       // niet opgelost: the other party refused, or nothing came of it
    "reporter_withdrew",  // melder trekt de klacht in
    "no_contact",         // geen contact: the reporter stopped responding or did not show up
    "referred",           // doorverwezen: the matter continues with another organisation
    "registration_only",  // alleen geregistreerd: there was nothing to reach
    "unknown",            // onbekend: the bureau does not know how it ended
};
inline constexpr std::string_view kOutcomeRegistrationOnly = "registration_only";
inline constexpr std::string_view kOutcomeReferred = "referred";

// Whether a case may close with these codes. Refusals, in this order: handling_required (none),
// unknown_handling, duplicate_handling, registration_only_alone (registration only together
// with anything else), outcome_required, unknown_outcome, outcome_contradicts_handling (the
// outcome "registration_only" needs the handling registration only, and "referred" needs the
// handling referral). The step the case is in is checked by CheckCloseFrom. added_handlings: the
// handling codes an administrator added to the code list and did not retire (CodeLists), which
// are accepted besides the national ones.
Verdict CheckClose(const std::vector<std::string>& handlings, std::string_view outcome,
                   const std::vector<std::string>& added_handlings = {});

}  // namespace meldpunt
