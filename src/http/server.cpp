#include "http/server.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <cmath>
#include <thread>
#include <vector>

#include "base/log.hpp"
#include "http/request_metrics.hpp"
#include "http/strict_framing.hpp"

namespace meldpunt::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);

Method ToMethod(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

// The body is moved, not copied: an upload is held once.
Request ToRequest(bhttp::request<bhttp::string_body>& message, bool with_body) {
  Request request;
  request.method = ToMethod(message.method());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  if (with_body) request.body = std::move(message.body());
  return request;
}

// What has arrived and not been parsed yet.
std::string_view BufferText(const beast::flat_buffer& buffer) {
  return {static_cast<const char*>(buffer.data().data()), buffer.size()};
}

std::optional<std::string_view> FramingProblemOf(
    const bhttp::request<bhttp::string_body>& message) {
  std::vector<HeaderLine> headers;
  std::vector<std::string> names;
  names.reserve(std::distance(message.begin(), message.end()));
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    names.push_back(std::move(name));
    headers.push_back({names.back(), {field.value().data(), field.value().size()}});
  }
  return FramingProblem(message.version(), headers);
}

// Holds part of a shared byte budget until destroyed.
class BudgetReservation {
 public:
  BudgetReservation() = default;
  BudgetReservation(const BudgetReservation&) = delete;
  BudgetReservation& operator=(const BudgetReservation&) = delete;
  ~BudgetReservation() { Release(); }
  bool Held() const { return budget_ != nullptr; }
  // Gives the bytes back; returns the budget's use after that.
  std::uint64_t Release() {
    if (!budget_) return 0;
    std::uint64_t left = budget_->fetch_sub(bytes_) - bytes_;
    budget_ = nullptr;
    return left;
  }
  // Takes bytes from the budget when that keeps it at or under max.
  bool Take(std::atomic<std::uint64_t>& budget, std::uint64_t bytes, std::uint64_t max) {
    std::uint64_t current = budget.load();
    do {
      if (bytes > max || current > max - bytes) return false;
    } while (!budget.compare_exchange_weak(current, current + bytes));
    budget_ = &budget;
    bytes_ = bytes;
    return true;
  }

 private:
  std::atomic<std::uint64_t>* budget_ = nullptr;
  std::uint64_t bytes_ = 0;
};

}  // namespace

bool DecodeTarget(std::string_view target, std::string& path, std::string& query) {
  if (target.empty() || target.front() != '/') return false;
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return false;
  path = url->path();
  query = url->encoded_query();
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  // Any ".." segment, encoded or not, is refused rather than normalised.
  for (size_t pos = 0; (pos = path.find("..", pos)) != std::string::npos; pos += 2) {
    bool starts = pos == 0 || path[pos - 1] == '/';
    bool ends = pos + 2 == path.size() || path[pos + 2] == '/';
    if (starts && ends) return false;
  }
  return true;
}

std::string ClientAddress(const Request& request, const std::string& peer, bool trust_proxy) {
  if (!trust_proxy) return peer;
  auto forwarded = request.Header("x-forwarded-for");
  if (!forwarded) return peer;
  std::string_view list = *forwarded;
  size_t comma = list.rfind(',');
  std::string_view last = comma == std::string_view::npos ? list : list.substr(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  return last.empty() ? peer : std::string(last);
}

void AddSecurityHeaders(Response& response, bool hsts) {
  // A handler may choose a stricter policy (files handed out for download are sandboxed).
  // media-src: read-aloud audio from this site, and blob: for the reporter's own text read back
  // (fetched with its token, played from memory; issue 15).
  if (!response.Header("Content-Security-Policy")) {
    response.Set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                 "media-src 'self' blob:; "
                 "font-src 'self'; connect-src 'self'; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
  }
  response.Set("X-Content-Type-Options", "nosniff");
  response.Set("Referrer-Policy", "same-origin");
  response.Set("X-Frame-Options", "DENY");
  response.Set("Cross-Origin-Opener-Policy", "same-origin");
  response.Set("Cross-Origin-Resource-Policy", "same-origin");
  response.Set("Permissions-Policy",
               "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (hsts) response.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (!response.Header("Cache-Control")) response.Set("Cache-Control", "no-store");
}

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, ErrorPageRenderer e)
      : options(std::move(o)),
        router(r),
        error_page(std::move(e)),
        io(options.io_threads),
        workers(options.worker_threads),
        acceptor(io),
        signals(io, SIGINT, SIGTERM) {}

  const ServerOptions options;
  const Router& router;
  const ErrorPageRenderer error_page;
  asio::io_context io;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  const std::uint64_t max_body_limit =
      std::max<std::uint64_t>(options.body_limit, router.MaxBodyLimit());
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::atomic<std::uint64_t> large_body_bytes{0};  // bodies over body_limit being read or handled
  std::atomic<bool> trimming{false};

  asio::awaitable<void> Accept();
  asio::awaitable<void> Connection(tcp::socket socket);
  // slot: where the request counts in the request metrics (RequestMetrics::SlotOf).
  asio::awaitable<Response> Handle(Request& request, size_t& slot);
  size_t MetricsSlotOf(const Request& request, bool target_decoded) const;
  size_t BodyLimitFor(const bhttp::request<bhttp::string_body>& header) const;
  asio::awaitable<beast::error_code> ReadBody(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                              bhttp::request_parser<bhttp::string_body>& parser,
                                              Clock::time_point started);
  asio::awaitable<void> Drain(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                              std::uint64_t max_bytes);
  asio::awaitable<void> Shutdown();
  void UploadDone(BudgetReservation& reservation);
  Response SafeErrorPage(int status, const Request* request);
};

