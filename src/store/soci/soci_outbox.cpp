// The SociStore's part for the mail outbox (table mail_outbox, migration 5).
#include <soci/soci.h>

#include "store/soci/report_columns.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::Guard;

using report_columns::kRecipientAd;
// Candidates looked at per claim: when another server took the first, the next one is tried.
constexpr int kClaimCandidates = 8;
constexpr size_t kMaxErrorChars = 500;

std::string ShortError(const std::string& error) { return error.substr(0, kMaxErrorChars); }

}  // namespace

bool SociStore::EnqueueReporterMail(long long report_id, MailKind kind, const std::string& lang,
                                    long long now) {
  return Guard("queuing an e-mail", [&] {
    auto email = ReporterEmail(report_id);
    if (!email) return false;
    std::string language = lang;
    if (language.empty()) {
      // The language the report was made in (issue 15); for a report from before that, the
      // language of the e-mails the reporter got before.
      soci::session sql(*readers_);
      soci::indicator ind = soci::i_null;
      sql << "SELECT site_language FROM reports WHERE id = :id", soci::use(report_id),
          soci::into(language, ind);
      if (!sql.got_data() || ind != soci::i_ok) {
        language.clear();
        ind = soci::i_null;
        sql << "SELECT lang FROM mail_outbox WHERE report_id = :id ORDER BY id LIMIT 1",
            soci::use(report_id), soci::into(language, ind);
      }
      if (!sql.got_data() || ind != soci::i_ok || language.empty()) language = "nl";
    }
    std::string kind_name(MailKindName(kind));
    std::string recipient_enc = cipher().Seal(*email, kRecipientAd);
    Write([&](soci::session& sql) {
      // A second confirmation for the same report meets the unique index and is not inserted.
      sql << "INSERT INTO mail_outbox (created_at, kind, lang, recipient_enc, report_id, "
             "next_attempt_at) VALUES (:at, :kind, :lang, :to, :report, :next) "
             "ON CONFLICT DO NOTHING",
          soci::use(now), soci::use(kind_name), soci::use(language), soci::use(recipient_enc),
          soci::use(report_id), soci::use(now);
    });
    return true;
  });
}

std::optional<OutboxMail> SociStore::ClaimDueMail(long long now, long long lease_until) {
  return Guard("claiming an e-mail", [&]() -> std::optional<OutboxMail> {
    // Looking first with a reader keeps an idle outbox from queuing empty writes.
    std::vector<long long> candidates(kClaimCandidates);
    {
      soci::session sql(*readers_);
      std::string query =
          "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL "
          "AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now2) "
          "ORDER BY next_attempt_at, id LIMIT " +
          std::to_string(kClaimCandidates);
      sql << query, soci::use(now), soci::use(now), soci::into(candidates);
    }
    if (candidates.empty()) return std::nullopt;
    std::optional<OutboxMail> claimed;
    std::string recipient_enc;
    Write([&](soci::session& sql) {
      for (long long id : candidates) {
        // Only one server's update finds the row unclaimed: on PostgreSQL a concurrent update
        // waits for the other's commit and then sees its lease.
        soci::statement claim =
            (sql.prepare << "UPDATE mail_outbox SET lease_until = :lease, attempts = attempts + 1 "
                            "WHERE id = :id AND sent_at IS NULL AND failed_at IS NULL "
                            "AND (lease_until IS NULL OR lease_until < :now)",
             soci::use(lease_until), soci::use(id), soci::use(now));
        claim.execute(true);
        if (claim.get_affected_rows() != 1) continue;
        OutboxMail mail;
        mail.id = id;
        std::string kind;
        soci::indicator recipient_ind = soci::i_null;
        sql << "SELECT o.kind, o.lang, o.recipient_enc, o.created_at, o.attempts, "
               "COALESCE(r.bureau_id, 0) FROM mail_outbox o LEFT JOIN reports r ON r.id = "
               "o.report_id WHERE o.id = :id",
            soci::use(id), soci::into(kind), soci::into(mail.lang),
            soci::into(recipient_enc, recipient_ind), soci::into(mail.created_at),
            soci::into(mail.attempts), soci::into(mail.bureau_id);
        if (recipient_ind != soci::i_ok) recipient_enc.clear();
        mail.kind = ParseMailKind(kind).value_or(MailKind::kConfirmation);
        claimed = std::move(mail);
        return;
      }
    });
    // Decrypted after the write, so the single writer does only database work. An address that
    // cannot be decrypted comes back empty, and the sender gives the e-mail up.
    if (claimed && !recipient_enc.empty()) {
      auto recipient = cipher().Open(recipient_enc, kRecipientAd);
      if (recipient) claimed->recipient = std::move(*recipient);
    }
    return claimed;
  });
}

void SociStore::MarkMailSent(long long id, long long now) {
  Guard("marking an e-mail sent", [&] {
    Write([&](soci::session& sql) {
      sql << "UPDATE mail_outbox SET sent_at = :now, recipient_enc = NULL, lease_until = NULL, "
             "last_error = NULL WHERE id = :id",
          soci::use(now), soci::use(id);
    });
  });
}

void SociStore::MarkMailFailed(long long id, long long now, const std::string& error) {
  std::string text = ShortError(error);
  Guard("giving up an e-mail", [&] {
    Write([&](soci::session& sql) {
      sql << "UPDATE mail_outbox SET failed_at = :now, recipient_enc = NULL, lease_until = NULL, "
             "last_error = :error WHERE id = :id",
          soci::use(now), soci::use(text), soci::use(id);
    });
  });
  mail_given_up_.Add();
}

void SociStore::RetryMail(long long id, long long next_attempt_at, const std::string& error) {
  std::string text = ShortError(error);
  Guard("scheduling an e-mail again", [&] {
    Write([&](soci::session& sql) {
      sql << "UPDATE mail_outbox SET next_attempt_at = :next, lease_until = NULL, "
             "last_error = :error WHERE id = :id",
          soci::use(next_attempt_at), soci::use(text), soci::use(id);
    });
  });
}

OutboxCounts SociStore::CountOutbox() {
  return Guard("counting the outbox", [&] {
    OutboxCounts counts;
    // The pending part as /metrics reads it (soci_store_metrics.cpp): one place for that rule.
    OutboxBacklog backlog = CountOutboxBacklog();
    counts.pending = backlog.pending;
    counts.oldest_pending_at = backlog.oldest_pending_at;
    soci::session sql(*readers_);
    sql << "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL", soci::into(counts.sent);
    sql << "SELECT COUNT(*) FROM mail_outbox WHERE failed_at IS NOT NULL",
        soci::into(counts.failed);
    return counts;
  });
}

}  // namespace meldpunt
