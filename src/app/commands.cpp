#include "app/commands.hpp"

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/command_util.hpp"
#include "app/mail_service.hpp"
#include "app/metrics_service.hpp"
#include "app/retention_service.hpp"
#include "base/log.hpp"
#include "base/text.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/report.hpp"
#include "http/request_metrics.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "security/common_passwords.hpp"
#include "security/key_file.hpp"
#include "security/partner_keys.hpp"
#include "security/password.hpp"
#include "security/shared_buckets.hpp"
#include "store/open_store.hpp"
#include "store/shared_limits_sweeper.hpp"
#include "store/soci/soci_shared_limits.hpp"
#include "store/soci/soci_store.hpp"
#include "web/api/partner_limits.hpp"
#include "web/common/bureau_face_refresher.hpp"
#include "web/common/bureau_faces.hpp"
#include "web/common/pages.hpp"
#include "web/public/bureau_face_handlers.hpp"
#include "web/routes.hpp"
#include "web/speech/read_aloud.hpp"

namespace meldpunt::app {
namespace {

// Purposes of keys derived from the master key. Numbers are never reused; receipts took 40 and the
// audit chain 50 to stay clear of numbers taken in parallel work.
enum KeyPurpose : unsigned long long {
  kDataKey = 1,
  kSigningKey = 2,
  kReceiptKey = 40,
  kAuditChainKey = 50,
  // The limits' client pseudonyms shared between nodes (issue 17, part 6); 77 stays clear of
  // numbers taken in parallel work.
  kSharedLimitsKey = 77,
  kPartnerKeyHashKey = 48,  // partner API keys (issue 17)
};

// The shared limits' table holds at most this many buckets after a sweep: 100,000 clients for
// each of four limits, as a node's own table holds 100,000 per limit.
constexpr long long kMaxSharedBuckets = 400000;

}  // namespace

long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::function<long long()> MakeClock(const Config& config) {
  if (config.clock_offset_file.empty()) return UnixNow;
  return [path = config.clock_offset_file] {
    std::ifstream in(path);
    long long offset = 0;
    if (!(in >> offset)) offset = 0;  // a missing or empty file: no offset
    return UnixNow() + offset;
  };
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

Key LoadKey(const Config& config) {
  std::filesystem::create_directories(std::filesystem::path(config.key_file).parent_path());
  auto key = LoadOrCreateKeyFile(config.key_file);
  if (!key) throw std::runtime_error(key.error());
  return *key;
}

CommonPasswords LoadCommonPasswords(const Config& config) {
  return CommonPasswords::FromText(ReadFile(config.share_dir + "/data/common-passwords.txt"));
}

}  // namespace

Key LoadExistingMasterKey(const Config& config) {
  if (!std::filesystem::exists(config.key_file)) {
    throw std::runtime_error("no key file at " + config.key_file +
                             ": give the --data-dir or --key-file the server uses");
  }
  return LoadKey(config);
}

Key AuditChainKey(const Key& master) { return DeriveKey(master, kAuditChainKey); }
Key DataKey(const Key& master) { return DeriveKey(master, kDataKey); }
Key ReceiptKey(const Key& master) { return DeriveKey(master, kReceiptKey); }

// glibc raises its mmap threshold to the size of every large block freed (up to 32 MiB), after
// which upload-sized buffers come from the arenas and stay resident after a burst. A fixed
// threshold keeps every block over 128 KiB in its own mapping, returned to the system when freed
// (measured in docs/benchmarks.md, "Upload memory"; GLIBC_TUNABLES still overrides it).
namespace {
void TuneAllocator() {
  if (std::getenv("GLIBC_TUNABLES") == nullptr) mallopt(M_MMAP_THRESHOLD, 128 * 1024);
}
}  // namespace

int Serve(const Config& config) {
  TuneAllocator();
  Key master = LoadKey(config);
  auto store = OpenStore(config.database, DeriveKey(master, kDataKey), AuditChainKey(master));
  auto municipalities =
      MunicipalityRegistry::FromCsv(ReadFile(config.share_dir + "/data/gemeenten.csv"));
  if (!municipalities) throw std::runtime_error(municipalities.error());
  store->UseMunicipalities(*municipalities);  // routing by today's municipality
  LoadDutchTimeZone();  // no time-zone database: stop here, not at the first report
  web::Translator translator(config.locale_dir);
  web::Templates templates(config.share_dir + "/templates", translator);
  http::StaticFiles static_files(config.share_dir + "/static", "/static/");
  CommonPasswords common_passwords = LoadCommonPasswords(config);
  // libvips and libmagic start at the first upload, not here: together they are ~6 MiB of a
  // ~79 MiB idle process (issue 16, docs/benchmarks.md "Idle memory").

  std::optional<PostcodeTable> postcodes;
  if (!config.postcode_file.empty()) {
    auto table = PostcodeTable::FromCsv(ReadFile(config.postcode_file));
    if (!table) throw std::runtime_error(config.postcode_file + ": " + table.error());
    postcodes = std::move(*table);
  }

  Key signing = DeriveKey(master, kSigningKey);
  RateLimiter report_limits(config.report_burst, config.report_refill_seconds);
  RateLimiter login_limits(config.login_burst, config.login_refill_seconds);
  RateLimiter login_failure_limits(config.login_failure_burst, config.login_failure_refill_seconds);
  MailService mail(config, *store, translator);
  RetentionService retention(config, *store, MakeClock(config));
  AttemptGuard receipt_attempts(config.followup_burst, config.followup_refill_seconds,
                                config.followup_failures_per_minute);
  // Several nodes on PostgreSQL share the limits there (issue 17, part 6); SQLite is one node.
  std::unique_ptr<SharedLimitStore> shared_limit_store;
  std::unique_ptr<SharedBuckets> shared_buckets;
  std::unique_ptr<SharedLimitStore> sweep_store;  // its own connection, with a long budget
  std::unique_ptr<SharedLimitsSweeper> sweeper;
  if (auto url = ParseDatabaseUrl(config.database);
      config.shared_limits && url && url->engine == Engine::kPostgres) {
    shared_limit_store = std::make_unique<SociSharedLimits>(
        *url, std::chrono::milliseconds(config.shared_limits_budget_ms));
    shared_buckets =
        std::make_unique<SharedBuckets>(*shared_limit_store, DeriveKey(master, kSharedLimitsKey));
    report_limits.ShareThrough(*shared_buckets, "report");
    login_limits.ShareThrough(*shared_buckets, "login");
    login_failure_limits.ShareThrough(*shared_buckets, "login-failure");
    receipt_attempts.ShareThrough(*shared_buckets, "receipt");
    sweep_store = std::make_unique<SociSharedLimits>(*url, std::chrono::seconds(30));
    sweeper = std::make_unique<SharedLimitsSweeper>(
        *sweep_store, MakeClock(config), std::chrono::seconds(config.shared_limits_sweep_seconds),
        kMaxSharedBuckets);
  }
  web::BureauFaces faces;  // the public face of each bureau (issue 15)
  faces.Reload(*store);
  web::BureauFaceRefresher face_refresher(faces, *store,
                                          std::chrono::seconds(config.faces_refresh_seconds));
  // The partner intake API (issue 17): keys hashed with their own derived key, requests limited
  // per key, and the OpenAPI document from the share folder (shipped with data/).
  PartnerKeys partner_key_hash(DeriveKey(master, kPartnerKeyHashKey));
  RateLimiter partner_limits(web::kPartnerBurst, web::kPartnerRefillSeconds);
  const std::string openapi_document = ReadFile(config.share_dir + "/data/openapi.json");
  web::AppContext app{
      .reports = *store,
      .follow_up = *store,
      .cases = *store,
      .case_lists = *store,
      .staff = *store,
      .sessions = *store,
      .logins = *store,
      .figures = *store,
      .audit = *store,
      .outbox = *store,
      .mass_events = *store,
      .letters = *store,
      .code_lists = *store,
      .bureaus = *store,
      .evidence = *store,
      .privacy = *store,
      .health = *store,
      .saved_filters = *store,
      .tags = *store,
      .duplicates = *store,
      .standard_replies = *store,
      .municipalities = *municipalities,
      .translator = translator,
      .templates = templates,
      .csrf = CsrfTokens(Signer(signing)),
      .signer = Signer(signing),
      .options =
          web::WebOptions{
              .secure_cookies = config.BehindTls(),
              .staff_idle_timeout = std::chrono::minutes(config.staff_idle_minutes),
              .staff_max_age = std::chrono::hours(config.staff_session_hours),
              .reauth_window = std::chrono::minutes(config.reauth_minutes),
              .login_throttle = {.free_failures = config.login_lockout_failures,
                                 .first_wait = config.login_lockout_seconds,
                                 .max_wait = config.login_lockout_max_seconds},
              .followup_idle_timeout = std::chrono::minutes(config.followup_idle_minutes),
              .proof_of_work_bits = config.under_attack ? config.proof_of_work_bits : 0,
              .public_url = config.public_url,
              .public_url_configured = config.public_url_configured},
      .now = MakeClock(config),
      .report_limits = report_limits,
      .login_limits = login_limits,
      .login_failure_limits = login_failure_limits,
      .receipts = Receipts(ReceiptKey(master)),
      .receipt_attempts = receipt_attempts,
      .postcodes = postcodes ? &*postcodes : nullptr,
      .mail_queued = [&mail] { mail.Wake(); },
      .common_passwords = &common_passwords,
      .faces = &faces,
      .partner_keys = store.get(),
      .partner_key_hash = &partner_key_hash,
      .partner_limits = &partner_limits,
      .openapi_document = &openapi_document,
  };
  // Read-aloud (issue 15): espeak-ng on its own thread, audio cached in memory and on disk.
  std::unique_ptr<web::ReadAloud> read_aloud;
  if (config.read_aloud) {
    read_aloud = std::make_unique<web::ReadAloud>(
        templates,
        web::ReadAloudOptions{
            .memory_cache_bytes = static_cast<size_t>(config.speech_memory_cache_mib) << 20,
            .disk_cache_bytes = static_cast<size_t>(config.speech_disk_cache_mib) << 20,
            .disk_cache_folder = config.data_dir + "/speech-cache",
            .queue_capacity = static_cast<size_t>(config.speech_queue),
            .translator = &translator});
    // "Andere manieren om te melden" is read with each bureau's own details, as shown.
    read_aloud->SetLivePage("andere-manieren",
                            {.version = [&faces] { return faces.Current()->version; },
                             .data = [&app] { return web::OtherWaysData(app); }});
    web::AttachReadAloud(app, read_aloud.get());
    if (config.speech_warm_cache) read_aloud->StartWarming();
  }
  http::Router router = web::BuildRoutes(app, static_files).TakeRouter();

  http::ServerOptions options;
  options.address = config.listen;
  options.port = static_cast<unsigned short>(config.port);
  options.io_threads =
      config.threads > 0 ? config.threads : std::max(1u, std::thread::hardware_concurrency());
  options.worker_threads = config.workers;
  options.hsts = config.BehindTls();
  options.trust_proxy = config.trust_proxy;
  options.read_timeout = std::chrono::seconds(config.read_timeout_seconds);
  options.idle_timeout = std::chrono::seconds(config.idle_timeout_seconds);
  options.large_body_memory = static_cast<size_t>(config.upload_memory_mib) << 20;
  options.trim_after_uploads = config.trim_memory;
  // Requests are counted only when someone can read the counts (--metrics-listen, issue 17).
  std::optional<http::RequestMetrics> request_metrics;
  if (!config.metrics_listen.empty()) {
    request_metrics.emplace(router);
    options.request_metrics = &*request_metrics;
  }
  log::SetRequestLogging(config.access_log);
  http::Server server(options, router, [&app](int status, const http::Request* request) {
    return web::ErrorAnswer(app, status, request);
  });
  unsigned short port = server.Listen();
  // Bound before "listening" is logged: a metrics address that cannot be bound stops the start.
  std::unique_ptr<MetricsService> metrics;
  if (request_metrics) {
    metrics = std::make_unique<MetricsService>(
        config, MetricsSources{.requests = *request_metrics,
                               .store = *store,
                               .report_limits = report_limits,
                               .login_limits = login_limits,
                               .login_failure_limits = login_failure_limits,
                               .receipt_attempts = receipt_attempts,
                               .retention = retention,
                               .now = MakeClock(config)});
  }
  auto url = ParseDatabaseUrl(config.database);
  log::Info("listening", {{"address", config.listen},
                          {"port", port},
                          {"database", url->engine == Engine::kSqlite ? "sqlite" : "postgresql"},
                          {"municipalities", municipalities->Current().size()},
                          {"postcodes", postcodes ? postcodes->size() : 0},
                          {"io_threads", options.io_threads},
                          {"share_dir", config.share_dir},
                          {"shared_limits", shared_buckets != nullptr}});
  server.Run();
  metrics.reset();  // it stopped on the same signal
  mail.Stop();
  retention.Stop();
  log::Info("stopped");
  return 0;
}

int Migrate(const Config& config) {
  auto url = ParseDatabaseUrl(config.database);
  if (!url) throw std::runtime_error(url.error());
  SociStore store(*url, std::nullopt, 1);
  std::cout << "database is at schema version " << store.SchemaVersion() << "\n";
  return 0;
}

int AddUser(const Config& config, const NewUserOptions& options) {
  auto role = ParseRole(options.role);
  if (!role) {
    std::cerr << "unknown role \"" << options.role << "\"; use intake, handler, coordinator, "
              << "bureau_admin, system_admin or municipality_viewer\n";
    return 2;
  }
  const std::string& email = options.email;
  if (!LooksLikeEmail(email) || email.size() > kMaxEmailChars) {
    std::cerr << "\"" << email << "\" is not an e-mail address\n";
    return 2;
  }
  if (*role == StaffRole::kMunicipalityViewer) {
    auto municipalities =
        MunicipalityRegistry::FromCsv(ReadFile(config.share_dir + "/data/gemeenten.csv"));
    if (!municipalities) throw std::runtime_error(municipalities.error());
    const Municipality* found = municipalities->Find(options.municipality);
    if (!found || !found->current()) {
      std::cerr << "a municipality viewer needs --municipality with the CBS code of a current "
                   "municipality, such as GM0363\n";
      return 2;
    }
  } else if (!options.municipality.empty()) {
    std::cerr << "--municipality is for municipality viewers only\n";
    return 2;
  }
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  CommonPasswords common_passwords = LoadCommonPasswords(config);
  if (auto ok = CheckNewPassword(password, &common_passwords); !ok) {
    std::cerr << ok.error() << "\n";
    return 2;
  }
  auto store = OpenStore(config.database, std::nullopt);
  NewStaffUser user{email, HashPassword(password), *role, std::nullopt, options.municipality};
  if (*role != StaffRole::kSystemAdmin) {
    auto bureaus = store->ListBureaus();
    long long wanted = options.bureau.value_or(bureaus.empty() ? 0 : bureaus.front().id);
    if (std::none_of(bureaus.begin(), bureaus.end(),
                     [wanted](const Bureau& b) { return b.id == wanted; })) {
      std::cerr << "there is no bureau " << wanted << "; see: meldpunt bureau list\n";
      return 2;
    }
    user.bureau_id = wanted;
  }
  if (!store->AddUser(user, UnixNow())) {
    std::cerr << "a user with e-mail " << email << " exists already\n";
    return 1;
  }
  std::cout << "added " << RoleCode(*role) << " " << email << "\n";
  return 0;
}

}  // namespace meldpunt::app
