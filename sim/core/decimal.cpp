#include "sim/core/decimal.hpp"

#include <charconv>
#include <cmath>

namespace kpsim::core {

std::string decimal(double x, int decimals) {
  if (std::isnan(x)) return {};
  if (x == 0) x = 0;  // no "-0.000000"
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
  std::string s(buf, ec == std::errc{} ? p : buf);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // rounds to zero
  return s;
}

std::string shortest(double x) {
  char buf[64];
  const auto [p, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, ec == std::errc() ? p : buf);
}

}  // namespace kpsim::core
