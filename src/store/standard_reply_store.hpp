#pragma once
// Standard replies (standaardteksten) of a bureau (domain/cases/standard_reply.hpp). A text
// belongs to one bureau: every method takes the bureau, and a text of another bureau is not
// found. The texts are the bureau's own words, like its letter templates, not personal data:
// stored in clear. Every method may block and must not be called on an I/O thread. Failures throw
// StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/standard_reply.hpp"

namespace meldpunt {

enum class ReplyWrite {
  kDone,
  kDuplicate,  // the bureau has a text of that title (ReplyTitleKey) in that language already
  kTooMany,    // the bureau has kMaxStandardRepliesPerBureau texts
  kNotFound,   // no such text of this bureau
};

class StandardReplyStore {
 public:
  virtual ~StandardReplyStore() = default;

  // The bureau's texts, retired ones included, by title and language (soci_standard_replies.cpp).
  virtual std::vector<StandardReply> ListStandardReplies(long long bureau_id) = 0;
  virtual std::optional<StandardReply> GetStandardReply(long long bureau_id, long long id) = 0;
  // Adds a checked text (CheckStandardReply) to reply.bureau_id; `id` gets the new text's id.
  virtual ReplyWrite AddStandardReply(const StandardReply& reply, long long now,
                                      long long* id = nullptr) = 0;
  // Changes the title, language, use and body of the text reply.id of reply.bureau_id.
  virtual ReplyWrite UpdateStandardReply(const StandardReply& reply, long long now) = 0;
  // Retires a text (retired: true), so it is no longer offered, or takes it back into use.
  virtual ReplyWrite SetStandardReplyRetired(long long bureau_id, long long id, bool retired,
                                             long long now) = 0;
  // The language the reporter of a report reads ("nl" or "en"): that of the e-mails sent to them
  // (the language of the form they reported with, as EnqueueReporterMail keeps it), else "nl".
  virtual std::string ReporterLanguage(long long report_id) = 0;
};

}  // namespace meldpunt
