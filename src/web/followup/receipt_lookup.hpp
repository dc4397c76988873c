#pragma once
// Finding a report by its receipt code (volgcode) under both hash schemes: the keyed BLAKE2b hash
// every report gets since issue 16, and the Argon2id hash of reports stored before. A report found
// by its legacy hash gets the new hash at once, so each old code costs Argon2id only until its
// reporter signs in once. See docs/design.md, "Receipt hash: keyed BLAKE2b (issue 16)".
#include <optional>
#include <string_view>

#include "security/receipts.hpp"
#include "store/follow_up_store.hpp"

namespace meldpunt::web {

// The report whose receipt has these digits (or any text: a malformed code is looked up the same
// way, so it costs the same and finds nothing). Looks up the keyed hash through the unique index;
// only when that misses, the legacy Argon2id hash, which it replaces by the keyed hash when found.
// A failed upgrade is logged and does not fail the sign-in (the legacy hash still works).
std::optional<long long> FindReportByReceipt(const Receipts& receipts, FollowUpStore& store,
                                             std::string_view digits);

}  // namespace meldpunt::web