Response Server::Impl::SafeErrorPage(int status, const Request* request) {
  try {
    return error_page(status, request);
  } catch (const std::exception& e) {
    log::Error("error page failed", {{"error", e.what()}});
    return Response::Text(status, "Error " + std::to_string(status));
  }
}

// An upload's memory is counted until its answer is written. When the last upload of a burst is
// done, glibc is asked to return free heap pages (malloc_trim), on a worker thread, once at a time:
// the arenas the worker threads used keep them otherwise (see "Memory that holds" in design.md).
void Server::Impl::UploadDone(BudgetReservation& reservation) {
  if (!reservation.Held()) return;
  if (reservation.Release() != 0 || !options.trim_after_uploads) return;
  if (trimming.exchange(true)) return;
  asio::post(workers, [this] {
    malloc_trim(0);
    trimming = false;
  });
}

size_t Server::Impl::MetricsSlotOf(const Request& request, bool target_decoded) const {
  const RequestMetrics* metrics = options.request_metrics;
  if (!metrics) return 0;
  if (!target_decoded) return metrics->InvalidSlot();
  return metrics->SlotOf(router.Find(request.method, request.path).route);
}

asio::awaitable<Response> Server::Impl::Handle(Request& request, size_t& slot) {
  if (!DecodeTarget(request.target, request.path, request.query)) {
    if (options.request_metrics) slot = options.request_metrics->InvalidSlot();
    co_return SafeErrorPage(400, &request);
  }
  RouteMatch match = router.Find(request.method, request.path);
  if (options.request_metrics) slot = options.request_metrics->SlotOf(match.route);
  if (!match.route) {
    if (match.allow.empty()) co_return SafeErrorPage(404, &request);
    Response response = SafeErrorPage(405, &request);
    response.Set("Allow", match.allow);
    co_return response;
  }
  const Route& route = *match.route;
  auto run = [&]() -> Response {
    try {
      return route.handler(request);
    } catch (const std::exception& e) {
      log::Error("handler failed", {{"path", request.path}, {"error", e.what()}});
      return SafeErrorPage(500, &request);
    }
  };
  if (route.runs == Runs::kOnIoThread) co_return run();
  co_return co_await asio::co_spawn(
      workers, [&]() -> asio::awaitable<Response> { co_return run(); }, asio::use_awaitable);
}

size_t Server::Impl::BodyLimitFor(const bhttp::request<bhttp::string_body>& header) const {
  std::string path, query;
  auto target = header.target();
  if (!DecodeTarget({target.data(), target.size()}, path, query)) return options.body_limit;
  RouteMatch match = router.Find(ToMethod(header.method()), path);
  if (!match.route || match.route->body_limit == 0) return options.body_limit;
  return match.route->body_limit;
}

