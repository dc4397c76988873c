#pragma once
// Reports that staff register (intake, registratie door een medewerker): a report that came in by
// phone, e-mail, letter, at a desk or through an app. The report itself passes the same rules as
// the public form (ValidateReport); this adds how it came in and on which day.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/reports/report.hpp"

namespace meldpunt {

// How a report reached the bureau (kanaal, wijze van melden); stored in reports.channel as a
// stable code. The public form's reports are kChannelWeb.
inline constexpr std::string_view kChannelWeb = "web";
// The channels a staff member may choose, in the order the intake form offers them.
inline constexpr std::array<std::string_view, 6> kStaffChannels = {
    "phone",         // telefoon
    "email",         // e-mail
    "letter",        // brief, by post
    "walk_in",       // inloop: at a desk (loket) or a consultation hour (spreekuur)
    "app",           // WhatsApp or another messaging app
    "social_media",  // a direct message on social media
};

// A report received on an earlier day may be registered up to this many days later (a letter
// read after a holiday). An older date is nearly always a mistyped year.
inline constexpr int kMaxReceivedDaysAgo = 366;

// The intake fields exactly as typed.
struct IntakeInput {
  std::string channel;        // one of kStaffChannels
  std::string received_date;  // YYYY-MM-DD, or empty for today
};

struct Intake {
  std::string channel;
  std::optional<Date> received_on;  // set only when it is not today
};

struct IntakeValidation {
  std::optional<Intake> intake;  // set only when errors is empty
  std::vector<FieldError> errors;
};

// today: the bureau's calendar day (Dutch time). incident: the incident date of the report when
// it passed ValidateReport, so that a report cannot arrive before what it is about; null when
// the report has errors of its own.
IntakeValidation ValidateIntake(const IntakeInput& input, Date today, const IncidentDate* incident);

// The Unix time stored as the moment a report was received on an earlier day: noon UTC, which is
// the same calendar day in UTC and in the Netherlands (the hour is not known).
long long ReceivedAtNoonUtc(Date day);

}  // namespace meldpunt
