#include "sim/output/csv_writer.hpp"

#include "sim/core/decimal.hpp"

namespace kpsim::output {

std::string csv_text(std::string_view s) {
  std::string v(s);
  // A spreadsheet runs =, +, - and @ as a formula, also after a leading tab
  // or carriage return (OWASP's CSV injection list).
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(0, "'");
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string csv_number(double x, int decimals) { return core::decimal(x, decimals); }

void write_csv_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cells[i];
  out << '\n';
}

}  // namespace kpsim::output
