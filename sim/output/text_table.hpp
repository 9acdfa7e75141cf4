// Aligned plain-text tables for the terminal; Chinese characters count as
// two columns so that names line up.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kpsim::output {

std::size_t display_width(std::string_view utf8);

// A number with a fixed count of decimals, for tables.
std::string fixed(double x, int decimals);

class TextTable {
 public:
  enum class Align { left, right };
  explicit TextTable(std::vector<std::pair<std::string, Align>> columns);
  void add_row(std::vector<std::string> cells);
  void add_rule();  // a separator line
  void print(std::ostream& out) const;

 private:
  std::vector<std::pair<std::string, Align>> columns_;
  std::vector<std::vector<std::string>> rows_;  // empty row = rule
};

}  // namespace kpsim::output
