#include "metrics/exposition.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace meldpunt::metrics {

std::uint64_t HistogramSnapshot::Count() const {
  return std::accumulate(buckets.begin(), buckets.end(), std::uint64_t{0});
}

std::string EscapeLabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeHelp(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

namespace {

bool ValidName(std::string_view name, bool colon) {
  if (name.empty()) return false;
  auto allowed = [colon](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':') ||
           (!first && c >= '0' && c <= '9');
  };
  if (!allowed(name.front(), true)) return false;
  return std::all_of(name.begin() + 1, name.end(), [&](char c) { return allowed(c, false); });
}

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::kCounter:
      return "counter";
    case Type::kGauge:
      return "gauge";
    case Type::kHistogram:
      return "histogram";
  }
  return "untyped";
}

}  // namespace

bool ValidMetricName(std::string_view name) { return ValidName(name, true); }
bool ValidLabelName(std::string_view name) { return ValidName(name, false) && name != "le"; }

void Exposition::Family(std::string_view name, std::string_view help, Type type) {
  if (!ValidMetricName(name)) throw std::invalid_argument("bad metric name: " + std::string(name));
  if (std::find(families_.begin(), families_.end(), name) != families_.end()) return;
  families_.emplace_back(name);
  text_ += "# HELP ";
  text_ += name;
  text_ += ' ';
  text_ += EscapeHelp(help);
  text_ += "\n# TYPE ";
  text_ += name;
  text_ += ' ';
  text_ += TypeName(type);
  text_ += '\n';
}

void Exposition::Append(const Exposition& other) {
  text_ += other.text_;
  families_.insert(families_.end(), other.families_.begin(), other.families_.end());
}

void Exposition::WriteLabels(const std::vector<Label>& labels, std::string_view le) {
  if (labels.empty() && le.empty()) return;
  text_ += '{';
  bool first = true;
  for (const auto& label : labels) {
    if (!ValidLabelName(label.name)) {
      throw std::invalid_argument("bad label name: " + std::string(label.name));
    }
    if (!first) text_ += ',';
    first = false;
    text_ += label.name;
    text_ += "=\"";
    text_ += EscapeLabelValue(label.value);
    text_ += '"';
  }
  if (!le.empty()) {
    if (!first) text_ += ',';
    text_ += "le=\"";
    text_ += le;
    text_ += '"';
  }
  text_ += '}';
}

void Exposition::Sample(std::string_view name, std::initializer_list<Label> labels, double value) {
  Sample(name, std::vector<Label>(labels), value);
}

void Exposition::Sample(std::string_view name, const std::vector<Label>& labels, double value) {
  if (!ValidMetricName(name)) throw std::invalid_argument("bad metric name: " + std::string(name));
  text_ += name;
  WriteLabels(labels);
  text_ += ' ';
  text_ += FormatValue(value);
  text_ += '\n';
}

void Exposition::Histogram(std::string_view name, const std::vector<Label>& labels,
                           const HistogramSnapshot& histogram) {
  if (!ValidMetricName(name)) throw std::invalid_argument("bad metric name: " + std::string(name));
  std::string bucket = std::string(name) + "_bucket";
  std::uint64_t cumulative = 0;
  for (size_t i = 0; i <= histogram.bounds.size() && i < histogram.buckets.size(); ++i) {
    cumulative += histogram.buckets[i];
    std::string le = i < histogram.bounds.size() ? FormatValue(histogram.bounds[i]) : "+Inf";
    text_ += bucket;
    WriteLabels(labels, le);
    text_ += ' ';
    text_ += std::to_string(cumulative);
    text_ += '\n';
  }
  Sample(std::string(name) + "_sum", labels, histogram.sum);
  Sample(std::string(name) + "_count", labels, static_cast<double>(cumulative));
}

}  // namespace meldpunt::metrics
