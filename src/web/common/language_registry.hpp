#pragma once
// The languages of the site, read from the catalogs present (issue 15: "a bureau adds a language
// by adding a catalog; nothing else changes"). Each catalog's header says how to show it:
//   Language: tr                      the code, also the folder name
//   X-Native-Name: Türkçe             the name of the language in itself (the picker)
//   X-Direction: ltr|rtl              writing direction (<html dir>)
//   X-Staff-Language: yes|no          whether staff pages may use it (absent = no)
//   X-Reviewed-By: / X-Reviewed-On:   who checked the translation and when (empty = not reviewed)
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt::web {

// A language of the site: an index into the registry. Dutch is 0 and English 1 in every
// registry, so code that knows only those two may name them.
class Lang {
 public:
  static const Lang kNl;
  static const Lang kEn;
  constexpr Lang() = default;
  constexpr explicit Lang(uint8_t index) : index_(index) {}
  constexpr size_t index() const { return index_; }
  friend constexpr bool operator==(Lang, Lang) = default;

 private:
  uint8_t index_ = 0;
};
inline constexpr Lang Lang::kNl{0};
inline constexpr Lang Lang::kEn{1};

// The most catalogs read; a folder with more is a mistake, not a site.
inline constexpr size_t kMaxLanguages = 40;

struct LanguageInfo {
  std::string code;         // "tr": the catalog's Language header (and folder)
  std::string native_name;  // "Türkçe"
  bool right_to_left = false;
  bool staff = false;            // staff pages may use it (nl, en)
  std::string reviewed_by;       // empty: not reviewed
  std::string reviewed_on;       // as written in the header, e.g. 2026-12-01
  size_t translated = 0;         // messages with a translation in the catalog
  size_t public_translated = 0;  // of the public messages (public-msgids.txt), how many
};

// The header fields of a catalog, from the text of its empty msgid.
LanguageInfo ParseCatalogHeader(std::string_view header);

// The header and number of translated messages of a compiled catalog (.mo); throws
// std::runtime_error on a file that is not one.
struct MoSummary {
  std::string header;
  size_t translated = 0;
  size_t public_translated = 0;  // translated messages that are in `public_ids`
};
MoSummary ReadMoSummary(const std::string& path, const std::set<std::string>& public_ids = {});

// The message ids of the public side, one a line with C escapes (public-msgids.txt, written by
// scripts/update-messages and copied beside the compiled catalogs); empty when there is none.
std::set<std::string> ReadPublicMessageIds(const std::string& path);

class LanguageRegistry {
 public:
  LanguageRegistry();  // Dutch and English only, without catalog metadata (for tools and tests)
  // Every <mo_dir>/<code>/LC_MESSAGES/meldpunt.mo (and <mo_dir>/public-msgids.txt for the
  // counts of public messages): Dutch first, English second, then the others
  // by code. Throws std::runtime_error when Dutch or English is missing or a header is wrong.
  static LanguageRegistry FromCatalogs(const std::string& mo_dir);

  const std::vector<LanguageInfo>& infos() const { return infos_; }
  const LanguageInfo& Info(Lang lang) const;
  std::vector<Lang> All() const;
  std::vector<Lang> Staff() const;
  std::optional<Lang> Find(std::string_view code) const;
  size_t size() const { return infos_.size(); }
  // How many messages the public side has (0 when the list was not found).
  size_t public_messages() const { return public_messages_; }

 private:
  std::vector<LanguageInfo> infos_;
  size_t public_messages_ = 0;
};

// The process's languages: installed once at start (by Translator, before any request), read-only
// after. Before that, Dutch and English.
const LanguageRegistry& Languages();
void InstallLanguages(LanguageRegistry registry);

// A staff language for staff-only output (staff pages, letters, figures files): the language
// itself when staff may use it, else English (a visitor who chose Turkish more likely reads
// English than Dutch).
Lang StaffLang(Lang lang);

}  // namespace meldpunt::web
