// Code lists: the codes an administrator added to the built-in lists, in versions.
#include <soci/soci.h>

#include "domain/reports/classification.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

std::string CurrentVersion(soci::session& sql) {
  std::string version;
  sql << "SELECT version FROM code_list_versions ORDER BY id DESC LIMIT 1", soci::into(version);
  return sql.got_data() ? version : std::string(kCodeListVersion);
}

}  // namespace

CodeLists SociStore::LoadCodeLists() {
  return Guard("reading the code lists", [&] {
    soci::session sql(*readers_);
    std::string version = CurrentVersion(sql);
    std::vector<AddedCode> added;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT list_name, code, label_nl, label_en, added_in, retired_in FROM "
                        "code_list_codes ORDER BY added_in, code");
    for (const auto& row : rows) {
      auto list = ParseCodeList(row.get<std::string>(0));
      if (!list) continue;
      AddedCode code{*list,
                     row.get<std::string>(1),
                     row.get<std::string>(2),
                     row.get<std::string>(3),
                     row.get<std::string>(4),
                     row.get_indicator(5) == soci::i_ok ? row.get<std::string>(5) : ""};
      added.push_back(std::move(code));
    }
    return CodeLists(std::move(version), std::move(added));
  });
}

std::optional<std::string> SociStore::ChangeCodeLists(const CodeListEdit& edit,
                                                      long long staff_user_id, long long now,
                                                      int year) {
  std::string list(CodeListCode(edit.code.list));
  return Guard("changing the code lists", [&] {
    std::optional<std::string> made;
    Write([&](soci::session& sql) {
      long long existing = 0;
      sql << "SELECT COUNT(*) FROM code_list_codes WHERE list_name = :list AND code = :code",
          soci::use(list), soci::use(edit.code.code), soci::into(existing);
      bool add = edit.kind == CodeListEdit::Kind::kAdd;
      if (add && (existing > 0 || IsCode(BuiltInCodes(edit.code.list), edit.code.code))) return;
      if (!add) {
        long long active = 0;
        sql << "SELECT COUNT(*) FROM code_list_codes WHERE list_name = :list AND code = :code "
               "AND retired_in IS NULL",
            soci::use(list), soci::use(edit.code.code), soci::into(active);
        if (active == 0) return;
      }
      std::string version = NextCodeListVersion(CurrentVersion(sql), year);
      std::string note = std::string(add ? "added " : "retired ") + list + " " + edit.code.code;
      sql << "INSERT INTO code_list_versions (version, created_at, created_by, note) VALUES "
             "(:version, :now, :user, :note)",
          soci::use(version), soci::use(now), soci::use(staff_user_id), soci::use(note);
      if (add) {
        sql << "INSERT INTO code_list_codes (list_name, code, label_nl, label_en, added_in) "
               "VALUES (:list, :code, :nl, :en, :version)",
            soci::use(list), soci::use(edit.code.code), soci::use(edit.code.label_nl),
            soci::use(edit.code.label_en), soci::use(version);
      } else {
        sql << "UPDATE code_list_codes SET retired_in = :version WHERE list_name = :list AND "
               "code = :code",
            soci::use(version), soci::use(list), soci::use(edit.code.code);
      }
      made = version;
    });
    return made;
  });
}

}  // namespace meldpunt
