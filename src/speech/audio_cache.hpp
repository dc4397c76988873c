#pragma once
// Caches of generated audio for the public text of pages, bounded in bytes: a least-recently-used
// cache in memory and a folder on disk whose oldest files go first. Only public page text is ever
// put here (keys name page, section, language, voice and text version); text a reporter typed is
// never cached.
#include <cstddef>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace meldpunt::speech {

using AudioBytes = std::shared_ptr<const std::string>;

class MemoryAudioCache {
 public:
  explicit MemoryAudioCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  AudioBytes Get(const std::string& key);
  // Keeps the value unless it alone is larger than the bound; evicts the least recently used.
  void Put(const std::string& key, AudioBytes value);
  void Clear();
  size_t Bytes() const;
  size_t Count() const;

 private:
  using Entry = std::pair<std::string, AudioBytes>;
  mutable std::mutex mutex_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::list<Entry> order_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

class DiskAudioCache {
 public:
  // Creates the folder when missing. max_bytes 0: no disk cache.
  DiskAudioCache(std::filesystem::path folder, size_t max_bytes);
  std::optional<std::string> Get(const std::string& key) const;
  // Writes atomically (a temporary file renamed into place), then removes the oldest files while
  // the folder holds more than the bound. Errors are ignored: the cache is only a cache.
  void Put(const std::string& key, const std::string& value);
  size_t Bytes() const;
  void Clear();
  const std::filesystem::path& Folder() const { return folder_; }

 private:
  std::filesystem::path PathOf(const std::string& key) const;
  void Trim();
  std::filesystem::path folder_;
  size_t max_bytes_;
  mutable std::mutex mutex_;
  size_t bytes_ = 0;  // what the folder held after the last scan plus what was written since
};

}  // namespace meldpunt::speech
