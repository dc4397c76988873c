// The SOCI store's part for following reports up: receipts, status, the message thread with the
// reporter and the reporter's short sessions.
#include <soci/soci.h>

#include "store/soci/report_columns.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

using report_columns::kMessageAd;

}  // namespace

std::optional<long long> SociStore::FindReportByReceipt(const std::string& receipt_hash) {
  return Guard("looking up a receipt", [&]() -> std::optional<long long> {
    soci::session sql(*readers_);
    long long id = 0;
    sql << "SELECT report_id FROM report_receipts WHERE receipt_hash = :hash",
        soci::use(receipt_hash), soci::into(id);
    if (!sql.got_data()) return std::nullopt;
    return id;
  });
}

bool SociStore::UpgradeReceiptHash(const std::string& old_hash, const std::string& new_hash) {
  return Guard("upgrading a receipt hash", [&] {
    bool upgraded = false;
    Write([&](soci::session& sql) {
      soci::statement update =
          (sql.prepare
               << "UPDATE report_receipts SET receipt_hash = :new WHERE receipt_hash = :old",
           soci::use(new_hash), soci::use(old_hash));
      update.execute(true);
      upgraded = update.get_affected_rows() > 0;
    });
    return upgraded;
  });
}

bool SociStore::AnyLegacyReceiptHash() {
  return Guard("looking for legacy receipt hashes", [&] {
    soci::session sql(*readers_);
    int one = 0;
    // The condition is the partial index's own (migration 51), so both engines read only it.
    sql << "SELECT 1 FROM report_receipts WHERE substr(receipt_hash, 1, 3) <> 'k2:' LIMIT 1",
        soci::into(one);
    return sql.got_data();
  });
}

bool SociStore::SetReportStatus(long long id, ReportStatus status, long long now) {
  return Guard("changing a report's status", [&] {
    std::string code(StatusCode(status));
    // Closing starts the retention period; reopening stops it.
    soci::indicator closed_ind = status == ReportStatus::kClosed ? soci::i_ok : soci::i_null;
    bool found = false;
    Write([&](soci::session& sql) {
      std::string current;
      sql << "SELECT status FROM reports WHERE id = :id", soci::use(id), soci::into(current);
      if (!sql.got_data()) return;
      found = true;
      // Saving the same status again changes nothing: a closed case keeps its first closing time.
      if (current == code) return;
      sql << "UPDATE reports SET status = :status, case_closed_at = :closed WHERE id = :id",
          soci::use(code), soci::use(now, closed_ind), soci::use(id);
      sql << "INSERT INTO report_status_changes (report_id, at, status) VALUES (:id, :at, "
             ":status)",
          soci::use(id), soci::use(now), soci::use(code);
      RefreshCaseDue(sql, {id});  // closing ends the deadlines
    });
    return found;
  });
}

long long SociStore::AddMessage(long long report_id, MessageAuthor author,
                                std::optional<long long> staff_user_id, const std::string& body,
                                long long now) {
  // Encryption happens before the write queue so the single writer does only database work.
  std::string body_enc = cipher().Seal(body, kMessageAd);
  std::string author_code(AuthorCode(author));
  long long staff = staff_user_id.value_or(0);
  soci::indicator staff_ind = staff_user_id ? soci::i_ok : soci::i_null;
  return Guard("adding a message", [&] {
    long long id = 0;
    Write([&](soci::session& sql) {
      sql << "INSERT INTO report_messages (report_id, at, author, staff_user_id, body_enc) "
             "VALUES (:report, :at, :author, :staff, :body) RETURNING id",
          soci::use(report_id), soci::use(now), soci::use(author_code), soci::use(staff, staff_ind),
          soci::use(body_enc), soci::into(id);
      RefreshCaseDue(sql, {report_id});  // next deadline and last activity, same transaction
    });
    return id;
  });
}

std::vector<ThreadMessage> SociStore::ListMessages(long long report_id) {
  return Guard("reading messages", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT m.id, m.at, m.author, u.email, m.body_enc FROM report_messages m "
                        "LEFT JOIN staff_users u ON u.id = m.staff_user_id "
                        "WHERE m.report_id = :report ORDER BY m.id",
         soci::use(report_id));
    std::vector<ThreadMessage> messages;
    for (const auto& row : rows) {
      ThreadMessage m;
      m.id = GetInteger(row, 0);
      m.at = GetInteger(row, 1);
      auto author = ParseAuthor(row.get<std::string>(2));
      if (!author) throw StoreError("message " + std::to_string(m.id) + ": unknown author");
      m.author = *author;
      if (row.get_indicator(3) == soci::i_ok) m.staff_email = row.get<std::string>(3);
      // An erased body (the report was anonymised) is stored as the empty string.
      std::string body_enc = row.get<std::string>(4);
      m.erased = body_enc.empty();
      if (!m.erased) {
        auto body = cipher().Open(body_enc, kMessageAd);
        if (!body) throw StoreError("message " + std::to_string(m.id) + ": " + body.error());
        m.body = std::move(*body);
      }
      messages.push_back(std::move(m));
    }
    return messages;
  });
}

void SociStore::AddFollowUpSession(const std::string& token_hash, long long report_id,
                                   long long now, long long forget_before) {
  Guard("starting a follow-up session", [&] {
    Write([&](soci::session& sql) {
      sql << "DELETE FROM followup_sessions WHERE last_used_at < :before", soci::use(forget_before);
      sql << "INSERT INTO followup_sessions (token_hash, report_id, created_at, last_used_at) "
             "VALUES (:hash, :report, :now, :now2)",
          soci::use(token_hash), soci::use(report_id), soci::use(now), soci::use(now);
    });
  });
}

std::optional<long long> SociStore::UseFollowUpSession(const std::string& token_hash, long long now,
                                                       long long idle_since,
                                                       long long started_since) {
  return Guard("checking a follow-up session", [&]() -> std::optional<long long> {
    std::optional<long long> found;
    Write([&](soci::session& sql) {
      long long report_id = 0, created = 0, last_used = 0;
      sql << "SELECT report_id, created_at, last_used_at FROM followup_sessions "
             "WHERE token_hash = :hash",
          soci::use(token_hash), soci::into(report_id), soci::into(created), soci::into(last_used);
      if (!sql.got_data()) return;
      if (last_used < idle_since || created < started_since) {
        sql << "DELETE FROM followup_sessions WHERE token_hash = :hash", soci::use(token_hash);
        return;
      }
      sql << "UPDATE followup_sessions SET last_used_at = :now WHERE token_hash = :hash",
          soci::use(now), soci::use(token_hash);
      found = report_id;
    });
    return found;
  });
}

void SociStore::EndFollowUpSession(const std::string& token_hash) {
  Guard("ending a follow-up session", [&] {
    Write([&](soci::session& sql) {
      sql << "DELETE FROM followup_sessions WHERE token_hash = :hash", soci::use(token_hash);
    });
  });
}

}  // namespace meldpunt
