#include "web/figures/national_figures_handlers.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <functional>
#include <set>

#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "exports/xlsx_writer.hpp"
#include "http/form.hpp"
#include "http/request_form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/figures_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/figures/national_file.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {
namespace {

constexpr const char* kFileField = "bestand";

int ThisYear(const AppContext& app) { return DutchYearOf(app.now()); }

// The year asked for: a whole number from 1901 to this year; the last full year by default.
std::optional<int> YearOf(const AppContext& app, std::string_view text) {
  int this_year = ThisYear(app);
  if (text.empty()) return this_year - 1;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1901 || year > this_year)
    return std::nullopt;
  return year;
}

std::set<std::string> LocalIdentifiers(const AppContext& app) {
  std::set<std::string> ids;
  for (const auto& bureau : app.bureaus.ListBureaus()) ids.insert(BureauIdentifier(bureau.name));
  return ids;
}

// Identifies a file by its content, so that importing the same file again changes nothing.
std::string FileKey(const std::string& canonical) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(canonical));
  return hex;
}

const char* ProblemMsgid(NationalFileProblem problem) {
  using P = NationalFileProblem;
  switch (problem) {
    case P::kEmpty:
      return N_("The file is empty.");
    case P::kTooLarge:
      return N_("The file is larger than 2 MB.");
    case P::kNotUtf8:
      return N_("The file is not UTF-8 text.");
    case P::kBadHeader:
      return N_("The first line is not the header of a national file.");
    case P::kWrongVersion:
      return N_(
          "Line {line}: the format version is not meldpunt-landelijk-2 or meldpunt-landelijk-1.");
    case P::kBadRow:
      return N_("Line {line}: a row needs exactly 7 cells, separated by commas.");
    case P::kBadBureau:
      return N_("Line {line}: the bureau identifier or name is not valid.");
    case P::kBadYear:
      return N_("Line {line}: the year is not valid.");
    case P::kMixedYears:
      return N_("Line {line}: a file holds one year only.");
    case P::kUnknownTable:
      return N_("Line {line}: unknown table.");
    case P::kBadCode:
      return N_("Line {line}: the code is not valid.");
    case P::kBadCount:
      return N_("Line {line}: the count is not a number, \"< 5\" or \"x\".");
    case P::kDuplicateRow:
      return N_("Line {line}: this bureau, table and code appear twice.");
    case P::kMissingTotal:
      return N_("A bureau in the file has no total row.");
    case P::kTooManyRows:
      return N_("Line {line}: the file has too many rows.");
    case P::kTooManyBureaus:
      return N_("Line {line}: the file has too many bureaus.");
    case P::kNoBureaus:
      return N_("The file holds no bureau's figures.");
  }
  return N_("The file is not a national file.");
}

