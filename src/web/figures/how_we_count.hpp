#pragma once
// The public page that explains how the figures are counted (/cijfers/uitleg, Dutch and English):
// the year basis, one report once in every total, several grounds, sub-grounds, mass reports,
// small numbers, merged municipalities, and where it happened against where the reporter lives.
// Every figures page links to it, and every file whose text has room names its address.
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

http::Response HowWeCountPage(const AppContext& app, const http::Request& request);

// The page's full address for files (the XLSX, the PDF, the archive's README): the site's public
// address (WebOptions::public_url) followed by kHowWeCountPath.
std::string HowWeCountUrl(const AppContext& app);

}  // namespace meldpunt::web
