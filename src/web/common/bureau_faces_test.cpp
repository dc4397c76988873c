// The bureaus' faces in memory (issue 15): a reload that finds nothing new keeps the version (so
// the cached form is not rendered again for nothing), and the refresher picks up a bureau added
// by another process.
#include "web/common/bureau_faces.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "web/common/bureau_face_refresher.hpp"
#include "web/common/test_app.hpp"

namespace meldpunt::web {
namespace {

TEST(BureauFaces, AReloadWithoutAChangeKeepsTheVersion) {
  TestApp test;
  BureauFaces faces;
  EXPECT_TRUE(faces.Reload(test.store()));
  long long first = faces.Current()->version;
  ASSERT_EQ(faces.Current()->bureaus.size(), 1u);
  EXPECT_FALSE(faces.Reload(test.store()));
  EXPECT_EQ(faces.Current()->version, first);

  BureauProfile profile;
  profile.public_name = "Meldpunt Zuidrand";
  ASSERT_TRUE(test.store().AddUser({"admin@example.nl", "x", StaffRole::kBureauAdmin, 1, ""}, 1));
  test.store().SaveBureauProfile(1, profile, test.store().FindUser("admin@example.nl")->id, 5);
  EXPECT_TRUE(faces.Reload(test.store()));
  EXPECT_GT(faces.Current()->version, first);
  EXPECT_EQ(faces.Current()->bureaus.front().profile.public_name, "Meldpunt Zuidrand");
}

TEST(BureauFaceRefresher, ABureauAddedElsewhereShowsWithinTheInterval) {
  TestApp test;
  BureauFaces faces;
  faces.Reload(test.store());
  BureauFaceRefresher refresher(faces, test.store(), std::chrono::milliseconds(20));
  // As `meldpunt bureau add` in another process: straight into the database.
  ASSERT_TRUE(test.store().AddBureau("Bureau Noord", 10));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (faces.Current()->bureaus.size() < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(faces.Current()->bureaus.size(), 2u);
  EXPECT_EQ(faces.Current()->bureaus.back().name, "Bureau Noord");
}

}  // namespace
}  // namespace meldpunt::web
