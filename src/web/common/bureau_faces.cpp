#include "web/common/bureau_faces.hpp"

namespace meldpunt::web {

const BureauFace* BureauFaceSet::Find(long long bureau_id) const {
  for (const auto& face : bureaus) {
    if (face.id == bureau_id) return &face;
  }
  return nullptr;
}

const BureauFace* BureauFaceSet::For(std::optional<long long> bureau_id) const {
  if (bureau_id) {
    if (const BureauFace* face = Find(*bureau_id)) return face;
  }
  return bureaus.size() == 1 ? &bureaus.front() : nullptr;
}

bool BureauFaces::Reload(BureauStore& store) {
  // Read under the lock too: a slower read that began before a faster one must not put back
  // what the faster one replaced.
  std::lock_guard lock(reloading_);
  auto set = std::make_shared<BureauFaceSet>();
  set->bureaus = store.ListBureauFaces();
  if (reloads_ > 0 && set->bureaus == current_.load()->bureaus) return false;
  set->version = ++reloads_;
  current_.store(std::move(set));
  return true;
}

std::shared_ptr<const BureauFaceSet> BureauFaces::Current() const { return current_.load(); }

}  // namespace meldpunt::web
