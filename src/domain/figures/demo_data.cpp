#include "domain/figures/demo_data.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "domain/cases/handling.hpp"
#include "domain/date.hpp"
#include "domain/reports/classification.hpp"
#include "domain/reports/intake.hpp"

namespace meldpunt {
namespace {

constexpr long long kDay = 86400;

// Without population figures: the ten largest cities weigh by their size (roughly, in tens of
// thousands of inhabitants); every other municipality counts as one of about 45,000.
constexpr std::array<std::pair<std::string_view, int>, 10> kLargeCities = {{
    {"GM0363", 93},  // Amsterdam
    {"GM0599", 67},  // Rotterdam
    {"GM0518", 56},  // 's-Gravenhage
    {"GM0344", 37},  // Utrecht
    {"GM0772", 24},  // Eindhoven
    {"GM0014", 24},  // Groningen
    {"GM0855", 23},  // Tilburg
    {"GM0034", 22},  // Almere
    {"GM0758", 19},  // Breda
    {"GM0268", 18},  // Nijmegen
}};
constexpr int kOtherMunicipalityWeight = 4;

// Weighted code lists: (code, weight), roughly as the national yearly figures divide them.
struct Weighted {
  std::vector<std::string_view> codes;
  std::vector<int> weights;
};
Weighted Make(std::initializer_list<std::pair<std::string_view, int>> list) {
  Weighted w;
  for (const auto& [code, weight] : list) {
    w.codes.push_back(code);
    w.weights.push_back(weight);
  }
  return w;
}
const Weighted& Grounds() {
  static const Weighted w = Make({{"origin", 280},
                                  {"origin.anti_black", 60},
                                  {"origin.antiziganism", 10},
                                  {"origin.anti_asian", 25},
                                  {"religion", 20},
                                  {"religion.antisemitism", 45},
                                  {"religion.anti_muslim", 55},
                                  {"belief", 5},
                                  {"political_opinion", 8},
                                  {"nationality", 45},
                                  {"sex", 70},
                                  {"sexual_orientation", 65},
                                  {"marital_status", 3},
                                  {"disability", 110},
                                  {"age", 60},
                                  {"working_hours", 2},
                                  {"contract_type", 2},
                                  {"other", 25},
                                  {"unknown", 10}});
  return w;
}
const Weighted& Natures() {
  static const Weighted w = Make({{"unequal_treatment", 450},
                                  {"hostile_treatment", 300},
                                  {"threat", 60},
                                  {"violence", 40},
                                  {"damage", 30},
                                  {"public_statement", 90},
                                  {"other", 30}});
  return w;
}
const Weighted& Domains() {
  static const Weighted w = Make({{"labour", 240},
                                  {"housing", 60},
                                  {"neighbourhood", 90},
                                  {"public_space", 110},
                                  {"commercial", 120},
                                  {"hospitality", 50},
                                  {"education", 70},
                                  {"police", 50},
                                  {"media", 70},
                                  {"public_services", 110},
                                  {"sport", 20},
                                  {"other", 10}});
  return w;
}
const Weighted& Roles() {
  static const Weighted w =
      Make({{"victim", 750}, {"witness", 120}, {"on_behalf", 90}, {"observation", 40}});
  return w;
}
const Weighted& Channels() {
  static const Weighted w = Make({{"web", 600},
                                  {"phone", 150},
                                  {"email", 130},
                                  {"letter", 20},
                                  {"walk_in", 50},
                                  {"app", 30},
                                  {"social_media", 20}});
  return w;
}
// Wishes of a named reporter who wants more than registration (a complaint, klacht).
const Weighted& ComplaintWishes() {
  static const Weighted w = Make({{"advice", 400},
                                  {"letter", 200},
                                  {"mediation", 120},
                                  {"complaint_procedure", 80},
                                  {"police_report", 50},
                                  {"listening_ear", 150}});
  return w;
}
const Weighted& Handlings() {  // without registration only, which stands alone
  static const Weighted w = Make({{"advice", 400},
                                  {"referral", 120},
                                  {"intervention", 180},
                                  {"mediation", 80},
                                  {"complaint_procedure", 60},
                                  {"police_report", 40},
                                  {"listening_ear", 150},
                                  {"own_initiative", 20},
                                  {"other", 20}});
  return w;
}
const Weighted& Outcomes() {  // for a complaint; "referred" only with the handling referral
  static const Weighted w = Make({{"resolved", 250},
                                  {"partly_resolved", 200},
                                  {"not_resolved", 200},
                                  {"reporter_withdrew", 80},
                                  {"no_contact", 120},
                                  {"unknown", 50}});
  return w;
}

std::string Pick(DemoRandom& random, const Weighted& list) {
  return std::string(list.codes[random.Weighted(list.weights)]);
}

// The family of a ground: "origin" for "origin.anti_black".
std::string_view Family(std::string_view ground) { return ground.substr(0, ground.find('.')); }

// Short Dutch phrases for the generated descriptions, clearly marked as made up.
constexpr std::array<std::string_view, 6> kOpenings = {
    "Dit is een verzonnen voorbeeldmelding (testgegevens).",
    "Voorbeeldtekst voor een testinstallatie, geen echte melding.",
    "Gegenereerde demomelding.",
    "Fictieve melding om de cijfers te testen.",
    "Testgegevens: deze melding is niet echt.",
    "Demo: verzonnen verhaal.",
};
constexpr std::array<std::string_view, 8> kMiddles = {
    "De melder werd anders behandeld dan anderen in dezelfde situatie.",
    "Er werden kwetsende opmerkingen gemaakt waar andere mensen bij waren.",
    "De melder voelde zich niet welkom en is weggegaan.",
    "Een medewerker weigerde de melder te helpen zonder uitleg.",
    "Op sociale media verscheen een bericht over de melder.",
    "Bij de sollicitatie werd naar zaken gevraagd die er niet toe doen.",
    "De buren maakten opnieuw opmerkingen over de familie van de melder.",
    "Er hing een bord met een tekst die een groep mensen buitensluit.",
};
constexpr std::array<std::string_view, 4> kEndings = {
    "De melder wil dat dit wordt geregistreerd.",
    "De melder vraagt om advies over wat te doen.",
    "De melder hoopt dat het bureau contact opneemt met de andere partij.",
    "",
};

}  // namespace

std::uint64_t DemoRandom::Below(std::uint64_t n) {
  // The high half of the 128-bit product x * n, from 32-bit halves (no compiler extension).
  std::uint64_t x = engine_();
  std::uint64_t x_lo = x & 0xffffffffULL, x_hi = x >> 32;
  std::uint64_t n_lo = n & 0xffffffffULL, n_hi = n >> 32;
  std::uint64_t lo_lo = x_lo * n_lo, hi_lo = x_hi * n_lo, lo_hi = x_lo * n_hi;
  std::uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xffffffffULL) + lo_hi;
  return x_hi * n_hi + (hi_lo >> 32) + (cross >> 32);
}

