// Changes to what a report holds about the reporter: correction of the description and contact
// details at the reporter's request, and the status history kept by SetReportStatus.
#include <soci/soci.h>

#include "store/soci/report_columns.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::Guard;

bool SociStore::CorrectReport(long long report_id, const ReportCorrection& correction) {
  using namespace report_columns;
  // Encryption happens before the write queue so the single writer does only database work.
  std::string description_enc, contact_enc, recipient_enc;
  if (correction.description)
    description_enc = cipher().Seal(*correction.description, kDescriptionAd);
  if (correction.contact) {
    contact_enc = cipher().Seal(ContactToJson(*correction.contact), kContactAd);
    if (!correction.contact->email.empty())
      recipient_enc = cipher().Seal(correction.contact->email, kRecipientAd);
  }
  // Duplicate hints (soci_duplicates.cpp) follow the corrected text and contact details.
  ReportMatchKeys match = MatchKeysOf(correction.description.value_or(""), correction.contact, {});
  std::vector<MatchReason> replace;
  if (correction.description) replace.push_back(MatchReason::kText);
  if (correction.contact) {
    replace.push_back(MatchReason::kEmail);
    replace.push_back(MatchReason::kPhone);
  }
  return Guard("correcting a report", [&] {
    bool found = false;
    Write([&](soci::session& sql) {
      long long open = 0;
      sql << "SELECT COUNT(*) FROM reports WHERE id = :id AND anonymised_at IS NULL",
          soci::use(report_id), soci::into(open);
      if (open == 0) return;
      found = true;
      SaveMatchKeysIn(sql, report_id, match, replace, correction.description.has_value());
      if (correction.description) {
        sql << "UPDATE reports SET description_enc = :text WHERE id = :id",
            soci::use(description_enc), soci::use(report_id);
      }
      if (!correction.contact) return;
      sql << "UPDATE reports SET contact_enc = :contact WHERE id = :id", soci::use(contact_enc),
          soci::use(report_id);
      // E-mail still waiting goes to the corrected address, or not at all.
      if (recipient_enc.empty()) {
        sql << "DELETE FROM mail_outbox WHERE report_id = :id AND sent_at IS NULL AND failed_at "
               "IS NULL",
            soci::use(report_id);
      } else {
        sql << "UPDATE mail_outbox SET recipient_enc = :to WHERE report_id = :id AND sent_at IS "
               "NULL AND failed_at IS NULL",
            soci::use(recipient_enc), soci::use(report_id);
      }
    });
    return found;
  });
}

std::vector<StatusChange> SociStore::ListStatusChanges(long long report_id) {
  return Guard("reading a report's status history", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT at, status FROM report_status_changes WHERE report_id = :id "
                        "ORDER BY id",
         soci::use(report_id));
    std::vector<StatusChange> changes;
    for (const auto& row : rows) {
      auto status = ParseStatus(row.get<std::string>(1));
      if (!status) continue;  // a status this version does not know
      changes.push_back({soci_util::GetInteger(row, 0), *status});
    }
    return changes;
  });
}

}  // namespace meldpunt
