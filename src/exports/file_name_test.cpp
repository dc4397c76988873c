#include "exports/file_name.hpp"

#include <gtest/gtest.h>

namespace meldpunt::exports {
namespace {

TEST(FileNameSlug, MunicipalityNames) {
  EXPECT_EQ(FileNameSlug("Amsterdam"), "amsterdam");
  EXPECT_EQ(FileNameSlug("'s-Hertogenbosch"), "s-hertogenbosch");
  EXPECT_EQ(FileNameSlug("Súdwest-Fryslân"), "sudwest-fryslan");
  EXPECT_EQ(FileNameSlug("Bergen (NH.)"), "bergen-nh");
  EXPECT_EQ(FileNameSlug("Noardeast-Fryslân"), "noardeast-fryslan");
  EXPECT_EQ(FileNameSlug("Nuenen, Gerwen en Nederwetten"), "nuenen-gerwen-en-nederwetten");
}

TEST(FileNameSlug, NothingUnsafeEverComesOut) {
  EXPECT_EQ(FileNameSlug("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(FileNameSlug(""), "x");
  EXPECT_EQ(FileNameSlug("\xE2\x82\xAC\xC3"), "x");
  EXPECT_EQ(FileNameSlug(std::string(200, 'a')).size(), 60u);
  EXPECT_EQ(FileNameSlug("a\xC3\x97"
                         "b"),
            "a-b")
      << "the multiplication sign separates";
}

}  // namespace
}  // namespace meldpunt::exports
