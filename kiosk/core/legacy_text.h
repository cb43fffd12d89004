#pragma once
// Calendar files from older Windows programs come in Windows-1252 (Latin-1 with the
// printer's quotes and the euro sign), not UTF-8: "K\xE4velyretki". Such a file is read
// as Windows-1252 rather than shown with replacement characters.
#include <optional>
#include <string>
#include <string_view>

namespace olohuone {

// `text` in UTF-8 when it is no UTF-8 at all: it has bytes of 0x80 and above, none of
// them in a valid UTF-8 sequence. None when it is UTF-8 (or plain ASCII), even with a
// stray byte or two, which the importer replaces with U+FFFD.
std::optional<std::string> windows_1252_as_utf8(std::string_view text);

} // namespace olohuone
