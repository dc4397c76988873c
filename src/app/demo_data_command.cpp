// meldpunt demo-data: fills a test installation with generated, reproducible reports (see
// domain/figures/demo_data.hpp) to try and time the figures. Never for a database with real
// reports.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>

#include "app/command_util.hpp"
#include "app/commands.hpp"
#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "domain/figures/demo_data.hpp"
#include "domain/municipality.hpp"
#include "domain/reports/receipt.hpp"
#include "security/key_file.hpp"
#include "security/receipts.hpp"
#include "store/open_store.hpp"

namespace meldpunt::app {
namespace {

// Reports per transaction: large enough that commits cost little, small enough to keep memory
// flat (a batch of sealed reports is a few MiB).
constexpr size_t kBatchSize = 5000;
constexpr long long kProgressEvery = 100'000;

// The first two demo reports get a receipt code, so follow-up can be tried on demo data: the
// first hashed as before issue 16 (Argon2id, upgraded at its first sign-in), the second as now
// (keyed BLAKE2b). Codes come from the seed, the number of reports already there (a run with
// --force gets new codes) and the key file, and are printed.
struct DemoReceipt {
  std::string code;
  std::string scheme;
};
std::vector<DemoReceipt> DemoReceipts(const Receipts& receipts, unsigned long long seed,
                                      long long existing) {
  std::string base = "demo-data receipt, seed " + std::to_string(seed) + ", after " +
                     std::to_string(existing) + ", report ";
  return {{receipts.ForSubmission(base + "1"), "legacy Argon2id hash"},
          {receipts.ForSubmission(base + "2"), "keyed BLAKE2b hash"}};
}

Key LoadOrCreateMasterKey(const Config& config) {
  std::filesystem::create_directories(std::filesystem::path(config.key_file).parent_path());
  auto key = LoadOrCreateKeyFile(config.key_file);
  if (!key) throw std::runtime_error(key.error());
  return *key;
}

// The mass event of the demo data, made once; a second run with --force reuses it (event names
// are unique in the installation, whichever bureau made it).
long long MassEventId(Store& store, long long bureau_id, const DemoMassEvent& event,
                      long long now) {
  if (auto id = store.AddMassEvent({.bureau_id = bureau_id,
                                    .name = event.name,
                                    .description = event.description,
                                    .started_on = event.started_on,
                                    .created_by = 0},
                                   now)) {
    return *id;
  }
  for (const auto& existing : store.ListMassEvents(bureau_id)) {
    if (existing.name == event.name) return existing.id;
  }
  throw std::runtime_error("could not make the mass event \"" + event.name + "\"");
}

}  // namespace

int MakeDemoData(const Config& config, const DemoDataOptions& options) {
  if (options.reports < 1 || options.reports > kMaxDemoReports) {
    std::cerr << "--reports must be 1 to " << kMaxDemoReports << "\n";
    return 2;
  }
  if (options.years < 1 || options.years > kMaxDemoYears) {
    std::cerr << "--years must be 1 to " << kMaxDemoYears << "\n";
    return 2;
  }
  auto municipalities =
      MunicipalityRegistry::FromCsv(ReadFile(config.share_dir + "/data/gemeenten.csv"));
  if (!municipalities) throw std::runtime_error(municipalities.error());
  Key master = LoadOrCreateMasterKey(config);
  auto store = OpenStore(config.database, DataKey(master), AuditChainKey(master));
  store->UseMunicipalities(*municipalities);  // routed as the server routes

  long long existing = store->CountReports();
  if (existing > 0 && !options.force) {
    std::cerr << "this database holds " << existing
              << " reports already; demo data is for empty test installations only (use --force "
                 "to add it anyway)\n";
    return 1;
  }
  auto bureaus = store->ListBureaus();
  if (bureaus.empty()) throw std::runtime_error("the database has no bureau");
  DemoSettings settings;
  settings.reports = options.reports;
  settings.years = options.years;
  settings.seed = options.seed;
  long long now = MakeClock(config)();
  // Reports end at the start of today (UTC), so the same seed makes the same reports all day.
  settings.now = now - now % 86400;
  // The bureau that makes the mass event. Every report, the event's too, goes where routing
  // sends it (by place of incident, else residence), as a real burst does: the event holds
  // reports of several bureaus.
  long long bureau_id = bureaus.front().id;
  long long fixed_bureau = 0;
  if (options.bureau) {
    auto it = std::find_if(bureaus.begin(), bureaus.end(),
                           [&](const Bureau& b) { return b.id == *options.bureau; });
    if (it == bureaus.end()) {
      std::cerr << "there is no bureau " << *options.bureau << "; see: meldpunt bureau list\n";
      return 2;
    }
    bureau_id = fixed_bureau = it->id;
    settings.area = it->municipalities;  // empty: every municipality
  }

  Receipts receipts(ReceiptKey(master));
  std::vector<DemoReceipt> demo_receipts = DemoReceipts(receipts, options.seed, existing);
  std::vector<long long> receipt_report_ids;

  DemoGenerator generator(*municipalities, settings);
  const DemoMassEvent& mass = generator.mass_event();
  std::optional<long long> mass_id;
  if (mass.reports > 0) mass_id = MassEventId(*store, bureau_id, mass, now);

  auto started = std::chrono::steady_clock::now();
  std::map<int, long long> per_year;
  long long closed = 0, anonymous = 0, multi_ground = 0;
  // The next batch is generated while the store encrypts and writes the previous one.
  std::future<std::vector<long long>> writing;
  std::vector<BatchReport> batch;
  batch.reserve(kBatchSize);
  for (long long i = 0; i < options.reports; ++i) {
    DemoReport demo = generator.Next(i);
    per_year[DutchYearOf(*demo.report.received_at)]++;  // as reported_year
    if (demo.closing) ++closed;
    if (demo.report.anonymous) ++anonymous;
    if (demo.report.grounds.size() > 1) ++multi_ground;
    BatchReport row;
    row.bureau_id = fixed_bureau;  // 0: routed
    if (demo.mass) row.mass_event_id = mass_id;
    if (demo.closing) {
      row.handlings = std::move(demo.closing->handlings);
      row.outcome = std::move(demo.closing->outcome);
      row.closed_at = demo.closing->closed_at;
    }
    row.report = std::move(demo.report);
    if (i == 0) row.report.receipt_hash = receipts.LegacyHash(demo_receipts[0].code);
    if (i == 1) row.report.receipt_hash = receipts.Hash(demo_receipts[1].code);
    batch.push_back(std::move(row));
    if (batch.size() == kBatchSize || i + 1 == options.reports) {
      if (writing.valid()) {
        auto ids = writing.get();
        if (receipt_report_ids.empty()) receipt_report_ids = std::move(ids);
      }
      writing = std::async(std::launch::async, [&store, rows = std::move(batch), now] {
        return store->AddReportBatch(rows, now);
      });
      batch = {};
      batch.reserve(kBatchSize);
    }
    if ((i + 1) % kProgressEvery == 0) {
      std::cerr << "demo-data: " << (i + 1) << " of " << options.reports << " reports\n";
    }
  }
  if (writing.valid()) {
    auto ids = writing.get();
    if (receipt_report_ids.empty()) receipt_report_ids = std::move(ids);
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // PostgreSQL: the visibility map and statistics of the tables just filled, so the first
  // figures after a bulk load are as fast as later ones.
  auto vacuuming = std::chrono::steady_clock::now();
  bool vacuumed = store->VacuumAfterBulkLoad();
  double vacuum_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - vacuuming).count();
  store->AuditSystem("demo_data.generate",
                     std::to_string(options.reports) + " reports, seed " +
                         std::to_string(options.seed) + ", " + std::to_string(options.years) +
                         " years",
                     now);

  std::cout << "made " << options.reports << " demo reports (seed " << options.seed << ", "
            << options.years << " years) in " << seconds << " s\n";
  if (vacuumed) std::cout << "vacuumed and analysed the tables in " << vacuum_seconds << " s\n";
  std::cout << "closed: " << closed << ", anonymous: " << anonymous
            << ", with several grounds: " << multi_ground << "\n";
  for (size_t i = 0; i < demo_receipts.size() && i < receipt_report_ids.size(); ++i) {
    std::cout << "receipt code of report " << receipt_report_ids[i] << " ("
              << demo_receipts[i].scheme << "): " << FormatReceipt(demo_receipts[i].code) << "\n";
  }
  std::cout << "per year of reporting:\n";
  for (const auto& [year, count] : per_year) std::cout << "  " << year << "\t" << count << "\n";
  std::cout << "per bureau (all reports in the database):\n";
  for (const auto& bureau : store->ListBureaus()) {
    std::cout << "  " << bureau.id << "\t" << bureau.name << "\t"
              << store->CountBureauReports(bureau.id) << "\n";
  }
  if (mass_id) {
    auto event = store->GetMassEvent(*mass_id, bureau_id);
    long long linked = event ? event->linked + event->linked_elsewhere : 0;
    std::cout << "mass event " << *mass_id << " \"" << mass.name << "\" (made by bureau "
              << bureau_id << ", from " << mass.started_on << "): " << linked << " linked reports";
    if (event && event->linked_elsewhere > 0) {
      std::cout << " (" << event->linked << " of bureau " << bureau_id << ", "
                << event->linked_elsewhere << " of other bureaus)";
    }
    std::cout << "\n";
  } else {
    std::cout << "no mass event (fewer than 20 reports)\n";
  }
  return 0;
}

}  // namespace meldpunt::app
