// A result table before it becomes a CSV file, a workbook sheet or terminal
// text: typed cells, so that numbers stay numbers and dates stay dates in
// the spreadsheet, and each table is described once.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sim/core/date.hpp"

namespace kpsim::tables {

struct Cell {
  enum class Kind : std::uint8_t { empty, text, number, share, date };
  Kind kind = Kind::empty;
  std::string text;
  double value = 0;      // number or share (0.25 = 25%)
  int decimals = 0;      // number: decimals; share: decimals of the percentage
  core::Date date;
  int shown = -1;        // decimals a workbook displays, when fewer than it stores (money)
  const char* display = nullptr;  // text: what a workbook shows instead (an enumerated value in Chinese; a literal)

  static Cell of(std::string s) { return {Kind::text, std::move(s), 0, 0, {}, -1, nullptr}; }
  // An enumerated value: its code in the CSV, its Chinese name in the workbook.
  static Cell choice(std::string code, const char* shown_as) {
    Cell c = of(std::move(code));
    c.display = shown_as;
    return c;
  }
  // NaN makes an empty cell.
  static Cell number(double x, int decimals);
  static Cell share(double x, int percent_decimals = 1);
  // An amount of money: six decimals in the CSV (and stored in the
  // workbook), shown to two there, as planners read it.
  static Cell money(double x);
  static Cell day(core::Date d) { return {Kind::date, {}, 0, 0, d, -1, nullptr}; }
  static Cell blank() { return {}; }
};

struct Sheet {
  std::string csv;     // file name of its CSV form ("" if none)
  std::string title;   // sheet name in the workbook (at most 31 characters)
  std::vector<std::string> notes;   // lines above the table in the workbook
  std::vector<std::string> header;  // CSV column names
  std::vector<std::string> labels;  // workbook column labels (default: header)
  std::vector<std::vector<Cell>> rows;
};

}  // namespace kpsim::tables
