// Checking that text is UTF-8, as every file kpsim reads must be: names go
// into CSV, JSON and workbook XML, which cannot carry stray bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kpsim::core {

struct Utf8Error {
  std::size_t offset = 0;  // of the first byte that is not valid UTF-8
  int line = 1, column = 1;  // 1-based; the column counts characters
  std::string bytes;       // up to four bytes from there, as hex ("B9 FA")
};

// Nothing when `text` is valid UTF-8 (no overlong forms, surrogates or code
// points past U+10FFFF).
std::optional<Utf8Error> first_invalid_utf8(std::string_view text);

// The text read as GB18030 (which contains GBK, what Excel on Chinese
// Windows saves "CSV" in), converted to UTF-8; nothing when it is not
// valid GB18030 either. Line breaks and the count of characters per line
// are kept, so positions found in the result are positions in the file.
std::optional<std::string> gb18030_to_utf8(std::string_view text);

}  // namespace kpsim::core