http::Response NationalPage(const AppContext& app, const http::Request& request,
                            const StaffSession& staff, int status, int year,
                            const std::string& error) {
  Lang lang = LangOf(request);
  TemplateData data;
  data.set("year", std::to_string(year));
  data.set("max_year", std::to_string(ThisYear(app)));
  kainjow::mustache::list local;
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    TemplateData item;
    item.set("id", BureauIdentifier(bureau.name));
    item.set("name", bureau.name);
    item.set("municipalities", std::to_string(bureau.municipalities.size()));
    local.push_back(item);
  }
  data.set("local", local);
  kainjow::mustache::list imports;
  for (const auto& import : app.figures.ListNationalImports(0)) {
    if (import.bureau_key.starts_with("~")) continue;  // a whole file, listed by its bureaus
    TemplateData item;
    item.set("id", import.bureau_key);
    item.set("name", import.bureau_name);
    item.set("year", std::to_string(import.year));
    item.set("imported_at", FormatDutchDateTime(import.imported_at));
    item.set("imported_by", import.imported_by_email);
    imports.push_back(item);
  }
  data.set("has_imports", Bool(!imports.empty()));
  data.set("imports", imports);
  data.set("has_error", Bool(!error.empty()));
  data.set("error", error);
  std::string imported(request.QueryParam("geimporteerd"));
  data.set("imported", Bool(!imported.empty() && error.empty()));
  data.set("imported_count", imported);
  data.set("deleted", Bool(request.QueryParam("verwijderd") == "1" && error.empty()));
  data.set("threshold", std::to_string(kDefaultSuppressionThreshold));
  (void)lang;
  http::Response cookies;
  auto page = StaffPage(app, request, cookies, staff, "staff_national_figures",
                        N_("National figures"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

http::Response Download(const AppContext& app, const StaffRequest& req, bool xlsx) {
  const http::Request& request = req.http;
  auto year = YearOf(app, request.QueryParam("jaar"));
  if (!year) return ErrorPage(app, 404, &request);
  NationalFile file = BuildNationalFile(app, *year);
  http::Response response;
  response.status = 200;
  if (xlsx) {
    response.body = NationalFileXlsx(app, LangOf(request), file);
    response.Set("Content-Type",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  } else {
    response.body = NationalCsv(file);
    response.Set("Content-Type", "text/csv; charset=utf-8");
  }
  std::string name = NationalFileName(*year, xlsx ? "xlsx" : "csv");
  response.Set("Content-Disposition", "attachment; filename=\"" + name + "\"");
  response.Set("X-Content-Type-Options", "nosniff");
  app.audit.Audit(AuditEntry::ForBureau(req.staff.user_id, "national.export", req.staff.bureau_id,
                                        (xlsx ? "xlsx " : "csv ") + std::to_string(*year) + ", " +
                                            std::to_string(file.bureaus.size()) + " bureaus"),
                  app.now());
  return response;
}

}  // namespace

http::FormLimits NationalImportFormLimits() {
  return {.max_fields = 5,
          .multipart = {.max_parts = 6,
                        .max_part_header_bytes = 2048,
                        .max_field_bytes = 4096,
                        .max_files = 1,
                        .max_file_bytes = kNationalImportBodyLimit,
                        .max_total_file_bytes = kNationalImportBodyLimit}};
}

http::Response NationalFiguresPage(const AppContext& app, const StaffRequest& req) {
  auto year = YearOf(app, req.http.QueryParam("jaar"));
  if (!year) return ErrorPage(app, 404, &req.http);
  return NationalPage(app, req.http, req.staff, 200, *year, "");
}

http::Response NationalFiguresCsv(const AppContext& app, const StaffRequest& req) {
  return Download(app, req, false);
}

http::Response NationalFiguresXlsx(const AppContext& app, const StaffRequest& req) {
  return Download(app, req, true);
}

http::Response NationalFiguresImport(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  int page_year = *YearOf(app, "");  // a refused file shows the page of the last full year
  Lang lang = LangOf(request);
  auto refuse = [&](std::string message) {
    return NationalPage(app, request, staff, 422, page_year, message);
  };
  const http::UploadedFile* upload = nullptr;
  for (const auto& file : req.form.files) {
    if (file.field == kFileField) upload = &file;
  }
  if (!upload) return refuse(app.translator.Get(lang, N_("Choose a CSV file to import.")));
  auto parsed = ParseNationalCsv(upload->bytes);
  if (auto* problem = std::get_if<NationalFileError>(&parsed)) {
    return refuse(FillIn(app.translator.Get(lang, ProblemMsgid(problem->problem)), "{line}",
                         std::to_string(problem->line)));
  }
  auto& file = std::get<ParsedNationalFile>(parsed);
  if (file.year > ThisYear(app)) {
    return refuse(app.translator.Get(lang, N_("The file's year lies in the future.")));
  }
  auto local = LocalIdentifiers(app);
  for (const auto& bureau : file.bureaus) {
    if (local.contains(bureau.id)) {
      return refuse(FillIn(app.translator.Get(lang, N_("The file holds figures of \"{bureau}\", "
                                                       "a bureau of this installation: its "
                                                       "figures are counted here already.")),
                           "{bureau}", bureau.id));
    }
  }
  NationalFile whole;
  whole.year = file.year;
  whole.bureaus = file.bureaus;
  whole.national = file.roll_up;
  std::string canonical = NationalCsv(whole);
  std::string key = FileKey(canonical);
  std::vector<NationalImport> imports;
  std::string ids;
  for (const auto& bureau : file.bureaus) {
    NationalFile one;
    one.year = file.year;
    one.bureaus.push_back(bureau);
    imports.push_back({bureau.id, file.year, bureau.name, NationalCsv(one), key, 0, ""});
    ids += (ids.empty() ? "" : ", ") + bureau.id;
  }
  size_t bureau_count = imports.size();
  if (!file.roll_up.rows.empty())
    imports.push_back({"~" + key, file.year, "", canonical, key, 0, ""});
  app.figures.SaveNationalImports(imports, staff.user_id, app.now());
  app.audit.Audit(AuditEntry::ForBureau(staff.user_id, "national.import", staff.bureau_id,
                                        std::to_string(file.year) + ": " + ids),
                  app.now());
  return http::Response::SeeOther(std::string(kNationalPath) +
                                  "?jaar=" + std::to_string(file.year) +
                                  "&geimporteerd=" + std::to_string(bureau_count));
}

http::Response NationalFiguresDelete(const AppContext& app, const StaffRequest& req) {
  auto year = YearOf(app, req.form.fields.Get("jaar"));
  if (!year) return ErrorPage(app, 404, &req.http);
  std::string bureau = req.form.fields.Get("bureau");
  bool plain = !bureau.empty() && bureau.size() <= 64 &&
               std::all_of(bureau.begin(), bureau.end(), [](unsigned char c) {
                 return std::islower(c) || std::isdigit(c) || c == '-';
               });
  if (!plain || !app.figures.DeleteNationalImport(bureau, *year))
    return ErrorPage(app, 404, &req.http);
  app.audit.Audit(AuditEntry::ForBureau(req.staff.user_id, "national.delete", req.staff.bureau_id,
                                        std::to_string(*year) + ": " + bureau),
                  app.now());
  return http::Response::SeeOther(std::string(kNationalPath) + "?jaar=" + std::to_string(*year) +
                                  "&verwijderd=1");
}

}  // namespace meldpunt::web
