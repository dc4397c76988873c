#pragma once
// Encryption of personal data at rest and keyed signatures, on libsodium.
#include <array>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace meldpunt {

using Key = std::array<unsigned char, 32>;

// Must run once before any other function here; safe to call again.
void InitSodium();

// Derives an independent key for one purpose from the master key (crypto_kdf).
Key DeriveKey(const Key& master, unsigned long long purpose);

// XChaCha20-Poly1305 with a fresh random nonce per value. The associated data binds a ciphertext
// to where it belongs (for example the column name), so values cannot be swapped unnoticed.
class Cipher {
 public:
  explicit Cipher(const Key& key) : key_(key) {}
  // Returns "v1:" + base64(nonce || ciphertext), safe to store in a text column.
  std::string Seal(std::string_view plaintext, std::string_view associated_data) const;
  Result<std::string> Open(std::string_view sealed, std::string_view associated_data) const;

 private:
  Key key_;
};

// HMAC-SHA-512/256 signatures for values handed to the browser (CSRF tokens, redirects).
class Signer {
 public:
  explicit Signer(const Key& key) : key_(key) {}
  // Returns value + "." + base64url(mac over purpose and value).
  std::string Sign(std::string_view purpose, std::string_view value) const;
  // Returns the value when the signature is right for this purpose.
  Result<std::string> Verify(std::string_view purpose, std::string_view signed_value) const;

 private:
  Key key_;
};

std::string RandomToken(size_t bytes = 32);  // base64url, no padding
std::string Base64UrlEncode(std::string_view bytes);
std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);
// A fast unkeyed hash (BLAKE2b) for high-entropy secrets such as session tokens, in hex.
std::string HashToken(std::string_view token);
// SHA-256 in hex, for proof of what was received (evidence files).
std::string Sha256Hex(std::string_view bytes);
// Comparison in constant time for equal lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace meldpunt
