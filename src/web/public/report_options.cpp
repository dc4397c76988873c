#include "web/public/report_options.hpp"

#include <algorithm>
#include <array>

#include "domain/reports/classification.hpp"

namespace meldpunt::web {
namespace {

constexpr std::array kReporterRoles = {
    CodeLabel{"victim", N_("It happened to me")},
    CodeLabel{"witness", N_("I saw it happen to someone else")},
    CodeLabel{"on_behalf", N_("I am reporting for someone else"),
              N_("For example for my child, a family member, or as an organisation.")},
    CodeLabel{"observation", N_("I noticed something that was not aimed at one person"),
              N_("For example a text, an advertisement, a rule or a statement.")},
};

constexpr std::array kNatures = {
    CodeLabel{"unequal_treatment", N_("Treated differently or worse"),
              N_("For example refused at the door, not hired, or not allowed to rent a home.")},
    CodeLabel{"hostile_treatment", N_("Insulted, called names or treated with hostility")},
    CodeLabel{"threat", N_("Threatened")},
    CodeLabel{"violence", N_("Physical violence"), N_("For example hitting, kicking or pushing.")},
    CodeLabel{"damage", N_("Damage or graffiti"),
              N_("For example a smeared wall, a damaged car or a broken window.")},
    CodeLabel{"public_statement", N_("Something said or written in public"),
              N_("For example online, in the media, or by a politician.")},
    CodeLabel{"other", N_("Something else")},
};

constexpr std::array kGrounds = {
    CodeLabel{"origin", N_("Origin or skin colour")},
    CodeLabel{"origin.anti_black", N_("Racism against Black people")},
    CodeLabel{"origin.antiziganism", N_("Against Roma, Sinti or travellers")},
    CodeLabel{"origin.anti_asian", N_("Against people with an Asian background")},
    CodeLabel{"religion", N_("Religion")},
    CodeLabel{"religion.antisemitism", N_("Against Jewish people (antisemitism)")},
    CodeLabel{"religion.anti_muslim", N_("Against Muslims")},
    CodeLabel{"belief", N_("Belief or philosophy of life (not a religion)")},
    CodeLabel{"political_opinion", N_("Political opinion")},
    CodeLabel{"nationality", N_("Nationality")},
    CodeLabel{"sex", N_("Being a woman or a man, gender identity, trans or intersex")},
    CodeLabel{"sexual_orientation", N_("Sexual orientation"),
              N_("For example being gay, lesbian or bisexual.")},
    CodeLabel{"marital_status", N_("Marital status"),
              N_("For example being married, unmarried or divorced.")},
    CodeLabel{"disability", N_("Disability or chronic illness")},
    CodeLabel{"age", N_("Age")},
    CodeLabel{"working_hours", N_("Working part-time or full-time")},
    CodeLabel{"contract_type", N_("Type of employment contract"),
              N_("For example a temporary contract.")},
    CodeLabel{"other", N_("Something else"),
              N_("For example appearance, income, or the neighbourhood someone lives in.")},
    CodeLabel{"unknown", N_("I don't know")},
};

constexpr std::array kDomains = {
    CodeLabel{"labour", N_("Work, or applying for a job")},
    CodeLabel{"housing", N_("Housing, for example renting or buying a home")},
    CodeLabel{"neighbourhood", N_("In the neighbourhood, or with neighbours")},
    CodeLabel{"public_space", N_("On the street or on public transport")},
    CodeLabel{"commercial", N_("In a shop, at a bank or an insurance company")},
    CodeLabel{"hospitality", N_("In a café, club, restaurant or at an event")},
    CodeLabel{"education", N_("At school, college or university")},
    CodeLabel{"police", N_("By the police or enforcement officers")},
    CodeLabel{"media", N_("On the internet, social media, TV or in a newspaper")},
    CodeLabel{"public_services", N_("At the municipality, a government office, care or welfare")},
    CodeLabel{"sport", N_("At sport or leisure")},
    CodeLabel{"other", N_("Somewhere else")},
};

constexpr std::array kScopes = {
    CodeLabel{"incident", N_("Something that happened, to me or to others")},
    CodeLabel{"policy", N_("A general rule or way of working"),
              N_("For example a rule of a shop, an employer, a landlord or a government.")},
};

constexpr std::array kWishes = {
    CodeLabel{"registration_only", N_("Only register my report. I do not need anything else.")},
    CodeLabel{"advice", N_("Information or advice about what I can do")},
    CodeLabel{"letter", N_("A letter to the other party, asking for their side of the story")},
    CodeLabel{"mediation", N_("Mediation: a conversation with the other party, with our help")},
    CodeLabel{"complaint_procedure", N_("Help with a complaint procedure"),
              N_("For example at the Netherlands Institute for Human Rights.")},
    CodeLabel{"police_report", N_("Help with reporting it to the police")},
    CodeLabel{"listening_ear", N_("Someone who listens to my story")},
};

constexpr std::array kContactPreferences = {
    CodeLabel{"email", N_("By e-mail")},
    CodeLabel{"phone", N_("By phone")},
    CodeLabel{"either", N_("Either is fine")},
};

}  // namespace

std::span<const CodeLabel> ReporterRoleLabels() { return kReporterRoles; }
std::span<const CodeLabel> NatureLabels() { return kNatures; }
std::span<const CodeLabel> GroundLabels() { return kGrounds; }
std::span<const CodeLabel> DomainLabels() { return kDomains; }
std::span<const CodeLabel> ScopeLabels() { return kScopes; }
std::span<const CodeLabel> WishLabels() { return kWishes; }
std::span<const CodeLabel> ContactPreferenceLabels() { return kContactPreferences; }

std::string LabelOf(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                    std::string_view code) {
  for (const auto& entry : labels) {
    if (entry.code == code) return app.translator.Get(lang, entry.label);
  }
  return std::string(code);
}

std::string LabelsOf(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                     const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += "; ";
    out += LabelOf(app, lang, labels, code);
  }
  return out;
}

