#include "web/cases/evidence_previews.hpp"

#include <gtest/gtest.h>

#include "web/common/test_app.hpp"

namespace meldpunt::web {
namespace {

std::string TicketOf(const std::string& url) { return url.substr(url.find("?t=") + 3); }

TEST(EvidencePreviewTicket, OpensOnlyThatFileForThatStaffMemberForAnHour) {
  TestApp test;
  const AppContext& app = test.app();
  std::string url = EvidencePreviewUrl(app, 7, 42, 3);
  EXPECT_EQ(url.substr(0, url.find('?')), "/medewerkers/meldingen/42/bestanden/3/voorbeeld");
  std::string ticket = TicketOf(url);
  EXPECT_TRUE(PreviewTicketValid(app, ticket, 7, 42, 3));
  EXPECT_FALSE(PreviewTicketValid(app, ticket, 8, 42, 3)) << "another staff member";
  EXPECT_FALSE(PreviewTicketValid(app, ticket, 7, 43, 3)) << "another report";
  EXPECT_FALSE(PreviewTicketValid(app, ticket, 7, 42, 4)) << "another file";
  EXPECT_FALSE(PreviewTicketValid(app, ticket, 7, 4, 23)) << "the same digits split otherwise";
  EXPECT_FALSE(PreviewTicketValid(app, "", 7, 42, 3));
  // The value with a later expiry but the old signature.
  std::string forged = ticket;
  forged[forged.find('.') - 1] = '9';
  EXPECT_FALSE(PreviewTicketValid(app, forged, 7, 42, 3));

  AppContext later = app;
  later.now = [&] { return app.now() + kPreviewTicketSeconds; };
  EXPECT_TRUE(PreviewTicketValid(later, ticket, 7, 42, 3)) << "valid to the last second";
  later.now = [&] { return app.now() + kPreviewTicketSeconds + 1; };
  EXPECT_FALSE(PreviewTicketValid(later, ticket, 7, 42, 3)) << "expired";
}

}  // namespace
}  // namespace meldpunt::web
