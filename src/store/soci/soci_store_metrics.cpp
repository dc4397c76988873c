// What the store tells /metrics (issue 17; store/store_metrics.hpp).
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"
#include "store/soci/write_queue.hpp"

namespace meldpunt {

using soci_util::Guard;

StoreStats SociStore::Stats() {
  StoreStats stats;
  if (writer_) {
    stats.write_queue_depth = writer_->Pending();
    stats.group_commit_size = writer_->BatchSizes();
  }
  stats.pool_size = readers_->size();
  stats.pool_waits = readers_->Waits();
  stats.reports_by_channel = registered_by_channel_.Read();
  stats.mail_given_up = mail_given_up_.Value();
  return stats;
}

OutboxBacklog SociStore::CountOutboxBacklog() {
  return Guard("counting the outbox backlog", [&] {
    soci::session sql(*readers_);
    OutboxBacklog backlog;
    // Both read the partial index mail_outbox_due (migration 5), which holds the pending rows
    // only: the sent and given-up e-mails of years are never scanned.
    sql << "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        soci::into(backlog.pending);
    long long oldest = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MIN(created_at) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        soci::into(oldest, ind);
    if (ind == soci::i_ok) backlog.oldest_pending_at = oldest;
    return backlog;
  });
}

}  // namespace meldpunt
