#pragma once
// Names for downloaded files that every system and archive tool accepts.
#include <string>
#include <string_view>

namespace meldpunt::exports {

// Lower-case ASCII letters and digits joined by single "-": accented Latin letters lose their
// accent ("Súdwest-Fryslân" -> "sudwest-fryslan"), apostrophes disappear ("'s-Hertogenbosch" ->
// "s-hertogenbosch"), everything else separates words. At most 60 characters; "x" when nothing
// is left.
std::string FileNameSlug(std::string_view text);

}  // namespace meldpunt::exports
