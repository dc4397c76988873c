#pragma once
// A reporter's access request (inzage, GDPR article 15): everything the bureau holds about the
// reporter in one report, as a JSON file and as a readable page. Both come from one gathered
// record, so they always hold the same.
//
// In it: the reference, dates, status and its history, the classification with its labels, the
// municipalities, the description, the contact details, every message both ways, and the list of
// files with their SHA-256 (the files themselves are handed over separately: downloading each is
// audited, and bundling them needs an archive format we do not have). Staff e-mail addresses in
// the thread are left out: they are the staff member's data, and the reporter sees "reporting
// point" there too. The case's events (steps, actions, notes) are in it with their free text:
// notes are never shown to the reporter otherwise, so staff read the export before handing it
// over (a note may hold data of others).
#include <string>
#include <vector>

#include "store/case_store.hpp"
#include "store/evidence_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/privacy_store.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

struct ReportExport {
  RegisteredReport report;
  std::string bureau_name;
  std::vector<ThreadMessage> messages;
  std::vector<EvidenceInfo> files;
  std::vector<StatusChange> status_history;
  std::vector<CaseEvent> events;
  long long exported_at = 0;
};

// Reads what belongs to the report from the store (the caller has checked access and audits).
ReportExport GatherExport(const AppContext& app, const RegisteredReport& report);

// The JSON document (labels in the visitor's language, times in UTC, ISO 8601).
std::string ExportJson(const AppContext& app, Lang lang, const ReportExport& data);
// Template data for templates/staff_report_export.mustache.
TemplateData ExportPageData(const AppContext& app, Lang lang, const ReportExport& data);

// "MP-2026-000042" -> "inzage-MP-2026-000042.json"
std::string ExportFileName(const RegisteredReport& report);

}  // namespace meldpunt::web
