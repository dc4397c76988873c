#include "web/intake/intake_view.hpp"

#include <array>

#include "domain/dutch_time.hpp"
#include "domain/reports/intake.hpp"
#include "store/partner_key_store.hpp"
#include "store/report_store.hpp"
#include "store/store_types.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

constexpr std::array kChannels = {
    CodeLabel{"web", N_("Form on the website")},
    CodeLabel{"phone", N_("Phone")},
    CodeLabel{"email", N_("E-mail")},
    CodeLabel{"letter", N_("Letter or post")},
    CodeLabel{"walk_in", N_("At the desk"), N_("A walk-in or a consultation hour.")},
    CodeLabel{"app", N_("WhatsApp or another app")},
    CodeLabel{"social_media", N_("A message on social media")},
};
static_assert(kChannels.size() == kStaffChannels.size() + 1);

}  // namespace

std::span<const CodeLabel> ChannelLabels() { return kChannels; }
std::span<const CodeLabel> StaffChannelLabels() { return std::span(kChannels).subspan(1); }

const char* KindLabel(bool is_complaint) {
  return is_complaint ? N_("Complaint") : N_("Report (registration only)");
}

void SetIntakeFacts(const AppContext& app, Lang lang, const RegisteredReport& report,
                    TemplateData& data) {
  data.set("channel", LabelOf(app, lang, ChannelLabels(), report.channel));
  data.set("channel_code", report.channel);
  data.set("kind", report.is_complaint ? "complaint" : "report");
  data.set("kind_label", app.translator.Get(lang, KindLabel(report.is_complaint)));
  data.set("complaint", Bool(report.is_complaint));
  if (auto intake = app.reports.GetReportIntake(report.id)) {
    data.set("registered_by", intake->staff_email);
    data.set("registered_at", FormatDutchDateTime(intake->registered_at));
  }
  // Sent through the partner API (issue 17): the partner's name beside the channel.
  if (report.channel == "app" && app.partner_keys) {
    if (auto partner = app.partner_keys->GetPartnerReport(report.id)) {
      data.set("channel_partner", partner->partner_name);
    }
  }
}

}  // namespace meldpunt::web
