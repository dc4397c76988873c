#pragma once
// Many rows into one PostgreSQL table in few round trips (bulk loads: the demo-data command).
// A prepared INSERT per row waits for the server once per row; at a million reports and their
// grounds that wait, not the work, took most of the time (docs/benchmarks.md). Rows are kept as
// text values and sent as multi-row INSERT ... VALUES statements with libpq parameters, inside
// the session's current transaction.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace meldpunt {

class PgMultiRowInsert {
 public:
  // head: "INSERT INTO table (a, b, c)" and anything before VALUES (OVERRIDING SYSTEM VALUE).
  // Statements hold at most rows_per_statement rows and 65,535 parameters (PostgreSQL's limit).
  // With `referred`, whose rows this one's refer to (a foreign key), that one is sent first.
  PgMultiRowInsert(soci::session& sql, std::string head, size_t columns, size_t rows_per_statement,
                   PgMultiRowInsert* referred = nullptr);
  // One row: exactly `columns` values, nullopt for NULL. Sends a statement when one is full.
  void Add(std::vector<std::optional<std::string>> row);
  // Sends what is left. Throws std::runtime_error with the server's message on failure.
  void Flush();

 private:
  soci::session& sql_;
  std::string head_;
  size_t columns_;
  size_t rows_per_statement_;
  PgMultiRowInsert* referred_;
  std::vector<std::optional<std::string>> values_;
};

}  // namespace meldpunt
