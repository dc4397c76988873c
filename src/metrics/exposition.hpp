#pragma once
// The Prometheus text exposition format (version 0.0.4): one "# HELP" and "# TYPE" line per
// family, then its samples, label values escaped. Pure text building, no I/O; what the server
// scrapes is written through this and nothing else (see docs/design.md, "Metrics (issue 17)").
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt::metrics {

enum class Type { kCounter, kGauge, kHistogram };

struct Label {
  std::string_view name;
  std::string_view value;
};

// A histogram as read at one moment: per-bucket counts (not cumulative), the last one for the
// values above every bound. The count is the buckets' sum, so "+Inf" always equals "_count".
struct HistogramSnapshot {
  std::vector<double> bounds;          // upper bounds, ascending, "+Inf" not included
  std::vector<std::uint64_t> buckets;  // bounds.size() + 1 entries
  double sum = 0;
  std::uint64_t Count() const;
};

// Backslash, double quote and line feed in a label value, as the format asks.
std::string EscapeLabelValue(std::string_view value);
// Backslash and line feed in a HELP text.
std::string EscapeHelp(std::string_view help);
// A sample value: integers without exponent or fraction, "+Inf", "-Inf", "NaN".
std::string FormatValue(double value);
// [a-zA-Z_:][a-zA-Z0-9_:]* for metric names; labels without ':'.
bool ValidMetricName(std::string_view name);
bool ValidLabelName(std::string_view name);

class Exposition {
 public:
  // Starts a family. Names are checked (std::invalid_argument): they come from the code, never
  // from a request. A family started twice writes its HELP and TYPE only once, but its samples
  // must follow each other (the format wants a family's lines together).
  void Family(std::string_view name, std::string_view help, Type type);
  void Sample(std::string_view name, std::initializer_list<Label> labels, double value);
  void Sample(std::string_view name, const std::vector<Label>& labels, double value);
  // Writes name_bucket{...,le="..."} (cumulative), name_sum and name_count.
  void Histogram(std::string_view name, const std::vector<Label>& labels,
                 const HistogramSnapshot& histogram);

  // Adds another exposition's text (families started there count as started here).
  void Append(const Exposition& other);

  const std::string& Text() const { return text_; }

 private:
  void WriteLabels(const std::vector<Label>& labels, std::string_view le = {});

  std::string text_;
  std::vector<std::string> families_;  // started so far
};

// The Content-Type of the format.
inline constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace meldpunt::metrics
