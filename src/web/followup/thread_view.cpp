#include "web/followup/thread_view.hpp"

#include "domain/dutch_time.hpp"
#include "store/evidence_store.hpp"
#include "store/follow_up_store.hpp"
#include "web/common/locale_format.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

const char* StatusLabel(ReportStatus status) {
  switch (status) {
    case ReportStatus::kReceived:
      return N_("Received");
    case ReportStatus::kInProgress:
      return N_("In progress");
    case ReportStatus::kClosed:
      return N_("Closed");
  }
  return N_("Received");
}

const char* StatusExplanation(ReportStatus status) {
  switch (status) {
    case ReportStatus::kReceived:
      return N_("We have received your report and registered it. A staff member will look at it.");
    case ReportStatus::kInProgress:
      return N_(
          "A staff member is working on your report. If we have a question, you will find "
          "it below.");
    case ReportStatus::kClosed:
      return N_(
          "We have finished working on your report. It still counts in our figures. You "
          "can still send us a message.");
  }
  return "";
}

std::string FormatFileSize(long long bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  if (bytes < 1000 * 1000) return std::to_string((bytes + 500) / 1000) + " kB";
  long long tenths = (bytes + 50'000) / 100'000;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

std::string RenderThread(const AppContext& app, Lang lang,
                         const std::vector<ThreadMessage>& messages,
                         const std::vector<EvidenceInfo>& files, Viewer viewer) {
  kainjow::mustache::list items;
  for (const auto& message : messages) {
    TemplateData item;
    bool from_reporter = message.author == MessageAuthor::kReporter;
    std::string author;
    if (viewer == Viewer::kReporter) {
      author = app.translator.Get(lang, from_reporter ? N_("You") : N_("Reporting point"));
    } else if (from_reporter) {
      author = app.translator.Get(lang, N_("Reporter"));
    } else {
      author = app.translator.Get(lang, N_("Reporting point"));
      if (!message.staff_email.empty()) author += " (" + message.staff_email + ")";
    }
    item.set("author", std::string(AuthorCode(message.author)));
    item.set("author_label", author);
    if (viewer == Viewer::kReporter) {
      // The reporter reads the moment in their own language; staff keep the compact form.
      long long local = message.at + DutchUtcOffsetSeconds(message.at);
      long long in_day = ((local % 86400) + 86400) % 86400;
      item.set("at",
               FormatLongDateTime(lang, DutchDateOf(message.at), static_cast<int>(in_day / 3600),
                                  static_cast<int>(in_day % 3600 / 60)));
    } else {
      item.set("at", FormatDutchDateTime(message.at));
    }
    item.set("body", message.erased ? app.translator.Get(lang, N_("(Erased with the report's "
                                                                  "personal data.)"))
                                    : message.body);
    kainjow::mustache::list attachments;
    for (const auto& file : files) {
      if (file.message_id != message.id) continue;
      TemplateData attachment;
      attachment.set("name",
                     file.filename.empty() ? "(" + std::to_string(file.id) + ")" : file.filename);
      attachment.set("size", FormatFileSize(file.size));
      // Only staff download files; the reporter sees what was sent.
      if (viewer == Viewer::kStaff) {
        attachment.set("href", "/medewerkers/meldingen/" + std::to_string(file.report_id) +
                                   "/bestanden/" + std::to_string(file.id));
      }
      attachments.push_back(attachment);
    }
    item.set("attachments", attachments);
    item.set("has_attachments", Bool(!attachments.empty()));
    items.push_back(item);
  }
  TemplateData data;
  data.set("messages", items);
  data.set("has_messages", Bool(!items.empty()));
  data.set("for_staff", Bool(viewer == Viewer::kStaff));
  return app.templates.Render("thread", lang, data);
}

}  // namespace meldpunt::web
