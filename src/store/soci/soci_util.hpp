#pragma once
// Small helpers shared by the files of the SOCI store.
#include <soci/soci.h>

#include <string>

#include "store/store.hpp"

namespace meldpunt::soci_util {

// Integer columns come back as int or long long depending on engine and declared type.
inline long long GetInteger(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(column));
    // SQLite reports expressions such as COUNT(*) without a declared type, as text.
    case soci::dt_string:
      return std::stoll(row.get<std::string>(column));
    default:
      throw StoreError("column " + std::to_string(column) + " is not a number");
  }
}

// Runs fn with a store error that names the operation, so logs say what failed.
template <class Fn>
auto Guard(const char* what, Fn&& fn) {
  try {
    return fn();
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception& e) {
    throw StoreError(std::string(what) + ": " + e.what());
  }
}

}  // namespace meldpunt::soci_util
