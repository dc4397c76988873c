#pragma once
// QR codes as inline SVG, made on the server with libqrencode: the enrolment page needs no
// script, no image request and nothing from a third party.
#include <string>
#include <string_view>

namespace meldpunt::web {

// An <svg> element (role="img" with the label given, already translated) showing text as a QR
// code with error correction level M and a quiet zone of four modules. Throws when the text is too
// long for a QR code.
std::string QrSvg(std::string_view text, std::string_view label);

}  // namespace meldpunt::web
