#pragma once
// Settings of the server and the tools, from flags, MELDPUNT_* environment variables and an
// optional config file (TOML or INI: key = value, same names as the flags).
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace meldpunt::app {

struct Config {
  std::string database;  // default: sqlite:<data_dir>/meldpunt.db
  std::string data_dir = "var";
  std::string key_file;  // default: <data_dir>/meldpunt.key
  std::string listen = "127.0.0.1";
  int port = 8080;
  int threads = 0;         // I/O threads; 0: one per core
  int workers = 32;        // threads for database work and password hashing
  std::string share_dir;   // templates/, static/, data/
  std::string locale_dir;  // compiled catalogs
  // The address visitors use; empty: http://localhost:<port>, and then forms are also taken from
  // the address the browser used (see web/common/fetch_metadata.hpp).
  std::string public_url;
  bool public_url_configured = false;  // set by Resolve: --public-url was given
  bool access_log = true;
  int staff_idle_minutes = 30;
  int staff_session_hours = 12;  // absolute lifetime of a staff session
  int reauth_minutes = 5;        // exports ask for password and second factor again after this
  // Failed logins per account (ASVS 2.2.1): free failures, then a wait that doubles up to a max.
  int login_lockout_failures = 5;
  int login_lockout_seconds = 60;
  int login_lockout_max_seconds = 3600;
  int read_timeout_seconds = 15;  // for a whole request, once its first byte arrived
  int idle_timeout_seconds = 30;  // between requests on a kept-alive connection
  bool trust_proxy = false;       // client address from X-Forwarded-For
  // GET /metrics (Prometheus) on this HOST:PORT of its own; empty (the default): no metrics.
  std::string metrics_listen;
  // Memory for uploads being read and handled, in MiB; an upload counts 5x its size (the body, its
  // files, their checked and encrypted copies, the database write; measured). Past it, 503 with
  // Retry-After before the body is read (issue 16).
  int upload_memory_mib = 160;
  bool trim_memory = true;  // malloc_trim after a burst of uploads
  std::string postcode_file;
  bool under_attack = false;    // ask browsers for a proof of work before storing a report
  int proof_of_work_bits = 16;  // its size in "under attack" mode      // CSV pc4,municipality;
                                // empty: the form offers no postcode
  // Per-client limits: a burst, then one more every refill seconds. A burst of 0 is no limit.
  int report_burst = 20;
  double report_refill_seconds = 30;
  // Staff login attempts per address: generous, so an office behind one address is never
  // stopped by its own logins (issue 14); failed ones per address: what bounds a spraying attacker.
  int login_burst = 120;
  double login_refill_seconds = 6;
  int login_failure_burst = 40;
  double login_failure_refill_seconds = 90;
  // E-mail to reporters (src/mail/). Without an SMTP URL e-mails are queued but not sent.
  std::string smtp_url;
  std::string smtp_user;
  std::string smtp_password;  // from the environment or the config file, never a flag
  std::string mail_from;      // "Name <address>" or an address
  int mail_retry_seconds = 30;
  int mail_retry_max_seconds = 3600;
  int mail_max_attempts = 10;
  int mail_poll_seconds = 15;  // looks for e-mail queued by other servers this often
  // Receipt codes typed at /melden/volgen: per client a burst, then one per refill seconds; and a
  // site-wide ceiling on wrong codes per minute (see security/attempt_guard.hpp).
  int followup_burst = 5;
  double followup_refill_seconds = 60;
  int followup_failures_per_minute = 60;
  int followup_idle_minutes = 30;
  // Several nodes on one PostgreSQL database (issue 17, part 6): the limits above are shared
  // through it, each check waiting at most the budget before the node's own limits answer.
  // Ignored on SQLite (one node).
  bool shared_limits = true;
  int shared_limits_budget_ms = 250;
  int shared_limits_sweep_seconds = 60;  // how often each node deletes buckets that are full again
  // Retention: the daily job in `serve` that anonymises closed cases past each bureau's period.
  bool retention_job = true;
  int retention_hour = 3;  // Dutch time
  // How often the server reads the bureaus' faces for changes made by another process (issue 15).
  int faces_refresh_seconds = 30;
  // For tests of deadlines and retention only: a file holding a number of seconds that is added
  // to the real clock, read at every use. Empty (the default): the real clock.
  std::string clock_offset_file;
  // Read-aloud of the public pages (issue 15): the audio caches' bounds and the speech queue.
  bool read_aloud = true;
  int speech_memory_cache_mib = 32;
  int speech_disk_cache_mib = 256;  // under <data_dir>/speech-cache; 0: no disk cache
  int speech_queue = 16;            // speech jobs waiting; more are refused with 503
  bool speech_warm_cache = false;   // make every section's audio at start (see the operator guide)

  // Fills in the defaults that depend on other settings.
  void Resolve();
  bool BehindTls() const { return public_url.rfind("https://", 0) == 0; }
};

// Adds the options shared by every command to the app.
void AddConfigOptions(CLI::App& app, Config& config);
// Secrets must not be given as flags, where every user sees them in `ps`; returns the flag found.
std::optional<std::string> SecretOnCommandLine(int argc, const char* const* argv);

}  // namespace meldpunt::app
