#pragma once
// Queuing e-mails to reporters from the handlers (the outbox in src/mail/ sends them). The
// e-mails hold nothing from the report; see src/mail/texts.hpp.
#include "store/store_types.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

// After a report was registered: queues the confirmation in the page's language when the reporter
// gave an e-mail address. A resent form does not add a second one (the store keeps one per
// report). Never throws: the report is stored whatever happens to its e-mail.
void QueueReportConfirmation(const AppContext& app, const RegisteredReport& report, Lang lang);

// After the bureau wrote a message to a reporter: queues the notice "there is a message for you
// on the site", in the language of the reporter's confirmation, to the contact e-mail address
// stored with the report. Returns false when there is no address to write to. Throws StoreError.
bool QueueReporterNotice(const AppContext& app, long long report_id);

}  // namespace meldpunt::web