asio::awaitable<beast::error_code> Server::Impl::ReadBody(
    beast::tcp_stream& stream, beast::flat_buffer& buffer,
    bhttp::request_parser<bhttp::string_body>& parser, Clock::time_point started) {
  // The deadline grows with what has arrived: each min_body_rate bytes buy one more second.
  std::uint64_t received = 0;
  while (!parser.is_done()) {
    auto earned = std::chrono::duration<double>(static_cast<double>(received) /
                                                static_cast<double>(options.min_body_rate));
    stream.expires_at(started + options.read_timeout +
                      std::chrono::duration_cast<Clock::duration>(earned));
    auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, kUseTuple);
    if (ec) co_return ec;
    received += n;
  }
  co_return beast::error_code{};
}

asio::awaitable<void> Server::Impl::Drain(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                          std::uint64_t max_bytes) {
  // After refusing a request whose body we did not read, read (and drop) what the client is still
  // sending, so that closing does not reset the connection before it sees our answer. The time
  // grows with the bytes, as for a body that is read (min_body_rate).
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(std::chrono::seconds(2) +
                       std::chrono::seconds(max_bytes / options.min_body_rate));
  std::uint64_t drained = 0;
  while (drained < max_bytes) {
    buffer.clear();
    auto [read_ec, n] = co_await stream.async_read_some(buffer.prepare(64 * 1024), kUseTuple);
    if (read_ec) break;
    drained += n;
  }
}

