#pragma once
// A mediation (bemiddeling) as staff plan it on the case page: the moment, the place and the
// participants, checked before anything is stored.
//
// Choices:
// - The moment is typed as a date and a time of day in Dutch time (what staff agree by phone)
//   and stored as a Unix time; a time that does not exist (the hour skipped when summer time
//   starts) is read with the offset before the change.
// - The place is required (a mediation happens somewhere, or "online"); participants may be
//   left for later. Place at most 200 characters, participants at most 500: a few names and
//   roles, not a report.
// - A moment in the past is allowed: a mediation held already is recorded afterwards.
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

inline constexpr size_t kMaxPlaceChars = 200;
inline constexpr size_t kMaxParticipantsChars = 500;

// "2026-12-10" and "14:30", Dutch time, as a Unix time; nullopt for anything else ("24:00",
// "9:5", "2026-02-30").
std::optional<long long> DutchMomentOf(std::string_view date, std::string_view time);

enum class MediationProblem {
  kDateMissing,
  kDateInvalid,
  kTimeInvalid,
  kPlaceMissing,
  kPlaceTooLong,
  kParticipantsTooLong,
  kInvalidText,  // characters that cannot be stored
};

struct MediationInput {
  long long planned_at = 0;
  std::string place;         // trimmed
  std::string participants;  // trimmed
};

struct MediationCheck {
  std::optional<MediationInput> input;
  std::optional<MediationProblem> problem;  // the first one found, in the order of the form
};
MediationCheck CheckMediation(std::string_view date, std::string_view time, std::string_view place,
                              std::string_view participants);

}  // namespace meldpunt
