// A bureau's letter templates (briefsjablonen) and letterhead (briefhoofd): the texts its admin
// wrote for letters to the other party. Not personal data, so stored in clear.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

std::optional<StoredLetterTemplate> SociStore::GetLetterTemplate(long long bureau_id,
                                                                 const std::string& lang) {
  return Guard("reading a letter template", [&]() -> std::optional<StoredLetterTemplate> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT t.subject, t.body, t.closing, t.updated_at, u.email FROM "
                        "letter_templates t LEFT JOIN staff_users u ON u.id = t.updated_by "
                        "WHERE t.bureau_id = :bureau AND t.lang = :lang",
         soci::use(bureau_id), soci::use(lang));
    for (const auto& row : rows) {
      StoredLetterTemplate text;
      text.subject = row.get<std::string>(0);
      text.body = row.get<std::string>(1);
      text.closing = row.get<std::string>(2);
      text.updated_at = GetInteger(row, 3);
      if (row.get_indicator(4) == soci::i_ok) text.updated_by_email = row.get<std::string>(4);
      return text;
    }
    return std::nullopt;
  });
}

void SociStore::SaveLetterTemplate(long long bureau_id, const std::string& lang,
                                   const StoredLetterTemplate& text, long long staff_user_id,
                                   long long now) {
  Guard("saving a letter template", [&] {
    Write([&](soci::session& sql) {
      sql << "INSERT INTO letter_templates (bureau_id, lang, subject, body, closing, updated_at, "
             "updated_by) VALUES (:bureau, :lang, :subject, :body, :closing, :now, :staff) "
             "ON CONFLICT (bureau_id, lang) DO UPDATE SET subject = excluded.subject, "
             "body = excluded.body, closing = excluded.closing, updated_at = excluded.updated_at, "
             "updated_by = excluded.updated_by",
          soci::use(bureau_id), soci::use(lang), soci::use(text.subject), soci::use(text.body),
          soci::use(text.closing), soci::use(now), soci::use(staff_user_id);
    });
  });
}

void SociStore::DeleteLetterTemplate(long long bureau_id, const std::string& lang) {
  Guard("resetting a letter template", [&] {
    Write([&](soci::session& sql) {
      sql << "DELETE FROM letter_templates WHERE bureau_id = :bureau AND lang = :lang",
          soci::use(bureau_id), soci::use(lang);
    });
  });
}

Letterhead SociStore::GetLetterhead(long long bureau_id) {
  return Guard("reading a letterhead", [&] {
    soci::session sql(*readers_);
    std::string stored;
    Letterhead letterhead;
    sql << "SELECT address_lines, phone, email FROM letterheads WHERE bureau_id = :bureau",
        soci::use(bureau_id), soci::into(stored), soci::into(letterhead.phone),
        soci::into(letterhead.email);
    if (!sql.got_data()) return Letterhead{};
    for (size_t pos = 0; !stored.empty();) {
      size_t end = stored.find('\n', pos);
      letterhead.address_lines.push_back(
          stored.substr(pos, end == std::string::npos ? end : end - pos));
      if (end == std::string::npos) break;
      pos = end + 1;
    }
    return letterhead;
  });
}

void SociStore::SaveLetterhead(long long bureau_id, const Letterhead& letterhead,
                               long long staff_user_id, long long now) {
  std::string joined;
  for (const auto& line : letterhead.address_lines) {
    if (!joined.empty()) joined += '\n';
    joined += line;
  }
  Guard("saving a letterhead", [&] {
    Write([&](soci::session& sql) {
      sql << "INSERT INTO letterheads (bureau_id, address_lines, phone, email, updated_at, "
             "updated_by) VALUES (:bureau, :lines, :phone, :email, :now, :staff) ON CONFLICT "
             "(bureau_id) DO UPDATE SET address_lines = excluded.address_lines, phone = "
             "excluded.phone, email = excluded.email, updated_at = excluded.updated_at, "
             "updated_by = excluded.updated_by",
          soci::use(bureau_id), soci::use(joined), soci::use(letterhead.phone),
          soci::use(letterhead.email), soci::use(now), soci::use(staff_user_id);
    });
  });
}

}  // namespace meldpunt
