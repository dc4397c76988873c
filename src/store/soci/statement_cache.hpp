#pragma once
// Statements prepared once per database connection and run again with new values (issue 16).
//
// soci's `sql << "..."` parses and plans its text anew every time. On SQLite's single writer that
// was a third of its time per report (`perf`: sqlite3_prepare_v2 34% of the writer thread), as a
// submission runs some twenty statements. The writer thread keeps one StatementCache for its
// connection for as long as it runs (WriteQueue); work on it reaches that cache through
// PreparedStatements. Anywhere else (PostgreSQL's pooled connections, a test's own session) a
// PreparedStatements holds a cache of its own for one piece of work, whose statements run as
// one-time queries, as `sql << ...` would.
//
// Values are bound by position (the text's :names are for the reader): long long, int, double,
// std::string, or Nullable<T> of one of these for a value that may be NULL. Results are read
// into the variables of a std::tie(...) in column order; a NULL read into a plain variable
// throws, as soci does.
#include <soci/soci.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace meldpunt {

// A value that may be NULL: to bind, or to read.
template <class T>
struct Nullable {
  T value{};
  bool null = true;
  static Nullable Of(std::optional<T> v) { return v ? Nullable{*v, false} : Nullable{}; }
  std::optional<T> Optional() const { return null ? std::nullopt : std::optional<T>(value); }
};

namespace statement_cache_detail {

template <class T>
struct Base {
  using type = T;
};
template <class T>
struct Base<Nullable<T>> {
  using type = T;
};
template <class T>
using BaseOf = typename Base<std::remove_cvref_t<T>>::type;

template <class T>
constexpr bool kBindable = std::is_same_v<T, long long> || std::is_same_v<T, int> ||
                           std::is_same_v<T, double> || std::is_same_v<T, std::string>;

// A bound variable and its indicator; soci reads and writes them by reference.
template <class T>
struct Slot {
  static_assert(kBindable<T>, "bind long long, int, double, std::string or Nullable of these");
  T value{};
  soci::indicator indicator = soci::i_ok;
};

template <class T>
void Put(Slot<T>& slot, const T& value) {
  slot.value = value;
  slot.indicator = soci::i_ok;
}
template <class T>
void Put(Slot<T>& slot, const Nullable<T>& value) {
  slot.indicator = value.null ? soci::i_null : soci::i_ok;
  if (!value.null) slot.value = value.value;
}

void ThrowNull(std::string_view text);

template <class T>
void Take(const Slot<T>& slot, T& out, std::string_view text) {
  if (slot.indicator == soci::i_null) ThrowNull(text);
  out = slot.value;
}
template <class T>
void Take(const Slot<T>& slot, Nullable<T>& out, std::string_view) {
  out.null = slot.indicator == soci::i_null;
  if (!out.null) out.value = slot.value;
}

struct EntryBase {
  explicit EntryBase(soci::session& sql) : statement(sql) {}
  virtual ~EntryBase() = default;
  soci::statement statement;
};

template <class Outs, class Ins>
struct Entry;
template <class... Outs, class... Ins>
struct Entry<std::tuple<Outs...>, std::tuple<Ins...>> final : EntryBase {
  Entry(soci::session& sql, const std::string& text, bool repeatable) : EntryBase(sql) {
    std::apply([&](auto&... s) { (statement.exchange(soci::into(s.value, s.indicator)), ...); },
               outs);
    std::apply([&](auto&... s) { (statement.exchange(soci::use(s.value, s.indicator)), ...); },
               ins);
    statement.alloc();
    statement.prepare(
        text, repeatable ? soci::details::st_repeatable_query : soci::details::st_one_time_query);
    statement.define_and_bind();
  }
  std::tuple<Slot<Outs>...> outs;
  std::tuple<Slot<Ins>...> ins;
};

}  // namespace statement_cache_detail

class StatementCache {
 public:
  // keep: prepare each text once and keep it (the writer's connection); otherwise every
  // statement is a one-time query, dropped with the cache.
  StatementCache(soci::session& sql, bool keep);
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  soci::session& session() const { return sql_; }
  size_t size() const { return entries_.size(); }

