#pragma once
// Where a report's personal data is kept, and how it is erased: the one list that anonymisation
// (retention) and the reporter's request to be forgotten both run, in order, inside the write
// that marks the report anonymised (soci_anonymise.cpp).
//
// A table that stores personal data of a report (free text, names, contact details, files)
// must add its statement here when its migration creates it (letters, for example). The unit test
// "every encrypted column is erased" (personal_data_test.cpp) fails for any column ending in _enc
// in a table with a report_id that still holds a value after anonymisation.
//
// What stays is what the figures count and what the case history needs: the classification
// (grounds, domain, nature, scope, wishes, who reported, anonymity, channel), the handling codes
// and outcome, dates, municipalities, bureau, status, protocol step and closing time, that a
// message was sent and when (not what it said), the case events without their free text, the
// status history, and the audit log (which holds references and actions, never personal data).
namespace meldpunt {

struct PersonalDataErasure {
  const char* what;       // for the reader of this list
  const char* statement;  // SQL for SQLite and PostgreSQL with one parameter, :report, used once
};

inline constexpr PersonalDataErasure kPersonalData[] = {
    // The description and the contact details. The description becomes the empty string (the
    // column is NOT NULL); the submission key's hash goes too, as it links the report to the
    // form on the reporter's device, and so does the language the reporter used the site in
    // (site_language), which hints at their origin, a special category.
    {"reports: description, contact details, submission key, site language",
     "UPDATE reports SET description_enc = '', contact_enc = NULL, submission_key = NULL, "
     "site_language = NULL WHERE id = :report"},
    // That a message was sent, by whom and when stays (handling times); what it said goes.
    {"report_messages: bodies",
     "UPDATE report_messages SET body_enc = '' WHERE report_id = :report"},
    // Files and their names go entirely; their count and types are not in any figure.
    {"evidence: files", "DELETE FROM evidence WHERE report_id = :report"},
    // The free text of the case's events (notes, what was agreed, letters' summaries); which
    // event happened, when, by whom and with which codes stays: it is the case history.
    {"case_events: free text", "UPDATE case_events SET text_enc = NULL WHERE report_id = :report"},
    // Letters to the other party hold names, addresses and the summary, and their PDF: they go
    // entirely. That a letter was sent, when and its reply date stay in the case history.
    {"case_letters: letters and their PDFs", "DELETE FROM case_letters WHERE report_id = :report"},
    // A planned mediation's place and participants; its moment stays (case history).
    {"case_mediations: place and participants",
     "UPDATE case_mediations SET place_enc = '', participants_enc = '' WHERE report_id = :report"},
    // The receipt code stops working, and no reporter session stays open.
    {"report_receipts", "DELETE FROM report_receipts WHERE report_id = :report"},
    {"followup_sessions", "DELETE FROM followup_sessions WHERE report_id = :report"},
    // E-mail not sent yet is not sent; sent ones hold no address any more, but make sure.
    {"mail_outbox: queued e-mail",
     "DELETE FROM mail_outbox WHERE report_id = :report AND sent_at IS NULL AND failed_at IS NULL"},
    {"mail_outbox: addresses",
     "UPDATE mail_outbox SET recipient_enc = NULL, last_error = NULL WHERE report_id = :report"},
    // Duplicate hints (issue 14): the blind index of the contact and other parties and the
    // text's signature are derived from personal data, so they go with it.
    {"match_keys: blind index", "DELETE FROM match_keys WHERE report_id = :report"},
    {"match_signatures: text signature", "DELETE FROM match_signatures WHERE report_id = :report"},
};

}  // namespace meldpunt
