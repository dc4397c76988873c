#pragma once
// The bureaus' faces as the public pages show them (issue 15): read from the store at start,
// after each change made in this process, and every minute for changes made by another process
// (BureauFaceRefresher); held in memory, and read from any thread without a lock-step with the
// store.
// The public pages that run on the I/O thread (home, form, confirmation) may not wait for the
// database; a few bureaus' profiles and logos fit in memory many times over.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/bureau_store.hpp"

namespace meldpunt::web {

struct BureauFaceSet {
  std::vector<BureauFace> bureaus;  // by id
  long long version = 0;            // changes with every Reload that found a change
  // The bureau with this id; null when there is none.
  const BureauFace* Find(long long bureau_id) const;
  // The face a page shows: the report's bureau when known, else the only bureau of an
  // installation with one; null for the neutral national face.
  const BureauFace* For(std::optional<long long> bureau_id) const;
};

class BureauFaces {
 public:
  // Reads every bureau's face; call at start and after a profile or logo was saved. May block.
  // Returns whether anything changed; the set and its version stay as they were when not.
  bool Reload(BureauStore& store);
  // The current set; never null (empty before the first Reload).
  std::shared_ptr<const BureauFaceSet> Current() const;

 private:
  std::atomic<std::shared_ptr<const BureauFaceSet>> current_{
      std::make_shared<const BureauFaceSet>()};
  std::mutex reloading_;  // one Reload reads, compares and swaps at a time
  long long reloads_ = 0;
};

}  // namespace meldpunt::web
