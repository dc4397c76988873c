// A case's planned mediation (bemiddeling): one row per case, written with the case change that
// records it in the history (soci_cases.cpp), read for the case page and the work list.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::Guard;

constexpr std::string_view kPlaceAd = "case_mediations.place";
constexpr std::string_view kParticipantsAd = "case_mediations.participants";

}  // namespace

SociStore::SealedMediation SociStore::SealMediation(const Mediation& mediation) const {
  return {mediation.planned_at, cipher().Seal(mediation.place, kPlaceAd),
          cipher().Seal(mediation.participants, kParticipantsAd)};
}

void SociStore::SaveMediationIn(soci::session& sql, long long report_id,
                                const SealedMediation& mediation, long long now) {
  // Delete and insert: the same statements on both engines, inside the case change's write.
  sql << "DELETE FROM case_mediations WHERE report_id = :id", soci::use(report_id);
  sql << "INSERT INTO case_mediations (report_id, planned_at, place_enc, participants_enc, "
         "updated_at) VALUES (:id, :at, :place, :participants, :now)",
      soci::use(report_id), soci::use(mediation.planned_at), soci::use(mediation.place_enc),
      soci::use(mediation.participants_enc), soci::use(now);
}

std::optional<Mediation> SociStore::GetMediation(long long report_id) {
  return Guard("reading a planned mediation", [&]() -> std::optional<Mediation> {
    soci::session sql(*readers_);
    long long planned_at = 0;
    std::string place_enc;
    std::string participants_enc;
    sql << "SELECT planned_at, place_enc, participants_enc FROM case_mediations WHERE "
           "report_id = :id",
        soci::use(report_id), soci::into(planned_at), soci::into(place_enc),
        soci::into(participants_enc);
    if (!sql.got_data()) return std::nullopt;
    Mediation mediation;
    mediation.planned_at = planned_at;
    // Erased (anonymised): the empty text stands for that, not a ciphertext.
    for (auto [sealed, ad, out] :
         {std::tuple{&place_enc, kPlaceAd, &mediation.place},
          std::tuple{&participants_enc, kParticipantsAd, &mediation.participants}}) {
      if (sealed->empty()) continue;
      auto text = cipher().Open(*sealed, ad);
      if (!text)
        throw StoreError("mediation of report " + std::to_string(report_id) + ": " + text.error());
      *out = std::move(*text);
    }
    return mediation;
  });
}

std::optional<long long> SociStore::PlannedMediationAt(long long report_id) {
  return Guard("reading a planned mediation's moment", [&]() -> std::optional<long long> {
    soci::session sql(*readers_);
    long long planned_at = 0;
    sql << "SELECT planned_at FROM case_mediations WHERE report_id = :id", soci::use(report_id),
        soci::into(planned_at);
    if (!sql.got_data()) return std::nullopt;
    return planned_at;
  });
}

}  // namespace meldpunt
