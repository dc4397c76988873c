#include "web/figures/municipal_archive.hpp"

#include <stdexcept>

#include "domain/date.hpp"
#include "exports/file_name.hpp"
#include "web/figures/how_we_count.hpp"
#include "web/figures/municipal_report_pdf.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/figures/municipal_report_xlsx.hpp"
#include "web/figures/national_file.hpp"

namespace meldpunt::web {
namespace {

std::string Readme(const AppContext& app, Lang lang, const ArchiveContents& contents,
                   const std::vector<MunicipalReport>& reports,
                   const std::vector<ArchiveOutput>& outputs) {
  const auto& t = app.translator;
  auto tr = [&](const char* msgid) { return t.Get(lang, msgid); };
  const auto& query = contents.query;
  std::string text;
  auto line = [&](const std::string& s) { text += s + "\r\n"; };
  line(tr(N_("Municipal reports")) + " " + std::to_string(query.year) + " - " +
       contents.bureau_name);
  line("");
  line(
      tr(N_("This archive holds the yearly report of every municipality of the bureau's working "
            "area, each as a CSV file, an XLSX workbook and a PDF with the same numbers.")));
  line(tr(N_("Count by the year of")) + ": " +
       (query.by == FiguresYear::kIncident ? tr(N_("the incident")) : tr(N_("the report"))));
  line(query.with_mass ? tr(N_("These figures include the reports linked to a mass-report event."))
                       : tr(N_("These figures leave out the reports linked to a mass-report "
                               "event.")));
  line(
      tr(N_("A count under the threshold shows as \"< 5\"; a count shown as \"x\" is hidden so "
            "that the small numbers cannot be worked out from the totals. The change is given "
            "only where both years are shown.")));
  line(tr(N_("A report counts once in the total. A report with several grounds or handlings "
             "counts once for each of them, so the rows can add up to more than the total.")) +
       " " + tr(kSubGroundsNote));
  line(tr(N_("How we count, in plain words")) + ": " + HowWeCountUrl(app));
  line(tr(N_("Made on")) + ": " + FormatIsoDate(DateOfUnixSeconds(contents.now)));
  line("");
  line(tr(N_("Municipalities")) + " (" + std::to_string(reports.size()) + "):");
  for (const auto& report : reports) {
    std::string files;
    for (const auto& output : outputs)
      files += (files.empty() ? "" : ", ") + MunicipalReportFileName(report, output.extension);
    line("- " + report.query.municipality + " " + report.municipality_name + ": " + files);
  }
  if (reports.empty()) line(tr(N_("The bureau's working area holds no municipality.")));
  if (contents.national) {
    line("");
    line(tr(N_("National yearly report (landelijke jaarrapportage)")) + ": " +
         NationalFileName(query.year, "csv") + ", " + NationalFileName(query.year, "xlsx"));
    line(
        tr(N_("Every bureau of this installation and the files imported from other "
              "installations, with the national roll-up, in the fixed format of the national "
              "file. It always counts by the year of the report and includes mass reports, "
              "whatever was chosen for the municipal reports.")));
  }
  return text;
}

}  // namespace

std::vector<ArchiveOutput> MunicipalArchiveOutputs(const AppContext& app, Lang lang,
                                                   long long threshold, long long now) {
  const AppContext* context = &app;
  return {
      {"csv",
       [=](const MunicipalReport& r) { return MunicipalReportCsv(*context, lang, r, threshold); }},
      {"xlsx",
       [=](const MunicipalReport& r) {
         return MunicipalReportXlsx(*context, lang, r, threshold, now);
       }},
      {"pdf",
       [=](const MunicipalReport& r) {
         // The archive is suppressed as a whole; a PDF that cannot be made fails the archive (the
         // handler answers 500) rather than leaving one municipality out unseen.
         auto pdf = RenderMunicipalReportPdf(*context, lang, r, threshold, true);
         if (!pdf) throw std::runtime_error("municipal report PDF not made: " + pdf.error());
         return std::move(*pdf);
       }},
  };
}

std::string MunicipalReportFileName(const MunicipalReport& report, std::string_view extension) {
  return "cijfers-" + report.query.municipality + "-" +
         exports::FileNameSlug(report.municipality_name) + "-" + std::to_string(report.query.year) +
         "." + std::string(extension);
}

std::vector<exports::ZipEntry> MunicipalArchiveEntries(const AppContext& app, Lang lang,
                                                       const ArchiveContents& contents,
                                                       const std::vector<MunicipalReport>& reports,
                                                       const std::vector<ArchiveOutput>& outputs) {
  std::vector<exports::ZipEntry> entries;
  entries.push_back({"README.txt", Readme(app, lang, contents, reports, outputs)});
  for (const auto& report : reports) {
    for (const auto& output : outputs)
      entries.push_back({MunicipalReportFileName(report, output.extension), output.render(report)});
  }
  if (contents.national) {
    const NationalFile& file = *contents.national;
    entries.push_back({NationalFileName(file.year, "csv"), NationalCsv(file)});
    entries.push_back({NationalFileName(file.year, "xlsx"), NationalFileXlsx(app, lang, file)});
  }
  return entries;
}

std::string MunicipalArchiveFileName(const ArchiveContents& contents) {
  return "cijfers-" + exports::FileNameSlug(contents.bureau_name) + "-" +
         std::to_string(contents.query.year) + ".zip";
}

}  // namespace meldpunt::web