std::string LabelsInListOrder(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                              const std::vector<std::string>& codes) {
  std::vector<std::string> ordered;
  for (const auto& entry : labels) {
    if (std::find(codes.begin(), codes.end(), entry.code) != codes.end())
      ordered.emplace_back(entry.code);
  }
  for (const auto& code : codes) {
    if (std::find(ordered.begin(), ordered.end(), code) == ordered.end()) ordered.push_back(code);
  }
  return LabelsOf(app, lang, labels, ordered);
}

TemplateData Choices(const AppContext& app, Lang lang, std::string_view field,
                     std::span<const CodeLabel> labels, const std::vector<std::string>& chosen) {
  kainjow::mustache::list items;
  for (const auto& entry : labels) {
    TemplateData item;
    std::string code(entry.code);
    std::string id = std::string(field) + "-" + code;
    std::replace(id.begin(), id.end(), '.', '-');
    item.set("value", code);
    item.set("id", id);
    item.set("label", app.translator.Get(lang, entry.label));
    if (entry.hint) item.set("hint", app.translator.Get(lang, entry.hint));
    bool checked = std::find(chosen.begin(), chosen.end(), code) != chosen.end();
    item.set("checked", TemplateData(checked ? TemplateData::type::bool_true
                                             : TemplateData::type::bool_false));
    // A sub-ground (origin.anti_black) is shown indented under its ground.
    item.set("sub",
             TemplateData(code.find('.') != std::string::npos ? TemplateData::type::bool_true
                                                              : TemplateData::type::bool_false));
    if (field == "wishes") {
      bool never = !AnonymousMayWish(code, "policy");
      bool only_policy = !never && !AnonymousMayWish(code, "incident");
      item.set("not_anonymous", TemplateData(never ? TemplateData::type::bool_true
                                                   : TemplateData::type::bool_false));
      item.set("anonymous_only_policy", TemplateData(only_policy ? TemplateData::type::bool_true
                                                                 : TemplateData::type::bool_false));
    }
    items.push_back(std::move(item));
  }
  return TemplateData(items);
}

}  // namespace meldpunt::web
