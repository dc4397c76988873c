#pragma once
// Why a letter to the other party cannot be sent, in plain words for staff.
//
// The case page's helper writes the one mapping of every Refusal to a message
// (src/web/refusal_messages.*); until that is merged, this is the mapping for the refusals a
// letter can meet. After the merge this function should call that one.
#include "domain/refusal.hpp"

namespace meldpunt::web {

// The English message id (translated by the caller) for a refusal of CheckAction on a letter.
const char* LetterRefusalMsgid(Refusal refusal);

}  // namespace meldpunt::web
