// The evidence part of SociStore: files are encrypted (content and client file name) before they
// reach the write queue, and stored in the evidence table.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::Guard;

constexpr std::string_view kFilenameAd = "evidence.filename";
constexpr std::string_view kContentAd = "evidence.content";

constexpr const char* kInfoColumns =
    "id, report_id, message_id, received_at, media_type, size, original_size, original_sha256, "
    "filename_enc";

// One row of kInfoColumns as the database gives it.
struct InfoRow {
  EvidenceInfo info;
  long long message_id = 0;
  soci::indicator message_ind = soci::i_null;
  std::string filename_enc;
};

// Fills the decrypted EvidenceInfo of a row.
EvidenceInfo Decoded(const InfoRow& row, const Cipher& cipher, std::string_view ad) {
  EvidenceInfo info = row.info;
  if (row.message_ind == soci::i_ok) info.message_id = row.message_id;
  auto filename = cipher.Open(row.filename_enc, ad);
  if (!filename) throw StoreError("evidence " + std::to_string(info.id) + ": " + filename.error());
  info.filename = std::move(*filename);
  return info;
}

}  // namespace

std::vector<SociStore::SealedEvidence> SociStore::SealEvidence(
    const std::vector<EvidenceFile>& files) const {
  std::vector<SealedEvidence> sealed;
  for (const auto& file : files) {
    sealed.push_back({cipher().Seal(file.filename, kFilenameAd), file.media_type,
                      static_cast<long long>(file.content.size()), file.original_size,
                      file.original_sha256, cipher().Seal(file.content, kContentAd)});
  }
  return sealed;
}

std::vector<long long> SociStore::InsertEvidence(soci::session& sql, long long report_id,
                                                 std::optional<long long> message_id,
                                                 const std::vector<SealedEvidence>& files,
                                                 long long now) const {
  std::vector<long long> ids;
  long long message = message_id.value_or(0);
  soci::indicator message_ind = message_id ? soci::i_ok : soci::i_null;
  for (const auto& file : files) {
    long long id = 0;
    sql << "INSERT INTO evidence (report_id, message_id, received_at, media_type, size, "
           "original_size, original_sha256, filename_enc, content_enc) VALUES (:report, "
           ":message, :at, :type, :size, :original_size, :sha, :name, :content) RETURNING id",
        soci::use(report_id), soci::use(message, message_ind), soci::use(now),
        soci::use(file.media_type), soci::use(file.size), soci::use(file.original_size),
        soci::use(file.original_sha256), soci::use(file.filename_enc), soci::use(file.content_enc),
        soci::into(id);
    ids.push_back(id);
  }
  return ids;
}

std::optional<std::vector<long long>> SociStore::AddEvidence(long long report_id,
                                                             std::optional<long long> message_id,
                                                             const std::vector<EvidenceFile>& files,
                                                             long long now) {
  auto sealed = SealEvidence(files);
  return Guard("adding evidence", [&] {
    std::optional<std::vector<long long>> ids;
    Write([&](soci::session& sql) {
      // On PostgreSQL the report's row is locked, so two additions at once cannot both pass the
      // count; SQLite has one writer anyway.
      long long found = 0;
      if (url_.engine == Engine::kPostgres) {
        sql << "SELECT id FROM reports WHERE id = :id FOR UPDATE", soci::use(report_id),
            soci::into(found);
      } else {
        sql << "SELECT id FROM reports WHERE id = :id", soci::use(report_id), soci::into(found);
      }
      if (!sql.got_data()) throw StoreError("report " + std::to_string(report_id) + " not found");
      long long stored = 0;
      sql << "SELECT COUNT(*) FROM evidence WHERE report_id = :id", soci::use(report_id),
          soci::into(stored);
      if (stored + static_cast<long long>(sealed.size()) > kMaxEvidenceFilesPerReport) return;
      ids = InsertEvidence(sql, report_id, message_id, sealed, now);
    });
    return ids;
  });
}

std::vector<EvidenceInfo> SociStore::ListEvidence(long long report_id) {
  return Guard("listing evidence", [&] {
    soci::session sql(*readers_);
    InfoRow row;
    soci::statement statement =
        (sql.prepare << "SELECT " << kInfoColumns
                     << " FROM evidence WHERE report_id = :report ORDER BY id",
         soci::use(report_id), soci::into(row.info.id), soci::into(row.info.report_id),
         soci::into(row.message_id, row.message_ind), soci::into(row.info.received_at),
         soci::into(row.info.media_type), soci::into(row.info.size),
         soci::into(row.info.original_size), soci::into(row.info.original_sha256),
         soci::into(row.filename_enc));
    statement.execute();
    std::vector<EvidenceInfo> list;
    while (statement.fetch()) list.push_back(Decoded(row, cipher(), kFilenameAd));
    return list;
  });
}

std::optional<EvidenceContent> SociStore::GetEvidence(long long report_id, long long evidence_id) {
  return Guard("reading evidence", [&]() -> std::optional<EvidenceContent> {
    soci::session sql(*readers_);
    InfoRow row;
    std::string content_enc;
    sql << "SELECT " << kInfoColumns
        << ", content_enc FROM evidence WHERE id = :id AND report_id = :report",
        soci::use(evidence_id), soci::use(report_id), soci::into(row.info.id),
        soci::into(row.info.report_id), soci::into(row.message_id, row.message_ind),
        soci::into(row.info.received_at), soci::into(row.info.media_type),
        soci::into(row.info.size), soci::into(row.info.original_size),
        soci::into(row.info.original_sha256), soci::into(row.filename_enc), soci::into(content_enc);
    if (!sql.got_data()) return std::nullopt;
    auto content = cipher().Open(content_enc, kContentAd);
    if (!content)
      throw StoreError("evidence " + std::to_string(evidence_id) + ": " + content.error());
    return EvidenceContent{Decoded(row, cipher(), kFilenameAd), std::move(*content)};
  });
}

long long SociStore::CountEvidence(long long report_id) {
  return Guard("counting evidence", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM evidence WHERE report_id = :id", soci::use(report_id),
        soci::into(count);
    return count;
  });
}

std::map<long long, long long> SociStore::CountEvidenceByReport(long long first_id,
                                                                long long last_id) {
  return Guard("counting evidence", [&] {
    soci::session sql(*readers_);
    long long report_id = 0;
    long long count = 0;
    soci::statement statement =
        (sql.prepare << "SELECT report_id, COUNT(*) FROM evidence WHERE report_id BETWEEN :first "
                        "AND :last GROUP BY report_id",
         soci::use(first_id), soci::use(last_id), soci::into(report_id), soci::into(count));
    statement.execute();
    std::map<long long, long long> counts;
    while (statement.fetch()) counts[report_id] = count;
    return counts;
  });
}

}  // namespace meldpunt
