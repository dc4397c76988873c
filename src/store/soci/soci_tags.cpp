// A bureau's tags (labels) and the tags on its cases. Putting a tag on a case is a case change
// (soci_cases.cpp); this file manages the tags themselves and reads them.
#include <soci/soci.h>

#include "domain/cases/case_tag.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

CaseTag ReadTag(const soci::row& row) {
  CaseTag tag;
  tag.id = GetInteger(row, 0);
  tag.bureau_id = GetInteger(row, 1);
  tag.name = row.get<std::string>(2);
  if (row.get_indicator(3) == soci::i_ok) tag.retired_at = GetInteger(row, 3);
  return tag;
}

constexpr const char* kTagColumns = "t.id, t.bureau_id, t.name, t.retired_at";

// Whether another tag of the bureau has this name (compared by TagNameKey).
bool NameTaken(soci::session& sql, long long bureau_id, const std::string& key,
               long long except_id) {
  long long found = 0;
  sql << "SELECT COUNT(*) FROM bureau_tags WHERE bureau_id = :bureau AND name_key = :key AND "
         "id <> :id",
      soci::use(bureau_id), soci::use(key), soci::use(except_id), soci::into(found);
  return found > 0;
}

}  // namespace

std::vector<CaseTag> SociStore::ListTags(long long bureau_id, bool with_counts) {
  return Guard("listing tags", [&] {
    soci::session sql(*readers_);
    std::vector<CaseTag> tags;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kTagColumns
                     << " FROM bureau_tags t WHERE t.bureau_id = :bureau ORDER BY "
                        "CASE WHEN t.retired_at IS NULL THEN 0 ELSE 1 END, t.name_key, t.id",
         soci::use(bureau_id));
    for (const auto& row : rows) tags.push_back(ReadTag(row));
    if (!with_counts || tags.empty()) return tags;
    // One grouped read: every case of the bureau that carries one of its tags, through the
    // primary keys of case_tags and reports. A case handed over to another bureau keeps the row
    // but is no longer counted here.
    soci::rowset<soci::row> counts =
        (sql.prepare << "SELECT ct.tag_id, COUNT(*), SUM(CASE WHEN r.case_step IN ('closed', "
                        "'archived') THEN 0 ELSE 1 END) FROM bureau_tags t JOIN case_tags ct ON "
                        "ct.tag_id = t.id JOIN reports r ON r.id = ct.report_id WHERE "
                        "t.bureau_id = :bureau AND r.bureau_id = :bureau2 GROUP BY ct.tag_id",
         soci::use(bureau_id), soci::use(bureau_id));
    for (const auto& row : counts) {
      long long id = GetInteger(row, 0);
      for (auto& tag : tags) {
        if (tag.id != id) continue;
        tag.all_cases = GetInteger(row, 1);
        tag.open_cases = row.get_indicator(2) == soci::i_ok ? GetInteger(row, 2) : 0;
      }
    }
    return tags;
  });
}

std::optional<CaseTag> SociStore::GetTag(long long bureau_id, long long tag_id) {
  return Guard("reading a tag", [&]() -> std::optional<CaseTag> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kTagColumns
                     << " FROM bureau_tags t WHERE t.id = :id AND t.bureau_id = :bureau",
         soci::use(tag_id), soci::use(bureau_id));
    for (const auto& row : rows) return ReadTag(row);
    return std::nullopt;
  });
}

TagWrite SociStore::AddTag(long long bureau_id, const std::string& name, long long now,
                           long long* id) {
  const std::string key = TagNameKey(name);
  return Guard("adding a tag", [&] {
    TagWrite result = TagWrite::kDone;
    Write([&](soci::session& sql) {
      long long count = 0;
      sql << "SELECT COUNT(*) FROM bureau_tags WHERE bureau_id = :bureau", soci::use(bureau_id),
          soci::into(count);
      if (count >= kMaxTagsPerBureau) {
        result = TagWrite::kTooMany;
        return;
      }
      if (NameTaken(sql, bureau_id, key, 0)) {
        result = TagWrite::kDuplicate;
        return;
      }
      long long new_id = 0;
      sql << "INSERT INTO bureau_tags (bureau_id, name, name_key, created_at) VALUES (:bureau, "
             ":name, :key, :now) RETURNING id",
          soci::use(bureau_id), soci::use(name), soci::use(key), soci::use(now), soci::into(new_id);
      if (id) *id = new_id;
    });
    return result;
  });
}

TagWrite SociStore::RenameTag(long long bureau_id, long long tag_id, const std::string& name) {
  const std::string key = TagNameKey(name);
  return Guard("renaming a tag", [&] {
    TagWrite result = TagWrite::kDone;
    Write([&](soci::session& sql) {
      if (NameTaken(sql, bureau_id, key, tag_id)) {
        result = TagWrite::kDuplicate;
        return;
      }
      soci::statement update =
          (sql.prepare << "UPDATE bureau_tags SET name = :name, name_key = :key WHERE id = :id "
                          "AND bureau_id = :bureau",
           soci::use(name), soci::use(key), soci::use(tag_id), soci::use(bureau_id));
      update.execute(true);
      if (update.get_affected_rows() == 0) result = TagWrite::kNotFound;
    });
    return result;
  });
}

TagWrite SociStore::SetTagRetired(long long bureau_id, long long tag_id, bool retired,
                                  long long now) {
  return Guard("retiring a tag", [&] {
    TagWrite result = TagWrite::kDone;
    Write([&](soci::session& sql) {
      long long when = now;
      soci::indicator at = retired ? soci::i_ok : soci::i_null;
      soci::statement update =
          (sql.prepare << "UPDATE bureau_tags SET retired_at = :at WHERE id = :id AND "
                          "bureau_id = :bureau",
           soci::use(when, at), soci::use(tag_id), soci::use(bureau_id));
      update.execute(true);
      if (update.get_affected_rows() == 0) result = TagWrite::kNotFound;
    });
    return result;
  });
}

std::vector<CaseTag> SociStore::ListCaseTags(long long bureau_id, long long report_id) {
  return Guard("reading a case's tags", [&] {
    soci::session sql(*readers_);
    std::vector<CaseTag> tags;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kTagColumns
                     << " FROM case_tags ct JOIN bureau_tags t ON t.id = ct.tag_id WHERE "
                        "ct.report_id = :report AND t.bureau_id = :bureau ORDER BY t.name_key",
         soci::use(report_id), soci::use(bureau_id));
    for (const auto& row : rows) tags.push_back(ReadTag(row));
    return tags;
  });
}

std::map<long long, std::vector<CaseTag>> SociStore::ListTagsOfCases(
    long long bureau_id, const std::vector<long long>& report_ids) {
  std::map<long long, std::vector<CaseTag>> tags;
  if (report_ids.empty()) return tags;
  if (report_ids.size() > kMaxTagLookup) throw StoreError("too many cases for one tag lookup");
  // The ids are numbers from the store, written into the statement: one statement per page size,
  // read through the primary key (report_id, tag_id).
  std::string list;
  for (long long id : report_ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
  return Guard("reading the tags of a page of cases", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kTagColumns
                     << ", ct.report_id FROM case_tags ct JOIN bureau_tags t ON t.id = ct.tag_id "
                        "WHERE ct.report_id IN ("
                     << list << ") AND t.bureau_id = :bureau ORDER BY ct.report_id, t.name_key",
         soci::use(bureau_id));
    for (const auto& row : rows) tags[GetInteger(row, 4)].push_back(ReadTag(row));
    return tags;
  });
}

}  // namespace meldpunt
