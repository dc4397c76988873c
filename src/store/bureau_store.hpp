#pragma once
// Bureaus, their working areas (which decide where a report goes) and their settings.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/bureau/bureau_profile.hpp"
#include "domain/municipality.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// An anti-discrimination bureau (antidiscriminatievoorziening) and its working area
// (werkgebied). One installation may host several.
struct Bureau {
  long long id = 0;
  std::string name;
  std::vector<std::string> municipalities;  // CBS codes, sorted
};

// Everything the public side shows of a bureau (issue 15): its working area, its profile and its
// logo. Read whole at start and after each change (web/common/bureau_faces.hpp).
struct BureauFace {
  long long id = 0;
  std::string name;                         // the registered name
  std::vector<std::string> municipalities;  // CBS codes, sorted
  BureauProfile profile;                    // phone, e-mail and postal address from the letterhead
  std::string logo_png;                     // the re-encoded logo; empty when none
  long long logo_version = 0;
  long long updated_at = 0;  // of the profile; 0 when never saved
  bool operator==(const BureauFace&) const = default;
};

class BureauStore {
 public:
  virtual ~BureauStore() = default;

  // Bureaus (soci_bureaus.cpp). A report goes to the bureau whose working area holds the
  // incident's municipality, else the reporter's, else to the first bureau (lowest id), which
  // every installation has. A municipality is looked up as today's (its successor after mergers,
  // MunicipalityRegistry::Successor), once the store has the registry (UseMunicipalities); the
  // report keeps the code it was given.
  // Gives the store the municipalities for routing; call it before reports are added (the
  // server and the demo-data command do). Without it, codes route as stored.
  virtual void UseMunicipalities(const MunicipalityRegistry& registry) = 0;
  // Returns nullopt when the name is taken.
  virtual std::optional<long long> AddBureau(const std::string& name, long long now) = 0;
  // By id, with their working areas.
  virtual std::vector<Bureau> ListBureaus() = 0;
  // Adds municipalities to a bureau's working area, taking them from any other bureau's area.
  // Returns false when there is no such bureau.
  virtual bool AddToWorkingArea(long long bureau_id, const std::vector<std::string>& codes) = 0;
  // Hands a report over to another bureau; it stays linked to its mass-report event, if any.
  // Returns false when either does not exist.
  virtual bool MoveReport(long long report_id, long long bureau_id) = 0;
  // Bureau settings (soci_bureau_settings.cpp): stored values by name, as text; see
  // domain/cases/bureau_settings.hpp for their meaning, ranges and defaults.
  virtual std::map<std::string, std::string> ReadBureauSettings(long long bureau_id) = 0;
  // Sets the given settings of a bureau (others keep their value).
  virtual void WriteBureauSettings(long long bureau_id,
                                   const std::map<std::string, std::string>& values,
                                   long long now) = 0;
  // The bureau's profile (soci_bureau_profiles.cpp, issue 15). Phone, e-mail and postal address
  // are the letterhead's (LetterStore::GetLetterhead): one source for letters and public pages.
  // All empty when never set.
  virtual BureauProfile GetBureauProfile(long long bureau_id) = 0;
  // Saves the profile and the letterhead's phone, e-mail and address lines in one transaction.
  virtual void SaveBureauProfile(long long bureau_id, const BureauProfile& profile,
                                 long long staff_user_id, long long now) = 0;
  // Replaces the logo (a PNG made by evidence::ReencodeLogo); empty removes it. Its version
  // becomes a new number, so that its URL changes.
  virtual void SaveBureauLogo(long long bureau_id, const std::string& png, long long staff_user_id,
                              long long now) = 0;
  // Every bureau with its working area, profile and logo, by id (an installation has a few).
  virtual std::vector<BureauFace> ListBureauFaces() = 0;
};

}  // namespace meldpunt
