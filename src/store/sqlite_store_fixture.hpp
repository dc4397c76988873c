#pragma once
// Test fixture: a store on a fresh SQLite file in a temporary folder, removed after the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "security/crypto.hpp"
#include "store/open_store.hpp"

namespace meldpunt {

class SqliteStoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSodium();
    dir_ = std::filesystem::temp_directory_path() / ("meldpunt-store-" + RandomToken(6));
    Key key;
    key.fill(5);
    store_ = OpenStore("sqlite:" + (dir_ / "m.db").string(), key, key);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace meldpunt
