// meldpunt backup and meldpunt restore (issue 17): a consistent copy of a SQLite database taken
// while the server runs, and a restore that accepts only a file this program can serve whose
// audit chain is intact. PostgreSQL has its own tools (pg_dump, WAL archiving).
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <thread>

#include "app/command_util.hpp"
#include "app/commands.hpp"
#include "store/database_url.hpp"
#include "store/open_store.hpp"
#include "store/soci/migrations.hpp"

namespace meldpunt::app {
namespace {

namespace fs = std::filesystem;

// The first 16 bytes of every SQLite 3 database file.
constexpr char kSqliteHeader[] = "SQLite format 3";  // with its NUL: 16 bytes

// A raw SQLite connection, closed on every path out.
class Connection {
 public:
  Connection(const std::string& path, int flags) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      throw std::runtime_error(path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 10'000);
  }
  ~Connection() { sqlite3_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  sqlite3* get() const { return db_; }

  void Exec(const std::string& statement) {
    char* error = nullptr;
    if (sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string why = error ? error : sqlite3_errmsg(db_);
      sqlite3_free(error);
      throw std::runtime_error(why);
    }
  }

  // The first column of every row, as text.
  std::vector<std::string> Column(const std::string& query) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, query.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db_));
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      auto* text = sqlite3_column_text(stmt, 0);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string RandomSuffix() {
  std::random_device random;
  std::uniform_int_distribution<unsigned> digit(0, 15);
  std::string out;
  for (int i = 0; i < 12; ++i) out += "0123456789abcdef"[digit(random)];
  return out;
}

void FsyncPath(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + path.string() + ": " + strerror(errno));
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  if (rc != 0) throw std::runtime_error("cannot fsync " + path.string() + ": " + strerror(saved));
}

// Writes the file to disk, puts it in place of `to` in one step, and writes the folder entry.
void CommitFile(const fs::path& tmp, const fs::path& to) {
  FsyncPath(tmp, O_RDONLY);
  fs::rename(tmp, to);
  FsyncPath(to.parent_path().empty() ? fs::path(".") : to.parent_path(), O_RDONLY | O_DIRECTORY);
}

void RemoveTemporary(const fs::path& tmp) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    fs::remove(tmp.string() + suffix, ignored);
}

// The SQLite file a database URL names, or nullopt (with the message printed) for PostgreSQL.
std::optional<std::string> SqliteTarget(const Config& config, const char* postgres_advice) {
  auto url = ParseDatabaseUrl(config.database);
  if (!url) throw std::runtime_error(url.error());
  if (url->engine == Engine::kPostgres) {
    std::cerr << postgres_advice << "\n";
    return std::nullopt;
  }
  return url->target;
}

int HighestVersion(Connection& db) {
  auto rows = db.Column("SELECT MAX(version) FROM schema_migrations");
  return rows.empty() || rows[0].empty() ? 0 : std::stoi(rows[0]);
}

// Why a copied file cannot be restored, or "" when its schema is one this program knows.
std::string SchemaProblem(const fs::path& file) {
  Connection db(file.string(), SQLITE_OPEN_READWRITE);
  std::vector<std::string> check;
  try {
    check = db.Column("PRAGMA quick_check");
  } catch (const std::exception& e) {
    return std::string("not a readable SQLite database (") + e.what() + ")";
  }
  if (check.size() != 1 || check[0] != "ok")
    return "the database is damaged: " + (check.empty() ? std::string("?") : check[0]);
  if (db.Column("SELECT name FROM sqlite_master WHERE type = 'table' AND name = "
                "'schema_migrations'")
          .empty())
    return "not a meldpunt database (it has no schema_migrations table)";
  std::set<int> known;
  for (const auto& migration : AllMigrations()) known.insert(migration.version);
  for (const auto& version : db.Column("SELECT version FROM schema_migrations ORDER BY version")) {
    if (!known.contains(std::stoi(version)))
      return "the database has schema version " + version +
             ", which this meldpunt does not know: restore it with the meldpunt version that "
             "wrote it, or a newer one";
  }
  return "";
}

}  // namespace

