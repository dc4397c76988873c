#include "app/config.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <system_error>

namespace meldpunt::app {

namespace {

// An installed binary (the Debian package, issue 17: /usr/bin/meldpunt) finds its templates,
// static files, data and catalogs in ../share/meldpunt beside it; a binary in a build folder has
// none there and uses the checkout it was built from (MELDPUNT_SHARE_DIR, MELDPUNT_LOCALE_DIR).
std::string InstalledShareDir() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const std::filesystem::path share = exe.parent_path().parent_path() / "share" / "meldpunt";
  if (!std::filesystem::is_directory(share / "templates", ec)) return {};
  return share.string();
}

}  // namespace

void Config::Resolve() {
  if (database.empty()) database = "sqlite:" + data_dir + "/meldpunt.db";
  if (key_file.empty()) key_file = data_dir + "/meldpunt.key";
  const std::string installed = InstalledShareDir();
  if (share_dir.empty()) share_dir = installed.empty() ? MELDPUNT_SHARE_DIR : installed;
  if (locale_dir.empty()) {
    locale_dir = installed.empty() ? MELDPUNT_LOCALE_DIR : installed + "/locale";
  }
  public_url_configured = !public_url.empty();
  if (public_url.empty()) public_url = "http://localhost:" + std::to_string(port);
}

namespace {

constexpr std::string_view kSmtpPasswordFlag = "--smtp-password";

void AddMailOptions(CLI::App& app, Config& c) {
  app.add_option("--smtp-url", c.smtp_url,
                 "SMTP server for e-mail to reporters: smtp://, smtp+starttls:// or smtps://"
                 "host:port (empty: e-mails are queued, not sent)")
      ->envname("MELDPUNT_SMTP_URL");
  app.add_option("--smtp-user", c.smtp_user,
                 "SMTP user name (empty: no authentication); the password comes from "
                 "MELDPUNT_SMTP_PASSWORD or smtp-password in the config file")
      ->envname("MELDPUNT_SMTP_USER");
  // Only from MELDPUNT_SMTP_PASSWORD or the config file (smtp-password = ...): see main.
  app.add_option(std::string(kSmtpPasswordFlag), c.smtp_password,
                 "SMTP password: set MELDPUNT_SMTP_PASSWORD or smtp-password in the config file")
      ->envname("MELDPUNT_SMTP_PASSWORD")
      ->group("");
  app.add_option("--mail-from", c.mail_from,
                 "Sender of e-mail to reporters: \"Name <address>\" or an address")
      ->envname("MELDPUNT_MAIL_FROM");
  app.add_option("--mail-retry-seconds", c.mail_retry_seconds,
                 "Wait after a failed e-mail attempt; doubles with every further failure")
      ->envname("MELDPUNT_MAIL_RETRY_SECONDS")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  app.add_option("--mail-retry-max-seconds", c.mail_retry_max_seconds,
                 "Longest wait between two e-mail attempts")
      ->envname("MELDPUNT_MAIL_RETRY_MAX_SECONDS")
      ->check(CLI::Range(1, 7 * 86400))
      ->capture_default_str();
  app.add_option("--mail-max-attempts", c.mail_max_attempts,
                 "Attempts before an e-mail is given up")
      ->envname("MELDPUNT_MAIL_MAX_ATTEMPTS")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--mail-poll-seconds", c.mail_poll_seconds,
                 "How often to look for due e-mail queued by another server")
      ->envname("MELDPUNT_MAIL_POLL_SECONDS")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
}

}  // namespace

