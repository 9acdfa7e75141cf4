#include "sim/io/csv_writer.hpp"

#include <charconv>
#include <cmath>

namespace kpsim::io {

std::string csv_text(std::string_view s) {
  std::string v(s);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string csv_number(double x, int decimals) {
  if (std::isnan(x)) return {};
  if (x == 0) x = 0;  // no "-0.000000"
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
  std::string s(buf, ec == std::errc{} ? p : buf);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // rounds to zero
  return s;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cells[i];
  out << '\n';
}

}  // namespace kpsim::io
