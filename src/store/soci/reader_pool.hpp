#pragma once
// The pool of database connections, counting the leases that had to wait (issue 17's
// "connection-pool waits"). Every read does `soci::session sql(*readers_)`; the conversion to
// soci::connection_pool& below first asks for a free connection without waiting (try_lease with a
// timeout of 0) and gives it straight back: when none was free, the session that follows waits,
// and that is counted. A connection freed between the probe and the lease makes a wait that is
// not counted (or one counted that did not happen): the count is a close lower-cost estimate,
// not an exact one, and costs one more lock of the pool's mutex per session.
#include <soci/connection-pool.h>

#include <cstddef>

#include "metrics/instruments.hpp"

namespace meldpunt {

class ReaderPool {
 public:
  explicit ReaderPool(std::size_t size) : pool_(size), size_(size) {}
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  // For opening the connections at start.
  soci::session& at(std::size_t i) { return pool_.at(i); }

  // NOLINTNEXTLINE(google-explicit-constructor): what `soci::session sql(*readers_)` leases from.
  operator soci::connection_pool&() {
    std::size_t position = 0;
    if (pool_.try_lease(position, 0)) {
      pool_.give_back(position);
    } else {
      waits_.Add();
    }
    return pool_;
  }

  std::size_t size() const { return size_; }
  std::uint64_t Waits() const { return waits_.Value(); }

 private:
  soci::connection_pool pool_;
  const std::size_t size_;
  metrics::Counter waits_;
};

}  // namespace meldpunt
