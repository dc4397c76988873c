#pragma once
// The texts of the error pages: one list, used by the error pages (pages.cpp) and by read-aloud,
// which reads each of them like any other public page (web/speech/read_aloud.cpp).
#include <span>

namespace meldpunt::web {

struct ErrorText {
  int status;
  const char* slug;   // its name in the read-aloud URL (/voorlezen/<slug>/...)
  const char* title;  // English message ids, translated where shown
  const char* explanation;
};

// The error page of each status (the first, 400, also stands for any status not listed).
std::span<const ErrorText> StatusErrorTexts();
// The 403 for a form whose anti-forgery token is missing, stale or not this browser's.
const ErrorText& FormExpiredText();

}  // namespace meldpunt::web