void AddConfigOptions(CLI::App& app, Config& c) {
  app.set_config("--config", "", "Read settings from this file (TOML/INI)")
      ->envname("MELDPUNT_CONFIG");
  app.add_option("--database", c.database, "sqlite:PATH or postgresql://USER:PASS@HOST:PORT/DB")
      ->envname("MELDPUNT_DATABASE");
  app.add_option("--data-dir", c.data_dir, "Folder for the SQLite file and the key file")
      ->envname("MELDPUNT_DATA_DIR")
      ->capture_default_str();
  app.add_option("--key-file", c.key_file, "The master key file (created with mode 0600)")
      ->envname("MELDPUNT_KEY_FILE");
  app.add_option("--listen", c.listen, "Address to listen on")
      ->envname("MELDPUNT_LISTEN")
      ->capture_default_str();
  app.add_option("--port", c.port, "Port to listen on (0: any free port)")
      ->envname("MELDPUNT_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app.add_option("--threads", c.threads, "I/O threads (0: one per core)")
      ->envname("MELDPUNT_THREADS")
      ->check(CLI::Range(0, 256));
  app.add_option("--workers", c.workers, "Worker threads for database work")
      ->envname("MELDPUNT_WORKERS")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app.add_option("--share-dir", c.share_dir,
                 "Folder with templates/, static/ and data/ (default: ../share/meldpunt beside "
                 "the binary when installed, else the source checkout)")
      ->envname("MELDPUNT_SHARE_DIR");
  app.add_option("--locale-dir", c.locale_dir, "Folder with compiled message catalogs")
      ->envname("MELDPUNT_LOCALE_DIR");
  app.add_option("--public-url", c.public_url,
                 "The address visitors use (default http://localhost:<port>); https:// turns on "
                 "Secure cookies and HSTS, and forms are only taken from this address")
      ->envname("MELDPUNT_PUBLIC_URL");
  app.add_option("--read-aloud", c.read_aloud, "Read the public pages aloud (true/false)")
      ->envname("MELDPUNT_READ_ALOUD")
      ->capture_default_str();
  app.add_option("--speech-memory-cache-mib", c.speech_memory_cache_mib,
                 "Read-aloud audio kept in memory, in MiB")
      ->envname("MELDPUNT_SPEECH_MEMORY_CACHE_MIB")
      ->check(CLI::Range(0, 4096))
      ->capture_default_str();
  app.add_option("--speech-disk-cache-mib", c.speech_disk_cache_mib,
                 "Read-aloud audio kept in <data-dir>/speech-cache, in MiB (0: none)")
      ->envname("MELDPUNT_SPEECH_DISK_CACHE_MIB")
      ->check(CLI::Range(0, 65536))
      ->capture_default_str();
  app.add_option("--speech-warm-cache", c.speech_warm_cache,
                 "Make the read-aloud audio of every section at start (true/false)")
      ->envname("MELDPUNT_SPEECH_WARM_CACHE")
      ->capture_default_str();
  app.add_option("--speech-queue", c.speech_queue,
                 "Read-aloud jobs that may wait; more are refused with 503")
      ->envname("MELDPUNT_SPEECH_QUEUE")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--access-log", c.access_log, "Log every request (true/false)")
      ->envname("MELDPUNT_ACCESS_LOG")
      ->capture_default_str();
  app.add_option("--read-timeout", c.read_timeout_seconds,
                 "Seconds a client may take to send one request")
      ->envname("MELDPUNT_READ_TIMEOUT")
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  app.add_option("--idle-timeout", c.idle_timeout_seconds,
                 "Seconds an idle kept-alive connection stays open")
      ->envname("MELDPUNT_IDLE_TIMEOUT")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--upload-memory-mib", c.upload_memory_mib,
                 "Memory for uploads in flight, in MiB; an upload counts five times its size. "
                 "Uploads past it are answered 503 with Retry-After before they are read")
      ->envname("MELDPUNT_UPLOAD_MEMORY_MIB")
      ->check(CLI::Range(32, 65536))
      ->capture_default_str();
  app.add_option("--trim-memory", c.trim_memory,
                 "Give freed memory back to the system after a burst of uploads (true/false)")
      ->envname("MELDPUNT_TRIM_MEMORY")
      ->capture_default_str();
  app.add_option("--trust-proxy", c.trust_proxy,
                 "Behind a reverse proxy: take the client address from X-Forwarded-For")
      ->envname("MELDPUNT_TRUST_PROXY")
      ->capture_default_str();
  // metrics_listen is also read as written in the issue (config files use either spelling).
  app.add_option("--metrics-listen,--metrics_listen", c.metrics_listen,
                 "Serve GET /metrics (Prometheus text format) on this HOST:PORT, apart from the "
                 "public port; keep it on loopback or a monitoring network (default: off)")
      ->envname("MELDPUNT_METRICS_LISTEN");
  app.add_option("--postcode-file", c.postcode_file,
                 "CSV (pc4,municipality) that maps postcodes to municipalities; empty: none")
      ->envname("MELDPUNT_POSTCODE_FILE");
  app.add_option("--clock-offset-file", c.clock_offset_file,
                 "Tests only: a file with seconds to add to the clock (to test deadlines)")
      ->envname("MELDPUNT_CLOCK_OFFSET_FILE");
  app.add_option("--under-attack", c.under_attack,
                 "Under attack mode: browsers must do a proof of work before a report is stored")
      ->envname("MELDPUNT_UNDER_ATTACK")
      ->capture_default_str();
  app.add_option("--proof-of-work-bits", c.proof_of_work_bits,
                 "Size of that proof of work (each bit doubles the work; 16 takes a phone ~1-3 s)")
      ->envname("MELDPUNT_PROOF_OF_WORK_BITS")
      ->check(CLI::Range(1, 28))
      ->capture_default_str();
  app.add_option("--report-burst", c.report_burst,
                 "Reports one client may send at once (0: no limit)")
      ->envname("MELDPUNT_REPORT_BURST")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  app.add_option("--report-refill-seconds", c.report_refill_seconds,
                 "After the burst, one more report per this many seconds")
      ->envname("MELDPUNT_REPORT_REFILL_SECONDS")
      ->check(CLI::Range(0.001, 86400.0))
      ->capture_default_str();
  app.add_option("--login-burst", c.login_burst,
                 "Staff login attempts one client may make at once (0: no limit)")
      ->envname("MELDPUNT_LOGIN_BURST")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  app.add_option("--login-refill-seconds", c.login_refill_seconds,
                 "After the burst, one more login attempt per this many seconds")
      ->envname("MELDPUNT_LOGIN_REFILL_SECONDS")
      ->check(CLI::Range(0.001, 86400.0))
      ->capture_default_str();
  app.add_option("--login-failure-burst", c.login_failure_burst,
                 "Failed staff logins one client address may make at once, on browsers not "
                 "known for the account (0: no limit)")
      ->envname("MELDPUNT_LOGIN_FAILURE_BURST")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  app.add_option("--login-failure-refill-seconds", c.login_failure_refill_seconds,
                 "After those, one more failed login per this many seconds")
      ->envname("MELDPUNT_LOGIN_FAILURE_REFILL_SECONDS")
      ->check(CLI::Range(0.001, 86400.0))
      ->capture_default_str();
  app.add_option("--followup-burst", c.followup_burst,
                 "Receipt codes one client may try at once at /melden/volgen (0: no limit)")
      ->envname("MELDPUNT_FOLLOWUP_BURST")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  app.add_option("--followup-refill-seconds", c.followup_refill_seconds,
                 "After the burst, one more receipt code per this many seconds")
      ->envname("MELDPUNT_FOLLOWUP_REFILL_SECONDS")
      ->check(CLI::Range(0.001, 86400.0))
      ->capture_default_str();
  app.add_option("--followup-failures-per-minute", c.followup_failures_per_minute,
                 "Wrong receipt codes per minute from all clients together before every wrong "
                 "code also slows its client down (0: no such ceiling)")
      ->envname("MELDPUNT_FOLLOWUP_FAILURES_PER_MINUTE")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  app.add_option("--shared-limits", c.shared_limits,
                 "On PostgreSQL, keep the per-client limits and the ceiling on wrong receipt "
                 "codes in the database, so that several nodes apply them together (true/false)")
      ->envname("MELDPUNT_SHARED_LIMITS")
      ->capture_default_str();
  app.add_option("--shared-limits-budget-ms", c.shared_limits_budget_ms,
                 "How long a limit waits for the database before this node's own limits answer")
      ->envname("MELDPUNT_SHARED_LIMITS_BUDGET_MS")
      ->check(CLI::Range(10, 5000))
      ->capture_default_str();
  app.add_option("--shared-limits-sweep-seconds", c.shared_limits_sweep_seconds,
                 "How often each node deletes the shared limits that have refilled")
      ->envname("MELDPUNT_SHARED_LIMITS_SWEEP_SECONDS")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--followup-idle-minutes", c.followup_idle_minutes,
                 "A reporter following their report up is signed out after this idle time")
      ->envname("MELDPUNT_FOLLOWUP_IDLE_MINUTES")
      ->check(CLI::Range(1, 8 * 60))
      ->capture_default_str();
  app.add_option("--staff-idle-minutes", c.staff_idle_minutes,
                 "Staff sessions end after this idle time")
      ->envname("MELDPUNT_STAFF_IDLE_MINUTES")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  app.add_option("--staff-session-hours", c.staff_session_hours,
                 "Staff sessions end this long after login, used or not")
      ->envname("MELDPUNT_STAFF_SESSION_HOURS")
      ->check(CLI::Range(1, 7 * 24))
      ->capture_default_str();
  app.add_option("--reauth-minutes", c.reauth_minutes,
                 "Exports of personal data ask for the password and second factor again when "
                 "they were last entered longer ago than this")
      ->envname("MELDPUNT_REAUTH_MINUTES")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  app.add_option("--login-lockout-failures", c.login_lockout_failures,
                 "Failed logins for one account before it has to wait")
      ->envname("MELDPUNT_LOGIN_LOCKOUT_FAILURES")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--login-lockout-seconds", c.login_lockout_seconds,
                 "The first wait after those; it doubles with every further failure (0: no wait)")
      ->envname("MELDPUNT_LOGIN_LOCKOUT_SECONDS")
      ->check(CLI::Range(0, 86400))
      ->capture_default_str();
  app.add_option("--login-lockout-max-seconds", c.login_lockout_max_seconds,
                 "The longest wait after a failed login")
      ->envname("MELDPUNT_LOGIN_LOCKOUT_MAX_SECONDS")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  app.add_option("--retention-job", c.retention_job,
                 "Anonymise closed cases past each bureau's retention period: once at start and "
                 "daily (true/false)")
      ->envname("MELDPUNT_RETENTION_JOB")
      ->capture_default_str();
  app.add_option("--retention-hour", c.retention_hour,
                 "Hour of the day (Dutch time, 0-23) of the daily retention run")
      ->envname("MELDPUNT_RETENTION_HOUR")
      ->check(CLI::Range(0, 23))
      ->capture_default_str();
  app.add_option("--faces-refresh-seconds", c.faces_refresh_seconds,
                 "How often the public pages' bureau details are read again, for changes made "
                 "with the command line or on another server")
      ->envname("MELDPUNT_FACES_REFRESH_SECONDS")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  AddMailOptions(app, c);
}

std::optional<std::string> SecretOnCommandLine(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == kSmtpPasswordFlag || arg.starts_with(std::string(kSmtpPasswordFlag) + "=")) {
      return std::string(kSmtpPasswordFlag);
    }
  }
  return std::nullopt;
}

}  // namespace meldpunt::app
