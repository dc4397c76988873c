#include "domain/cases/mediation.hpp"

#include <chrono>

#include "base/text.hpp"
#include "domain/date.hpp"
#include "domain/dutch_time.hpp"

namespace meldpunt {
namespace {

// "HH:MM", 00:00 to 23:59, as seconds after midnight.
std::optional<long long> SecondsOfDay(std::string_view time) {
  if (time.size() != 5 || time[2] != ':') return std::nullopt;
  for (size_t i : {0u, 1u, 3u, 4u}) {
    if (time[i] < '0' || time[i] > '9') return std::nullopt;
  }
  int hours = (time[0] - '0') * 10 + (time[1] - '0');
  int minutes = (time[3] - '0') * 10 + (time[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 3600LL + minutes * 60LL;
}

}  // namespace

std::optional<long long> DutchMomentOf(std::string_view date, std::string_view time) {
  auto day = ParseIsoDate(date);
  auto seconds = SecondsOfDay(time);
  if (!day || !seconds) return std::nullopt;
  // The wall-clock time read as if it were UTC, then moved by the Dutch offset at that moment.
  long long local =
      std::chrono::sys_days(*day).time_since_epoch() / std::chrono::seconds(1) + *seconds;
  long long offset = DutchUtcOffsetSeconds(local - 3600);
  long long moment = local - offset;
  long long actual = DutchUtcOffsetSeconds(moment);
  if (actual != offset && DutchUtcOffsetSeconds(local - actual) == actual) moment = local - actual;
  return moment;
}

MediationCheck CheckMediation(std::string_view date, std::string_view time, std::string_view place,
                              std::string_view participants) {
  MediationCheck check;
  std::string typed_date = Trim(date);
  std::string typed_place = Trim(place);
  std::string typed_participants = Trim(participants);
  if (typed_date.empty()) {
    check.problem = MediationProblem::kDateMissing;
    return check;
  }
  if (!ParseIsoDate(typed_date)) {
    check.problem = MediationProblem::kDateInvalid;
    return check;
  }
  auto moment = DutchMomentOf(typed_date, Trim(time));
  if (!moment) {
    check.problem = MediationProblem::kTimeInvalid;
    return check;
  }
  if (typed_place.empty()) {
    check.problem = MediationProblem::kPlaceMissing;
    return check;
  }
  if (!IsValidUtf8Text(typed_place, false) || !IsValidUtf8Text(typed_participants, true)) {
    check.problem = MediationProblem::kInvalidText;
    return check;
  }
  if (CountCodePoints(typed_place) > kMaxPlaceChars) {
    check.problem = MediationProblem::kPlaceTooLong;
    return check;
  }
  if (CountCodePoints(typed_participants) > kMaxParticipantsChars) {
    check.problem = MediationProblem::kParticipantsTooLong;
    return check;
  }
  check.input = MediationInput{*moment, std::move(typed_place), std::move(typed_participants)};
  return check;
}

}  // namespace meldpunt
