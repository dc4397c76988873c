#pragma once
// Requests by route and status, and their latency, for /metrics. A request is counted under its
// route's pattern ("/medewerkers/meldingen/{id}"), never its path: no report id, reference or
// other value a visitor typed reaches a label, and the number of series is bounded by the route
// table. Paths that match no route count as "unmatched", requests that could not be parsed as
// "invalid". Recording is two relaxed atomic adds and a histogram observation: no lock.
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/router.hpp"
#include "metrics/exposition.hpp"
#include "metrics/instruments.hpp"

namespace meldpunt::http {

class RequestMetrics {
 public:
  // The router must not change afterwards (its routes are counted by position).
  explicit RequestMetrics(const Router& router);
  RequestMetrics(const RequestMetrics&) = delete;
  RequestMetrics& operator=(const RequestMetrics&) = delete;

  // The slot of a matched route, of a path that matched none, of a request that was not parsed.
  size_t SlotOf(const Route* route) const;
  size_t UnmatchedSlot() const { return route_count_; }
  size_t InvalidSlot() const { return route_count_ + 1; }

  void Record(size_t slot, int status, std::chrono::microseconds duration) noexcept;
  // meldpunt_http_requests_total and meldpunt_http_request_duration_seconds; only series that
  // were seen, so an idle route adds no lines.
  void Collect(metrics::Exposition& out) const;

  // The status codes counted by their own value; any other counts as its class ("2xx").
  static constexpr std::array<int, 32> kStatuses = {
      200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405,
      406, 408, 409, 410, 411, 412, 413, 415, 416, 422, 429, 431, 500, 502, 503, 504};
  static constexpr size_t kStatusSlots = kStatuses.size() + 5;  // + "1xx" to "5xx"

 private:
  struct Slot {
    std::string method;   // empty for the two slots that are not routes
    std::string pattern;  // the route's path, or "unmatched" / "invalid"
    std::array<metrics::Counter, kStatusSlots> statuses;
    metrics::Histogram latency{metrics::LatencyBoundsMicros(), 1e6};
  };
  static size_t StatusSlot(int status) noexcept;
  static std::string StatusLabel(size_t status_slot);

  const Route* const first_route_;
  const size_t route_count_;
  std::vector<std::unique_ptr<Slot>> routes_;  // one per route, then unmatched and invalid
};

}  // namespace meldpunt::http
