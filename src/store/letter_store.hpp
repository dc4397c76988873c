#pragma once
// Letters to the other party of a case: a bureau's templates and letterhead, and the letters sent.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "store/store_types.hpp"

namespace meldpunt {

// A bureau's own text of the letter to the other party (briefsjabloon) in one language; see
// letters/letter.hpp for what the fields hold. Not personal data: stored in clear.
struct StoredLetterTemplate {
  std::string subject;
  std::string body;
  std::string closing;
  long long updated_at = 0;      // Unix seconds
  std::string updated_by_email;  // empty when that account is gone
};

// What a bureau prints at the top of its letters (briefhoofd) under its name, and how the other
// party reaches it. Not personal data: stored in clear. Empty fields were not set.
struct Letterhead {
  std::vector<std::string> address_lines;
  std::string phone;
  std::string email;
};

// A letter to the other party of a case (hoor en wederhoor) as it was sent.
struct NewCaseLetter {
  long long report_id = 0;
  std::optional<long long> staff_user_id;
  std::string lang;      // "nl" or "en"
  std::string reply_by;  // YYYY-MM-DD: the date by which the bureau asked for a reply
  // Personal data, encrypted in the store:
  std::string other_party_name;
  std::string other_party_address;    // lines separated by "\n"
  std::string summary;                // the complaint as the bureau stated it in the letter
  std::string signed_by;              // the staff member's name under the letter
  std::string pdf;                    // the letter as it was sent
  std::string other_party_attention;  // the contact person (t.a.v.); may be empty
};

struct CaseLetter {
  long long id = 0;
  long long at = 0;         // Unix seconds
  std::string staff_email;  // who sent it; empty when that account is gone
  NewCaseLetter letter;     // decrypted; pdf only from GetCaseLetter
};

class LetterStore {
 public:
  virtual ~LetterStore() = default;

  // Letter templates and letterheads of a bureau (soci_letter_templates.cpp). lang: "nl" or
  // "en". Without a stored template the built-in one applies (letters/default_template.hpp).
  virtual std::optional<StoredLetterTemplate> GetLetterTemplate(long long bureau_id,
                                                                const std::string& lang) = 0;
  // Replaces the bureau's template in that language; updated_at/updated_by_email are ignored.
  virtual void SaveLetterTemplate(long long bureau_id, const std::string& lang,
                                  const StoredLetterTemplate& text, long long staff_user_id,
                                  long long now) = 0;
  // Back to the built-in template in that language.
  virtual void DeleteLetterTemplate(long long bureau_id, const std::string& lang) = 0;
  // What is printed under the bureau's name (briefhoofd); all empty when none was set.
  virtual Letterhead GetLetterhead(long long bureau_id) = 0;
  virtual void SaveLetterhead(long long bureau_id, const Letterhead& letterhead,
                              long long staff_user_id, long long now) = 0;
  // Letters sent to the other party of a case (soci_case_letters.cpp), with their free text and
  // PDF encrypted. The case's history records the sending (a letter_sent event naming the id);
  // a letter without such an event was never confirmed as sent and is not shown.
  // Returns the new letter's id.
  virtual long long AddCaseLetter(const NewCaseLetter& letter, long long now) = 0;
  // Removes a letter whose letter_sent event could not be recorded (a colleague changed the case).
  virtual void DeleteCaseLetter(long long report_id, long long letter_id) = 0;
  // Oldest first, decrypted, without the PDFs.
  virtual std::vector<CaseLetter> ListCaseLetters(long long report_id) = 0;
  // One letter with its PDF, when it belongs to that report.
  virtual std::optional<CaseLetter> GetCaseLetter(long long report_id, long long letter_id) = 0;
};

}  // namespace meldpunt
