#pragma once
// Bureaus, their working areas (which decide where a report goes) and their settings.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <map>
#include <optional>
#include <string>
#include <vector>

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
};

}  // namespace meldpunt
