#pragma once
// Whether the database answers, for the readiness check.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include "store/store_types.hpp"

namespace meldpunt {

class StoreHealth {
 public:
  virtual ~StoreHealth() = default;

  virtual bool Ping() = 0;
};

}  // namespace meldpunt
