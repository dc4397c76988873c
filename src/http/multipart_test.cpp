#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <random>

#include "http/request_form.hpp"

namespace meldpunt::http {
namespace {

constexpr std::string_view kBoundary = "----WebKitFormBoundaryx7Qe";

// A body as Chrome and Firefox write it: each part, then the close delimiter and one CRLF.
std::string Body(const std::vector<std::string>& parts) {
  std::string body;
  for (const auto& part : parts) body += "--" + std::string(kBoundary) + "\r\n" + part + "\r\n";
  return body + "--" + std::string(kBoundary) + "--\r\n";
}

std::string Field(const std::string& name, const std::string& value) {
  return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
}

std::string File(const std::string& name, const std::string& filename, const std::string& bytes,
                 const std::string& type = "image/jpeg") {
  return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename +
         "\"\r\nContent-Type: " + type + "\r\n\r\n" + bytes;
}

Result<MultipartForm> Parse(const std::string& body, MultipartLimits limits = {}) {
  return ParseMultipart(body, kBoundary, limits);
}

TEST(MultipartBoundary, ReadsQuotedAndBareBoundariesOfFormDataOnly) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;BOUNDARY=\"a b:c\""), "a b:c");
  EXPECT_FALSE(MultipartBoundary("multipart/mixed; boundary=abc"));
  EXPECT_FALSE(MultipartBoundary("application/x-www-form-urlencoded"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary="));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"ends in space \""));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"a<b\""));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_TRUE(MultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'a')));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=a; boundary=b"));
}

TEST(Multipart, ReturnsFieldsAndFiles) {
  std::string jpeg("\xff\xd8\xff\xe0\0\x10JFIF\r\n--not-the-boundary\r\n", 28);
  auto form = Parse(Body({Field("description", "Regel 1\r\nRegel 2"), Field("anonymous", "yes"),
                          File("evidence", "foto.jpg", jpeg), Field("empty", "")}));
  ASSERT_TRUE(form.ok()) << form.error();
  EXPECT_EQ(form->fields.Get("description"), "Regel 1\r\nRegel 2");
  EXPECT_EQ(form->fields.Get("anonymous"), "yes");
  EXPECT_EQ(form->fields.Get("empty"), "");
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].field, "evidence");
  EXPECT_EQ(form->files[0].filename, "foto.jpg");
  EXPECT_EQ(form->files[0].content_type, "image/jpeg");
  EXPECT_EQ(form->files[0].bytes, jpeg);
}

TEST(Multipart, KeepsOnlyTheLastPartOfAPathAndUtf8Names) {
  auto form = Parse(
      Body({File("evidence", "C:\\Users\\sam\\scan.pdf", "%PDF"),
            File("evidence", "../../etc/passwd", "x"), File("evidence", "f\xc3\xa9te.png", "y")}));
  ASSERT_TRUE(form.ok()) << form.error();
  ASSERT_EQ(form->files.size(), 3u);
  EXPECT_EQ(form->files[0].filename, "scan.pdf");
  EXPECT_EQ(form->files[1].filename, "passwd");
  EXPECT_EQ(form->files[2].filename, "f\xc3\xa9te.png");
}

TEST(Multipart, SkipsAnEmptyFileInput) {
  auto form = Parse(Body({Field("a", "1"), File("evidence", "", "", "application/octet-stream")}));
  ASSERT_TRUE(form.ok()) << form.error();
  EXPECT_TRUE(form->files.empty());
  // A file without a name but with bytes is still a file.
  form = Parse(Body({File("evidence", "", "bytes")}));
  ASSERT_TRUE(form.ok()) << form.error();
  EXPECT_EQ(form->files.size(), 1u);
}

TEST(Multipart, AcceptsAnEmptyFormAndNoFinalCrLf) {
  std::string close = "--" + std::string(kBoundary) + "--";
  EXPECT_TRUE(Parse(close).ok());
  EXPECT_TRUE(Parse(close + "\r\n").ok());
  std::string body = Body({Field("a", "1")});
  body.resize(body.size() - 2);
  EXPECT_TRUE(Parse(body).ok());
}

TEST(Multipart, RefusesMalformedBodies) {
  std::string b(kBoundary);
  std::vector<std::string> bad = {
      "",
      "preamble\r\n" + Body({Field("a", "1")}),                        // preamble
      Body({Field("a", "1")}) + "epilogue",                            // epilogue
      "--" + b + "\r\n" + Field("a", "1"),                             // never closed
      "--" + b + "\r\n" + Field("a", "1") + "\r\n--" + b,              // close without "--"
      Body({"Content-Disposition: form-data; name=\"a\"\r\n"}),        // header never ends
      Body({"\r\nvalue"}),                                             // no headers at all
      Body({"Content-Type: text/plain\r\n\r\nx"}),                     // no disposition
      Body({"Content-Disposition: attachment; name=\"a\"\r\n\r\nx"}),  // not form-data
      Body({"Content-Disposition: form-data\r\n\r\nx"}),               // no name
      Body({"Content-Disposition: form-data; name=\"\"\r\n\r\nx"}),    // empty name
      Body({"Content-Disposition: form-data; name=\"a\r\n\r\nx"}),     // unclosed quote
      Body({"Content-Disposition: form-data; name=\"a\"; filename=\"x\"; filename=\"y\"\r\n\r\n"
            "x"}),                                                               // two file names
      Body({"Content-Disposition: form-data; name=\"a\"\r\n folded\r\n\r\nx"}),  // folded
      Body({"Content-Disposition: form-data; name=\"a\"\r\nBroken header\r\n\r\nx"}),
      Body({"Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; "
            "name=\"b\"\r\n\r\nx"}),                                      // repeated disposition
      Body({"Content-Disposition: form-data; name=\"a\x01\"\r\n\r\nx"}),  // control character
      "--" + b + "garbage\r\n" + Field("a", "1") + "\r\n--" + b + "--",   // boundary run-on
  };
  for (size_t i = 0; i < bad.size(); ++i) {
    EXPECT_FALSE(Parse(bad[i]).ok()) << "case " << i;
  }
}

