#pragma once
// A complete AppContext for unit tests of handlers: the shipped templates, catalogs and
// municipalities, and a real SQLite store in a temporary folder.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "store/open_store.hpp"
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
        app_{*store_,
             municipalities_,
             translator_,
             templates_,
             CsrfTokens(Signer(TestKey(2))),
             Signer(TestKey(2)),
             WebOptions{},
             [] { return 1795651200LL; },
             unlimited_,
             unlimited_,
             Receipts(TestKey(3)),
             unguarded_} {
    store_->UseMunicipalities(municipalities_);
  }
  ~TestApp() { std::filesystem::remove_all(dir_); }
  const AppContext& app() const { return app_; }

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
  AppContext app_;
};

}  // namespace meldpunt::web
