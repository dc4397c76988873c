// Duplicate hints and related cases on a real SQLite file (soci_duplicates.cpp): the blind index
// written at registration, by a letter and by a correction; the lookup's bureau, window and
// threshold; links both ways; erasure and the backfill.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/reports/test_report.hpp"
#include "store/letter_store.hpp"
#include "store/sqlite_store_fixture.hpp"

namespace meldpunt {
namespace {

constexpr long long kNow = 1'800'000'000;
constexpr long long kDay = 24 * 3600;

constexpr const char* kGym =
    "Bij de ingang van de sportschool aan de Lange Straat werd mij gezegd dat ik met mijn "
    "hoofddoek niet mocht sporten. De medewerker zei dat dit de regel is in alle vestigingen.";
constexpr const char* kGymAgain =
    "Bij de ingang van de sportschool aan de Lange Straat werd mij gezegd dat ik met mijn "
    "hoofddoek niet mocht sporten. De medewerker zei dat dit de regel is in alle filialen.";
constexpr const char* kTaxi =
    "De taxichauffeur weigerde mij en mijn blindengeleidehond mee te nemen naar het station, "
    "terwijl er genoeg plaats was in de auto.";
constexpr const char* kNeighbour =
    "Mijn buurman scheldt mij al maanden uit vanwege mijn afkomst en heeft nu ook een briefje in "
    "de brievenbus gedaan met bedreigingen erop.";

Contact ContactWith(std::string email, std::string phone = "") {
  return Contact{"Anna", std::move(email), std::move(phone), "", "", ""};
}

class DuplicateStoreTest : public SqliteStoreFixture {
 protected:
  RegisteredReport Add(const char* text, std::optional<Contact> contact = std::nullopt,
                       long long at = kNow, std::string incident = "GM0363") {
    return store_->AddReport(TestReport(text, incident, "unknown", "", std::move(contact)), at);
  }
  std::vector<DuplicateHint> Hints(const RegisteredReport& report) {
    return store_->FindDuplicateHints(report.bureau_id, report.id, kMaxDuplicateHints);
  }
  static const DuplicateHint* Find(const std::vector<DuplicateHint>& hints, long long id) {
    auto it = std::find_if(hints.begin(), hints.end(),
                           [&](const DuplicateHint& h) { return h.report_id == id; });
    return it == hints.end() ? nullptr : &*it;
  }
};

TEST_F(DuplicateStoreTest, SameEmailOrPhoneOrSimilarTextIsHintedWithItsReasons) {
  auto a = Add(kGym, ContactWith("anna@example.nl", "06 1234 5678"));
  auto by_email = Add(kTaxi, ContactWith(" ANNA@example.nl "));
  auto by_phone = Add(kNeighbour, ContactWith("iemand@example.nl", "+31 6 12345678"));
  auto by_text = Add(kGymAgain);
  auto unrelated = Add(kTaxi);
  auto hints = Hints(a);
  ASSERT_EQ(hints.size(), 3u);
  ASSERT_TRUE(Find(hints, by_email.id));
  EXPECT_EQ(Find(hints, by_email.id)->reasons, std::vector{MatchReason::kEmail});
  EXPECT_EQ(Find(hints, by_email.id)->reference, by_email.reference);
  EXPECT_EQ(Find(hints, by_phone.id)->reasons, std::vector{MatchReason::kPhone});
  ASSERT_TRUE(Find(hints, by_text.id));
  EXPECT_EQ(Find(hints, by_text.id)->reasons, std::vector{MatchReason::kText});
  EXPECT_GE(Find(hints, by_text.id)->text_similarity, kSimilarTextThreshold);
  EXPECT_FALSE(Find(hints, unrelated.id));
  EXPECT_FALSE(Find(hints, a.id)) << "never the case itself";
  // Nothing of the address is stored in clear.
  EXPECT_EQ(FileBytes().find("anna@example.nl"), std::string::npos);
}

TEST_F(DuplicateStoreTest, OnlyTheSameBureauAndOnlyWithinTheWindow) {
  auto second = store_->AddBureau("Tweede", 1);
  ASSERT_TRUE(second);
  ASSERT_TRUE(store_->AddToWorkingArea(*second, {"GM0344"}));
  auto a = Add(kGym, ContactWith("anna@example.nl"));
  auto elsewhere = Add(kGym, ContactWith("anna@example.nl"), kNow, "GM0344");
  ASSERT_EQ(elsewhere.bureau_id, *second);
  auto long_ago = Add(kGym, ContactWith("anna@example.nl"), kNow - 181 * kDay);
  auto in_window = Add(kGym, ContactWith("anna@example.nl"), kNow - 179 * kDay);
  auto hints = Hints(a);
  EXPECT_FALSE(Find(hints, elsewhere.id));
  EXPECT_FALSE(Find(hints, long_ago.id));
  ASSERT_TRUE(Find(hints, in_window.id));
  EXPECT_EQ(Find(hints, in_window.id)->reasons,
            (std::vector{MatchReason::kEmail, MatchReason::kText}));
  EXPECT_TRUE(Hints(elsewhere).empty());
  // Handed over to the other bureau: hinted there, no longer here.
  ASSERT_TRUE(store_->MoveReport(in_window.id, *second));
  EXPECT_FALSE(Find(Hints(a), in_window.id));
  EXPECT_TRUE(Find(Hints(elsewhere), in_window.id));
}

TEST_F(DuplicateStoreTest, ALetterNamesTheOtherPartyAndACorrectionMovesTheKeys) {
  ASSERT_TRUE(store_->AddUser({"admin@example.nl", "x", StaffRole::kBureauAdmin, 1, ""}, 1));
  long long admin = store_->FindUser("admin@example.nl")->id;
  auto a = Add(kGym);
  auto b = Add(kTaxi);
  auto letter = [&](long long report_id, const char* party) {
    store_->AddCaseLetter({report_id, admin, "nl", "2027-01-15", party, "Kerkstraat 1",
                           "Samenvatting", "Jan", "%PDF-1.5", ""},
                          kNow);
  };
  letter(a.id, "Sportschool FitFit B.V.");
  EXPECT_FALSE(Find(Hints(a), b.id));
  letter(b.id, "sportschool fitfit");
  ASSERT_TRUE(Find(Hints(a), b.id));
  EXPECT_EQ(Find(Hints(a), b.id)->reasons, std::vector{MatchReason::kParty});

  // The reporter's address corrected: hinted by the new one, not the old.
  auto c = Add(kNeighbour, ContactWith("oud@example.nl"));
  auto d = Add(kNeighbour, ContactWith("nieuw@example.nl"));
  ReportCorrection correction;
  correction.contact = ContactWith("nieuw@example.nl");
  correction.description = kTaxi;
  ASSERT_TRUE(store_->CorrectReport(c.id, correction));
  auto hints = Hints(c);
  ASSERT_TRUE(Find(hints, d.id));
  EXPECT_EQ(Find(hints, d.id)->reasons, std::vector{MatchReason::kEmail});
  EXPECT_TRUE(Find(hints, b.id)) << "the corrected text is like b's";
}

TEST_F(DuplicateStoreTest, RelatedBothWaysUnlinkAndVersions) {
  auto a = Add(kGym);
  auto b = Add(kTaxi);
  auto fresh = [&](const RegisteredReport& r) { return *store_->GetReport(r.id); };
  CaseChange mine;
  mine.report_id = a.id;
  mine.expected_version = fresh(a).case_version;
  mine.kind = CaseEventKind::kRelated;
  mine.code = "linked";
  mine.detail = b.reference;
  mine.related = std::make_pair(b.id, true);
  CaseChange theirs = mine;
  theirs.report_id = b.id;
  theirs.expected_version = fresh(b).case_version;
  theirs.detail = a.reference;
  theirs.related = std::make_pair(a.id, true);
  ASSERT_TRUE(store_->RelateCases(mine, theirs, kNow));
  ASSERT_EQ(store_->ListRelatedCases(a.bureau_id, a.id).size(), 1u);
  EXPECT_EQ(store_->ListRelatedCases(a.bureau_id, a.id)[0].reference, b.reference);
  EXPECT_EQ(store_->ListRelatedCases(b.bureau_id, b.id)[0].reference, a.reference);
  EXPECT_EQ(store_->CountRelatedCases(b.id), 1);
  EXPECT_FALSE(Find(Hints(a), b.id)) << "a related case is no longer a hint";
  EXPECT_EQ(store_->ListCaseEvents(b.id).back().detail, a.reference);

  // A stale version of either: nothing at all changes.
  mine.related->second = false;
  mine.code = theirs.code = "unlinked";
  theirs.related->second = false;
  mine.expected_version = fresh(a).case_version;
  long long b_events = static_cast<long long>(store_->ListCaseEvents(b.id).size());
  EXPECT_FALSE(store_->RelateCases(theirs, mine, kNow)) << "theirs is stale";
  EXPECT_EQ(store_->CountRelatedCases(a.id), 1);
  EXPECT_EQ(static_cast<long long>(store_->ListCaseEvents(b.id).size()), b_events);
  theirs.expected_version = fresh(b).case_version;
  ASSERT_TRUE(store_->RelateCases(mine, theirs, kNow));
  EXPECT_EQ(store_->CountRelatedCases(a.id), 0);
  EXPECT_EQ(store_->CountRelatedCases(b.id), 0);
}

TEST_F(DuplicateStoreTest, ErasureRemovesTheKeysAndTheBackfillMakesMissingOnes) {
  auto a = Add(kGym, ContactWith("anna@example.nl"));
  auto b = Add(kTaxi, ContactWith("anna@example.nl"));
  ASSERT_TRUE(Find(Hints(a), b.id));
  ASSERT_TRUE(store_->AnonymiseReport(b.id, kNow));
  EXPECT_FALSE(Find(Hints(a), b.id));
  EXPECT_TRUE(Hints(b).empty());
  EXPECT_EQ(store_->BackfillMatchKeys(100, 0).done, 0) << "an erased report gets no keys again";
}

TEST_F(DuplicateStoreTest, TheBackfillMakesTheKeysOfEarlierReportsBatchByBatch) {
  // Reports of a bulk load (AddReportBatch, as `demo-data` and imports make them) have no keys.
  std::vector<BatchReport> batch;
  for (const char* text : {kGym, kTaxi, kNeighbour, kGymAgain, kTaxi}) {
    BatchReport report;
    report.report = TestReport(
        text, "GM0363", "unknown", "",
        std::string(text) == kTaxi ? std::optional(ContactWith("taxi@example.nl")) : std::nullopt);
    report.report.received_at = kNow;
    report.bureau_id = 1;
    batch.push_back(std::move(report));
  }
  auto ids = store_->AddReportBatch(batch, kNow);
  ASSERT_EQ(ids.size(), 5u);
  auto first = *store_->GetReport(ids[0]);
  EXPECT_TRUE(Hints(first).empty()) << "no keys yet";

  // Two at a time, each batch going on after the last one's highest id.
  MatchKeyBackfill one = store_->BackfillMatchKeys(2, 0);
  EXPECT_EQ(one.done, 2);
  EXPECT_EQ(one.last_id, ids[1]);
  MatchKeyBackfill two = store_->BackfillMatchKeys(2, one.last_id);
  EXPECT_EQ(two.done, 2);
  EXPECT_EQ(two.last_id, ids[3]);
  MatchKeyBackfill three = store_->BackfillMatchKeys(2, two.last_id);
  EXPECT_EQ(three.done, 1);
  EXPECT_EQ(three.last_id, ids[4]);
  EXPECT_EQ(store_->BackfillMatchKeys(2, three.last_id).done, 0);
  EXPECT_EQ(store_->BackfillMatchKeys(2, 0).done, 0) << "every report has its keys";

  // Now the hints are there: the similar text, and the same e-mail.
  ASSERT_TRUE(Find(Hints(first), ids[3]));
  auto taxi = *store_->GetReport(ids[1]);
  ASSERT_TRUE(Find(Hints(taxi), ids[4]));
  EXPECT_EQ(Find(Hints(taxi), ids[4])->reasons.front(), MatchReason::kEmail);
}

}  // namespace
}  // namespace meldpunt
