#include "domain/reports/intake.hpp"

#include <chrono>

#include "base/text.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {

IntakeValidation ValidateIntake(const IntakeInput& input, Date today,
                                const IncidentDate* incident) {
  IntakeValidation result;
  Intake intake;
  if (input.channel.empty()) {
    result.errors.push_back({"channel", Problem::kRequired});
  } else if (!IsCode(kStaffChannels, input.channel)) {
    result.errors.push_back({"channel", Problem::kInvalidChoice});
  } else {
    intake.channel = input.channel;
  }

  std::string typed = Trim(input.received_date);
  if (!typed.empty()) {
    auto date = ParseIsoDate(typed);
    auto oldest = std::chrono::sys_days{today} - std::chrono::days{kMaxReceivedDaysAgo};
    if (!date) {
      result.errors.push_back({"received_date", Problem::kInvalidDate});
    } else if (*date > today) {
      result.errors.push_back({"received_date", Problem::kFutureDate});
    } else if (std::chrono::sys_days{*date} < oldest) {
      result.errors.push_back({"received_date", Problem::kTooOld});
    } else if (incident && *date < incident->date) {
      result.errors.push_back({"received_date", Problem::kBeforeIncident});
    } else if (*date != today) {
      intake.received_on = *date;
    }
  }
  if (result.errors.empty()) result.intake = std::move(intake);
  return result;
}

long long ReceivedAtNoonUtc(Date day) {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::sys_days{day}.time_since_epoch());
  return seconds.count() + 12 * 3600;
}

}  // namespace meldpunt
