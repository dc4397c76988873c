#pragma once
// Receipt codes (volgcodes): made from a submission key or at random, and stored only as a slow
// hash. See docs/design.md, "Receipt codes", for the reasoning behind every choice here.
#include <string>
#include <string_view>

#include "security/crypto.hpp"

namespace meldpunt {

// Argon2id settings for receipt hashes, in one place. They are deliberately much lighter than
// the staff passwords' (19 MiB, 2 passes): a receipt already has 66 random bits, the salt is a
// secret derived from the key file (so a stolen database alone cannot be tested at all), and the
// hash runs on every report that is sent. About 5 ms on the project's machine.
inline constexpr unsigned long long kReceiptHashOpsLimit = 2;
inline constexpr size_t kReceiptHashMemLimit = 2 * 1024 * 1024;

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

  // Argon2id of the 20 digits, in hex. The salt is the same for every receipt (derived from the
  // key), so the hash can be looked up through a unique index.
  std::string Hash(std::string_view digits) const;

  // What reports.submission_key holds: a keyed BLAKE2b hash of the form's key, in hex. Keyed,
  // because the submission key now leads to a receipt.
  std::string SubmissionKeyHash(std::string_view submission_key) const;

  // Encrypts what the confirmation page needs (reference and receipt) for a short-lived cookie.
  const Cipher& cookie_cipher() const { return cookie_; }

 private:
  Key derivation_key_;
  Key salt_key_;
  Key submission_key_key_;
  Cipher cookie_;
};

}  // namespace meldpunt
