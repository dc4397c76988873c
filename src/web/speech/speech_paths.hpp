#pragma once
// The read-aloud URLs (speech/, issue 15). They belong in web/paths.hpp with the others; they are
// here while the feature is built next to other work on the same files, and move there in one step.
namespace meldpunt::web {

// speech/: read-aloud (voorlezen, issue 15). A section of a page's text as audio
// (?taal=<language code>&v=<text version>), the reporter's own typed text read back (POST), and the
// choice of the speech language (?taal=<code>&terug=<page>).
inline constexpr const char* kReadAloudSectionPath = "/voorlezen/{page}/{section}";
inline constexpr const char* kReadAloudTextPath = "/voorlezen/tekst";
inline constexpr const char* kReadAloudLanguagePath = "/voorlezen/taal";
inline constexpr const char* kReadAloudPrefix = "/voorlezen/";

}  // namespace meldpunt::web
