#include "speech/audio_cache.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

namespace meldpunt::speech {
namespace {

namespace fs = std::filesystem;

AudioBytes Bytes(size_t n, char fill = 'x') { return std::make_shared<const std::string>(n, fill); }

TEST(MemoryAudioCache, StaysWithinItsBoundAndDropsTheLeastRecentlyUsed) {
  MemoryAudioCache cache(1000);
  cache.Put("a", Bytes(400));
  cache.Put("b", Bytes(400));
  ASSERT_TRUE(cache.Get("a"));  // a is now the most recent
  cache.Put("c", Bytes(400));   // 1200 > 1000: b goes
  EXPECT_LE(cache.Bytes(), 1000u);
  EXPECT_TRUE(cache.Get("a"));
  EXPECT_FALSE(cache.Get("b"));
  EXPECT_TRUE(cache.Get("c"));
  cache.Put("huge", Bytes(2000));  // larger than the whole cache: not kept
  EXPECT_FALSE(cache.Get("huge"));
  EXPECT_EQ(cache.Count(), 2u);
}

TEST(MemoryAudioCache, ReplacingAKeyCountsItOnce) {
  MemoryAudioCache cache(1000);
  cache.Put("a", Bytes(300));
  cache.Put("a", Bytes(500));
  EXPECT_EQ(cache.Bytes(), 500u);
  EXPECT_EQ(cache.Get("a")->size(), 500u);
}

class DiskAudioCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    folder_ = fs::temp_directory_path() / ("meldpunt-speech-cache-" + std::to_string(random()));
  }
  void TearDown() override { fs::remove_all(folder_); }
  size_t FolderBytes() const {
    size_t total = 0;
    for (const auto& entry : fs::directory_iterator(folder_)) total += entry.file_size();
    return total;
  }
  fs::path folder_;
};

TEST_F(DiskAudioCacheTest, KeepsWhatWasWrittenAcrossInstances) {
  {
    DiskAudioCache cache(folder_, 1 << 20);
    cache.Put("home/1/nl/v1", "OggS audio");
  }
  DiskAudioCache again(folder_, 1 << 20);
  EXPECT_EQ(again.Get("home/1/nl/v1"), "OggS audio");
  EXPECT_FALSE(again.Get("home/1/nl/v2"));
  // No temporary files are left behind.
  for (const auto& entry : fs::directory_iterator(folder_)) {
    EXPECT_EQ(entry.path().extension(), ".opus");
  }
}

TEST_F(DiskAudioCacheTest, EvictsTheOldestFilesOverItsBound) {
  DiskAudioCache cache(folder_, 10'000);
  for (int i = 0; i < 8; ++i) {
    cache.Put("key" + std::to_string(i), std::string(2000, 'a'));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // distinct modification times
  }
  EXPECT_LE(FolderBytes(), 10'000u);
  EXPECT_FALSE(cache.Get("key0"));  // the oldest went first
  EXPECT_TRUE(cache.Get("key7"));   // the newest stays
}

TEST_F(DiskAudioCacheTest, ABoundOfZeroWritesNothing) {
  DiskAudioCache cache(folder_, 0);
  cache.Put("a", "b");
  EXPECT_FALSE(cache.Get("a"));
  EXPECT_FALSE(fs::exists(folder_));
}

}  // namespace
}  // namespace meldpunt::speech
