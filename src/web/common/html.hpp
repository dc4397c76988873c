#pragma once
// Escaping for HTML text and attribute values: what every value in a page goes through unless a
// template marks it as already-safe HTML.
#include <string>
#include <string_view>

namespace meldpunt::web {

std::string EscapeHtml(std::string_view text);

}  // namespace meldpunt::web
