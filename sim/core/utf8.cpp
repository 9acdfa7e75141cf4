#include "sim/core/utf8.hpp"

#include <iconv.h>

#include <cerrno>
#include <vector>

#include <cstdio>

namespace kpsim::core {
namespace {

// Bytes of the valid sequence starting at i, or 0.
std::size_t sequence_length(std::string_view t, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  const std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > t.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
  if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
  if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // past U+10FFFF
  return n;
}

}  // namespace

std::optional<Utf8Error> first_invalid_utf8(std::string_view text) {
  Utf8Error e;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0) {
      e.offset = i;
      for (std::size_t k = i; k < text.size() && k < i + 4; ++k) {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text[k]));
        e.bytes += (k > i ? " " : "") + std::string(hex);
      }
      return e;
    }
    if (text[i] == '\n') ++e.line, e.column = 1;
    else ++e.column;
    i += n;
  }
  return std::nullopt;
}

std::optional<std::string> gb18030_to_utf8(std::string_view text) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;  // no converter in this C library
  std::string out;
  std::vector<char> buffer(4096);
  char* in = const_cast<char*>(text.data());
  std::size_t left = text.size();
  bool ok = true;
  while (left > 0) {
    char* to = buffer.data();
    std::size_t room = buffer.size();
    const std::size_t done = iconv(cd, &in, &left, &to, &room);
    out.append(buffer.data(), static_cast<std::size_t>(to - buffer.data()));
    if (done == static_cast<std::size_t>(-1) && errno != E2BIG) {
      ok = false;  // EILSEQ or EINVAL: not GB18030 (or cut in the middle of a character)
      break;
    }
  }
  iconv_close(cd);
  if (!ok || first_invalid_utf8(out)) return std::nullopt;
  return out;
}

}  // namespace kpsim::core
