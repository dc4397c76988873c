// Letters sent to the other party of a case (hoor en wederhoor): the addressee, the summary the
// bureau wrote, the name under the letter and the PDF as sent, all encrypted like the description.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

// Associated data: each ciphertext names its column, so none can be moved to another unnoticed.
constexpr std::string_view kNameAd = "case_letters.other_party_name";
constexpr std::string_view kAddressAd = "case_letters.other_party_address";
constexpr std::string_view kAttentionAd = "case_letters.other_party_attention";
constexpr std::string_view kSummaryAd = "case_letters.summary";
constexpr std::string_view kSignedByAd = "case_letters.signed_by";
constexpr std::string_view kPdfAd = "case_letters.pdf";

constexpr const char* kLetterColumns =
    "SELECT l.id, l.report_id, l.at, l.staff_user_id, u.email, l.lang, l.reply_by, "
    "l.other_party_name_enc, l.other_party_address_enc, l.summary_enc, l.signed_by_enc, "
    "l.other_party_attention_enc";

}  // namespace

long long SociStore::AddCaseLetter(const NewCaseLetter& letter, long long now) {
  // Encryption happens before the write queue so the single writer does only database work.
  std::string name = cipher().Seal(letter.other_party_name, kNameAd);
  std::string address = cipher().Seal(letter.other_party_address, kAddressAd);
  std::string attention = cipher().Seal(letter.other_party_attention, kAttentionAd);
  std::string summary = cipher().Seal(letter.summary, kSummaryAd);
  std::string signed_by = cipher().Seal(letter.signed_by, kSignedByAd);
  std::string pdf = cipher().Seal(letter.pdf, kPdfAd);
  // The other party joins the case's blind index (duplicate hints, soci_duplicates.cpp).
  ReportMatchKeys party = MatchKeysOf("", std::nullopt, {letter.other_party_name});
  long long staff = letter.staff_user_id.value_or(0);
  soci::indicator staff_ind = letter.staff_user_id ? soci::i_ok : soci::i_null;
  return Guard("storing a letter", [&] {
    long long id = 0;
    Write([&](soci::session& sql) {
      sql << "INSERT INTO case_letters (report_id, at, staff_user_id, lang, reply_by, "
             "other_party_name_enc, other_party_address_enc, other_party_attention_enc, "
             "summary_enc, "
             "signed_by_enc, pdf_enc) VALUES (:report, :at, :staff, :lang, :reply_by, :name, "
             ":address, :attention, :summary, :signed_by, :pdf) RETURNING id",
          soci::use(letter.report_id), soci::use(now), soci::use(staff, staff_ind),
          soci::use(letter.lang), soci::use(letter.reply_by), soci::use(name), soci::use(address),
          soci::use(attention), soci::use(summary), soci::use(signed_by), soci::use(pdf),
          soci::into(id);
      SaveMatchKeysIn(sql, letter.report_id, party, {}, false);
    });
    return id;
  });
}

void SociStore::DeleteCaseLetter(long long report_id, long long letter_id) {
  Guard("removing a letter", [&] {
    Write([&](soci::session& sql) {
      sql << "DELETE FROM case_letters WHERE id = :id AND report_id = :report",
          soci::use(letter_id), soci::use(report_id);
    });
  });
}

namespace {

// A letter from a row of kLetterColumns, decrypted.
CaseLetter ReadLetter(const Cipher& cipher, const soci::row& row) {
  CaseLetter letter;
  letter.id = GetInteger(row, 0);
  letter.letter.report_id = GetInteger(row, 1);
  letter.at = GetInteger(row, 2);
  if (row.get_indicator(3) == soci::i_ok) letter.letter.staff_user_id = GetInteger(row, 3);
  if (row.get_indicator(4) == soci::i_ok) letter.staff_email = row.get<std::string>(4);
  letter.letter.lang = row.get<std::string>(5);
  letter.letter.reply_by = row.get<std::string>(6);
  auto open = [&](std::size_t column, std::string_view ad) {
    auto text = cipher.Open(row.get<std::string>(column), ad);
    if (!text) throw StoreError("letter " + std::to_string(letter.id) + ": " + text.error());
    return std::move(*text);
  };
  letter.letter.other_party_name = open(7, kNameAd);
  letter.letter.other_party_address = open(8, kAddressAd);
  letter.letter.summary = open(9, kSummaryAd);
  letter.letter.signed_by = open(10, kSignedByAd);
  // Letters from before migration 27 have no attention line: an empty column, not a ciphertext.
  if (!row.get<std::string>(11).empty())
    letter.letter.other_party_attention = open(11, kAttentionAd);
  return letter;
}

}  // namespace

std::vector<CaseLetter> SociStore::ListCaseLetters(long long report_id) {
  return Guard("listing a case's letters", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kLetterColumns) +
                            " FROM case_letters l LEFT JOIN staff_users u ON u.id = "
                            "l.staff_user_id WHERE l.report_id = :report ORDER BY l.id",
         soci::use(report_id));
    std::vector<CaseLetter> letters;
    for (const auto& row : rows) letters.push_back(ReadLetter(cipher(), row));
    return letters;
  });
}

std::optional<CaseLetter> SociStore::GetCaseLetter(long long report_id, long long letter_id) {
  return Guard("reading a letter", [&]() -> std::optional<CaseLetter> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kLetterColumns) +
                            ", l.pdf_enc FROM case_letters l LEFT JOIN staff_users u ON u.id = "
                            "l.staff_user_id WHERE l.id = :id AND l.report_id = :report",
         soci::use(letter_id), soci::use(report_id));
    for (const auto& row : rows) {
      CaseLetter letter = ReadLetter(cipher(), row);
      auto pdf = cipher().Open(row.get<std::string>(12), kPdfAd);
      if (!pdf) throw StoreError("letter " + std::to_string(letter.id) + ": " + pdf.error());
      letter.letter.pdf = std::move(*pdf);
      return letter;
    }
    return std::nullopt;
  });
}

}  // namespace meldpunt
