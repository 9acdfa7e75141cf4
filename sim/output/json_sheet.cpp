#include "sim/output/json_sheet.hpp"

#include <algorithm>
#include <cmath>

namespace kpsim::output {
namespace {

using Json = nlohmann::ordered_json;
using tables::Cell;

// Stable, readable numbers: rounded to the cell's decimals.
Json number(double x, double scale) {
  if (std::isnan(x)) return nullptr;
  return std::round(x * scale) / scale;
}

Json cell_json(const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::empty: return nullptr;
    case Cell::Kind::text: return cell.text;
    case Cell::Kind::number: return number(cell.value, std::pow(10.0, cell.decimals));
    case Cell::Kind::share: return number(cell.value, std::pow(10.0, cell.decimals + 2));
    case Cell::Kind::date: return cell.date.iso();
  }
  return nullptr;
}

}  // namespace

Json sheet_json(const tables::Sheet& sheet, const std::vector<std::string>& columns) {
  std::vector<std::size_t> picked;
  if (columns.empty()) {
    for (std::size_t c = 0; c < sheet.header.size(); ++c) picked.push_back(c);
  } else {
    for (const std::string& name : columns) {
      const auto it = std::find(sheet.header.begin(), sheet.header.end(), name);
      if (it != sheet.header.end()) picked.push_back(static_cast<std::size_t>(it - sheet.header.begin()));
    }
  }
  Json rows = Json::array();
  for (const auto& cells : sheet.rows) {
    Json row = Json::object();
    for (std::size_t c : picked)
      if (c < cells.size()) row[sheet.header[c]] = cell_json(cells[c]);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace kpsim::output
