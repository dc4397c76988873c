#pragma once
// Reports registered per channel (kanaal), counted without a lock: one slot per known channel
// code and one for any other. Codes come from the code (kChannelWeb, kStaffChannels), so the set
// of labels is fixed.
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/reports/intake.hpp"
#include "metrics/instruments.hpp"

namespace meldpunt {

class ReportChannelCounts {
 public:
  void Add(std::string_view channel) noexcept { counts_[SlotOf(channel)].Add(); }

  std::vector<std::pair<std::string, std::uint64_t>> Read() const {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    out.emplace_back(std::string(kChannelWeb), counts_[0].Value());
    for (size_t i = 0; i < kStaffChannels.size(); ++i) {
      out.emplace_back(std::string(kStaffChannels[i]), counts_[i + 1].Value());
    }
    out.emplace_back("other", counts_.back().Value());
    return out;
  }

 private:
  static size_t SlotOf(std::string_view channel) noexcept {
    if (channel == kChannelWeb) return 0;
    for (size_t i = 0; i < kStaffChannels.size(); ++i) {
      if (channel == kStaffChannels[i]) return i + 1;
    }
    return kStaffChannels.size() + 1;
  }

  std::array<metrics::Counter, kStaffChannels.size() + 2> counts_;
};

}  // namespace meldpunt
