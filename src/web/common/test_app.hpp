#pragma once
// A complete AppContext for unit tests of handlers: the shipped templates, catalogs and
// municipalities, and a real SQLite store in a temporary folder.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "security/partner_keys.hpp"
#include "store/open_store.hpp"
#include "store/store.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

class TestApp {
 public:
  TestApp()
      : dir_(FreshDir()),
        store_(OpenStore("sqlite:" + (dir_ / "m.db").string(), TestKey(1), TestKey(4))),
        municipalities_(MunicipalityRegistry::FromCsv(ReadShipped("/data/gemeenten.csv")).value()),
        translator_(MELDPUNT_LOCALE_DIR),
        templates_(std::string(MELDPUNT_SOURCE_DIR) + "/templates", translator_),
        app_{.reports = *store_,
             .follow_up = *store_,
             .cases = *store_,
             .case_lists = *store_,
             .staff = *store_,
             .sessions = *store_,
             .logins = *store_,
             .figures = *store_,
             .audit = *store_,
             .outbox = *store_,
             .mass_events = *store_,
             .letters = *store_,
             .code_lists = *store_,
             .bureaus = *store_,
             .evidence = *store_,
             .privacy = *store_,
             .health = *store_,
             .saved_filters = *store_,
             .tags = *store_,
             .duplicates = *store_,
             .standard_replies = *store_,
             .municipalities = municipalities_,
             .translator = translator_,
             .templates = templates_,
             .csrf = CsrfTokens(Signer(TestKey(2))),
             .signer = Signer(TestKey(2)),
             .options = WebOptions{},
             .now = [] { return 1795651200LL; },
             .report_limits = unlimited_,
             .login_limits = unlimited_,
             .login_failure_limits = unlimited_,
             .receipts = Receipts(TestKey(3)),
             .receipt_attempts = unguarded_,
             .partner_keys = store_.get(),
             .partner_key_hash = &partner_key_hash_,
             .partner_limits = &unlimited_} {
    store_->UseMunicipalities(municipalities_);
  }
  ~TestApp() { std::filesystem::remove_all(dir_); }
  const AppContext& app() const { return app_; }
  // The whole store, for tests that set up or check data beside the handlers.
  Store& store() const { return *store_; }

 private:
  static std::filesystem::path FreshDir() {
    InitSodium();  // before RandomToken
    return std::filesystem::temp_directory_path() / ("meldpunt-web-" + RandomToken(6));
  }
  static Key TestKey(unsigned char fill) {
    Key key;
    key.fill(fill);
    return key;
  }
  static std::string ReadShipped(const std::string& path) {
    std::ifstream in(std::string(MELDPUNT_SOURCE_DIR) + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  MunicipalityRegistry municipalities_;
  Translator translator_;
  Templates templates_;
  RateLimiter unlimited_{0, 1.0};
  AttemptGuard unguarded_{0, 1.0, 0};
  PartnerKeys partner_key_hash_{TestKey(5)};
  AppContext app_;
};

}  // namespace meldpunt::web