size_t DemoRandom::Weighted(const std::vector<int>& weights) {
  std::uint64_t total = 0;
  for (int w : weights) total += static_cast<std::uint64_t>(std::max(w, 0));
  std::uint64_t pick = Below(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    std::uint64_t w = static_cast<std::uint64_t>(std::max(weights[i], 0));
    if (pick < w) return i;
    pick -= w;
  }
  return weights.size() - 1;  // not reached while total > 0
}

DemoGenerator::DemoGenerator(const MunicipalityRegistry& municipalities, DemoSettings settings)
    : municipalities_(municipalities), settings_(std::move(settings)), random_(settings_.seed) {
  std::map<std::string_view, int> large(kLargeCities.begin(), kLargeCities.end());
  auto add = [&](const std::string& code) {
    codes_.push_back(code);
    auto it = large.find(code);
    code_weights_.push_back(it == large.end() ? kOtherMunicipalityWeight : it->second);
  };
  if (settings_.area.empty()) {
    for (const auto& m : municipalities_.Current()) add(m.code);
  } else {
    for (const auto& code : settings_.area) add(code);
  }
  for (const auto& m : municipalities_.All()) {
    if (!m.current() && !m.merged_into.empty()) merged_into_[m.merged_into].push_back(&m);
  }
  int this_year = static_cast<int>(DateOfUnixSeconds(settings_.now).year());
  first_second_ = StartOfYearUnixSeconds(this_year - std::max(settings_.years, 1) + 1);

  // The mass event: a television statement (a public event, no personal data) in the middle of
  // the period; its reports come in over the two weeks after it. 2% of the reports, at most what
  // one event may hold, and none for tiny sets.
  long long mass = settings_.reports >= 20 ? settings_.reports / 50 : 0;
  mass_event_.reports = std::min(mass, 50'000LL);
  long long middle = first_second_ + (settings_.now - first_second_) / 2;
  mass_start_ = middle - middle % kDay + 19 * 3600;  // an evening broadcast
  mass_event_.started_on = FormatIsoDate(DateOfUnixSeconds(mass_start_));
  mass_event_.name = "Demo: uitspraak in talkshow van " + mass_event_.started_on;
  mass_event_.description =
      "Verzonnen massamelding (testgegevens): een uitspraak op televisie waarover veel mensen "
      "meldden.";
}

std::string DemoGenerator::PickMunicipality(long long reported_at) {
  size_t picked = random_.Weighted(code_weights_);
  const std::string& code = codes_[picked];
  // Before a merger took effect, reports name the old municipality: part of the reports of a
  // successor go to one of the municipalities merged into it, so roll-up can be tested.
  auto merged = merged_into_.find(code);
  if (merged == merged_into_.end()) return code;
  std::string date = FormatIsoDate(DateOfUnixSeconds(reported_at));
  std::vector<const Municipality*> before;
  for (const auto* m : merged->second) {
    if (date <= m->valid_to) before.push_back(m);
  }
  // A large city absorbed small places (Weesp into Amsterdam): few of its reports were theirs.
  int share = code_weights_[picked] > kOtherMunicipalityWeight ? 50 : 500;
  if (before.empty() || !random_.Chance(share)) return code;
  return before[random_.Below(before.size())]->code;
}

std::vector<std::string> DemoGenerator::PickGrounds() {
  std::vector<std::string> grounds{Pick(random_, Grounds())};
  // A fifth of the reports name a second ground, one in twenty-five a third (intersectionality).
  int more = random_.Chance(200) ? (random_.Chance(200) ? 2 : 1) : 0;
  if (grounds.front() == kGroundUnknown) more = 0;
  for (int tries = 0; more > 0 && tries < 20; ++tries) {
    std::string next = Pick(random_, Grounds());
    bool clash = next == kGroundUnknown;
    for (const auto& g : grounds) clash = clash || Family(g) == Family(next);
    if (clash) continue;
    grounds.push_back(next);
    --more;
  }
  // In code-list order, as the form stores them.
  auto rank = [](const std::string& g) {
    return std::find(kGrounds.begin(), kGrounds.end(), g) - kGrounds.begin();
  };
  std::sort(grounds.begin(), grounds.end(),
            [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return grounds;
}

void DemoGenerator::Classify(DemoReport& demo, long long index) {
  NewReport& r = demo.report;
  r.code_list_version = std::string(kCodeListVersion);
  r.reporter_role = Pick(random_, Roles());
  r.channel = Pick(random_, Channels());
  r.scope = random_.Chance(50) ? "policy" : "incident";
  if (demo.mass) {
    r.nature = "public_statement";
    r.domain = "media";
    r.grounds = {"origin", "religion.anti_muslim"};
    r.incident_municipality = std::string(kIncidentNotApplicable);  // national television
    r.channel = "web";
    r.scope = "incident";
  } else {
    r.nature = Pick(random_, Natures());
    r.domain = Pick(random_, Domains());
    r.grounds = PickGrounds();
    // Online and national media have no place of incident.
    bool online = r.domain == "media" ? random_.Chance(800) : random_.Chance(40);
    r.incident_municipality =
        online ? std::string(kIncidentNotApplicable) : PickMunicipality(*r.received_at);
  }
  int residence = static_cast<int>(random_.Below(100));
  if (residence < 55 && r.incident_municipality != kIncidentNotApplicable) {
    r.residence_municipality = r.incident_municipality;
  } else if (residence < 85) {
    r.residence_municipality = PickMunicipality(*r.received_at);
  } else {
    r.residence_municipality = std::string(kResidenceUnknown);
  }
  // When it happened: mostly days before the report, sometimes only a month or a year.
  long long incident_at = *r.received_at - static_cast<long long>(random_.Below(60)) * kDay;
  if (demo.mass) incident_at = mass_start_;
  Date date = DateOfUnixSeconds(incident_at);
  int precision = static_cast<int>(random_.Below(100));
  if (precision < 85 || demo.mass) {
    r.incident_date = {date, DatePrecision::kDay};
  } else if (precision < 97) {
    r.incident_date = {date.year() / date.month() / 1, DatePrecision::kMonth};
  } else {
    r.incident_date = {date.year() / 1 / 1, DatePrecision::kYear};
  }
  // Anonymous or named; a named reporter may ask for more than registration (klacht).
  r.anonymous = random_.Chance(demo.mass ? 500 : 300);
  if (r.anonymous) {
    r.wishes = {random_.Chance(800) ? "registration_only" : "advice"};
    r.contact.reset();
  } else {
    Contact contact;
    contact.name = "Demo Melder " + std::to_string(index + 1);
    contact.email = "melder" + std::to_string(index + 1) + "@example.nl";
    if (random_.Chance(400)) contact.phone = "0612345678";
    contact.preference = contact.phone.empty() ? "email" : "either";
    r.contact = std::move(contact);
    if (demo.mass || random_.Chance(350)) {
      r.wishes = {"registration_only"};
    } else {
      r.wishes = {Pick(random_, ComplaintWishes())};
      if (random_.Chance(250)) {
        std::string second = Pick(random_, ComplaintWishes());
        if (second != r.wishes.front()) r.wishes.push_back(second);
      }
      auto rank = [](const std::string& w) {
        return std::find(kWishes.begin(), kWishes.end(), w) - kWishes.begin();
      };
      std::sort(r.wishes.begin(), r.wishes.end(),
                [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    }
  }
}

void DemoGenerator::Close(DemoReport& demo) {
  long long reported_at = *demo.report.received_at;
  long long age_days = (settings_.now - reported_at) / kDay;
  // Old cases are nearly all closed; of the last three months about a third.
  int closed_per_mille = age_days > 90 ? 930 : 330;
  if (!random_.Chance(closed_per_mille)) return;
  DemoClosing closing;
  bool registration_only = demo.report.wishes == std::vector<std::string>{"registration_only"};
  long long days = registration_only ? static_cast<long long>(random_.Below(7))
                                     : 7 + static_cast<long long>(random_.Below(120));
  closing.closed_at = std::min(settings_.now, reported_at + days * kDay + 3600);
  if (registration_only) {
    closing.handlings = {std::string(kHandlingRegistrationOnly)};
    closing.outcome = std::string(kOutcomeRegistrationOnly);
  } else {
    closing.handlings = {Pick(random_, Handlings())};
    if (random_.Chance(300)) {
      std::string second = Pick(random_, Handlings());
      if (second != closing.handlings.front()) closing.handlings.push_back(second);
    }
    bool referral = std::find(closing.handlings.begin(), closing.handlings.end(),
                              kHandlingReferral) != closing.handlings.end();
    closing.outcome =
        referral && random_.Chance(600) ? std::string(kOutcomeReferred) : Pick(random_, Outcomes());
    auto rank = [](const std::string& h) {
      return std::find(kHandlings.begin(), kHandlings.end(), h) - kHandlings.begin();
    };
    std::sort(closing.handlings.begin(), closing.handlings.end(),
              [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  }
  demo.closing = std::move(closing);
}

std::string DemoGenerator::Describe(const DemoReport& demo, long long index) {
  if (demo.mass) {
    return "Verzonnen massamelding (testgegevens) over de uitspraak in de talkshow van " +
           mass_event_.started_on + ". Demomelding " + std::to_string(index + 1) + ".";
  }
  std::string text(kOpenings[random_.Below(kOpenings.size())]);
  int sentences = 1 + static_cast<int>(random_.Below(3));
  for (int i = 0; i < sentences; ++i) {
    text += ' ';
    text += kMiddles[random_.Below(kMiddles.size())];
  }
  std::string_view ending = kEndings[random_.Below(kEndings.size())];
  if (!ending.empty()) {
    text += ' ';
    text += ending;
  }
  text += " Demomelding " + std::to_string(index + 1) + ".";
  return text;
}

DemoReport DemoGenerator::Next(long long index) {
  DemoReport demo;
  long long count = std::max(settings_.reports, 1LL);
  // The mass event's reports are spread evenly over the run, so ids do not cluster.
  long long mass = mass_event_.reports;
  demo.mass = mass > 0 && (index * mass) / count != ((index + 1) * mass) / count;
  long long reported_at;
  if (demo.mass) {
    reported_at = mass_start_ + 3600 + static_cast<long long>(random_.Below(14 * kDay));
    reported_at = std::min(reported_at, settings_.now);
  } else {
    reported_at = first_second_ + static_cast<long long>(random_.Below(
                                      static_cast<std::uint64_t>(settings_.now - first_second_)));
  }
  demo.report.received_at = reported_at;
  Classify(demo, index);
  demo.report.description = Describe(demo, index);
  Close(demo);
  return demo;
}

}  // namespace meldpunt
