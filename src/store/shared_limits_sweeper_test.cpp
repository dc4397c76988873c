#include "store/shared_limits_sweeper.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/store_types.hpp"

namespace meldpunt {
namespace {

// Counts sweeps and what they were given; fails the first `failures` of them.
class CountingTable final : public SharedLimitStore {
 public:
  std::atomic<int> sweeps{0};
  std::atomic<int> failures{0};
  std::atomic<double> last_now{0};
  std::atomic<long long> last_max{0};

  SharedTake TakeToken(const SharedBucket&, double) override { return {}; }
  double ChargeTokens(const SharedBucket&, double, double) override { return 0; }
  std::optional<double> PeekTokens(const SharedBucket&, double) override { return {}; }
  long long SweepBuckets(double now, long long max_buckets) override {
    ++sweeps;
    last_now = now;
    last_max = max_buckets;
    if (failures > 0) {
      --failures;
      throw StoreError("canceling statement due to statement timeout");
    }
    return 0;
  }
};

void WaitFor(const std::function<bool()>& done) {
  for (int i = 0; i < 500 && !done(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

TEST(SharedLimitsSweeper, SweepsAtStartWithTheServersClockAndStopsAtOnce) {
  CountingTable table;
  auto started = std::chrono::steady_clock::now();
  {
    SharedLimitsSweeper sweeper(
        table, [] { return 1'000'000LL; }, std::chrono::seconds(3600), 400000);
    WaitFor([&] { return sweeper.Sweeps() == 1; });
    EXPECT_EQ(sweeper.Sweeps(), 1);
  }  // stopping does not wait for the next sweep, an hour away
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  EXPECT_EQ(table.sweeps, 1);
  EXPECT_EQ(table.last_now, 1'000'000.0);
  EXPECT_EQ(table.last_max, 400000);
}

TEST(SharedLimitsSweeper, AFailedSweepIsTriedAgainAtTheNext) {
  CountingTable table;
  table.failures = 1;
  SharedLimitsSweeper sweeper(
      table, [] { return 0LL; }, std::chrono::seconds(1), 10);
  WaitFor([&] { return sweeper.Sweeps() >= 2; });
  EXPECT_GE(table.sweeps, 2) << "the thread lives on after a failure";
  sweeper.Stop();
}

}  // namespace
}  // namespace meldpunt
