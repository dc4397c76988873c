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

void BureauFaces::Reload(BureauStore& store) {
  auto set = std::make_shared<BureauFaceSet>();
  set->bureaus = store.ListBureauFaces();
  set->version = ++reloads_;
  current_.store(std::move(set));
}

std::shared_ptr<const BureauFaceSet> BureauFaces::Current() const { return current_.load(); }

}  // namespace meldpunt::web
