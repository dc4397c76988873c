#pragma once
// Receipt codes (volgcodes): made from a submission key or at random, and stored only as a keyed
// hash (keyed BLAKE2b since issue 16; Argon2id before, still verified). See docs/design.md,
// "Receipt codes" and "Receipt hash: keyed BLAKE2b (issue 16)", for the reasoning.
#include <string>
#include <string_view>

#include "security/crypto.hpp"

namespace meldpunt {

// The Argon2id settings receipts were hashed with before issue 16 (the legacy scheme), kept only
// to verify hashes stored then: 2 passes, 2 MiB, with a secret salt derived from the key file.
// About 4-5 ms of CPU per hash on the project's machine.
inline constexpr unsigned long long kReceiptHashOpsLimit = 2;
inline constexpr size_t kReceiptHashMemLimit = 2 * 1024 * 1024;

// How a stored receipt hash was made; report_receipts.receipt_hash says it by its prefix.
enum class ReceiptHashScheme {
  kArgon2id,      // legacy: 64 hex digits without a prefix
  kKeyedBlake2b,  // kKeyedReceiptHashPrefix + 64 hex digits
};
// Not a hex digit, so no legacy hash starts with it.
inline constexpr std::string_view kKeyedReceiptHashPrefix = "k2:";
ReceiptHashScheme SchemeOfReceiptHash(std::string_view stored_hash);

class Receipts {
 public:
  // receipt_key is derived from the master key for receipts only; every key below comes from it.
  explicit Receipts(const Key& receipt_key);

  // The receipt for a form with this submission key. The same key always gives the same
  // receipt, so when a form is sent again (its first answer may have been lost) the reporter is
  // shown the same code. Without the server's key it cannot be computed from the submission key.
  std::string ForSubmission(std::string_view submission_key) const;
  // A receipt for a form without a submission key.
  static std::string Random();

  // What report_receipts stores for new reports: kKeyedReceiptHashPrefix + keyed BLAKE2b-256 of
  // the 20 digits, in hex. Keyed with a sub-key of the receipt key, so a copied database cannot be
  // tested without the key file; deterministic, so it is looked up through the unique index.
  std::string Hash(std::string_view digits) const;
  // The legacy hash (before issue 16): Argon2id of the 20 digits with the secret salt, in hex,
  // without a prefix. Only to find reports stored then; see web/followup/receipt_lookup.hpp.
  std::string LegacyHash(std::string_view digits) const;

  // What reports.submission_key holds: a keyed BLAKE2b hash of the form's key, in hex. Keyed,
  // because the submission key now leads to a receipt.
  std::string SubmissionKeyHash(std::string_view submission_key) const;

  // Encrypts what the confirmation page needs (reference and receipt) for a short-lived cookie.
  const Cipher& cookie_cipher() const { return cookie_; }

 private:
  Key derivation_key_;
  Key salt_key_;
  Key submission_key_key_;
  Key receipt_hash_key_;
  Cipher cookie_;
};

}  // namespace meldpunt
