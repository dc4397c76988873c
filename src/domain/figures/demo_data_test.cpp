#include "domain/figures/demo_data.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "domain/cases/handling.hpp"
#include "domain/date.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

const MunicipalityRegistry& Registry() {
  static const MunicipalityRegistry registry = [] {
    std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + "/data/gemeenten.csv");
    std::stringstream text;
    text << in.rdbuf();
    return *MunicipalityRegistry::FromCsv(text.str());
  }();
  return registry;
}

// 2026-11-26 00:00 UTC.
const long long kNow = StartOfYearUnixSeconds(2026) + 329LL * 86400;

DemoSettings Settings(long long reports, std::uint64_t seed, int years = 5) {
  DemoSettings s;
  s.reports = reports;
  s.years = years;
  s.seed = seed;
  s.now = kNow;
  return s;
}

std::vector<DemoReport> Generate(const DemoSettings& settings) {
  DemoGenerator generator(Registry(), settings);
  std::vector<DemoReport> out;
  for (long long i = 0; i < settings.reports; ++i) out.push_back(generator.Next(i));
  return out;
}

// Everything a report's figures and its stored text depend on, as one line.
std::string Facts(const DemoReport& d) {
  const NewReport& r = d.report;
  std::ostringstream line;
  line << *r.received_at << '|' << FormatIncidentDate(r.incident_date) << '|'
       << r.incident_municipality << '|' << r.residence_municipality << '|' << r.nature << '|'
       << r.domain << '|' << r.scope << '|' << r.channel << '|' << r.reporter_role << '|'
       << (r.anonymous ? "a" : "n") << '|' << r.description << '|' << (d.mass ? "m" : "") << '|';
  for (const auto& g : r.grounds) line << g << ',';
  for (const auto& w : r.wishes) line << w << ',';
  if (r.contact) line << r.contact->name << r.contact->email << r.contact->phone;
  if (d.closing) {
    line << '|' << d.closing->closed_at << d.closing->outcome;
    for (const auto& h : d.closing->handlings) line << h << ',';
  }
  return line.str();
}

std::uint64_t Fnv1a(const std::string& text, std::uint64_t hash = 1469598103934665603ULL) {
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

TEST(DemoRandom, TheEngineIsTheStandardOne) {
  // The standard fixes mt19937_64's 10000th output for the default seed: our draws build on it.
  std::mt19937_64 engine;
  engine.discard(9999);
  EXPECT_EQ(engine(), 9981545732273789042ULL);
}

TEST(DemoRandom, BelowMapsTheRawOutputByMultiplication) {
  // (x * n) >> 64: with n = 2^32 that is the raw output's high half, with n = 2^63 its top 63 bits.
  std::mt19937_64 engine(7);
  DemoRandom random(7);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(random.Below(1ULL << 32), engine() >> 32);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(random.Below(1ULL << 63), engine() >> 1);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 100; ++i) seen.insert(random.Below(3));
  EXPECT_EQ(seen, (std::set<std::uint64_t>{0, 1, 2}));
  EXPECT_EQ(random.Below(1), 0u);
}

TEST(DemoRandom, DrawsAreEvenAndWeightsAreHonoured) {
  DemoRandom random(123);
  std::vector<int> buckets(10);
  for (int i = 0; i < 100000; ++i) buckets[random.Below(10)]++;
  for (int count : buckets) {
    EXPECT_GT(count, 9500);
    EXPECT_LT(count, 10500);
  }
  int heavy = 0;
  for (int i = 0; i < 100000; ++i) heavy += random.Weighted({1, 3, 0}) == 1;
  EXPECT_GT(heavy, 74000);
  EXPECT_LT(heavy, 76000);
  for (int i = 0; i < 1000; ++i) EXPECT_NE(random.Weighted({1, 3, 0}), 2u);  // weight zero
}

TEST(DemoData, TheSameSeedMakesTheSameReports) {
  auto first = Generate(Settings(3000, 42));
  auto second = Generate(Settings(3000, 42));
  auto other = Generate(Settings(3000, 43));
  ASSERT_EQ(first.size(), second.size());
  int differ = 0;
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(Facts(first[i]), Facts(second[i])) << i;
    differ += Facts(first[i]) != Facts(other[i]);
  }
  EXPECT_GT(differ, 2900);
}

TEST(DemoData, TheReportsOfASeedNeverChange) {
  // Pinned: a change here changes every demo data set made before (and the figures tests built
  // on them). It also fails when a standard library maps random numbers differently, which our
  // own mapping is there to prevent.
  std::uint64_t hash = 1469598103934665603ULL;
  for (const auto& d : Generate(Settings(200, 2026))) hash = Fnv1a(Facts(d) + "\n", hash);
  EXPECT_EQ(hash, 14738450393404535156ULL);
}

TEST(DemoData, ReportsSpreadOverTheYearsUpToNow) {
  auto reports = Generate(Settings(20000, 1, 5));
  std::map<int, int> per_year;
  long long first = StartOfYearUnixSeconds(2022);
  for (const auto& d : reports) {
    long long at = *d.report.received_at;
    ASSERT_GE(at, first);
    ASSERT_LT(at, kNow);
    per_year[static_cast<int>(DateOfUnixSeconds(at).year())]++;
    // The incident came first.
    EXPECT_LE(FormatIsoDate(d.report.incident_date.date), FormatIsoDate(DateOfUnixSeconds(at)));
  }
  ASSERT_EQ(per_year.size(), 5u);
  for (const auto& [year, count] : per_year) EXPECT_GT(count, 2500) << year;
}

