#pragma once
// Reading a rendered PDF back with poppler-utils (pdftotext, pdfinfo), for tests only.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace meldpunt::letters {

// Whether an executable of that name is on PATH.
inline bool OnPath(const std::string& tool) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (!dir.empty() && access((dir + "/" + tool).c_str(), X_OK) == 0) return true;
  }
  return false;
}

// What `<command> <file> <after>` prints, with the PDF in a temporary file.
inline std::string RunOnPdf(const std::string& command, const std::string& after,
                            const std::string& pdf) {
  char name[] = "/tmp/meldpunt-letter-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0) return {};
  close(fd);
  std::ofstream(name, std::ios::binary) << pdf;
  std::string output;
  if (FILE* out = popen((command + " " + name + " " + after + " 2>/dev/null").c_str(), "r")) {
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, out)) > 0;) output.append(buffer, n);
    pclose(out);
  }
  unlink(name);
  return output;
}

inline std::string PdfToText(const std::string& pdf) {
  return RunOnPdf("pdftotext -enc UTF-8", "-", pdf);
}

// The number of pages pdfinfo reports, or 0.
inline int PdfPages(const std::string& pdf) {
  std::string info = RunOnPdf("pdfinfo", "", pdf);
  size_t at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

}  // namespace meldpunt::letters
