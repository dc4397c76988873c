#include "security/receipts.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <semaphore>
#include <stdexcept>
#include <thread>

#include "domain/reports/receipt.hpp"

namespace meldpunt {
namespace {

// Sub-keys of the receipt key, one per use.
enum SubKey : unsigned long long {
  kDerivation = 1,
  kSalt = 2,
  kSubmissionKeyHash = 3,
  kCookie = 4,
  kReceiptHash = 5,  // keyed BLAKE2b of the code (issue 16); kSalt stays for legacy hashes
};

// Legacy hashes only: at most one memory-hard hash per core at a time: more would not finish
// sooner, and each holds kReceiptHashMemLimit, so a burst of reports on 32 workers cannot grow
// memory 32-fold.
std::counting_semaphore<256>& HashSlots() {
  static std::counting_semaphore<256> slots(
      std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 256));
  return slots;
}

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

std::string KeyedHashHex(const Key& key, std::string_view text, size_t bytes) {
  std::array<unsigned char, crypto_generichash_BYTES_MAX> out;
  crypto_generichash(out.data(), bytes, reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), key.data(), key.size());
  return Hex(out.data(), bytes);
}

}  // namespace

Receipts::Receipts(const Key& receipt_key)
    : derivation_key_(DeriveKey(receipt_key, kDerivation)),
      salt_key_(DeriveKey(receipt_key, kSalt)),
      submission_key_key_(DeriveKey(receipt_key, kSubmissionKeyHash)),
      receipt_hash_key_(DeriveKey(receipt_key, kReceiptHash)),
      cookie_(DeriveKey(receipt_key, kCookie)) {}

std::string Receipts::ForSubmission(std::string_view submission_key) const {
  std::array<unsigned char, kReceiptSeedBytes> seed;
  crypto_generichash(seed.data(), seed.size(),
                     reinterpret_cast<const unsigned char*>(submission_key.data()),
                     submission_key.size(), derivation_key_.data(), derivation_key_.size());
  return ReceiptFromBytes(seed);
}

std::string Receipts::Random() {
  std::array<unsigned char, kReceiptSeedBytes> seed;
  randombytes_buf(seed.data(), seed.size());
  return ReceiptFromBytes(seed);
}

ReceiptHashScheme SchemeOfReceiptHash(std::string_view stored_hash) {
  return stored_hash.starts_with(kKeyedReceiptHashPrefix) ? ReceiptHashScheme::kKeyedBlake2b
                                                          : ReceiptHashScheme::kArgon2id;
}

std::string Receipts::Hash(std::string_view digits) const {
  return std::string(kKeyedReceiptHashPrefix) + KeyedHashHex(receipt_hash_key_, digits, 32);
}

std::string Receipts::LegacyHash(std::string_view digits) const {
  static_assert(crypto_pwhash_SALTBYTES <= sizeof(Key));
  std::array<unsigned char, 32> out;
  HashSlots().acquire();
  int failed =
      crypto_pwhash(out.data(), out.size(), digits.data(), digits.size(), salt_key_.data(),
                    kReceiptHashOpsLimit, kReceiptHashMemLimit, crypto_pwhash_ALG_ARGON2ID13);
  HashSlots().release();
  if (failed != 0) throw std::runtime_error("out of memory while hashing a receipt");
  return Hex(out.data(), out.size());
}

std::string Receipts::SubmissionKeyHash(std::string_view submission_key) const {
  return KeyedHashHex(submission_key_key_, submission_key, 32);
}

}  // namespace meldpunt
