#pragma once
// The HTTP/1.1 server: Beast on Asio with C++20 coroutines. A connection is one coroutine with a
// deadline on every read; requests are parsed under hard limits and handed to the router as plain
// values. Handlers that may block run on a separate worker pool, never on an I/O thread.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"
#include "http/router.hpp"

namespace meldpunt::http {

class RequestMetrics;

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int io_threads = 2;
  int worker_threads = 32;
  size_t header_limit = 8 * 1024;
  size_t body_limit = 64 * 1024;  // unless the route allows more (Router::Add)
  // A request must arrive within read_timeout of its first byte, plus one second for every
  // min_body_rate bytes of body received: a slow phone sending 25 MiB gets the time it needs as
  // long as it keeps sending, while a client that stalls is dropped.
  std::chrono::seconds read_timeout{15};
  size_t min_body_rate = 16 * 1024;  // bytes per second (128 kbit/s)
  // Bodies larger than body_limit (uploads) are held in memory while they are read and handled,
  // and the handler holds the files parsed out of them and their processed copies as well: each
  // is counted for large_body_factor times its Content-Length (or its route's limit when chunked)
  // from its header until its answer is sent. Past large_body_memory in all, a request is answered
  // 503 with Retry-After before its body is read, so nothing of it is stored (issue 16).
  size_t large_body_memory = 160 * 1024 * 1024;
  unsigned large_body_factor = 5;  // measured: docs/benchmarks.md, "Upload memory"

  // After a burst of uploads (none left in flight), give freed heap memory back to the system.
  bool trim_after_uploads = true;
  std::chrono::seconds idle_timeout{30};  // between requests on a kept-alive connection
  int max_requests_per_connection = 10000;
  std::chrono::seconds shutdown_grace{10};
  bool hsts = false;         // behind TLS: tell browsers to keep using https
  bool trust_proxy = false;  // take the client address from X-Forwarded-For (last entry)
  // Counts every request by route and status with its latency (for /metrics); null: none. Built
  // from the same router, and outlives the server.
  RequestMetrics* request_metrics = nullptr;
};

// Renders an error page for a status; request is null when the request could not be parsed.
using ErrorPageRenderer = std::function<Response(int status, const Request* request)>;

class Server {
 public:
  Server(ServerOptions options, const Router& router, ErrorPageRenderer error_page);
  ~Server();
  // Binds and listens; returns the bound port. Throws std::system_error on failure.
  unsigned short Listen();
  // Serves until SIGINT or SIGTERM, then stops accepting and finishes the requests in flight.
  void Run();
  // From another thread: stops at once, as after a signal but without waiting for requests in
  // flight (the metrics listener, when serving ends some other way). Safe after Run returned.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Adds the security headers every response carries, and no-store unless caching was chosen. A
// Content-Security-Policy the handler set is kept.
void AddSecurityHeaders(Response& response, bool hsts);
// The request target must be origin-form ("/path?query"), without "..", NUL or backslash.
bool DecodeTarget(std::string_view target, std::string& path, std::string& query);
// The client address of a request: the peer, or behind a trusted proxy the last address the
// proxy added to X-Forwarded-For.
std::string ClientAddress(const Request& request, const std::string& peer, bool trust_proxy);

}  // namespace meldpunt::http
