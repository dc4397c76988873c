#include "web/common/svg_chart.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace meldpunt::web {
namespace {

// The SVG parsed as XML (no network, no entities from outside): a parse error fails the test.
struct Parsed {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc{nullptr, xmlFreeDoc};
  xmlNode* root() const { return xmlDocGetRootElement(doc.get()); }
};

Parsed Parse(const std::string& svg) {
  Parsed parsed;
  parsed.doc.reset(xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "chart.svg", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  return parsed;
}

std::string Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string Text(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// Every element below `node`, depth first.
void Elements(xmlNode* node, std::vector<xmlNode*>& out) {
  for (xmlNode* child = node->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    out.push_back(child);
    Elements(child, out);
  }
}

std::vector<xmlNode*> All(const Parsed& parsed, const std::string& name) {
  std::vector<xmlNode*> all, named;
  Elements(parsed.root(), all);
  for (auto* node : all) {
    if (Name(node) == name) named.push_back(node);
  }
  return named;
}

Chart Sample() {
  Chart chart;
  chart.id = "chart-ground";
  chart.title = "Reports by ground";
  chart.description = "Origin 40, age 10, religion fewer than 5.";
  chart.items = {{"Origin", 40, true, "40"},
                 {"Age", 10, true, "10"},
                 {"Religion", 3, false, "< 5"},
                 {"Sex", 20, true, "20"}};
  return chart;
}

void ExpectAccessibleAndSelfContained(const Parsed& parsed, const Chart& chart) {
  ASSERT_NE(parsed.doc, nullptr) << "well-formed XML";
  EXPECT_EQ(Name(parsed.root()), "svg");
  EXPECT_EQ(Attribute(parsed.root(), "role"), "img");
  EXPECT_EQ(Attribute(parsed.root(), "aria-labelledby"), chart.id + "-title " + chart.id + "-desc");
  EXPECT_FALSE(Attribute(parsed.root(), "viewBox").empty());
  auto titles = All(parsed, "title");
  auto descs = All(parsed, "desc");
  ASSERT_EQ(titles.size(), 1u);
  ASSERT_EQ(descs.size(), 1u);
  EXPECT_EQ(Attribute(titles[0], "id"), chart.id + "-title");
  EXPECT_EQ(Text(titles[0]), chart.title);
  EXPECT_EQ(Attribute(descs[0], "id"), chart.id + "-desc");
  EXPECT_EQ(Text(descs[0]), chart.description);
  std::vector<xmlNode*> all;
  Elements(parsed.root(), all);
  for (auto* node : all) {
    EXPECT_NE(Name(node), "script");
    EXPECT_NE(Name(node), "image");
    EXPECT_NE(Name(node), "foreignObject");
    EXPECT_EQ(Attribute(node, "href"), "");
    EXPECT_EQ(Attribute(node, "style"), "");
  }
}

TEST(SvgChart, BarChartIsWellFormedAndAccessible) {
  Chart chart = Sample();
  auto parsed = Parse(BarChartSvg(chart));
  ExpectAccessibleAndSelfContained(parsed, chart);
}

TEST(SvgChart, BarLengthsAreProportionalAndSuppressedValuesAbsent) {
  auto parsed = Parse(BarChartSvg(Sample()));
  ASSERT_NE(parsed.doc, nullptr);
  auto bars = All(parsed, "rect");
  ASSERT_EQ(bars.size(), 3u) << "no bar for the suppressed value";
  double origin = std::stod(Attribute(bars[0], "width"));
  double age = std::stod(Attribute(bars[1], "width"));
  double sex = std::stod(Attribute(bars[2], "width"));
  EXPECT_DOUBLE_EQ(origin, kBarAreaWidth) << "the largest is the full length";
  EXPECT_NEAR(age / origin, 10.0 / 40.0, 0.001);
  EXPECT_NEAR(sex / origin, 20.0 / 40.0, 0.001);
  // Every label and every number as text in the drawing, "< 5" included.
  std::vector<std::string> texts;
  for (auto* node : All(parsed, "text")) texts.push_back(Text(node));
  for (const char* expected : {"Origin", "40", "Age", "10", "Religion", "< 5", "Sex", "20"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), expected), texts.end()) << expected;
  }
}

TEST(SvgChart, ColumnChartIsWellFormedProportionalAndLabelled) {
  Chart chart = Sample();
  chart.id = "chart-month";
  auto parsed = Parse(ColumnChartSvg(chart));
  ExpectAccessibleAndSelfContained(parsed, chart);
  auto bars = All(parsed, "rect");
  ASSERT_EQ(bars.size(), 3u);
  double first = std::stod(Attribute(bars[0], "height"));
  EXPECT_NEAR(std::stod(Attribute(bars[1], "height")) / first, 0.25, 0.001);
  EXPECT_NEAR(std::stod(Attribute(bars[2], "height")) / first, 0.5, 0.001);
  // Columns stand on one baseline: y + height is the same for each.
  double base = std::stod(Attribute(bars[0], "y")) + first;
  for (auto* bar : bars) {
    EXPECT_NEAR(std::stod(Attribute(bar, "y")) + std::stod(Attribute(bar, "height")), base, 0.11);
  }
}

TEST(SvgChart, ManyMonthsKeepLabelsReadable) {
  Chart chart;
  chart.id = "m";
  chart.title = "t";
  chart.description = "d";
  for (int i = 0; i < 120; ++i)
    chart.items.push_back({"2016-" + std::to_string(i), i, true, std::to_string(i)});
  auto parsed = Parse(ColumnChartSvg(chart));
  ASSERT_NE(parsed.doc, nullptr);
  EXPECT_EQ(All(parsed, "rect").size(), 120u);
  // No numbers above 120 columns (the table has them), and at most 12 labels under them, plus
  // the two numbers of the scale.
  EXPECT_LE(All(parsed, "text").size(), 12u + 2u);
}

TEST(SvgChart, EscapesEveryText) {
  Chart chart;
  chart.id = "x\"><script>";
  chart.title = "<script>alert(1)</script> & \"title\"";
  chart.description = "a < b & c > d 'e'";
  chart.items = {{"<b>bold</b> & \"q\"", 5, true, "5"}, {"</text><script>", 2, false, "< 5"}};
  for (const auto& svg : {BarChartSvg(chart), ColumnChartSvg(chart)}) {
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    auto parsed = Parse(svg);
    ASSERT_NE(parsed.doc, nullptr) << svg;
    EXPECT_EQ(Text(All(parsed, "title")[0]), chart.title);
    EXPECT_EQ(Text(All(parsed, "desc")[0]), chart.description);
    EXPECT_TRUE(All(parsed, "script").empty());
  }
  auto parsed = Parse(BarChartSvg(chart));
  std::vector<std::string> texts;
  for (auto* node : All(parsed, "text")) texts.push_back(Text(node));
  EXPECT_NE(std::find(texts.begin(), texts.end(), "<b>bold</b> & \"q\""), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "</text><script>"), texts.end());
}

TEST(SvgChart, AllZeroOrAllSuppressedDrawsNoBars) {
  Chart chart = Sample();
  for (auto& item : chart.items) item.value = 0;
  auto parsed = Parse(BarChartSvg(chart));
  ASSERT_NE(parsed.doc, nullptr);
  for (auto* bar : All(parsed, "rect")) EXPECT_EQ(Attribute(bar, "width"), "0");
  for (auto& item : chart.items) item.shown = false;
  EXPECT_TRUE(All(Parse(BarChartSvg(chart)), "rect").empty());
  EXPECT_TRUE(All(Parse(ColumnChartSvg(chart)), "rect").empty());
}

TEST(SvgChart, ShortensLongLabelsByCharacter) {
  EXPECT_EQ(ShortenLabel("short", 10), "short");
  EXPECT_EQ(ShortenLabel("exactly10!", 10), "exactly10!");
  EXPECT_EQ(ShortenLabel("longer than ten", 10), "longer th\u2026");
  // Multi-byte characters are never cut in half.
  EXPECT_EQ(ShortenLabel("\u00e9\u00e9\u00e9\u00e9", 3), "\u00e9\u00e9\u2026");
}

}  // namespace
}  // namespace meldpunt::web
