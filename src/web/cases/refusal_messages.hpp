#pragma once
// Why a rule of case handling said no, in plain words for staff: one message per Refusal code
// (domain/cases/refusal.hpp), used by every case form, so that a refusal always reads the same.
#include <string>

#include "domain/cases/refusal.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The message id (English; translated through the catalogs) for a refusal.
const char* RefusalMessage(Refusal refusal);

// The message in the visitor's language.
std::string RefusalText(const AppContext& app, Lang lang, Refusal refusal);

}  // namespace meldpunt::web
