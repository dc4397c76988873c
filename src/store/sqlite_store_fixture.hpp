#pragma once
// Test fixture: a store on a fresh SQLite file in a temporary folder, removed after the test. A
// suite that needs other keys passes them to the constructor; Open gives another store on the
// same file (to reopen it, or to open it with other keys).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

#include "security/crypto.hpp"
#include "store/open_store.hpp"
#include "store/store.hpp"

namespace meldpunt {

class SqliteStoreFixture : public ::testing::Test {
 protected:
  static Key KeyOf(unsigned char fill) {
    Key key;
    key.fill(fill);
    return key;
  }
  // The data key, and the audit chain key (none: the store writes no audit entries).
  explicit SqliteStoreFixture(Key data_key = KeyOf(5), std::optional<Key> audit_key = KeyOf(5))
      : data_key_(data_key), audit_key_(audit_key) {}

  void SetUp() override {
    MakeFolder();
    store_ = Open();
  }
  // The folder and the file's name, without opening a store: for a suite that prepares an older
  // database first (its SetUp calls only this).
  void MakeFolder() {
    InitSodium();
    dir_ = std::filesystem::temp_directory_path() / ("meldpunt-store-" + RandomToken(6));
    std::filesystem::create_directories(dir_);
    file_ = (dir_ / "m.db").string();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Another store on the same file, with the suite's keys or with others.
  std::unique_ptr<Store> Open() const { return Open(data_key_, audit_key_); }
  std::unique_ptr<Store> Open(std::optional<Key> data_key,
                              std::optional<Key> audit_key = std::nullopt) const {
    return OpenStore("sqlite:" + file_, data_key, audit_key);
  }
  // The database file's bytes with its write-ahead log, to check what is stored in clear.
  std::string FileBytes() const {
    std::string bytes;
    for (const auto& path : {file_, file_ + "-wal"}) {
      std::ifstream in(path, std::ios::binary);
      bytes += std::string((std::istreambuf_iterator<char>(in)), {});
    }
    return bytes;
  }

  Key data_key_;
  std::optional<Key> audit_key_;
  std::filesystem::path dir_;
  std::string file_;
  std::unique_ptr<Store> store_;
};

}  // namespace meldpunt