  // Runs a statement without results; returns the rows it changed.
  template <class... Ins>
  long long Execute(std::string_view text, const Ins&... ins) {
    auto& entry = Find<std::tuple<>, std::tuple<statement_cache_detail::BaseOf<Ins>...>>(text);
    Bind(entry, std::index_sequence_for<Ins...>{}, ins...);
    return Finish(entry.statement, false).changed;
  }

  // Runs a statement and reads its first row into `outs` (std::tie(a, b)); false when it
  // returned no row (the variables are left as they were).
  template <class... Outs, class... Ins>
  bool Fetch(std::string_view text, std::tuple<Outs&...> outs, const Ins&... ins) {
    auto& entry = Find<std::tuple<statement_cache_detail::BaseOf<Outs>...>,
                       std::tuple<statement_cache_detail::BaseOf<Ins>...>>(text);
    Bind(entry, std::index_sequence_for<Ins...>{}, ins...);
    bool got = Finish(entry.statement, true).got;
    if (got) Read(entry, outs, text, std::index_sequence_for<Outs...>{});
    return got;
  }

  // Runs a query and calls row() after reading each row into `outs`.
  template <class... Outs, class Row, class... Ins>
  void ForEach(std::string_view text, std::tuple<Outs&...> outs, Row&& row, const Ins&... ins) {
    auto& entry = Find<std::tuple<statement_cache_detail::BaseOf<Outs>...>,
                       std::tuple<statement_cache_detail::BaseOf<Ins>...>>(text);
    Bind(entry, std::index_sequence_for<Ins...>{}, ins...);
    try {
      entry.statement.execute(false);
      while (entry.statement.fetch()) {
        Read(entry, outs, text, std::index_sequence_for<Outs...>{});
        row();
      }
    } catch (...) {
      Reset(entry.statement);
      throw;
    }
    Reset(entry.statement);
  }

 private:
  struct Outcome {
    bool got = false;
    long long changed = 0;
  };

  template <class Outs, class Ins>
  statement_cache_detail::Entry<Outs, Ins>& Find(std::string_view text) {
    using Entry = statement_cache_detail::Entry<Outs, Ins>;
    auto found = entries_.find(text);
    if (found == entries_.end()) {
      std::string key(text);
      auto entry = std::make_unique<Entry>(sql_, key, keep_);
      found = entries_.emplace(std::move(key), std::move(entry)).first;
    }
    auto* entry = dynamic_cast<Entry*>(found->second.get());
    if (entry == nullptr) {
      throw std::logic_error("statement run with other value types than before: " +
                             std::string(text));
    }
    return *entry;
  }

  template <class Entry, size_t... I, class... Ins>
  static void Bind(Entry& entry, std::index_sequence<I...>, const Ins&... ins) {
    (statement_cache_detail::Put(std::get<I>(entry.ins), ins), ...);
  }

  template <class Entry, class Outs, size_t... I>
  static void Read(const Entry& entry, Outs& outs, std::string_view text,
                   std::index_sequence<I...>) {
    (statement_cache_detail::Take(std::get<I>(entry.outs), std::get<I>(outs), text), ...);
  }

  // Executes, notes what it did, and resets the statement so that it holds no transaction open.
  Outcome Finish(soci::statement& statement, bool fetch);
  void Reset(soci::statement& statement);

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  soci::session& sql_;
  const bool keep_;
  const bool sqlite_;
  std::unordered_map<std::string, std::unique_ptr<statement_cache_detail::EntryBase>, Hash,
                     std::equal_to<>>
      entries_;
};

// The statements to use for work on `sql`: the writer thread's cache when `sql` is its
// connection, otherwise a one-time cache that lives as long as this object.
class PreparedStatements {
 public:
  explicit PreparedStatements(soci::session& sql);
  StatementCache& operator*() { return *cache_; }
  StatementCache* operator->() { return cache_; }

  // The cache the current thread keeps for its connection (the SQLite writer); nullptr to end.
  static void KeepForThisThread(StatementCache* cache);

 private:
  std::optional<StatementCache> own_;
  StatementCache* cache_ = nullptr;
};

}  // namespace meldpunt