TEST(DemoData, BigCitiesGetMoreAndMergedMunicipalitiesAppearBeforeTheirMerger) {
  auto reports = Generate(Settings(50000, 9, 5));
  std::map<std::string, int> incident;
  for (const auto& d : reports) {
    const auto& code = d.report.incident_municipality;
    incident[code]++;
    const Municipality* m = Registry().Find(code);
    if (code == kIncidentNotApplicable) continue;
    ASSERT_NE(m, nullptr) << code;
    if (!m->current()) {
      // An old code only for reports made while it existed.
      EXPECT_LE(FormatIsoDate(DateOfUnixSeconds(*d.report.received_at)), m->valid_to) << code;
    }
  }
  EXPECT_GT(incident["GM0363"], 8 * incident["GM0197"]);                       // Amsterdam, Aalten
  EXPECT_GT(incident["GM0599"], incident["GM0344"]);                           // Rotterdam, Utrecht
  EXPECT_GT(incident["GM0501"] + incident["GM0530"] + incident["GM0614"], 0);  // now GM1992
  EXPECT_GT(incident["GM0457"], 0);                                            // Weesp
  EXPECT_GT(incident[std::string(kIncidentNotApplicable)], 0);
}

TEST(DemoData, ClassificationIsValidAndVaried) {
  auto reports = Generate(Settings(20000, 5));
  int several = 0, anonymous = 0, closed = 0, complaints = 0;
  std::set<std::string> grounds, natures, domains, channels, outcomes;
  for (const auto& d : reports) {
    const NewReport& r = d.report;
    ASSERT_FALSE(r.grounds.empty());
    several += r.grounds.size() > 1;
    std::set<std::string> families;
    for (const auto& g : r.grounds) {
      EXPECT_NE(std::find(kGrounds.begin(), kGrounds.end(), g), kGrounds.end()) << g;
      EXPECT_TRUE(families.insert(g.substr(0, g.find('.'))).second) << "one ground per family";
      grounds.insert(g);
    }
    natures.insert(r.nature);
    domains.insert(r.domain);
    channels.insert(r.channel);
    EXPECT_FALSE(r.description.empty());
    if (r.anonymous) {
      ++anonymous;
      EXPECT_FALSE(r.contact.has_value());
      for (const auto& w : r.wishes) EXPECT_TRUE(AnonymousMayWish(w, r.scope)) << w;
    } else {
      ASSERT_TRUE(r.contact.has_value());
      EXPECT_TRUE(r.contact->email.ends_with("@example.nl")) << r.contact->email;
    }
    complaints += IsComplaint(r.wishes);
    if (d.closing) {
      ++closed;
      EXPECT_TRUE(CheckClose(d.closing->handlings, d.closing->outcome).ok()) << d.closing->outcome;
      EXPECT_GE(d.closing->closed_at, *r.received_at);
      EXPECT_LE(d.closing->closed_at, kNow);
      outcomes.insert(d.closing->outcome);
    }
  }
  EXPECT_GT(several, 2000);
  EXPECT_LT(several, 6000);
  EXPECT_GT(anonymous, 4000);
  EXPECT_GT(complaints, 4000);
  EXPECT_GT(closed, 15000);
  EXPECT_LT(closed, 20000);
  EXPECT_EQ(grounds.size(), kGrounds.size());
  EXPECT_EQ(natures.size(), kNatures.size());
  EXPECT_EQ(domains.size(), kDomains.size());
  EXPECT_EQ(channels.size(), 7u);
  EXPECT_GE(outcomes.size(), 7u);
}

TEST(DemoData, OneMassEventHoldsTwoPercentOverTwoWeeks) {
  DemoGenerator generator(Registry(), Settings(10000, 3));
  const auto& event = generator.mass_event();
  EXPECT_EQ(event.reports, 200);
  auto start = ParseIsoDate(event.started_on);
  ASSERT_TRUE(start.has_value());
  long long mass = 0;
  for (long long i = 0; i < 10000; ++i) {
    DemoReport d = generator.Next(i);
    if (!d.mass) continue;
    ++mass;
    EXPECT_EQ(d.report.nature, "public_statement");
    EXPECT_EQ(d.report.incident_municipality, kIncidentNotApplicable);
    std::string day = FormatIsoDate(DateOfUnixSeconds(*d.report.received_at));
    EXPECT_GE(day, event.started_on);
    EXPECT_LE(day, FormatIsoDate(std::chrono::sys_days(*start) + std::chrono::days(15)));
  }
  EXPECT_EQ(mass, 200);
  EXPECT_EQ(DemoGenerator(Registry(), Settings(19, 3)).mass_event().reports, 0);
}

TEST(DemoData, AnAreaLimitsTheMunicipalities) {
  DemoSettings settings = Settings(2000, 4);
  settings.area = {"GM0363", "GM0599"};
  for (const auto& d : Generate(settings)) {
    const auto& code = d.report.incident_municipality;
    EXPECT_TRUE(code == "GM0363" || code == "GM0599" || code == "GM0457" ||
                code == kIncidentNotApplicable)
        << code;
  }
}

}  // namespace
}  // namespace meldpunt
