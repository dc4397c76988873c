#include "web/privacy/report_export.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "domain/dutch_time.hpp"
#include "store/bureau_store.hpp"
#include "store/case_store.hpp"
#include "store/evidence_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/privacy_store.hpp"
#include "store/store_types.hpp"
#include "web/common/pages.hpp"
#include "web/followup/thread_view.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {
namespace {

namespace json = boost::json;

// "2026-11-26T12:00:00Z"
std::string IsoUtc(long long unix_seconds) {
  using namespace std::chrono;
  sys_seconds at{seconds{unix_seconds}};
  auto day = floor<days>(at);
  year_month_day date{day};
  hh_mm_ss time{at - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

json::value OptionalTime(const std::optional<long long>& at) {
  return at ? json::value(IsoUtc(*at)) : json::value(nullptr);
}

json::object Coded(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                   const std::string& code) {
  return {{"code", code}, {"label", LabelOf(app, lang, labels, code)}};
}

json::array CodedList(const AppContext& app, Lang lang, std::span<const CodeLabel> labels,
                      const std::vector<std::string>& codes) {
  json::array list;
  for (const auto& code : codes) list.push_back(Coded(app, lang, labels, code));
  return list;
}

json::object Place(const AppContext& app, Lang lang, const std::string& code) {
  return {{"code", code}, {"name", MunicipalityLabel(app, lang, code)}};
}

// The status history as the reporter lived it: received when reported, then every change.
std::vector<StatusChange> FullHistory(const ReportExport& data) {
  std::vector<StatusChange> history{{data.report.reported_at, ReportStatus::kReceived}};
  history.insert(history.end(), data.status_history.begin(), data.status_history.end());
  return history;
}

std::string AuthorLabel(const AppContext& app, Lang lang, MessageAuthor author) {
  return app.translator.Get(
      lang, author == MessageAuthor::kReporter ? N_("Reporter") : N_("Reporting point"));
}

}  // namespace

ReportExport GatherExport(const AppContext& app, const RegisteredReport& report) {
  ReportExport data;
  data.report = report;
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    if (bureau.id == report.bureau_id) data.bureau_name = bureau.name;
  }
  data.messages = app.follow_up.ListMessages(report.id);
  data.files = app.evidence.ListEvidence(report.id);
  data.status_history = app.privacy.ListStatusChanges(report.id);
  data.events = app.cases.ListCaseEvents(report.id);
  data.exported_at = app.now();
  return data;
}

std::string ExportFileName(const RegisteredReport& report) {
  return "inzage-" + report.reference + ".json";
}

std::string ExportJson(const AppContext& app, Lang lang, const ReportExport& data) {
  const RegisteredReport& r = data.report;
  json::object doc;
  doc["format"] = "meldpunt-inzage/1";
  doc["language"] = std::string(LangCode(lang));
  doc["exported_at"] = IsoUtc(data.exported_at);
  doc["bureau"] = data.bureau_name;
  doc["reference"] = r.reference;
  doc["reported_at"] = IsoUtc(r.reported_at);
  doc["channel"] = r.channel;
  doc["status"] = {{"code", std::string(StatusCode(r.status))},
                   {"label", app.translator.Get(lang, StatusLabel(r.status))}};
  doc["closed_at"] = OptionalTime(r.closed_at);
  doc["anonymised_at"] = OptionalTime(r.anonymised_at);
  doc["incident_date"] = r.incident_date;
  doc["incident_municipality"] = Place(app, lang, r.incident_municipality);
  doc["residence_municipality"] = Place(app, lang, r.residence_municipality);
  doc["classification"] = {
      {"code_list_version", r.code_list_version},
      {"reporter_role", Coded(app, lang, ReporterRoleLabels(), r.reporter_role)},
      {"nature", Coded(app, lang, NatureLabels(), r.nature)},
      {"grounds", CodedList(app, lang, GroundLabels(), r.grounds)},
      {"domain", Coded(app, lang, DomainLabels(), r.domain)},
      {"scope", Coded(app, lang, ScopeLabels(), r.scope)},
      {"wishes", CodedList(app, lang, WishLabels(), r.wishes)},
      {"is_complaint", r.is_complaint},
  };
  doc["anonymous"] = r.anonymous;
  doc["description"] = r.anonymised_at ? json::value(nullptr) : json::value(r.description);
  if (r.contact) {
    doc["contact"] = {{"name", r.contact->name},   {"email", r.contact->email},
                      {"phone", r.contact->phone}, {"preference", r.contact->preference},
                      {"time", r.contact->time},   {"language", r.contact->language}};
  } else {
    doc["contact"] = nullptr;
  }
  json::array messages;
  for (const auto& m : data.messages) {
    json::array files;
    for (const auto& f : data.files) {
      if (f.message_id == m.id) files.push_back(f.id);
    }
    messages.push_back({{"at", IsoUtc(m.at)},
                        {"from", std::string(AuthorCode(m.author))},
                        {"body", m.erased ? json::value(nullptr) : json::value(m.body)},
                        {"files", std::move(files)}});
  }
  doc["messages"] = std::move(messages);
  json::array files;
  for (const auto& f : data.files) {
    files.push_back(
        {{"id", f.id},
         {"received_at", IsoUtc(f.received_at)},
         {"name", f.filename},
         {"media_type", f.media_type},
         {"size", f.size},
         {"original_size", f.original_size},
         {"original_sha256", f.original_sha256},
         {"message_id", f.message_id ? json::value(*f.message_id) : json::value(nullptr)}});
  }
  doc["files"] = std::move(files);
  json::array history;
  for (const auto& change : FullHistory(data)) {
    history.push_back({{"at", IsoUtc(change.at)},
                       {"status", std::string(StatusCode(change.status))},
                       {"label", app.translator.Get(lang, StatusLabel(change.status))}});
  }
  doc["status_history"] = std::move(history);
  json::array events;
  for (const auto& event : data.events) {
    events.push_back({{"at", IsoUtc(event.at)},
                      {"kind", std::string(CaseEventCode(event.kind))},
                      {"code", event.code},
                      {"detail", event.detail},
                      {"text", event.text}});
  }
  doc["case_events"] = std::move(events);
  return json::serialize(doc) + "\n";
}

TemplateData ExportPageData(const AppContext& app, Lang lang, const ReportExport& data) {
  const RegisteredReport& r = data.report;
  TemplateData page;
  page.set("id", std::to_string(r.id));
  page.set("reference", r.reference);
  page.set("bureau", data.bureau_name);
  page.set("exported_at", FormatDutchDateTime(data.exported_at));
  page.set("reported_at", FormatDutchDateTime(r.reported_at));
  page.set("status", app.translator.Get(lang, StatusLabel(r.status)));
  if (r.closed_at) page.set("closed_at", FormatDutchDateTime(*r.closed_at));
  if (r.anonymised_at) page.set("anonymised_at", FormatDutchDateTime(*r.anonymised_at));
  page.set("channel", r.channel);
  page.set("incident_date", r.incident_date);
  page.set("incident_municipality", MunicipalityLabel(app, lang, r.incident_municipality));
  page.set("residence_municipality", MunicipalityLabel(app, lang, r.residence_municipality));
  page.set("reporter_role", LabelOf(app, lang, ReporterRoleLabels(), r.reporter_role));
  page.set("nature", LabelOf(app, lang, NatureLabels(), r.nature));
  page.set("grounds", LabelsOf(app, lang, GroundLabels(), r.grounds));
  page.set("domain", LabelOf(app, lang, DomainLabels(), r.domain));
  page.set("scope", LabelOf(app, lang, ScopeLabels(), r.scope));
  page.set("wishes", LabelsOf(app, lang, WishLabels(), r.wishes));
  page.set("complaint", Bool(r.is_complaint));
  page.set("code_list_version", r.code_list_version);
  page.set("anonymous", Bool(r.anonymous));
  page.set("description", r.description);
  if (r.contact) {
    TemplateData contact;
    contact.set("name", r.contact->name);
    contact.set("email", r.contact->email);
    contact.set("phone", r.contact->phone);
    contact.set("preference",
                r.contact->preference.empty()
                    ? std::string()
                    : LabelOf(app, lang, ContactPreferenceLabels(), r.contact->preference));
    contact.set("time", r.contact->time);
    contact.set("language", r.contact->language);
    page.set("contact", contact);
  }
  kainjow::mustache::list messages;
  for (const auto& m : data.messages) {
    TemplateData item;
    item.set("at", FormatDutchDateTime(m.at));
    item.set("from", AuthorLabel(app, lang, m.author));
    item.set("body", m.body);
    item.set("erased", Bool(m.erased));
    messages.push_back(item);
  }
  page.set("messages", messages);
  page.set("has_messages", Bool(!messages.empty()));
  kainjow::mustache::list files;
  for (const auto& f : data.files) {
    TemplateData item;
    item.set("name", f.filename);
    item.set("media_type", f.media_type);
    item.set("size", FormatFileSize(f.size));
    item.set("received_at", FormatDutchDateTime(f.received_at));
    item.set("sha256", f.original_sha256);
    files.push_back(item);
  }
  page.set("files", files);
  page.set("has_files", Bool(!files.empty()));
  kainjow::mustache::list history;
  for (const auto& change : FullHistory(data)) {
    TemplateData item;
    item.set("at", FormatDutchDateTime(change.at));
    item.set("status", app.translator.Get(lang, StatusLabel(change.status)));
    history.push_back(item);
  }
  page.set("history", history);
  kainjow::mustache::list events;
  for (const auto& event : data.events) {
    TemplateData item;
    item.set("at", FormatDutchDateTime(event.at));
    std::string what(CaseEventCode(event.kind));
    if (!event.code.empty()) what += ": " + event.code;
    item.set("what", what);
    item.set("text", event.text);
    events.push_back(item);
  }
  page.set("events", events);
  page.set("has_events", Bool(!events.empty()));
  return page;
}

}  // namespace meldpunt::web
