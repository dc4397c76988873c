// A bulk answer to every report of one bureau linked to a mass-report event: the message in each
// report's thread (encrypted per report, like a single message) and an e-mail notice per reporter
// with an address, in one transaction, so that thousands of reporters are answered in one
// request. Other bureaus' reports on the same event are not touched: they answer their own.
#include <soci/soci.h>

#include <map>
#include <set>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::GetInteger;
using soci_util::Guard;

// The same associated data as single messages (soci_store_follow_up.cpp) and queued e-mails
// (soci_outbox.cpp): the rows are read back by their code. Unit tests read both back.
constexpr std::string_view kMessageAd = "report_messages.body";
constexpr std::string_view kRecipientAd = "mail_outbox.recipient";

struct SealedRecipient {
  long long report_id = 0;
  std::string body_enc;
  std::string recipient_enc;  // empty: no e-mail address
  std::string lang;
};

}  // namespace

MassMessageResult SociStore::SendMassMessage(const MassMessage& message, long long now) {
  return Guard("answering the reports of a mass-report event", [&] {
    MassMessageResult result;
    // A resent form (a double click) is answered before anything is decrypted or sealed.
    std::vector<SealedRecipient> sealed;
    {
      soci::session sql(*readers_);
      sql << "SELECT recipients, notices FROM mass_messages WHERE submission_key = :key",
          soci::use(message.submission_key), soci::into(result.recipients),
          soci::into(result.notices);
      if (sql.got_data()) {
        result.duplicate = true;
        return result;
      }
      std::vector<std::pair<long long, bool>> reports;  // id, has contact details
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT id, contact_enc FROM reports WHERE mass_event_id = :event "
                          "AND bureau_id = :bureau ORDER BY id",
           soci::use(message.event_id), soci::use(message.bureau_id));
      for (const auto& row : rows)
        reports.emplace_back(GetInteger(row, 0), row.get_indicator(1) == soci::i_ok);
      // The reporter's language is the one of the e-mails they got before, else Dutch.
      std::map<long long, std::string> langs;
      soci::rowset<soci::row> earlier =
          (sql.prepare << "SELECT o.report_id, o.lang FROM mail_outbox o JOIN reports r ON "
                          "r.id = o.report_id WHERE r.mass_event_id = :event AND "
                          "r.bureau_id = :bureau ORDER BY o.id",
           soci::use(message.event_id), soci::use(message.bureau_id));
      for (const auto& row : earlier) langs.emplace(GetInteger(row, 0), row.get<std::string>(1));
      for (const auto& [id, has_contact] : reports) {
        SealedRecipient recipient;
        recipient.report_id = id;
        recipient.body_enc = cipher().Seal(message.body, kMessageAd);
        auto email = has_contact ? ReporterEmail(id) : std::nullopt;
        if (email) {
          recipient.recipient_enc = cipher().Seal(*email, kRecipientAd);
          auto lang = langs.find(id);
          recipient.lang = lang == langs.end() ? "nl" : lang->second;
        }
        sealed.push_back(std::move(recipient));
      }
    }
    Write([&](soci::session& sql) {
      result = {};
      long long message_id = 0;
      sql << "INSERT INTO mass_messages (mass_event_id, submission_key, sent_at, sent_by) VALUES "
             "(:event, :key, :now, :by) ON CONFLICT (submission_key) DO NOTHING RETURNING id",
          soci::use(message.event_id), soci::use(message.submission_key), soci::use(now),
          soci::use(message.staff_user_id), soci::into(message_id);
      if (!sql.got_data()) {
        // Sent by a request that overtook this one: report what that one did.
        sql << "SELECT recipients, notices FROM mass_messages WHERE submission_key = :key",
            soci::use(message.submission_key), soci::into(result.recipients),
            soci::into(result.notices);
        result.duplicate = true;
        return;
      }
      // Only reports still linked now and still the bureau's: one unlinked or handed over in the
      // meantime does not get the answer.
      std::set<long long> linked;
      {
        soci::rowset<long long> ids =
            (sql.prepare << "SELECT id FROM reports WHERE mass_event_id = :event AND bureau_id = "
                            ":bureau",
             soci::use(message.event_id), soci::use(message.bureau_id));
        linked.insert(ids.begin(), ids.end());
      }
      long long report_id = 0;
      std::string body_enc, recipient_enc, lang;
      std::string author(AuthorCode(MessageAuthor::kBureau));
      std::string notice(MailKindName(MailKind::kNotice));
      soci::statement add =
          (sql.prepare << "INSERT INTO report_messages (report_id, at, author, staff_user_id, "
                          "body_enc) VALUES (:report, :at, :author, :staff, :body)",
           soci::use(report_id), soci::use(now), soci::use(author),
           soci::use(message.staff_user_id), soci::use(body_enc));
      soci::statement queue =
          (sql.prepare << "INSERT INTO mail_outbox (created_at, kind, lang, recipient_enc, "
                          "report_id, next_attempt_at) VALUES (:at, :kind, :lang, :to, :report, "
                          ":next)",
           soci::use(now), soci::use(notice), soci::use(lang), soci::use(recipient_enc),
           soci::use(report_id), soci::use(now));
      std::vector<long long> answered;
      for (const auto& recipient : sealed) {
        if (!linked.contains(recipient.report_id)) continue;
        report_id = recipient.report_id;
        body_enc = recipient.body_enc;
        add.execute(true);
        answered.push_back(report_id);
        ++result.recipients;
        if (recipient.recipient_enc.empty()) continue;
        recipient_enc = recipient.recipient_enc;
        lang = recipient.lang;
        queue.execute(true);
        ++result.notices;
      }
      RefreshCaseDue(sql, answered);  // the bureau's message: first contact, last activity
      sql << "UPDATE mass_messages SET recipients = :recipients, notices = :notices WHERE id = :id",
          soci::use(result.recipients), soci::use(result.notices), soci::use(message_id);
    });
    return result;
  });
}

}  // namespace meldpunt
