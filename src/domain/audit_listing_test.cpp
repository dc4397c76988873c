#include "domain/audit_listing.hpp"

#include <gtest/gtest.h>

namespace meldpunt {
namespace {

TEST(AuditListing, EncodesSortedDifferences) {
  EXPECT_EQ(EncodeListedIds({1207, 1204, 1205, 1234}), "1204,1,2,27");
  EXPECT_EQ(EncodeListedIds({}), "");
  EXPECT_EQ(EncodeListedIds({5, 5, 5}), "5") << "repeats are kept once";
}

TEST(AuditListing, DecodesWhatItEncoded) {
  std::vector<long long> ids = {1, 2, 3, 999999, 1000000, 4000000000LL};
  auto back = DecodeListedIds(EncodeListedIds(ids));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, ids);
  EXPECT_EQ(DecodeListedIds("")->size(), 0u);
}

TEST(AuditListing, APageOfRecentCasesIsShort) {
  std::vector<long long> ids;
  for (long long id = 1000000; id < 1000200; id += 2) ids.push_back(id);
  EXPECT_LT(EncodeListedIds(ids).size(), 220u);
}

TEST(AuditListing, RefusesWhatIsNotAnEncoding) {
  for (std::string_view bad : {",", "1,", ",1", "1,,2", "1,0", "1,-2", "a", "1 ,2",
                               "9223372036854775807,1", "99999999999999999999"}) {
    EXPECT_FALSE(DecodeListedIds(bad)) << bad;
  }
  std::string many = "1";
  for (size_t i = 0; i < kMaxListedIds; ++i) many += ",1";
  EXPECT_FALSE(DecodeListedIds(many)) << "more ids than an entry may hold";
}

}  // namespace
}  // namespace meldpunt
