#pragma once
// The archive of a working area's municipal reports (one ZIP): for every municipality one file
// per output, named cijfers-GM0363-amsterdam-2026.csv, the national yearly file of the same year
// (landelijk-2026.csv and .xlsx) for those who may have it, and a README.txt saying what is in
// it: a coordinator's whole yearly round in one download.
// The outputs are a list, so another format (the PDF) is one more line in
// MunicipalArchiveOutputs.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/figures/figures.hpp"
#include "domain/figures/national_report.hpp"
#include "exports/zip_writer.hpp"
#include "web/common/app.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {

// One file per municipality: its extension and how to render a (suppressed) report.
struct ArchiveOutput {
  std::string extension;  // "csv", "xlsx", "pdf"
  std::function<std::string(const MunicipalReport&)> render;
};

// The outputs the archive holds for every municipality, in this order.
std::vector<ArchiveOutput> MunicipalArchiveOutputs(const AppContext& app, Lang lang,
                                                   long long threshold, long long now);

// "cijfers-GM0363-amsterdam-2026.csv": the same name as the single download.
std::string MunicipalReportFileName(const MunicipalReport& report, std::string_view extension);

struct ArchiveContents {
  std::string bureau_name;
  FiguresQuery query;  // year, year basis and mass choice shared by every report
  long long threshold = 0;
  long long now = 0;
  // The national file of query.year (by year of reporting, mass reports included, whatever the
  // query says), or none.
  std::optional<NationalFile> national;
};

// README.txt first, then per municipality (in the order given) one entry per output, then the
// national file's CSV and XLSX.
std::vector<exports::ZipEntry> MunicipalArchiveEntries(const AppContext& app, Lang lang,
                                                       const ArchiveContents& contents,
                                                       const std::vector<MunicipalReport>& reports,
                                                       const std::vector<ArchiveOutput>& outputs);

// "cijfers-adv-utrecht-2026.zip".
std::string MunicipalArchiveFileName(const ArchiveContents& contents);

}  // namespace meldpunt::web