int Backup(const Config& config, const BackupOptions& options) {
  auto source = SqliteTarget(
      config,
      "meldpunt backup is for SQLite; back up PostgreSQL with pg_dump (see docs/operator-guide.md, "
      "\"Backups\")");
  if (!source) return 2;
  const fs::path to = fs::absolute(options.to);
  if (!fs::exists(*source)) {
    std::cerr << "no database at " << *source << "\n";
    return 2;
  }
  if (fs::exists(to)) {
    if (fs::equivalent(to, *source)) {
      std::cerr << to.string() << " is the database itself\n";
      return 2;
    }
    if (!options.force) {
      std::cerr << to.string() << " exists; give --force to overwrite it\n";
      return 2;
    }
  }
  if (!fs::is_directory(to.parent_path())) {
    std::cerr << "no folder " << to.parent_path().string() << "\n";
    return 2;
  }
  const fs::path tmp = to.string() + ".tmp-" + RandomSuffix();
  int version = 0;
  try {
    {
      // The server's own file, as a second connection: in WAL mode the copy reads one snapshot
      // while the server keeps writing (step -1 copies every page under one read transaction;
      // smaller steps would start over at each write of a busy server).
      Connection from(*source, SQLITE_OPEN_READWRITE);
      Connection into(tmp.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      sqlite3_backup* backup = sqlite3_backup_init(into.get(), "main", from.get(), "main");
      if (!backup) throw std::runtime_error(sqlite3_errmsg(into.get()));
      int rc;
      int waits = 0;
      while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        if (++waits > 600) break;  // a minute
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      sqlite3_backup_finish(backup);
      if (rc != SQLITE_DONE)
        throw std::runtime_error(std::string("the copy failed: ") + sqlite3_errstr(rc));
      // One self-contained file (no -wal beside it); serve turns WAL on again after a restore.
      into.Exec("PRAGMA journal_mode=DELETE");
      version = HighestVersion(into);
    }
    CommitFile(tmp, to);
  } catch (...) {
    RemoveTemporary(tmp);
    throw;
  }
  std::cout << "backup written: " << to.string() << ", " << fs::file_size(to)
            << " bytes, schema version " << version << "\n"
            << "the key file (" << config.key_file
            << ") is not in it: keep a copy of the key file apart from the backups\n";
  return 0;
}

int Restore(const Config& config, const RestoreOptions& options) {
  auto target = SqliteTarget(
      config,
      "meldpunt restore is for SQLite; restore PostgreSQL with pg_restore or psql (see "
      "docs/operator-guide.md, \"Backups\")");
  if (!target) return 2;
  const fs::path from = options.from;
  const fs::path to = fs::absolute(*target);
  {
    std::ifstream in(from, std::ios::binary);
    if (!in) {
      std::cerr << "cannot read " << from.string() << "\n";
      return 2;
    }
    char header[sizeof kSqliteHeader] = {};
    in.read(header, sizeof header);
    if (in.gcount() != sizeof header || std::memcmp(header, kSqliteHeader, sizeof header) != 0) {
      std::cerr << from.string() << " is not a SQLite database: nothing restored\n";
      return 2;
    }
  }
  // Only into a new place: a restore never overwrites data, not even by mistake.
  const fs::path key = fs::absolute(config.key_file);
  const fs::path folder = to.parent_path();
  fs::create_directories(folder);
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (fs::absolute(entry.path()) == key) continue;
    std::cerr << "the folder " << folder.string() << " is not empty (it holds "
              << entry.path().filename().string()
              << "): restore into an empty folder, with only the key file in it\n";
    return 2;
  }
  // The audit chain can only be checked with the key that wrote it, and the reports only read.
  if (!fs::exists(key)) {
    std::cerr << "no key file at " << key.string()
              << ": copy the key file kept apart from the backups there first\n";
    return 2;
  }
  const fs::path tmp = to.string() + ".tmp-" + RandomSuffix();
  try {
    fs::copy_file(from, tmp);
    if (auto problem = SchemaProblem(tmp); !problem.empty()) {
      RemoveTemporary(tmp);
      std::cerr << from.string() << ": " << problem << ": nothing restored\n";
      return 2;
    }
    AuditChainReport chain;
    int version = 0;
    {
      // Brings an older file up to this version's schema, as serve would.
      auto store = OpenStore("sqlite:" + tmp.string(), std::nullopt,
                             AuditChainKey(LoadExistingMasterKey(config)));
      chain = store->VerifyAuditChain();
    }
    if (!chain.intact) {
      RemoveTemporary(tmp);
      std::cerr << from.string() << ": the audit log is BROKEN";
      if (chain.broken_id) std::cerr << " at entry " << *chain.broken_id;
      std::cerr << " (" << chain.problem
                << "), or the key file is not the one that wrote it: nothing restored\n";
      return 2;
    }
    {
      Connection db(tmp.string(), SQLITE_OPEN_READWRITE);  // folds any -wal into the file
      db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
      version = HighestVersion(db);
    }
    CommitFile(tmp, to);
    RemoveTemporary(tmp);  // an empty -wal or -shm left beside the old name
    std::cout << "restored " << from.string() << " to " << to.string() << ": schema version "
              << version << ", audit log intact (" << chain.chained << " chained entries)\n";
    return 0;
  } catch (...) {
    RemoveTemporary(tmp);
    throw;
  }
}

}  // namespace meldpunt::app
