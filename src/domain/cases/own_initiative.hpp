#pragma once
// Own initiative (eigen initiatief): staff mark that the bureau acts on a case by itself, without
// the reporter's consent, where the protocol allows it: a report about a general rule (a gym chain
// forbids headscarves in every branch), or an observation (signalering) that the bureau takes up.
// The marker is a case event (own_initiative), with its reason as code and why in its text; the
// last such event says whether the case is marked. It allows the bureau's own letter to the other
// party (CheckAction in case_action.hpp), never mediation or anything in the reporter's name.
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

inline constexpr std::array<std::string_view, 2> kOwnInitiativeReasons = {
    "general_rule",  // a general rule or policy of the other party (algemene regel, beleid)
    "observation",   // an observation the bureau takes up (signalering)
};
// The code of the event that takes the marker off again.
inline constexpr std::string_view kOwnInitiativeEnded = "ended";

bool IsOwnInitiativeReason(std::string_view code);

// The reason the case is marked with now, from the codes of its own_initiative events in
// history order: the last one, or empty when there is none or it was ended.
std::string CurrentOwnInitiative(const std::vector<std::string>& codes);

}  // namespace meldpunt
