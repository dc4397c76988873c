#include "web/followup/receipt_lookup.hpp"

#include <string>

#include "base/log.hpp"
#include "store/store_types.hpp"

namespace meldpunt::web {

std::optional<long long> FindReportByReceipt(const Receipts& receipts, FollowUpStore& store,
                                             std::string_view digits) {
  std::string hash = receipts.Hash(digits);
  if (auto found = store.FindReportByReceipt(hash)) return found;
  // Not (or no longer) a keyed hash: a report from before issue 16, or a wrong code. While any
  // legacy hash is stored, both cost one Argon2id, as every attempt did before; once none is,
  // a wrong code costs one look in an empty index instead.
  if (!store.AnyLegacyReceiptHash()) return std::nullopt;
  std::string legacy = receipts.LegacyHash(digits);
  auto found = store.FindReportByReceipt(legacy);
  if (!found) return std::nullopt;
  try {
    store.UpgradeReceiptHash(legacy, hash);
  } catch (const StoreError& e) {
    log::Write("warning", "receipt hash not upgraded; the legacy hash keeps working",
               {{"report_id", *found}, {"error", e.what()}});
  }
  return found;
}

}  // namespace meldpunt::web
