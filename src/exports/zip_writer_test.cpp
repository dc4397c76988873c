#include "exports/zip_writer.hpp"

#include <gtest/gtest.h>

#include "exports/zip_test_reader.hpp"

namespace meldpunt::exports {
namespace {

using testing::ZipEntryData;
using testing::ZipEntryTime;
using testing::ZipNames;

constexpr long long kTime = 1'767'225'600;  // 2026-01-01 00:00 UTC

TEST(ZipWriter, EntriesReadBackInOrderWithTheirTime) {
  std::string big(100'000, 'a');
  std::string zip =
      WriteZip({{"README.txt", "hallo\n"}, {"a/b.csv", "x,y\r\n"}, {"big.txt", big}}, kTime);
  EXPECT_EQ(ZipNames(zip), (std::vector<std::string>{"README.txt", "a/b.csv", "big.txt"}));
  EXPECT_EQ(ZipEntryData(zip, "README.txt"), "hallo\n");
  EXPECT_EQ(ZipEntryData(zip, "a/b.csv"), "x,y\r\n");
  EXPECT_EQ(ZipEntryData(zip, "big.txt"), big);
  EXPECT_LT(zip.size(), 10'000u) << "entries are compressed";
  // DOS times have two-second steps and no time zone; libzip reads them as local time.
  EXPECT_NEAR(static_cast<double>(ZipEntryTime(zip, "README.txt")), static_cast<double>(kTime),
              24 * 3600);
}

TEST(ZipWriter, TheSameEntriesGiveTheSameBytes) {
  std::vector<ZipEntry> entries = {{"a.txt", "een"}, {"b.txt", "twee"}};
  EXPECT_EQ(WriteZip(entries, kTime), WriteZip(entries, kTime));
}

TEST(ZipWriter, RefusesBadAndRepeatedNames) {
  for (std::string name : std::vector<std::string>{"", "/etc/passwd", "../x", "a/../b", "a//b",
                                                   "dir/", "a\\b", "c:x", "a\nb"})
    EXPECT_THROW(WriteZip({{name, "x"}}, kTime), std::invalid_argument) << name;
  EXPECT_THROW(WriteZip({{"a.txt", "1"}, {"a.txt", "2"}}, kTime), std::invalid_argument);
  EXPECT_THROW(WriteZip(std::vector<ZipEntry>(kMaxZipEntries + 1, ZipEntry{"a", ""}), kTime),
               std::invalid_argument);
}

}  // namespace
}  // namespace meldpunt::exports
