#include "letters/default_template.hpp"

namespace meldpunt::letters {
namespace {

// The address block, the date and the letterhead are set by the layout (compose.hpp), so the
// texts start at the salutation. "Geachte heer, mevrouw" because the other party is often an
// organisation, and nobody's sex is guessed.
LetterTemplate Dutch() {
  return {
      .subject = "Verzoek om uw reactie op een melding (kenmerk {{reference}})",
      .body =
          "Geachte heer, mevrouw,\n"
          "\n"
          "{{bureau_name}} heeft een melding ontvangen over een gebeurtenis op {{incident_date}} "
          "waarbij {{other_party_name}} betrokken zou zijn. De melding gaat in het kort over het "
          "volgende:\n"
          "\n"
          "{{summary}}\n"
          "\n"
          "Bij elke melding horen wij beide kanten: dat heet hoor en wederhoor. Wij hebben geen "
          "oordeel over wat er is gebeurd. Daarom vragen wij u om ons te laten weten hoe u de "
          "gebeurtenis ziet.\n"
          "\n"
          "Wij ontvangen uw reactie graag uiterlijk {{reply_by}}. Wilt u daarbij het kenmerk "
          "{{reference}} vermelden? Heeft u vragen over deze brief, of reageert u liever in een "
          "gesprek, neem dan gerust contact met ons op. {{bureau_contact}}\n"
          "\n"
          "Wij gebruiken uw reactie alleen voor de behandeling van deze melding.",
      .closing =
          "Met vriendelijke groet,\n"
          "\n"
          "{{handler_name}}\n"
          "{{bureau_name}}",
  };
}

LetterTemplate English() {
  return {
      .subject = "Request for your response to a report (reference {{reference}})",
      .body =
          "Dear Sir or Madam,\n"
          "\n"
          "{{bureau_name}} has received a report about an event on {{incident_date}} in which "
          "{{other_party_name}} is said to have been involved. In brief, the report is about the "
          "following:\n"
          "\n"
          "{{summary}}\n"
          "\n"
          "For every report we hear both sides. We have not formed an opinion on what happened. "
          "We therefore ask you to let us know how you see the event.\n"
          "\n"
          "We would appreciate your response by {{reply_by}}. Please mention reference "
          "{{reference}} when you reply. If you have questions about this letter, or would rather "
          "respond in a conversation, please feel free to contact us. {{bureau_contact}}\n"
          "\n"
          "We will use your response only for handling this report.",
      .closing =
          "Kind regards,\n"
          "\n"
          "{{handler_name}}\n"
          "{{bureau_name}}",
  };
}

}  // namespace

LetterTemplate DefaultLetterTemplate(Lang lang) { return lang == Lang::kNl ? Dutch() : English(); }

}  // namespace meldpunt::letters
