#pragma once
// What every handler needs, built once at start and shared read-only between threads.
#include <chrono>
#include <functional>
#include <string>

#include "domain/login_throttle.hpp"
#include "domain/municipality.hpp"
#include "domain/reports/postcode.hpp"
#include "security/attempt_guard.hpp"
#include "security/common_passwords.hpp"
#include "security/crypto.hpp"
#include "security/rate_limiter.hpp"
#include "security/receipts.hpp"
#include "security/tokens.hpp"
#include "web/common/i18n.hpp"
#include "web/common/templates.hpp"

namespace meldpunt {
// The store's narrow interfaces (store/*_store.hpp); one Store implements them all.
class AuditStore;
class BureauStore;
class CaseListStore;
class CaseStore;
class CodeListStore;
class DuplicateStore;
class EvidenceStore;
class FiguresStore;
class FollowUpStore;
class LetterStore;
class LoginStore;
class MassEventStore;
class OutboxStore;
class PartnerKeyStore;
class PartnerKeys;
class PrivacyStore;
class SavedFilterStore;
class ReportStore;
class StaffAccountStore;
class StaffSessionStore;
class StoreHealth;
class TagStore;
class StandardReplyStore;
}  // namespace meldpunt

namespace meldpunt::web {

class BureauFaces;

struct WebOptions {
  bool secure_cookies = false;  // behind TLS: __Host- cookies with Secure
  std::chrono::seconds staff_idle_timeout{30 * 60};
  std::chrono::seconds staff_max_age{12 * 3600};  // a session ends this long after login
  // Exports of personal data ask for the password and second factor again after this long
  // (RequireRecentAuth in web/common/staff_access.hpp).
  std::chrono::seconds reauth_window{5 * 60};
  LoginThrottlePolicy login_throttle;  // failed logins per account (ASVS 2.2.1)
  int staff_page_size = 100;
  // A reporter who followed their report up with the receipt code stays "in" this long without a
  // request, and never longer than followup_max_age.
  std::chrono::seconds followup_idle_timeout{30 * 60};
  std::chrono::seconds followup_max_age{8 * 3600};
  // "Under attack" mode: a report is stored only with a proof of work of this many bits
  // (domain/reports/proof_of_work.hpp); 0 when the mode is off.
  int proof_of_work_bits = 0;
  // The address visitors use (--public-url), for links in files that leave the site.
  std::string public_url;
  // Whether --public-url was given: then a form is only taken from that origin (without it, also
  // from the address the browser used, for a server tried out on its own machine).
  bool public_url_configured = false;
};

struct AppContext {
  // The store, one interface per feature, all of them parts of the one Store (store/store.hpp).
  ReportStore& reports;         // registering and reading reports
  FollowUpStore& follow_up;     // the reporter's follow-up: receipt, messages, sessions
  CaseStore& cases;             // case changes and their history
  CaseListStore& case_lists;    // "my cases", work lists, search
  StaffAccountStore& staff;     // staff users
  StaffSessionStore& sessions;  // staff sessions
  LoginStore& logins;           // second factor, pending logins, throttling
  FiguresStore& figures;        // counts, facts, national files, population
  AuditStore& audit;            // the audit log
  OutboxStore& outbox;          // e-mail to reporters
  MassEventStore& mass_events;  // mass-report events
  LetterStore& letters;         // letter templates and case letters
  CodeListStore& code_lists;    // classification codes
  BureauStore& bureaus;         // bureaus, working areas, settings
  EvidenceStore& evidence;      // evidence files
  PrivacyStore& privacy;        // erasure, corrections, status history
  StoreHealth& health;          // whether the database answers (readiness)
  // The list's saved filters per staff member (issue 14).
  SavedFilterStore& saved_filters;
  TagStore& tags;                        // a bureau's tags (labels) and the tags on its cases
  DuplicateStore& duplicates;            // duplicate hints and related cases (issue 14)
  StandardReplyStore& standard_replies;  // a bureau's standard replies (issue 14)
  const MunicipalityRegistry& municipalities;
  const Translator& translator;
  const Templates& templates;
  const CsrfTokens csrf;
  const Signer signer;  // for values handed out in URLs
  const WebOptions options;
  std::function<long long()> now;  // Unix seconds; replaceable for tests
  RateLimiter& report_limits;      // report submissions per client
  RateLimiter& login_limits;       // staff login attempts per client (ASVS 2.2.1)
  // Failed staff logins per client on browsers not known for the account (issue 14).
  RateLimiter& login_failure_limits;
  const Receipts receipts;         // receipt codes (volgcodes): made, hashed, sealed
  AttemptGuard& receipt_attempts;  // guessing receipts at /melden/volgen
  // Maps postcodes to municipalities when the operator installed a table; else null.
  const PostcodeTable* postcodes = nullptr;
  // Called after an e-mail was queued, so the outbox sends it now; empty when mail is off.
  std::function<void()> mail_queued = {};
  // Passwords staff may not choose (ASVS 2.1.7); null: only the length rules apply.
  const CommonPasswords* common_passwords = nullptr;
  // The bureaus' faces for the public pages (issue 15); null: every page has the neutral face.
  BureauFaces* faces = nullptr;
  // The partner intake API (issue 17): its keys, their keyed hash, the requests per key, and the
  // OpenAPI document (data/openapi.json, read at start). Null where not set up: the API answers
  // 503 then (unit tests of other features).
  PartnerKeyStore* partner_keys = nullptr;
  const PartnerKeys* partner_key_hash = nullptr;
  RateLimiter* partner_limits = nullptr;
  const std::string* openapi_document = nullptr;
};

}  // namespace meldpunt::web
