// A bureau's standard replies (standaardteksten): the texts and the reporter's language they are
// offered in.
#include <soci/soci.h>

#include "domain/cases/standard_reply.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

constexpr const char* kReplyColumns =
    "id, bureau_id, title, lang, use_for, body, retired_at, updated_at";

StandardReply ReadReply(const soci::row& row) {
  StandardReply reply;
  reply.id = GetInteger(row, 0);
  reply.bureau_id = GetInteger(row, 1);
  reply.title = row.get<std::string>(2);
  reply.lang = row.get<std::string>(3);
  reply.use = ParseReplyUse(row.get<std::string>(4)).value_or(ReplyUse::kBoth);
  reply.body = row.get<std::string>(5);
  if (row.get_indicator(6) == soci::i_ok) reply.retired_at = GetInteger(row, 6);
  reply.updated_at = GetInteger(row, 7);
  return reply;
}

// Whether another text of the bureau has this title key in this language.
bool TitleTaken(soci::session& sql, const StandardReply& reply, const std::string& key) {
  long long found = 0;
  sql << "SELECT COUNT(*) FROM standard_replies WHERE bureau_id = :bureau AND title_key = :key "
         "AND lang = :lang AND id <> :id",
      soci::use(reply.bureau_id), soci::use(key), soci::use(reply.lang), soci::use(reply.id),
      soci::into(found);
  return found > 0;
}

}  // namespace

std::vector<StandardReply> SociStore::ListStandardReplies(long long bureau_id) {
  return Guard("listing standard replies", [&] {
    soci::session sql(*readers_);
    std::vector<StandardReply> replies;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kReplyColumns
                     << " FROM standard_replies WHERE bureau_id = :bureau ORDER BY title_key, "
                        "lang, id",
         soci::use(bureau_id));
    for (const auto& row : rows) replies.push_back(ReadReply(row));
    return replies;
  });
}

std::optional<StandardReply> SociStore::GetStandardReply(long long bureau_id, long long id) {
  return Guard("reading a standard reply", [&]() -> std::optional<StandardReply> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kReplyColumns
                     << " FROM standard_replies WHERE id = :id AND bureau_id = :bureau",
         soci::use(id), soci::use(bureau_id));
    for (const auto& row : rows) return ReadReply(row);
    return std::nullopt;
  });
}

ReplyWrite SociStore::AddStandardReply(const StandardReply& reply, long long now, long long* id) {
  const std::string key = ReplyTitleKey(reply.title);
  const std::string use(ReplyUseCode(reply.use));
  return Guard("adding a standard reply", [&] {
    ReplyWrite result = ReplyWrite::kDone;
    Write([&](soci::session& sql) {
      long long count = 0;
      sql << "SELECT COUNT(*) FROM standard_replies WHERE bureau_id = :bureau",
          soci::use(reply.bureau_id), soci::into(count);
      if (count >= kMaxStandardRepliesPerBureau) {
        result = ReplyWrite::kTooMany;
        return;
      }
      StandardReply fresh = reply;
      fresh.id = 0;
      if (TitleTaken(sql, fresh, key)) {
        result = ReplyWrite::kDuplicate;
        return;
      }
      long long new_id = 0;
      sql << "INSERT INTO standard_replies (bureau_id, title, title_key, lang, use_for, body, "
             "created_at, updated_at) VALUES (:bureau, :title, :key, :lang, :use, :body, :now, "
             ":now2) RETURNING id",
          soci::use(reply.bureau_id), soci::use(reply.title), soci::use(key), soci::use(reply.lang),
          soci::use(use), soci::use(reply.body), soci::use(now), soci::use(now), soci::into(new_id);
      if (id) *id = new_id;
    });
    return result;
  });
}

ReplyWrite SociStore::UpdateStandardReply(const StandardReply& reply, long long now) {
  const std::string key = ReplyTitleKey(reply.title);
  const std::string use(ReplyUseCode(reply.use));
  return Guard("changing a standard reply", [&] {
    ReplyWrite result = ReplyWrite::kDone;
    Write([&](soci::session& sql) {
      if (TitleTaken(sql, reply, key)) {
        result = ReplyWrite::kDuplicate;
        return;
      }
      soci::statement update =
          (sql.prepare << "UPDATE standard_replies SET title = :title, title_key = :key, lang = "
                          ":lang, use_for = :use, body = :body, updated_at = :now WHERE id = :id "
                          "AND bureau_id = :bureau",
           soci::use(reply.title), soci::use(key), soci::use(reply.lang), soci::use(use),
           soci::use(reply.body), soci::use(now), soci::use(reply.id), soci::use(reply.bureau_id));
      update.execute(true);
      if (update.get_affected_rows() == 0) result = ReplyWrite::kNotFound;
    });
    return result;
  });
}

ReplyWrite SociStore::SetStandardReplyRetired(long long bureau_id, long long id, bool retired,
                                              long long now) {
  return Guard("retiring a standard reply", [&] {
    ReplyWrite result = ReplyWrite::kDone;
    Write([&](soci::session& sql) {
      long long at = now;
      soci::indicator ind = retired ? soci::i_ok : soci::i_null;
      soci::statement update =
          (sql.prepare << "UPDATE standard_replies SET retired_at = :at, updated_at = :now WHERE "
                          "id = :id AND bureau_id = :bureau",
           soci::use(at, ind), soci::use(now), soci::use(id), soci::use(bureau_id));
      update.execute(true);
      if (update.get_affected_rows() == 0) result = ReplyWrite::kNotFound;
    });
    return result;
  });
}

std::string SociStore::ReporterLanguage(long long report_id) {
  return Guard("reading the reporter's language", [&] {
    soci::session sql(*readers_);
    std::string language;
    soci::indicator ind = soci::i_null;
    sql << "SELECT lang FROM mail_outbox WHERE report_id = :id ORDER BY id LIMIT 1",
        soci::use(report_id), soci::into(language, ind);
    if (!sql.got_data() || ind != soci::i_ok || language != "en") return std::string("nl");
    return language;
  });
}

}  // namespace meldpunt
