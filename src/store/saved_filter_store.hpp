#pragma once
// Saved filters (bewaarde filters) of the list of reports, per staff member (issue 14): a name
// and the list's query string. Only the owner reads or deletes them.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <string>
#include <vector>

namespace meldpunt {

struct SavedFilter {
  long long id = 0;
  std::string name;   // as typed, stored encrypted (a name may say more than a code does)
  std::string query;  // the list's query string, without "?" (checked before it was saved)
};

class SavedFilterStore {
 public:
  virtual ~SavedFilterStore() = default;

  // The user's saved filters, in the order they were saved (soci_saved_filters.cpp).
  virtual std::vector<SavedFilter> ListSavedFilters(long long user_id) = 0;
  // Saves a filter unless the user has max_per_user already; false then, storing nothing.
  virtual bool AddSavedFilter(long long user_id, const std::string& name, const std::string& query,
                              long long now, int max_per_user) = 0;
  // Deletes one of the user's saved filters; false when the user has none with this id.
  virtual bool DeleteSavedFilter(long long user_id, long long filter_id) = 0;
};

}  // namespace meldpunt
