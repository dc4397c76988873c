#include "security/crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace meldpunt {
namespace {

const auto* Bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string Encode(std::string_view bytes, int variant) {
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(bytes), bytes.size(), variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

constexpr std::string_view kSealPrefix = "v1:";

}  // namespace

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

Key DeriveKey(const Key& master, unsigned long long purpose) {
  Key key;
  crypto_kdf_derive_from_key(key.data(), key.size(), purpose, "meldpunt", master.data());
  return key;
}

std::string Cipher::Seal(std::string_view plaintext, std::string_view associated_data) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string box(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* out = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(out, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + kNonce, &written, Bytes(plaintext),
                                             plaintext.size(), Bytes(associated_data),
                                             associated_data.size(), nullptr, out, key_.data());
  box.resize(kNonce + written);
  return std::string(kSealPrefix) + Base64Encode(box);
}

Result<std::string> Cipher::Open(std::string_view sealed, std::string_view associated_data) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (!sealed.starts_with(kSealPrefix)) return Error{"unknown encryption version"};
  auto box = Base64Decode(sealed.substr(kSealPrefix.size()));
  if (!box || box->size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return Error{"malformed ciphertext"};
  }
  const auto* in = Bytes(*box);
  std::string plain(box->size() - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()),
                                                 &written, nullptr, in + kNonce,
                                                 box->size() - kNonce, Bytes(associated_data),
                                                 associated_data.size(), in, key_.data()) != 0) {
    return Error{"ciphertext does not authenticate"};
  }
  plain.resize(written);
  return plain;
}

std::string Signer::Sign(std::string_view purpose, std::string_view value) const {
  std::string message = std::string(purpose) + '\0' + std::string(value);
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, Bytes(message), message.size(), key_.data());
  return std::string(value) + "." +
         Base64UrlEncode(std::string_view(reinterpret_cast<char*>(mac), sizeof mac));
}

Result<std::string> Signer::Verify(std::string_view purpose, std::string_view signed_value) const {
  size_t dot = signed_value.rfind('.');
  if (dot == std::string_view::npos) return Error{"unsigned value"};
  std::string value(signed_value.substr(0, dot));
  if (!ConstantTimeEquals(Sign(purpose, value), signed_value)) return Error{"bad signature"};
  return value;
}

std::string RandomToken(size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return Base64UrlEncode(std::string_view(reinterpret_cast<char*>(buffer.data()), buffer.size()));
}

std::string Base64UrlEncode(std::string_view bytes) {
  return Encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string Base64Encode(std::string_view bytes) {
  return Encode(bytes, sodium_base64_VARIANT_ORIGINAL);
}

Result<std::string> Base64Decode(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t written = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &written, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return Error{"invalid base64"};
  }
  out.resize(written);
  return out;
}

std::string HashToken(std::string_view token) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, Bytes(token), token.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, Bytes(bytes), bytes.size());
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace meldpunt
