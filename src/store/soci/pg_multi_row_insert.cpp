#include "store/soci/pg_multi_row_insert.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace meldpunt {

namespace {
constexpr size_t kMaxParameters = 65535;
}

PgMultiRowInsert::PgMultiRowInsert(soci::session& sql, std::string head, size_t columns,
                                   size_t rows_per_statement, PgMultiRowInsert* referred)
    : sql_(sql),
      head_(std::move(head)),
      columns_(columns),
      rows_per_statement_(columns == 0 ? 0
                                       : std::min(rows_per_statement, kMaxParameters / columns)),
      referred_(referred) {
  if (rows_per_statement_ == 0) throw std::logic_error("PgMultiRowInsert: no columns or rows");
  values_.reserve(columns_ * rows_per_statement_);
}

void PgMultiRowInsert::Add(std::vector<std::optional<std::string>> row) {
  if (row.size() != columns_) throw std::logic_error("PgMultiRowInsert: wrong number of values");
  for (auto& value : row) values_.push_back(std::move(value));
  if (values_.size() == columns_ * rows_per_statement_) Flush();
}

void PgMultiRowInsert::Flush() {
  if (values_.empty()) return;
  if (referred_) referred_->Flush();
  // VALUES ($1, $2), ($3, $4), ...: the parameters take the target columns' types.
  std::string query = head_ + " VALUES ";
  for (size_t i = 0; i < values_.size(); ++i) {
    if (i % columns_ == 0)
      query += i == 0 ? "(" : "), (";
    else
      query += ", ";
    query += "$" + std::to_string(i + 1);
  }
  query += ")";
  std::vector<const char*> params;
  params.reserve(values_.size());
  for (const auto& value : values_) params.push_back(value ? value->c_str() : nullptr);
  // By name, not dynamic_cast: libsoci does not export its backends' type information.
  if (sql_.get_backend_name() != "postgresql")
    throw std::logic_error("PgMultiRowInsert: not a PostgreSQL session");
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql_.get_backend());
  std::unique_ptr<PGresult, decltype(&PQclear)> result(
      PQexecParams(backend->conn_, query.c_str(), static_cast<int>(params.size()), nullptr,
                   params.data(), nullptr, nullptr, 0),
      &PQclear);
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    std::string message = result ? PQresultErrorMessage(result.get()) : "no result";
    throw std::runtime_error("multi-row insert: " + message);
  }
  values_.clear();
}

}  // namespace meldpunt
