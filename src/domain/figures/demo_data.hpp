#pragma once
// Demo data (testgegevens): realistic, reproducible reports for test installations, to try the
// figures and to time them. Pure: the same seed and settings give the same reports on every
// machine and standard library, because every random choice is made here from the raw output of
// std::mt19937_64 (whose sequence the standard fixes), never through std::*_distribution (whose
// mapping each library chooses itself).
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "domain/municipality.hpp"
#include "domain/reports/report.hpp"

namespace meldpunt {

// Random choices with a mapping of our own (see above).
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n); n > 0. Lemire's multiply-shift: (x * n) >> 64, without rejection (the
  // bias of at most n / 2^64 does not matter for demo data, and it keeps one draw per choice).
  std::uint64_t Below(std::uint64_t n);
  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return Below(1000) < static_cast<std::uint64_t>(per_mille); }
  // An index into weights, chosen in proportion to them (at least one weight above zero).
  size_t Weighted(const std::vector<int>& weights);

 private:
  std::mt19937_64 engine_;
};

struct DemoSettings {
  long long reports = 0;
  int years = 1;  // the current year and years - 1 before it
  std::uint64_t seed = 1;
  long long now = 0;  // Unix seconds; reports are made up to now
  // The municipalities to spread reports over (current CBS codes); empty: every current one.
  std::vector<std::string> area;
};

// How a demo case closed (afhandeling and resultaat).
struct DemoClosing {
  std::vector<std::string> handlings;
  std::string outcome;
  long long closed_at = 0;
};

struct DemoReport {
  NewReport report;   // report.received_at holds when it was reported
  bool mass = false;  // one of the mass event's reports (massamelding)
  std::optional<DemoClosing> closing;
};

// The one mass-report event of a demo data set: what it is about and when.
struct DemoMassEvent {
  std::string name;
  std::string description;
  std::string started_on;  // YYYY-MM-DD
  long long reports = 0;   // how many of the reports belong to it
};

// Largest demo run: a bound on the work one command does.
inline constexpr long long kMaxDemoReports = 10'000'000;
inline constexpr int kMaxDemoYears = 30;

// Makes the reports one by one, in order; Next(i) must be called for i = 0, 1, ... reports - 1.
class DemoGenerator {
 public:
  DemoGenerator(const MunicipalityRegistry& municipalities, DemoSettings settings);
  const DemoMassEvent& mass_event() const { return mass_event_; }
  DemoReport Next(long long index);
  // The first second of the first year that gets reports.
  long long first_second() const { return first_second_; }

 private:
  std::string PickMunicipality(long long reported_at);
  std::vector<std::string> PickGrounds();
  void Classify(DemoReport& demo, long long index);
  void Close(DemoReport& demo);
  std::string Describe(const DemoReport& demo, long long index);

  const MunicipalityRegistry& municipalities_;
  DemoSettings settings_;
  DemoRandom random_;
  std::vector<std::string> codes_;  // current municipalities to pick from
  std::vector<int> code_weights_;
  // Per current code, the municipalities merged into it (opgeheven gemeenten).
  std::map<std::string, std::vector<const Municipality*>, std::less<>> merged_into_;
  long long first_second_ = 0;
  DemoMassEvent mass_event_;
  long long mass_start_ = 0;  // Unix seconds
};

}  // namespace meldpunt
