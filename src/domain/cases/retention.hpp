#pragma once
// Retention (bewaartermijn): personal data of a closed case is kept for a number of months
// after closing (a bureau setting, see bureau_settings.hpp), then anonymised: the description,
// contact details, messages and files go, the classification stays for the figures.
namespace meldpunt {

// A Unix time moved by whole calendar months (negative: back), at the same time of day (UTC). A
// day the target month does not have becomes its last day (31 May minus 3 months is 28 or 29
// February).
long long AddCalendarMonths(long long unix_seconds, int months);

// The moment before which a case must have been closed for its personal data to be due:
// `months` calendar months before `now`.
inline long long RetentionCutoff(long long now, int months) {
  return AddCalendarMonths(now, -months);
}
// When a case closed at closed_at becomes due (the daily run after it anonymises it).
inline long long RetentionDue(long long closed_at, int months) {
  return AddCalendarMonths(closed_at, months);
}

// Seconds from now until the next time the clock in the Netherlands shows hour:00 (the daily
// retention run); always more than 0 and at most a day.
long long SecondsUntilDutchHour(long long now, int hour);

}  // namespace meldpunt
