#include "web/common/language_registry.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace meldpunt::web {
namespace {

constexpr size_t kMaxMoBytes = 16 * 1024 * 1024;
constexpr size_t kMaxHeaderField = 200;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool ValidCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 12) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '-'; });
}

uint32_t ReadWord(const std::string& data, size_t offset, bool swap) {
  if (offset + 4 > data.size()) throw std::runtime_error("truncated catalog");
  uint32_t word;
  std::memcpy(&word, data.data() + offset, 4);
  if (swap) word = __builtin_bswap32(word);
  return word;
}

std::string_view ReadString(const std::string& data, uint32_t table, uint32_t i, bool swap) {
  uint32_t length = ReadWord(data, table + 8 * i, swap);
  uint32_t offset = ReadWord(data, table + 8 * i + 4, swap);
  if (size_t{offset} + length > data.size()) throw std::runtime_error("truncated catalog");
  return std::string_view(data).substr(offset, length);
}

LanguageInfo Builtin(const char* code, const char* name) {
  LanguageInfo info;
  info.code = code;
  info.native_name = name;
  info.staff = true;
  return info;
}

std::mutex install_mutex;
std::atomic<const LanguageRegistry*> installed{nullptr};

}  // namespace

LanguageInfo ParseCatalogHeader(std::string_view header) {
  LanguageInfo info;
  while (!header.empty()) {
    size_t end = header.find('\n');
    std::string_view line = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, colon));
    std::string value(Trim(line.substr(colon + 1)).substr(0, kMaxHeaderField));
    if (name == "Language") info.code = value;
    if (name == "X-Native-Name") info.native_name = value;
    if (name == "X-Direction") info.right_to_left = value == "rtl";
    if (name == "X-Staff-Language") info.staff = value == "yes";
    if (name == "X-Reviewed-By") info.reviewed_by = value;
    if (name == "X-Reviewed-On") info.reviewed_on = value;
  }
  return info;
}

std::set<std::string> ReadPublicMessageIds(const std::string& path) {
  std::set<std::string> ids;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line) && ids.size() < 100000;) {
    if (line.empty()) continue;
    std::string id;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '\\' || i + 1 == line.size()) {
        id += line[i];
        continue;
      }
      char next = line[++i];
      id += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    }
    ids.insert(std::move(id));
  }
  return ids;
}

MoSummary ReadMoSummary(const std::string& path, const std::set<std::string>& public_ids) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  // Sized by the file, not by the limit: a buffer of the limit (16 MiB, zero-filled) per catalog
  // was the peak of the process's memory at start (issue 16, docs/benchmarks.md).
  std::error_code error;
  uintmax_t file_size = std::filesystem::file_size(path, error);
  if (error) throw std::runtime_error("cannot read " + path);
  if (file_size > kMaxMoBytes) throw std::runtime_error(path + " is too large");
  std::string data;
  data.resize(static_cast<size_t>(file_size));
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<size_t>(in.gcount()));
  uint32_t magic = ReadWord(data, 0, false);
  bool swap = magic == 0xde120495;
  if (!swap && magic != 0x950412de) throw std::runtime_error(path + " is not a .mo catalog");
  uint32_t count = ReadWord(data, 8, swap);
  uint32_t originals = ReadWord(data, 12, swap);
  uint32_t translations = ReadWord(data, 16, swap);
  MoSummary summary;
  for (uint32_t i = 0; i < count; ++i) {
    std::string_view original = ReadString(data, originals, i, swap);
    std::string_view translation = ReadString(data, translations, i, swap);
    if (original.empty()) {
      summary.header = std::string(translation);
    } else if (!translation.empty()) {
      ++summary.translated;
      // A message with plural forms holds its two ids joined by a NUL; the first is the id.
      std::string id(original.substr(0, original.find('\0')));
      if (public_ids.contains(id)) ++summary.public_translated;
    }
  }
  return summary;
}

LanguageRegistry::LanguageRegistry()
    : infos_{Builtin("nl", "Nederlands"), Builtin("en", "English")} {}

LanguageRegistry LanguageRegistry::FromCatalogs(const std::string& mo_dir) {
  std::vector<LanguageInfo> found;
  std::set<std::string> public_ids = ReadPublicMessageIds(mo_dir + "/public-msgids.txt");
  for (const auto& entry : std::filesystem::directory_iterator(mo_dir)) {
    auto mo = entry.path() / "LC_MESSAGES" / "meldpunt.mo";
    if (!entry.is_directory() || !std::filesystem::exists(mo)) continue;
    MoSummary summary = ReadMoSummary(mo.string(), public_ids);
    LanguageInfo info = ParseCatalogHeader(summary.header);
    std::string folder = entry.path().filename().string();
    if (info.code != folder || !ValidCode(info.code)) {
      throw std::runtime_error(mo.string() + ": the header's Language (" + info.code +
                               ") must be the folder's name");
    }
    if (info.native_name.empty()) info.native_name = info.code;
    info.translated = summary.translated;
    info.public_translated = summary.public_translated;
    found.push_back(std::move(info));
    if (found.size() > kMaxLanguages) throw std::runtime_error("too many catalogs in " + mo_dir);
  }
  auto rank = [](const LanguageInfo& info) {
    return info.code == "nl" ? 0 : info.code == "en" ? 1 : 2;
  };
  std::sort(found.begin(), found.end(), [&](const LanguageInfo& a, const LanguageInfo& b) {
    return std::pair(rank(a), a.code) < std::pair(rank(b), b.code);
  });
  if (found.size() < 2 || found[0].code != "nl" || found[1].code != "en") {
    throw std::runtime_error("the Dutch and English catalogs (nl, en) are missing in " + mo_dir);
  }
  LanguageRegistry registry;
  registry.infos_ = std::move(found);
  registry.public_messages_ = public_ids.size();
  return registry;
}

const LanguageInfo& LanguageRegistry::Info(Lang lang) const {
  return lang.index() < infos_.size() ? infos_[lang.index()] : infos_[0];
}

std::vector<Lang> LanguageRegistry::All() const {
  std::vector<Lang> all;
  for (size_t i = 0; i < infos_.size(); ++i) all.emplace_back(static_cast<uint8_t>(i));
  return all;
}

std::vector<Lang> LanguageRegistry::Staff() const {
  std::vector<Lang> staff;
  for (Lang lang : All()) {
    if (Info(lang).staff) staff.push_back(lang);
  }
  return staff;
}

std::optional<Lang> LanguageRegistry::Find(std::string_view code) const {
  for (size_t i = 0; i < infos_.size(); ++i) {
    if (infos_[i].code == code) return Lang(static_cast<uint8_t>(i));
  }
  return std::nullopt;
}

const LanguageRegistry& Languages() {
  static const LanguageRegistry builtin;
  const LanguageRegistry* current = installed.load(std::memory_order_acquire);
  return current ? *current : builtin;
}

void InstallLanguages(LanguageRegistry registry) {
  std::lock_guard lock(install_mutex);
  const LanguageRegistry* current = installed.load(std::memory_order_acquire);
  auto same = [&](const LanguageRegistry& other) {
    if (other.size() != registry.size()) return false;
    for (size_t i = 0; i < other.size(); ++i) {
      if (other.infos()[i].code != registry.infos()[i].code) return false;
    }
    return true;
  };
  if (current && same(*current)) return;
  // Never freed: a reader may hold a reference; a process installs once (tests a few times).
  installed.store(new LanguageRegistry(std::move(registry)), std::memory_order_release);
}

Lang StaffLang(Lang lang) { return Languages().Info(lang).staff ? lang : Lang::kEn; }

}  // namespace meldpunt::web
