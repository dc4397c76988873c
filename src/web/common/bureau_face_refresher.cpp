#include "web/common/bureau_face_refresher.hpp"

#include <exception>

#include "base/log.hpp"

namespace meldpunt::web {

BureauFaceRefresher::BureauFaceRefresher(BureauFaces& faces, BureauStore& store,
                                         std::chrono::milliseconds interval)
    : faces_(faces),
      store_(store),
      interval_(interval),
      thread_([this](std::stop_token stop) { Loop(stop); }) {}

BureauFaceRefresher::~BureauFaceRefresher() {
  thread_.request_stop();
  thread_.join();
}

void BureauFaceRefresher::Loop(std::stop_token stop) {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, stop, interval_, [] { return false; }) || stop.stop_requested()) {
        return;
      }
    }
    try {
      if (faces_.Reload(store_)) log::Info("bureau faces changed elsewhere; reloaded");
    } catch (const std::exception& e) {
      // The database may be away for a moment; the faces in memory stay as they were.
      log::Error("reading the bureau faces failed", {{"error", e.what()}});
    }
  }
}

}  // namespace meldpunt::web
