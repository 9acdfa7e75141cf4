#include "sim/output/text_table.hpp"

#include <algorithm>
#include <cstdio>

namespace kpsim::output {

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++w; ++i; continue; }
    const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    w += len >= 3 ? 2 : 1;  // CJK and full-width forms are 3-byte sequences
    i += len;
  }
  return w;
}

std::string fixed(double x, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

TextTable::TextTable(std::vector<std::pair<std::string, Align>> columns) : columns_(std::move(columns)) {}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::add_rule() { rows_.emplace_back(); }

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> width(columns_.size());
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    width[c] = display_width(columns_[c].first);
    for (const auto& r : rows_)
      if (!r.empty()) width[c] = std::max(width[c], display_width(r[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const std::string pad(width[c] - display_width(cells[c]), ' ');
      s += (c ? "  " : "") + (columns_[c].second == Align::right ? pad + cells[c] : cells[c] + pad);
    }
    out << s.substr(0, s.find_last_not_of(' ') + 1) << '\n';
  };
  std::vector<std::string> header;
  for (const auto& col : columns_) header.push_back(col.first);
  line(header);
  std::size_t total = 0;
  for (std::size_t w : width) total += w;
  const std::string rule(total + 2 * (columns_.size() - 1), '-');
  out << rule << '\n';
  for (const auto& r : rows_) {
    if (r.empty()) out << rule << '\n';
    else line(r);
  }
}

}  // namespace kpsim::output
