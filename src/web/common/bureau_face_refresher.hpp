#pragma once
// Keeps the bureaus' faces in memory in step with changes made by another process (issue 15): a
// bureau or working area added with the command line, or a profile saved on another node. A
// background thread reads the faces every interval; a page shows a change within that time.
// Changes made in this process reload at once (the saving handler calls BureauFaces::Reload).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/bureau_store.hpp"
#include "web/common/bureau_faces.hpp"

namespace meldpunt::web {

class BureauFaceRefresher {
 public:
  BureauFaceRefresher(BureauFaces& faces, BureauStore& store, std::chrono::milliseconds interval);
  ~BureauFaceRefresher();  // stops the thread, waiting for a read in progress
  BureauFaceRefresher(const BureauFaceRefresher&) = delete;
  BureauFaceRefresher& operator=(const BureauFaceRefresher&) = delete;

 private:
  void Loop(std::stop_token stop);

  BureauFaces& faces_;
  BureauStore& store_;
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts after the members it uses
};

}  // namespace meldpunt::web
