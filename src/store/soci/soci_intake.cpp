// The SOCI store's part for staff intake: who registered a report that came in by phone, e-mail,
// letter, at a desk or through an app, and the audit entries meldpunt makes by itself.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::Guard;

std::optional<ReportIntake> SociStore::GetReportIntake(long long report_id) {
  return Guard("reading who registered a report", [&]() -> std::optional<ReportIntake> {
    soci::session sql(*readers_);
    ReportIntake intake;
    sql << "SELECT i.staff_user_id, u.email, i.registered_at FROM report_intake i "
           "JOIN staff_users u ON u.id = i.staff_user_id WHERE i.report_id = :id",
        soci::use(report_id), soci::into(intake.staff_user_id), soci::into(intake.staff_email),
        soci::into(intake.registered_at);
    if (!sql.got_data()) return std::nullopt;
    return intake;
  });
}

// AuditSystem writes a chained entry: see soci_audit.cpp.

}  // namespace meldpunt
