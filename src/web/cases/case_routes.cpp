#include "domain/staff_role.hpp"
#include "web/cases/case_follow_up.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_own_initiative_handlers.hpp"
#include "web/cases/case_referral_handlers.hpp"
#include "web/cases/case_related_handlers.hpp"
#include "web/cases/case_tag_handlers.hpp"
#include "web/cases/classification_handlers.hpp"
#include "web/cases/evidence_previews.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/feature_routes.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

void AddCaseRoutes(RouteTable& routes) {
  using http::Method;
  routes.AddStaff(Method::kGet, kCasePath, Permission::kReadCases, StaffReportPage);
  routes.AddStaff(Method::kPost, kCaseMessagePath, Permission::kHandleCases, StaffReportAction);
  // The case forms (case_handlers.hpp); assigning lets a handler take a case, a coordinator
  // (kAssignCases) assign it to anyone: CaseAssignPost checks the second.
  routes.AddStaff(Method::kPost, kCaseStepPath, Permission::kHandleCases, CaseStepPost);
  routes.AddStaff(Method::kPost, kCaseClosePath, Permission::kHandleCases, CaseClosePost);
  routes.AddStaff(Method::kPost, kCaseActionPath, Permission::kHandleCases, CaseActionPost);
  routes.AddStaff(Method::kPost, kCaseConsentPath, Permission::kHandleCases, CaseConsentPost);
  routes.AddStaff(Method::kPost, kCaseContactPath, Permission::kHandleCases, CaseContactPost);
  routes.AddStaff(Method::kPost, kCaseNotePath, Permission::kHandleCases, CaseNotePost);
  routes.AddStaff(Method::kPost, kCaseAssignPath, Permission::kHandleCases, CaseAssignPost);
  routes.AddStaff(Method::kPost, kCaseMediationPath, Permission::kHandleCases, CaseMediationPost);
  routes.AddStaff(Method::kPost, kCaseFollowUpPath, Permission::kHandleCases, CaseFollowUpPost);
  routes.AddStaff(Method::kPost, kCaseTagPath, Permission::kHandleCases, CaseTagPost);
  routes.AddStaff(Method::kPost, kCaseReferralPath, Permission::kHandleCases, CaseReferralPost);
  routes.AddStaff(Method::kPost, kCaseRelatedPath, Permission::kHandleCases, CaseRelatedPost);
  routes.AddStaff(Method::kPost, kCaseOwnInitiativePath, Permission::kHandleCases,
                  CaseOwnInitiativePost);
  routes.AddStaff(Method::kGet, kClassificationPath, Permission::kClassifyReports,
                  StaffClassificationPage);
  routes.AddStaff(Method::kPost, kClassificationPath, Permission::kClassifyReports, StaffClassify);
  routes.AddStaff(Method::kGet, kEvidencePath, Permission::kReadCases, StaffEvidenceDownload);
  routes.AddStaff(Method::kGet, kEvidencePreviewPath, Permission::kReadCases, StaffEvidencePreview);
}

}  // namespace meldpunt::web
