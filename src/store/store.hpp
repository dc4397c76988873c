#pragma once
// The one store of meldpunt: the object that owns the database (its pool and write queue) and
// implements every narrow store interface below, one per feature. Code that needs only part of
// the store takes that part (web handlers get them in AppContext); code that opens the database
// holds a Store. Implementations encrypt personal data on the way in and decrypt it on the way
// out; classification and dates stay in clear for counting. Every method may block and must not
// be called on an I/O thread. Failures throw StoreError.
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/case_list_store.hpp"
#include "store/case_store.hpp"
#include "store/code_list_store.hpp"
#include "store/duplicate_store.hpp"
#include "store/evidence_store.hpp"
#include "store/figures_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/letter_store.hpp"
#include "store/login_store.hpp"
#include "store/mass_event_store.hpp"
#include "store/outbox_store.hpp"
#include "store/partner_key_store.hpp"
#include "store/privacy_store.hpp"
#include "store/report_store.hpp"
#include "store/saved_filter_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/standard_reply_store.hpp"
#include "store/store_health.hpp"
#include "store/store_metrics.hpp"
#include "store/store_types.hpp"
#include "store/tag_store.hpp"

namespace meldpunt {

class Store : public StoreHealth,
              public ReportStore,
              public FollowUpStore,
              public CaseStore,
              public CaseListStore,
              public StaffAccountStore,
              public StaffSessionStore,
              public LoginStore,
              public FiguresStore,
              public AuditStore,
              public OutboxStore,
              public MassEventStore,
              public LetterStore,
              public CodeListStore,
              public BureauStore,
              public EvidenceStore,
              public PrivacyStore,
              public SavedFilterStore,
              public TagStore,
              public DuplicateStore,
              public StandardReplyStore,
              public StoreMetrics,
              public PartnerKeyStore {
 public:
  ~Store() override = default;
};

}  // namespace meldpunt
