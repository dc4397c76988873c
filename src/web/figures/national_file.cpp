#include "web/figures/national_file.hpp"

#include <variant>

#include "domain/figures/published_totals.hpp"
#include "exports/xlsx_writer.hpp"
#include "store/bureau_store.hpp"
#include "store/figures_store.hpp"
#include "web/figures/national_xlsx.hpp"

namespace meldpunt::web {
namespace {

struct Imported {
  std::vector<BureauFigures> bureaus;
  std::vector<ImportedFile> files;
};

// The imports of a year, read back with the parser they were checked with.
Imported ImportedOf(const AppContext& app, int year) {
  Imported imported;
  for (const auto& import : app.figures.ListNationalImports(year)) {
    auto parsed = ParseNationalCsv(import.rows_csv);
    auto* file = std::get_if<ParsedNationalFile>(&parsed);
    if (!file) continue;
    if (import.bureau_key.starts_with("~")) {
      ImportedFile whole{import.file_key, {}, std::move(file->roll_up)};
      for (const auto& bureau : file->bureaus) whole.bureau_ids.push_back(bureau.id);
      imported.files.push_back(std::move(whole));
      continue;
    }
    for (auto& bureau : file->bureaus) {
      bureau.file_key = import.file_key;
      imported.bureaus.push_back(std::move(bureau));
    }
  }
  return imported;
}

}  // namespace

std::vector<NationalBureau> LocalNationalBureaus(const AppContext& app) {
  std::vector<NationalBureau> bureaus;
  for (const auto& bureau : app.bureaus.ListBureaus())
    bureaus.push_back({bureau.id, bureau.name, bureau.municipalities});
  return bureaus;
}

NationalFile BuildNationalFile(const AppContext& app, int year) {
  auto facts = app.figures.ListYearFacts(year, year);
  auto local = CountBureaus(facts, year, LocalNationalBureaus(app), app.municipalities);
  auto imported = ImportedOf(app, year);
  return ComposeNationalFile(year, std::move(local), std::move(imported.bureaus), imported.files,
                             kDefaultSuppressionThreshold,
                             PublishedMunicipalTotals(facts, year, app.municipalities));
}

std::string NationalFileXlsx(const AppContext& app, Lang lang, const NationalFile& file) {
  auto t = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  std::vector<std::string> about = {
      t(N_("National yearly report (landelijke jaarrapportage)")),
      std::string(kNationalFormatVersion) + ", " + std::to_string(file.year),
      FillIn(t(N_("Counts below {threshold} show as \"< {threshold}\"; \"x\" is hidden so that "
                  "such a count cannot be worked out from the totals.")),
             "{threshold}", std::to_string(kDefaultSuppressionThreshold)),
      t(N_("\">= N\" in the national roll-up: a bureau's file gave \"< 5\" or \"x\" there; N "
           "adds up the numbers shown.")),
      t(N_("One sheet per table; the same rows as the CSV file. See docs/national-file.md."))};
  return exports::WriteXlsx(NationalSheets(file, about));
}

std::string NationalFileName(int year, std::string_view extension) {
  return "landelijk-" + std::to_string(year) + "." + std::string(extension);
}

}  // namespace meldpunt::web
