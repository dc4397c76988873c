// A bureau's public profile (issue 15): the bureau_profiles row, with phone, e-mail and postal
// address kept in the letterheads row that letters read.
#include <soci/soci.h>

#include "domain/bureau/bureau_profile.hpp"
#include "security/crypto.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

namespace {

// Every column a face needs, for one bureau or all; no NULLs (a bureau without a profile or a
// letterhead reads as empty).
constexpr const char* kFaceSelect =
    "SELECT b.id, b.name, COALESCE(p.public_name, ''), COALESCE(p.visiting_address, ''), "
    "COALESCE(p.opening_hours, ''), COALESCE(p.report_by_phone, 0), "
    "COALESCE(p.report_at_desk, 0), COALESCE(p.whatsapp, ''), COALESCE(p.primary_colour, ''), "
    "COALESCE(p.on_primary_colour, ''), COALESCE(p.logo_png, ''), COALESCE(p.logo_version, 0), "
    "COALESCE(p.updated_at, 0), COALESCE(l.address_lines, ''), COALESCE(l.phone, ''), "
    "COALESCE(l.email, '') FROM bureaus b LEFT JOIN bureau_profiles p ON p.bureau_id = b.id "
    "LEFT JOIN letterheads l ON l.bureau_id = b.id";

BureauFace FaceFromRow(const soci::row& row) {
  BureauFace face;
  face.id = GetInteger(row, 0);
  face.name = row.get<std::string>(1);
  BureauProfile& p = face.profile;
  p.public_name = row.get<std::string>(2);
  p.visiting_address = AddressLines(row.get<std::string>(3));
  p.opening_hours = row.get<std::string>(4);
  p.report_by_phone = GetInteger(row, 5) != 0;
  p.report_at_desk = GetInteger(row, 6) != 0;
  p.whatsapp = row.get<std::string>(7);
  p.primary_colour = row.get<std::string>(8);
  p.on_primary_colour = row.get<std::string>(9);
  std::string logo = row.get<std::string>(10);
  if (!logo.empty()) {
    auto bytes = Base64Decode(logo);
    if (!bytes) throw StoreError("bureau " + std::to_string(face.id) + ": logo unreadable");
    face.logo_png = std::move(*bytes);
  }
  face.logo_version = GetInteger(row, 11);
  face.updated_at = GetInteger(row, 12);
  p.postal_address = AddressLines(row.get<std::string>(13));
  p.phone = row.get<std::string>(14);
  p.email = row.get<std::string>(15);
  return face;
}

}  // namespace

BureauProfile SociStore::GetBureauProfile(long long bureau_id) {
  return Guard("reading a bureau profile", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kFaceSelect) + " WHERE b.id = :bureau", soci::use(bureau_id));
    for (const auto& row : rows) return FaceFromRow(row).profile;
    return BureauProfile{};
  });
}

void SociStore::SaveBureauProfile(long long bureau_id, const BureauProfile& profile,
                                  long long staff_user_id, long long now) {
  std::string visiting = JoinLines(profile.visiting_address);
  std::string postal = JoinLines(profile.postal_address);
  int by_phone = profile.report_by_phone ? 1 : 0;
  int at_desk = profile.report_at_desk ? 1 : 0;
  Guard("saving a bureau profile", [&] {
    Write([&](soci::session& sql) {
      sql << "INSERT INTO bureau_profiles (bureau_id, public_name, visiting_address, "
             "opening_hours, report_by_phone, report_at_desk, whatsapp, primary_colour, "
             "on_primary_colour, updated_at, updated_by) VALUES (:bureau, :name, :visiting, "
             ":hours, :by_phone, :at_desk, :whatsapp, :primary, :on_primary, :now, :staff) ON "
             "CONFLICT (bureau_id) DO UPDATE SET public_name = excluded.public_name, "
             "visiting_address = excluded.visiting_address, opening_hours = "
             "excluded.opening_hours, report_by_phone = excluded.report_by_phone, "
             "report_at_desk = excluded.report_at_desk, whatsapp = excluded.whatsapp, "
             "primary_colour = excluded.primary_colour, on_primary_colour = "
             "excluded.on_primary_colour, updated_at = excluded.updated_at, updated_by = "
             "excluded.updated_by",
          soci::use(bureau_id), soci::use(profile.public_name), soci::use(visiting),
          soci::use(profile.opening_hours), soci::use(by_phone), soci::use(at_desk),
          soci::use(profile.whatsapp), soci::use(profile.primary_colour),
          soci::use(profile.on_primary_colour), soci::use(now), soci::use(staff_user_id);
      // The letterhead's part: the same row the letter admin's form edits.
      sql << "INSERT INTO letterheads (bureau_id, address_lines, phone, email, updated_at, "
             "updated_by) VALUES (:bureau, :lines, :phone, :email, :now, :staff) ON CONFLICT "
             "(bureau_id) DO UPDATE SET address_lines = excluded.address_lines, phone = "
             "excluded.phone, email = excluded.email, updated_at = excluded.updated_at, "
             "updated_by = excluded.updated_by",
          soci::use(bureau_id), soci::use(postal), soci::use(profile.phone),
          soci::use(profile.email), soci::use(now), soci::use(staff_user_id);
    });
  });
}

void SociStore::SaveBureauLogo(long long bureau_id, const std::string& png, long long staff_user_id,
                               long long now) {
  std::string encoded = Base64Encode(png);
  Guard("saving a bureau logo", [&] {
    Write([&](soci::session& sql) {
      // A new version each time, also within one second: the logo's URL names it.
      sql << "INSERT INTO bureau_profiles (bureau_id, logo_png, logo_version, updated_at, "
             "updated_by) VALUES (:bureau, :logo, 1, :now, :staff) ON CONFLICT (bureau_id) DO "
             "UPDATE SET logo_png = excluded.logo_png, logo_version = "
             "bureau_profiles.logo_version + 1, updated_at = excluded.updated_at, updated_by = "
             "excluded.updated_by",
          soci::use(bureau_id), soci::use(encoded), soci::use(now), soci::use(staff_user_id);
    });
  });
}

std::vector<BureauFace> SociStore::ListBureauFaces() {
  std::vector<BureauFace> faces = Guard("reading bureau profiles", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kFaceSelect) + " ORDER BY b.id");
    std::vector<BureauFace> list;
    for (const auto& row : rows) list.push_back(FaceFromRow(row));
    return list;
  });
  // The working areas, as ListBureaus reads them (by id, as above).
  std::vector<Bureau> bureaus = ListBureaus();
  for (auto& face : faces) {
    for (auto& bureau : bureaus) {
      if (bureau.id == face.id) face.municipalities = std::move(bureau.municipalities);
    }
  }
  return faces;
}

}  // namespace meldpunt
