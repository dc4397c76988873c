#pragma once
// The bureaus' faces as the public pages show them (issue 15): read from the store at start and
// after each change, held in memory, and read from any thread without a lock-step with the store.
// The public pages that run on the I/O thread (home, form, confirmation) may not wait for the
// database; a few bureaus' profiles and logos fit in memory many times over.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/bureau_store.hpp"

namespace meldpunt::web {

struct BureauFaceSet {
  std::vector<BureauFace> bureaus;  // by id
  long long version = 0;            // changes with every Reload
  // The bureau with this id; null when there is none.
  const BureauFace* Find(long long bureau_id) const;
  // The face a page shows: the report's bureau when known, else the only bureau of an
  // installation with one; null for the neutral national face.
  const BureauFace* For(std::optional<long long> bureau_id) const;
};

class BureauFaces {
 public:
  // Reads every bureau's face; call at start and after a profile or logo was saved. May block.
  void Reload(BureauStore& store);
  // The current set; never null (empty before the first Reload).
  std::shared_ptr<const BureauFaceSet> Current() const;

 private:
  std::atomic<std::shared_ptr<const BureauFaceSet>> current_{
      std::make_shared<const BureauFaceSet>()};
  std::atomic<long long> reloads_{0};
};

}  // namespace meldpunt::web
