#pragma once
// Tags (labels) of a bureau and the tags on its cases (domain/cases/case_tag.hpp). A tag belongs
// to one bureau: every method takes the bureau, and a tag of another bureau is not found. Tags
// are not personal data: stored in clear. Putting a tag on a case or taking it off is a case
// change (CaseChange::tag in case_store.hpp), so it is in the case's history. Every method may
// block and must not be called on an I/O thread. Failures throw StoreError.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meldpunt {

struct CaseTag {
  long long id = 0;
  long long bureau_id = 0;
  std::string name;
  std::optional<long long> retired_at;  // Unix seconds; a retired tag is not put on cases
  // With ListTags(…, with_counts): the bureau's cases that carry it, open ones (not closed or
  // archived) and all.
  long long open_cases = 0;
  long long all_cases = 0;
};

enum class TagWrite {
  kDone,
  kDuplicate,  // the bureau has a tag of that name (TagNameKey) already
  kTooMany,    // the bureau has kMaxTagsPerBureau tags
  kNotFound,   // no such tag of this bureau
};

class TagStore {
 public:
  virtual ~TagStore() = default;

  // The bureau's tags by name, active ones first, then retired ones (soci_tags.cpp). With counts:
  // one grouped read over the bureau's tagged cases.
  virtual std::vector<CaseTag> ListTags(long long bureau_id, bool with_counts) = 0;
  virtual std::optional<CaseTag> GetTag(long long bureau_id, long long tag_id) = 0;
  // Adds a tag (a checked name, CheckTagName); `id` gets the new tag's id when done.
  virtual TagWrite AddTag(long long bureau_id, const std::string& name, long long now,
                          long long* id = nullptr) = 0;
  virtual TagWrite RenameTag(long long bureau_id, long long tag_id, const std::string& name) = 0;
  // Retires a tag (retired: true) or takes it back into use.
  virtual TagWrite SetTagRetired(long long bureau_id, long long tag_id, bool retired,
                                 long long now) = 0;
  // The tags of the bureau on one case, by name.
  virtual std::vector<CaseTag> ListCaseTags(long long bureau_id, long long report_id) = 0;
  // The tags of the bureau on these cases (a page of the list, at most kMaxTagLookup ids), in
  // one read: by report id, each by name.
  static constexpr size_t kMaxTagLookup = 500;
  virtual std::map<long long, std::vector<CaseTag>> ListTagsOfCases(
      long long bureau_id, const std::vector<long long>& report_ids) = 0;
};

}  // namespace meldpunt
