#include "speech/audio_cache.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

namespace meldpunt::speech {

namespace fs = std::filesystem;

AudioBytes MemoryAudioCache::Get(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) return nullptr;
  order_.splice(order_.begin(), order_, found->second);
  return found->second->second;
}

void MemoryAudioCache::Put(const std::string& key, AudioBytes value) {
  if (!value || value->size() > max_bytes_) return;
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found != index_.end()) {
    bytes_ -= found->second->second->size();
    order_.erase(found->second);
    index_.erase(found);
  }
  bytes_ += value->size();
  order_.emplace_front(key, std::move(value));
  index_[key] = order_.begin();
  while (bytes_ > max_bytes_ && !order_.empty()) {
    bytes_ -= order_.back().second->size();
    index_.erase(order_.back().first);
    order_.pop_back();
  }
}

void MemoryAudioCache::Clear() {
  std::lock_guard lock(mutex_);
  order_.clear();
  index_.clear();
  bytes_ = 0;
}

size_t MemoryAudioCache::Bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

size_t MemoryAudioCache::Count() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

namespace {

// FNV-1a, 64 bits, as hex: a stable file name for a key (keys are not secret: public text).
std::string HexHash(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<size_t>(i)] = kHex[hash & 15];
  return out;
}

}  // namespace

DiskAudioCache::DiskAudioCache(fs::path folder, size_t max_bytes)
    : folder_(std::move(folder)), max_bytes_(max_bytes) {
  if (max_bytes_ == 0) return;
  std::error_code ec;
  fs::create_directories(folder_, ec);
  Trim();
}

fs::path DiskAudioCache::PathOf(const std::string& key) const {
  return folder_ / (HexHash(key) + ".opus");
}

std::optional<std::string> DiskAudioCache::Get(const std::string& key) const {
  if (max_bytes_ == 0) return std::nullopt;
  std::ifstream in(PathOf(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  // The key is stored in the first line, so a hash collision is never served.
  size_t newline = text.find('\n');
  if (newline == std::string::npos || text.compare(0, newline, key) != 0) return std::nullopt;
  return text.substr(newline + 1);
}

void DiskAudioCache::Put(const std::string& key, const std::string& value) {
  if (max_bytes_ == 0 || value.size() + key.size() + 1 > max_bytes_) return;
  static std::atomic<unsigned> counter{0};
  fs::path target = PathOf(key);
  fs::path temporary = target;
  temporary += ".tmp" + std::to_string(counter++) + "-" +
               std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out << key << '\n' << value;
    if (!out.flush()) {
      std::error_code ec;
      fs::remove(temporary, ec);
      return;
    }
  }
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return;
  }
  bool over = false;
  {
    std::lock_guard lock(mutex_);
    bytes_ += value.size() + key.size() + 1;
    over = bytes_ > max_bytes_;
  }
  if (over) Trim();
}

void DiskAudioCache::Trim() {
  std::lock_guard lock(mutex_);
  struct File {
    fs::path path;
    fs::file_time_type time;
    size_t size;
  };
  std::vector<File> files;
  size_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_, ec)) {
    std::error_code e;
    if (!entry.is_regular_file(e)) continue;
    size_t size = static_cast<size_t>(entry.file_size(e));
    if (e) continue;
    files.push_back({entry.path(), entry.last_write_time(e), size});
    total += size;
  }
  // Down to 90% of the bound, so a full cache does not scan the folder on every write.
  size_t goal = total > max_bytes_ ? max_bytes_ / 10 * 9 : total;
  std::sort(files.begin(), files.end(),
            [](const File& a, const File& b) { return a.time < b.time; });
  for (const auto& file : files) {
    if (total <= goal) break;
    std::error_code e;
    if (fs::remove(file.path, e)) total -= file.size;
  }
  bytes_ = total;
}

size_t DiskAudioCache::Bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void DiskAudioCache::Clear() {
  std::lock_guard lock(mutex_);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_, ec)) {
    std::error_code e;
    fs::remove(entry.path(), e);
  }
  bytes_ = 0;
}

}  // namespace meldpunt::speech
