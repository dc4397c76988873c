#include "store/soci/reader_pool.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

namespace meldpunt {
namespace {

TEST(ReaderPool, CountsASessionThatWaitedForAFreeConnection) {
  ReaderPool pool(1);
  pool.at(0).open(soci::sqlite3, ":memory:");
  {
    soci::session free(pool);  // a connection was free: no wait
    int one = 0;
    free << "SELECT 1", soci::into(one);
    EXPECT_EQ(one, 1);
  }
  EXPECT_EQ(pool.Waits(), 0u);

  std::optional<soci::session> held;
  held.emplace(pool);
  std::atomic<bool> leased{false};
  std::thread waiter([&] {
    soci::session second(pool);  // waits until `held` is given back
    leased = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(leased) << "the second session waits for the only connection";
  held.reset();
  waiter.join();
  EXPECT_TRUE(leased);
  EXPECT_EQ(pool.Waits(), 1u);
}

}  // namespace
}  // namespace meldpunt
