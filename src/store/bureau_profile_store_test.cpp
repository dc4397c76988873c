// A bureau's public profile in the store (issue 15): one row per bureau, phone, e-mail and postal
// address shared with the letterhead, the logo's version, and every bureau's face at once.
#include <gtest/gtest.h>

#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

class BureauProfileStoreTest : public SqliteStoreFixture {
 protected:
  void SetUp() override {
    SqliteStoreFixture::SetUp();
    ASSERT_TRUE(store_->AddUser({"admin@example.nl", "x", StaffRole::kBureauAdmin, 1, ""}, 1));
    admin_ = store_->FindUser("admin@example.nl")->id;
  }
  long long admin_ = 0;
};

BureauProfile Profile() {
  BureauProfile p;
  p.public_name = "Antidiscriminatiebureau Zuid";
  p.phone = "030 123 45 67";
  p.email = "info@zuid.example";
  p.postal_address = {"Postbus 12", "3500 AA Utrecht"};
  p.visiting_address = {"Stationsplein 1", "3511 AA Utrecht"};
  p.opening_hours = "ma-vr 9-17";
  p.report_by_phone = true;
  p.report_at_desk = true;
  p.whatsapp = "06 1234 5678";
  p.primary_colour = "#00497a";
  p.on_primary_colour = "#ffffff";
  return p;
}

TEST_F(BureauProfileStoreTest, AProfileIsSavedAndItsContactIsTheLetterhead) {
  EXPECT_EQ(store_->GetBureauProfile(1), BureauProfile{});
  store_->SaveBureauProfile(1, Profile(), admin_, 10);
  EXPECT_EQ(store_->GetBureauProfile(1), Profile());
  // Letters read the same phone, e-mail and postal address: typed once.
  Letterhead letterhead = store_->GetLetterhead(1);
  EXPECT_EQ(letterhead.phone, "030 123 45 67");
  EXPECT_EQ(letterhead.email, "info@zuid.example");
  EXPECT_EQ(letterhead.address_lines, (std::vector<std::string>{"Postbus 12", "3500 AA Utrecht"}));
  // And the letterhead form's changes show in the profile.
  store_->SaveLetterhead(1, {{"Postbus 99"}, "030 999 99 99", "post@zuid.example"}, admin_, 11);
  BureauProfile read = store_->GetBureauProfile(1);
  EXPECT_EQ(read.phone, "030 999 99 99");
  EXPECT_EQ(read.postal_address, (std::vector<std::string>{"Postbus 99"}));
  EXPECT_EQ(read.public_name, "Antidiscriminatiebureau Zuid");
  // Saved again: replaced, not added.
  BureauProfile changed = Profile();
  changed.report_at_desk = false;
  changed.primary_colour.clear();
  changed.on_primary_colour.clear();
  store_->SaveBureauProfile(1, changed, admin_, 12);
  EXPECT_EQ(store_->GetBureauProfile(1), changed);
}

TEST_F(BureauProfileStoreTest, EveryBureauHasAFaceWithItsAreaAndLogo) {
  auto other = store_->AddBureau("Bureau Noord", 2);
  ASSERT_TRUE(other);
  ASSERT_TRUE(store_->AddToWorkingArea(*other, {"GM0014", "GM0034"}));
  store_->SaveBureauProfile(*other, Profile(), admin_, 10);
  // Bytes of any kind survive (the logo is binary).
  std::string png("\x89PNG\r\n\x1a\n\0\x01\xff", 11);
  store_->SaveBureauLogo(*other, png, admin_, 20);
  auto faces = store_->ListBureauFaces();
  ASSERT_EQ(faces.size(), 2u);
  EXPECT_EQ(faces[0].id, 1);
  EXPECT_EQ(faces[0].profile, BureauProfile{});  // never set: empty, not missing
  EXPECT_TRUE(faces[0].logo_png.empty());
  EXPECT_EQ(faces[0].logo_version, 0);
  EXPECT_EQ(faces[1].id, *other);
  EXPECT_EQ(faces[1].name, "Bureau Noord");
  EXPECT_EQ(faces[1].municipalities, (std::vector<std::string>{"GM0014", "GM0034"}));
  EXPECT_EQ(faces[1].profile, Profile());
  EXPECT_EQ(faces[1].logo_png, png);
  EXPECT_EQ(faces[1].updated_at, 20);
  long long first = faces[1].logo_version;
  EXPECT_GT(first, 0);
  // A new logo in the same second still gets a new version (its URL changes); removing it too.
  store_->SaveBureauLogo(*other, "", admin_, 20);
  faces = store_->ListBureauFaces();
  EXPECT_TRUE(faces[1].logo_png.empty());
  EXPECT_GT(faces[1].logo_version, first);
  // A logo saved before any profile makes a profile row without other details.
  store_->SaveBureauLogo(1, png, admin_, 21);
  EXPECT_EQ(store_->ListBureauFaces()[0].logo_png, png);
  EXPECT_EQ(store_->GetBureauProfile(1), BureauProfile{});
}

}  // namespace
}  // namespace meldpunt
