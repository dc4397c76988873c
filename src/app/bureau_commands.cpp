// meldpunt bureau add|list|area: bureaus and their working areas from the command line.
#include <iostream>

#include "app/command_util.hpp"
#include "app/commands.hpp"
#include "domain/municipality.hpp"
#include "store/open_store.hpp"

namespace meldpunt::app {

int AddBureau(const Config& config, const std::string& name) {
  if (name.empty() || name.size() > 200) {
    std::cerr << "a bureau needs a name of at most 200 characters\n";
    return 2;
  }
  auto store = OpenStore(config.database, std::nullopt);
  auto id = store->AddBureau(name, UnixNow());
  if (!id) {
    std::cerr << "a bureau named \"" << name << "\" exists already\n";
    return 1;
  }
  std::cout << "added bureau " << *id << " " << name << "\n";
  return 0;
}

int ListBureaus(const Config& config) {
  auto store = OpenStore(config.database, std::nullopt);
  for (const auto& bureau : store->ListBureaus()) {
    std::cout << bureau.id << "\t" << bureau.name << "\t";
    for (size_t i = 0; i < bureau.municipalities.size(); ++i)
      std::cout << (i ? "," : "") << bureau.municipalities[i];
    std::cout << "\n";
  }
  return 0;
}

int AddToWorkingArea(const Config& config, long long bureau_id,
                     const std::vector<std::string>& codes) {
  auto municipalities =
      MunicipalityRegistry::FromCsv(ReadFile(config.share_dir + "/data/gemeenten.csv"));
  if (!municipalities) throw std::runtime_error(municipalities.error());
  for (const auto& code : codes) {
    const Municipality* found = municipalities->Find(code);
    if (!found || !found->current()) {
      std::cerr << "\"" << code << "\" is not the CBS code of a current municipality\n";
      return 2;
    }
  }
  auto store = OpenStore(config.database, std::nullopt);
  if (!store->AddToWorkingArea(bureau_id, codes)) {
    std::cerr << "there is no bureau " << bureau_id << "; see: meldpunt bureau list\n";
    return 1;
  }
  std::cout << "bureau " << bureau_id << " now covers " << codes.size() << " more municipalities\n";
  return 0;
}

}  // namespace meldpunt::app