TEST(Multipart, EnforcesEveryLimit) {
  MultipartLimits limits{.max_parts = 3,
                         .max_part_header_bytes = 120,
                         .max_field_bytes = 5,
                         .max_files = 2,
                         .max_file_bytes = 10,
                         .max_total_file_bytes = 15};
  EXPECT_TRUE(
      Parse(Body({Field("a", "12345"), File("f", "a", "0123456789"), File("f", "b", "01234")}),
            limits)
          .ok());
  EXPECT_EQ(Parse(Body({Field("a", "123456")}), limits).error(), "form field too large");
  EXPECT_EQ(Parse(Body({File("f", "a", "01234567890")}), limits).error(), "file too large");
  EXPECT_EQ(Parse(Body({File("f", "a", "0123456789"), File("f", "b", "012345")}), limits).error(),
            "files too large together");
  EXPECT_EQ(
      Parse(Body({File("f", "a", "1"), File("f", "b", "2"), File("f", "c", "3")}), limits).error(),
      "too many files");
  EXPECT_EQ(
      Parse(Body({Field("a", "1"), Field("b", "2"), Field("c", "3"), Field("d", "4")}), limits)
          .error(),
      "too many parts");
  std::string long_header =
      "Content-Disposition: form-data; name=\"" + std::string(100, 'n') + "\"\r\n\r\nx";
  EXPECT_EQ(Parse(Body({long_header}), limits).error(), "part header too large");
}

TEST(Multipart, FindsTheDelimiterOnlyAtTheStartOfALine) {
  std::string tricky =
      "--" + std::string(kBoundary) + " inside, and \r\n--" + std::string(kBoundary).substr(0, 10);
  auto form = Parse(Body({File("f", "x.bin", tricky)}));
  ASSERT_TRUE(form.ok()) << form.error();
  EXPECT_EQ(form->files[0].bytes, tricky);
}

// A small fuzz run: mutated bodies (bytes flipped, cut, repeated) never crash the parser (the
// ASan build checks every read) and never give more than the limits allow.
TEST(Multipart, SurvivesMutatedBodies) {
  std::string seed =
      Body({Field("description", "tekst"), File("evidence", "a.jpg", "\xff\xd8 data"),
            File("evidence", "b.pdf", "%PDF-1.4"), Field("anonymous", "yes")});
  MultipartLimits limits{.max_parts = 4, .max_files = 2, .max_file_bytes = 64};
  std::mt19937 random(12345);
  int parsed = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string body = seed;
    int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits && !body.empty(); ++e) {
      size_t at = random() % body.size();
      switch (random() % 4) {
        case 0:
          body[at] = static_cast<char>(random());
          break;
        case 1:
          body.erase(at, random() % 16);
          break;
        case 2:
          body.insert(at, body.substr(random() % body.size(), random() % 32));
          break;
        case 3:
          body.resize(at);
          break;
      }
    }
    auto form = Parse(body, limits);
    if (!form) continue;
    ++parsed;
    EXPECT_LE(form->files.size(), limits.max_files);
    EXPECT_LE(form->fields.fields.size() + form->files.size(), limits.max_parts);
    for (const auto& file : form->files) EXPECT_LE(file.bytes.size(), limits.max_file_bytes);
  }
  EXPECT_GT(parsed, 0);  // some mutations leave a valid body
}

TEST(RequestForm, ChoosesTheParserByContentType) {
  Request request;
  request.body = "a=1&b=x+y";
  auto urlencoded = ParseRequestForm(request, {});
  ASSERT_TRUE(urlencoded.ok());
  EXPECT_EQ(urlencoded->fields.Get("b"), "x y");

  request.headers = {{"content-type", "multipart/form-data; boundary=" + std::string(kBoundary)}};
  request.body = Body({Field("a", "1"), File("evidence", "a.pdf", "%PDF-1.4")});
  FormLimits limits;
  EXPECT_EQ(ParseRequestForm(request, limits).error(), "too many files");  // none allowed
  limits.multipart.max_files = 5;
  auto multipart = ParseRequestForm(request, limits);
  ASSERT_TRUE(multipart.ok()) << multipart.error();
  EXPECT_EQ(multipart->fields.Get("a"), "1");
  EXPECT_EQ(multipart->files.size(), 1u);

  limits.max_fields = 0;
  EXPECT_FALSE(ParseRequestForm(request, limits).ok());
  request.headers = {{"content-type", "multipart/form-data"}};
  EXPECT_FALSE(ParseRequestForm(request, {}).ok());
}

}  // namespace
}  // namespace meldpunt::http