asio::awaitable<void> Server::Impl::Connection(tcp::socket socket) {
  beast::error_code peer_ec;
  std::string peer = socket.remote_endpoint(peer_ec).address().to_string();
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (int served = 0; served < options.max_requests_per_connection && !stopping; ++served) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // The route, and with it the body limit, is known once the header is in.
    parser.body_limit(max_body_limit);
    stream.expires_after(served == 0 ? options.read_timeout : options.idle_timeout);
    // Wait for the first byte of a request under the idle deadline, then read it whole under the
    // read deadline, so a slow client cannot hold a connection open by trickling bytes.
    if (buffer.size() == 0) {
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(8192), kUseTuple);
      if (ec) break;  // closed, reset or idle too long: the normal end of a connection
      buffer.commit(n);
      stream.expires_after(options.read_timeout);
    }
    // From its first byte on, a request counts as in flight: shutdown waits for it.
    ++in_flight;
    auto started = Clock::now();
    // The whole header block is in the buffer before Beast parses it, so that the raw lines can
    // be checked for what Beast would accept (obs-fold); past the header limit Beast refuses it.
    beast::error_code ec;
    while (!ec && HeaderBlockEnd(BufferText(buffer)) == std::string_view::npos &&
           buffer.size() <= options.header_limit) {
      auto [read_ec, n] = co_await stream.async_read_some(buffer.prepare(8192), kUseTuple);
      ec = read_ec;
      buffer.commit(n);
    }
    if (!ec) {
      std::string_view bytes = BufferText(buffer);
      size_t end = HeaderBlockEnd(bytes);
      if (end != std::string_view::npos && HasObsFold(bytes.substr(0, end))) {
        ec = bhttp::error::bad_field;
      }
    }
    // The header is read first and its size checked here: Beast's own header_limit counts only
    // what it has not parsed yet, and part of the header may already sit in the buffer.
    if (!ec) {
      auto [read_ec, header_bytes] =
          co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
      ec = read_ec;
      if (!ec && header_bytes > options.header_limit) ec = bhttp::error::header_limit;
    }
    if (!ec) {
      if (auto problem = FramingProblemOf(parser.get())) {
        ec = bhttp::error::bad_transfer_encoding;
        log::Info("request refused", {{"reason", std::string(*problem)}});
      }
    }
    BudgetReservation large_body;
    bool busy = false;
    std::uint64_t drain_bytes = 4 * 1024 * 1024;
    if (!ec && !parser.is_done()) {
      size_t limit = BodyLimitFor(parser.get());
      auto declared = parser.content_length();
      // A browser shows a refused upload's page only once it could send the body: an upload
      // refused for the budget is read to its end (and dropped), one over its limit is not.
      if (declared && *declared <= limit) drain_bytes = std::max(drain_bytes, *declared);
      if (declared && *declared > limit) {
        ec = bhttp::error::body_limit;  // refused before the body arrives
      } else if (limit > options.body_limit &&
                 !large_body.Take(large_body_bytes,
                                  declared.value_or(limit) * options.large_body_factor,
                                  options.large_body_memory)) {
        busy = true;
      } else {
        parser.body_limit(limit);  // also bounds a chunked body as it arrives
        ec = co_await ReadBody(stream, buffer, parser, started);
      }
    }
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::eof || ec == asio::error::connection_reset) {
      --in_flight;
      break;
    }
    Response response;
    Request request;
    size_t metrics_slot = 0;
    bool close = false;
    bool drain = false;
    if (ec || busy) {
      int status = busy                               ? 503
                   : ec == bhttp::error::header_limit ? 431
                   : ec == bhttp::error::body_limit   ? 413
                                                      : 400;
      bool have_header = parser.is_header_done();
      bool decoded = false;
      if (have_header) {
        request = ToRequest(parser.get(), false);
        decoded = DecodeTarget(request.target, request.path, request.query);
      }
      metrics_slot = MetricsSlotOf(request, decoded);
      response = SafeErrorPage(status, have_header ? &request : nullptr);
      if (busy) response.Set("Retry-After", "30");
      close = true;
      drain = status == 413 || status == 503;
    } else {
      request = ToRequest(parser.get(), true);
      request.client_address = ClientAddress(request, peer, options.trust_proxy);
      response = co_await Handle(request, metrics_slot);
      close = !parser.get().keep_alive() || stopping;
    }
    AddSecurityHeaders(response, options.hsts);

    bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), 11};
    for (auto& [name, value] : response.headers) message.insert(name, value);
    message.keep_alive(!close);
    if (request.method == Method::kHead) {
      message.content_length(response.body.size());
    } else {
      message.body() = std::move(response.body);
      message.prepare_payload();
    }
    bhttp::serializer<false, bhttp::string_body> serializer{message};
    if (request.method == Method::kHead) serializer.split(true);
    stream.expires_after(options.read_timeout);
    auto [write_ec, written] =
        request.method == Method::kHead
            ? co_await bhttp::async_write_header(stream, serializer, kUseTuple)
            : co_await bhttp::async_write(stream, serializer, kUseTuple);
    --in_flight;
    if (options.request_metrics) {
      options.request_metrics->Record(
          metrics_slot, response.status,
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started));
    }
    if (log::RequestLogging()) {
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
      log::Info("request", {{"method", MethodName(request.method)},
                            {"path", request.path.empty() ? "-" : request.path},
                            {"status", response.status},
                            {"duration_us", static_cast<std::int64_t>(ms * 1000)}});
    }
    // An upload's bytes are freed before its share of the budget is given back.
    std::string().swap(request.body);
    std::string().swap(response.body);
    std::string().swap(message.body());
    UploadDone(large_body);
    if (write_ec || close) {
      if (drain && !write_ec) co_await Drain(stream, buffer, drain_bytes);
      break;
    }
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Server::Impl::Accept() {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(kUseTuple);
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      log::Error("accept failed", {{"error", ec.message()}});
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(acceptor.get_executor(), Connection(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> Server::Impl::Shutdown() {
  auto [ec, signal] = co_await signals.async_wait(kUseTuple);
  if (ec) co_return;
  log::Info("shutting down", {{"signal", signal}, {"in_flight", in_flight.load()}});
  stopping = true;
  beast::error_code ignored;
  acceptor.close(ignored);
  asio::steady_timer timer(io);
  auto deadline = Clock::now() + options.shutdown_grace;
  while (in_flight > 0 && Clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(kUseTuple);
  }
  io.stop();
}

Server::Server(ServerOptions options, const Router& router, ErrorPageRenderer error_page)
    : impl_(std::make_unique<Impl>(std::move(options), router, std::move(error_page))) {}

Server::~Server() { impl_->workers.join(); }

unsigned short Server::Listen() {
  auto& acceptor = impl_->acceptor;
  tcp::endpoint endpoint{asio::ip::make_address(impl_->options.address), impl_->options.port};
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  return acceptor.local_endpoint().port();
}

void Server::Stop() {
  asio::post(impl_->io, [impl = impl_.get()] {
    impl->stopping = true;
    beast::error_code ignored;
    impl->acceptor.close(ignored);
    impl->io.stop();
  });
}

void Server::Run() {
  asio::co_spawn(impl_->io, impl_->Accept(), asio::detached);
  asio::co_spawn(impl_->io, impl_->Shutdown(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.io_threads; ++i) {
    threads.emplace_back([this] { impl_->io.run(); });
  }
  impl_->io.run();
  for (auto& t : threads) t.join();
}

}  // namespace meldpunt::http
