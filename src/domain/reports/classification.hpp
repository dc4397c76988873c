#pragma once
// The codes a report is classified under, as the public form asks for them. The codes are
// stable identifiers stored with the report; labels live in the web layer's catalogs. The
// national lists (landelijke registratie) change over the years, so every report records the
// version of the lists it was classified under.
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

inline constexpr std::string_view kCodeListVersion = "2025.1";

// Who reports (melder): the person it happened to, a witness, someone on behalf of another
// (a parent, an organisation), or an observation without a victim who reports (signaal).
inline constexpr std::array<std::string_view, 4> kReporterRoles = {"victim", "witness", "on_behalf",
                                                                   "observation"};

// Nature (aard van de klacht / verschijningsvorm).
inline constexpr std::array<std::string_view, 7> kNatures = {
    "unequal_treatment",  // omstreden/ongelijke behandeling
    "hostile_treatment",  // vijandige bejegening: insults, name-calling
    "threat",             // bedreiging
    "violence",           // geweld
    "damage",             // vernieling of bekladding
    "public_statement",   // discriminatoire uitlatingen in het openbaar
    "other",              // overig
};

// Grounds (discriminatiegronden); several may apply. Sub-grounds carry their ground as prefix.
inline constexpr std::array<std::string_view, 19> kGrounds = {
    "origin",                 // herkomst (the law says "ras"), including skin colour
    "origin.anti_black",      // anti-zwart racisme
    "origin.antiziganism",    // antiziganisme
    "origin.anti_asian",      // anti-Aziatisch racisme
    "religion",               // godsdienst
    "religion.antisemitism",  // antisemitisme
    "religion.anti_muslim",   // moslimdiscriminatie
    "belief",                 // levensovertuiging
    "political_opinion",      // politieke gezindheid
    "nationality",            // nationaliteit
    "sex",                    // geslacht, including gender identity and expression
    "sexual_orientation",     // seksuele gerichtheid
    "marital_status",         // burgerlijke staat
    "disability",             // handicap of chronische ziekte
    "age",                    // leeftijd
    "working_hours",          // arbeidsduur
    "contract_type",          // aard van het arbeidscontract
    "other",                  // overige, niet-wettelijke gronden
    "unknown",                // onbekend: the reporter does not know
};
inline constexpr std::string_view kGroundUnknown = "unknown";

// Social domain (maatschappelijk terrein), in the words the public form uses.
inline constexpr std::array<std::string_view, 12> kDomains = {
    "labour",           // arbeidsmarkt: work, applying for a job
    "housing",          // huisvesting
    "neighbourhood",    // buurt/wijk, neighbours
    "public_space",     // openbare ruimte: street, public transport
    "commercial",       // commerciële dienstverlening: shops, banks, insurers
    "hospitality",      // horeca en amusement: cafés, clubs, events
    "education",        // onderwijs
    "police",           // politie, OM, handhaving
    "media",            // media en internet, including social media
    "public_services",  // collectieve voorzieningen: government, care, welfare
    "sport",            // sport en recreatie
    "other",            // overig
};

// About one incident, or about a general policy or rule (algemeen beleid).
inline constexpr std::array<std::string_view, 2> kScopes = {"incident", "policy"};

// What the reporter wants from the bureau.
inline constexpr std::array<std::string_view, 7> kWishes = {
    "registration_only",    // alleen registratie
    "advice",               // informatie en advies
    "letter",               // hoor en wederhoor: a letter to the other party
    "mediation",            // bemiddeling
    "complaint_procedure",  // ondersteuning bij een klachtprocedure
    "police_report",        // ondersteuning bij aangifte
    "listening_ear",        // luisterend oor
};
inline constexpr std::string_view kWishRegistrationOnly = "registration_only";

// How a reporter who may be contacted prefers to be reached.
inline constexpr std::array<std::string_view, 3> kContactPreferences = {"email", "phone", "either"};

bool IsCode(std::span<const std::string_view> list, std::string_view value);

// Whether an anonymous reporter can get this: the bureau cannot write to the other party or
// mediate about an incident aimed at a person it may not name, and complaint procedures and
// police reports need the reporter's name. About a general policy the bureau may act on its own
// initiative, so a letter stays possible. Registration, advice and a listening ear go through
// the follow-up page with the receipt code.
bool AnonymousMayWish(std::string_view wish, std::string_view scope);

// A report that asks for more than registration is a complaint (klacht) and gets a case.
bool IsComplaint(const std::vector<std::string>& wishes);

}  // namespace meldpunt
